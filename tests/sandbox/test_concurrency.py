"""16 clients at once for several seconds: no error, no lost update."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter

from zeep import Client, Settings
from zeep.transports import Transport

from sandbox.control import SandboxControl, SandboxControlError

from .helpers import BINDING, items, login

RUN_SECONDS = 8.0
START_QUANTITY = 999


def test_sixteen_clients_keep_the_books_straight(server, control, zeep_client):
    control.reset(demo=False)
    offers = control.add_offers([{"title": f"Kawa ziarnista {i} kg", "quantity": START_QUANTITY,
                                  "price": 50 + i} for i in range(6)])
    deadline = time.monotonic() + RUN_SECONDS
    bought: Counter[int] = Counter()
    errors: list[str] = []
    calls = Counter()
    lock = threading.Lock()

    def buyer(index: int) -> None:
        rng = random.Random(index)
        own = SandboxControl(server.base_url)
        while time.monotonic() < deadline:
            offer = rng.choice(offers)
            try:
                own.purchase(offer, buyer=f"klient_{index}", quantity=1, paid=True)
            except SandboxControlError as exc:
                with lock:
                    errors.append(f"purchase: {exc}")
                return
            with lock:
                bought[offer] += 1
                calls["purchase"] += 1

    def seller(index: int) -> None:
        rng = random.Random(100 + index)
        # Each client has its own transport (HTTP session); the parsed WSDL is shared.
        client = Client(zeep_client.wsdl, settings=Settings(strict=True),
                        transport=Transport(timeout=10, operation_timeout=30))
        api = client.create_service(BINDING, server.url)
        try:
            session = login(api)
            while time.monotonic() < deadline:
                offer = rng.choice(offers)
                if rng.random() < 0.8:
                    answer = api.doChangeQuantityItem(sessionHandle=session, itemId=offer,
                                                      newItemQuantity=START_QUANTITY)
                    if answer.itemQuantityLeft + answer.itemQuantitySold != START_QUANTITY:
                        raise AssertionError(f"inconsistent answer {answer}")
                    key = "doChangeQuantityItem"
                else:
                    [info] = items(api.doGetItemsInfo(sessionHandle=session,
                                                      itemsIdArray={"item": [offer]})
                                   .arrayItemListInfo)
                    if info.itemInfo.itStartingQuantity != START_QUANTITY:
                        raise AssertionError("the initial quantity moved")
                    key = "doGetItemsInfo"
                with lock:
                    calls[key] += 1
        except Exception as exc:  # noqa: BLE001 - every failure is reported by the test
            with lock:
                errors.append(f"seller {index}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=buyer, args=(i,)) for i in range(8)]
    threads += [threading.Thread(target=seller, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=RUN_SECONDS + 30)
    assert not any(t.is_alive() for t in threads), "a client hung"
    assert errors == []
    assert calls["purchase"] > 100 and calls["doChangeQuantityItem"] > 100

    # The books add up: every purchase is in the offer, the forms and the journal.
    state = {o["offer_id"]: o for o in control.offers(offers)}
    for offer in offers:
        assert state[offer]["sold_quantity"] == bought[offer]
        assert state[offer]["quantity"] == START_QUANTITY - bought[offer]
    forms = control.forms()
    assert len(forms) == sum(bought.values())
    assert Counter(f["items"][0]["offer_id"] for f in forms) == bought
    assert len(control.journal()) == 3 * sum(bought.values())
    executed = control.calls()["executed"]
    assert executed["doChangeQuantityItem"] == calls["doChangeQuantityItem"]
