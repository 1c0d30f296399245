"""The control interface and the demo shop."""

from __future__ import annotations

import time

import pytest

from sandbox.control import SandboxControlError

POLISH = set("ąęłóśżźćńĄĘŁÓŚŻŹĆŃ")
OFFER_KEYS = {"offer_id", "title", "format", "state", "quantity", "start_quantity",
              "sold_quantity", "bids", "highest_bid", "price", "start_time", "end_time",
              "ended_at", "ended_by", "relisted_from", "local_id"}


def test_empty_shop_keeps_the_account(control, api):
    state = control.reset(demo=False)
    assert state["offers"]["total"] == 0 and state["journal_events"] == 0
    assert control.offers() == [] and control.journal() == [] and control.forms() == []
    from .helpers import login

    session = login(api)
    assert api.doGetMySellItems(sessionId=session).sellItemsCounter == 0


def test_demo_shop_is_what_a_new_user_meets(control):
    state = control.reset(seed=1)
    offers = control.offers()
    assert 55 <= len(offers) <= 65 and state["offers"]["total"] == len(offers)
    assert set(offers[0]) >= OFFER_KEYS
    formats = {o["format"] for o in offers}
    assert formats == {"buy_now", "auction"}
    assert any(o["format"] == "auction" and o["state"] == "active" and o["bids"] for o in offers)
    assert {o["state"] for o in offers} == {"active", "ended", "scheduled"}
    assert {o["ended_by"] for o in offers} >= {"seller", "time", "sold_out"}
    assert sum(1 for o in offers if set(o["title"]) & POLISH) >= 30
    assert all(len(o["title"]) <= 50 for o in offers)
    assert state["buyers"] >= 5
    forms = control.forms()
    recent = [f for f in forms if f["created_at"] > control.now() - 14 * 86400]
    assert len(recent) >= 5
    assert any(f["address"]["city"] and set(f["address"]["full_name"]) & POLISH for f in forms)
    assert {e["type"] for e in control.journal()} == {1, 2, 3, 4}


def test_demo_is_the_same_for_a_seed(control):
    def fingerprint():
        return [(o["offer_id"], o["title"], o["format"], o["state"], o["start_quantity"],
                 o["sold_quantity"], o["bids"], o["price"]) for o in control.offers()]

    control.reset(seed=5)
    first = fingerprint()
    control.reset(seed=5)
    assert fingerprint() == first
    control.reset(seed=6)
    assert fingerprint() != first
    control.reset(seed=5, offers=150)
    assert len(control.offers()) == 150


def test_bulk_offers_twenty_thousand_quickly(control):
    control.reset(demo=False)
    specs = [{"title": f"Produkt hurtowy nr {i}", "format": "buy_now" if i % 5 else "auction",
              "quantity": 1 + i % 50, "price": 10 + i % 90,
              "duration_days": 7 if i % 5 == 0 else 0} for i in range(20_000)]
    started = time.perf_counter()
    ids = control.add_offers(specs)
    assert time.perf_counter() - started < 5
    assert len(ids) == len(set(ids)) == 20_000
    state = control.state()
    assert state["offers"]["active"] == 20_000
    picked = control.offers(ids[:3])
    assert [o["title"] for o in picked] == [s["title"] for s in specs[:3]]


@pytest.mark.parametrize("spec, message", [
    ({"format": "buy_now", "quantity": 1, "price": 5}, "title"),
    ({"title": "x" * 51, "quantity": 1, "price": 5}, "title"),
    ({"title": "Ok", "format": "barter"}, "format"),
    ({"title": "Ok", "quantity": 0}, "quantity"),
    ({"title": "Ok", "quantity": 1000}, "quantity"),
    ({"title": "Ok", "price": -1}, "price"),
    ({"title": "Ok", "format": "auction", "duration_days": 0}, "duration"),
])
def test_bad_offer_specs_create_nothing(control, spec, message):
    control.reset(demo=False)
    with pytest.raises(SandboxControlError) as caught:
        control.add_offers([{"title": "Dobra oferta", "quantity": 1, "price": 5}, spec])
    assert caught.value.status == 400 and message in caught.value.message
    assert control.offers() == []


def test_purchase_refusals(control):
    control.reset(demo=False)
    offer = control.add_offer("Szalik wełniany", quantity=2, price=69)
    auction = control.add_offer("Aukcja: mapa Polski 1930", format="auction", price=200)
    with pytest.raises(SandboxControlError) as caught:
        control.purchase(offer, quantity=3)
    assert caught.value.status == 409
    with pytest.raises(SandboxControlError) as caught:
        control.purchase(auction)
    assert caught.value.status == 409
    with pytest.raises(SandboxControlError) as caught:
        control.purchase(123)
    assert caught.value.status == 404
    control.purchase(offer, quantity=2)
    with pytest.raises(SandboxControlError) as caught:
        control.purchase(offer)
    assert caught.value.status == 409 and "ended" in caught.value.message


def test_bids_must_rise(control):
    control.reset(demo=False)
    auction = control.add_offer("Aukcja: moneta 5 zł 1934", format="auction", price=100)
    assert control.bid(auction)["highest_bid"] == 100
    with pytest.raises(SandboxControlError) as caught:
        control.bid(auction, amount=100)
    assert caught.value.status == 409
    result = control.bid(auction, buyer="numizmatyk", amount=180)
    assert result["bids"] == 2 and result["highest_bid"] == 180
    offer = control.offer(auction)
    assert offer["bids"] == 2 and offer["highest_bid"] == 180


def test_cancel_and_pay_forms(control):
    control.reset(demo=False)
    offer = control.add_offer("Czapka z pomponem", quantity=5, price=39)
    unpaid = control.purchase(offer, paid=False)["form_id"]
    control.pay_form(unpaid)
    assert [e["type"] for e in control.journal()][-1] == 4
    control.cancel_form(unpaid)
    assert [e["type"] for e in control.journal()][-1] == 3
    with pytest.raises(SandboxControlError):
        control.cancel_form(unpaid)
    with pytest.raises(SandboxControlError) as caught:
        control.cancel_form(42)
    assert caught.value.status == 404


def test_version_key_control(control):
    assert control.set_version_key() == 1506
    assert control.set_version_key(3000) == 3000
    assert control.state()["version_key"] == 3000
    with pytest.raises(SandboxControlError):
        control.set_version_key(-1)
    assert control.reset()["version_key"] == 1505


def test_state_counts(control):
    state = control.state()
    assert state["seller"]["login"] == "sandbox-seller"
    assert state["forms"] == len(control.forms())
    assert state["journal_events"] == len(control.journal())
    assert abs(state["now"] - time.time()) < 5


def test_the_offer_list_is_exactly_the_json_of_every_offer(server, control, api):
    """GET /sandbox/offers is written directly (fast); it says what json.dumps would."""
    import json

    from .helpers import login

    control.reset(seed=1)
    session = login(api)
    ended = control.add_offers([{"title": f"Do ponownego wystawienia {i}", "price": 5.5}
                                for i in range(2)])
    api.doFinishItems(sessionHandle=session,
                      finishItemsList={"item": [{"finishItemId": i} for i in ended]})
    api.doSellSomeAgain(sessionHandle=session, sellItemsArray={"item": ended},
                        sellStartingTime=0, sellAuctionDuration=7, sellOptions=1,
                        localIds={"item": [901, 902]})
    control.add_offers([{"title": 'Cytat "w cudzysłowie" \\ ukośnik\n\t\u2028 ☃ 😀',
                         "price": 12, "quantity": 3, "category_id": 7}])
    offers = server.shop.offers_view()
    assert any(o["hidden"] for o in offers) and any(o["local_id"] for o in offers)
    assert any(o["highest_bid"] for o in offers) and any(o["relisted_from"] for o in offers)
    assert server.shop.offers_json() == json.dumps(
        offers, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    some = [offers[3]["offer_id"], offers[0]["offer_id"], 12345]
    assert control.offers(some) == [offers[3], offers[0]]
    assert control.offers() == offers


def test_edit_offer_does_what_a_seller_does_on_allegro_pl(control):
    control.reset(demo=False)
    offer = control.add_offer("Dzbanek", quantity=5, price=40)
    control.purchase(offer, quantity=2)
    changed = control.edit_offer(offer, quantity=9, title="Dzbanek gliniany")
    assert (changed["quantity"], changed["sold_quantity"], changed["title"]) == (9, 2, "Dzbanek gliniany")
    ended = control.edit_offer(offer, end=True)
    assert (ended["state"], ended["ended_by"], ended["quantity"]) == ("ended", "seller", 9)
    relisted = control.edit_offer(offer, relist=True)
    assert relisted["relisted_from"] == offer and relisted["state"] == "active" and relisted["quantity"] == 9
    for bad, status in (({"quantity": 0}, 400), ({"quantity": "5"}, 400), ({"title": ""}, 400), ({"end": True}, 409)):
        with pytest.raises(SandboxControlError) as caught:
            control.edit_offer(offer, **bad)
        assert caught.value.status == status, bad
    with pytest.raises(SandboxControlError) as caught:
        control.edit_offer(relisted["offer_id"], relist=True)
    assert caught.value.status == 409 and "has not ended" in caught.value.message


def test_refused_packages_are_refused_until_a_reset(control):
    control.reset(demo=False)
    assert control.refuse_packages(["RUCH12345"]) == {"refused": ["RUCH12345"]}
    with pytest.raises(SandboxControlError) as caught:
        control.refuse_packages("RUCH12345")
    assert caught.value.status == 400
    control.reset(demo=False)
    assert control.refuse_packages([]) == {"refused": []}
