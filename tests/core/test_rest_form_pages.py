"""Checkout forms read in pages of their purchase window (GET /order/checkout-forms, 100 a
call) against the sandbox's REST face, with merged forms, late payments and lost answers."""
from __future__ import annotations

import pytest

from core.allegro.errors import AllegroError
from core.allegro.rest.ledger import MemoryLedger
from core.allegro.rest.marketplace import RestMarketplace
from tests.rest_tokens import SandboxTokens
from tests.sandbox_fixtures import make_sandbox_fixtures

rest_server, rest_control = make_sandbox_fixtures("module", server_name="rest_server", control_name="rest_control")

LIST, ONE, EVENTS = "getListOfOrdersUsingGET", "getOrdersDetailsUsingGET", "getOrderEventsUsingGET"


@pytest.fixture
def shop(rest_control):
    rest_control.reset(demo=False)
    rest_control.clear_faults()
    return rest_control


@pytest.fixture
def market(shop, rest_server):
    adapter = RestMarketplace(rest_server.rest_url, SandboxTokens(rest_server.rest_url, shop), timeout=10,
                              ledger=MemoryLedger())
    yield adapter
    adapter.close()


def _buy(shop, n: int, title: str = "Kubek", **purchase) -> list[str]:
    """The offer ids as the port carries them: Allegro's numeric strings."""
    offers = shop.add_offers([{"title": f"{title} {k}", "quantity": 5} for k in range(n)])
    for offer in offers:
        shop.purchase(offer, **purchase)
    return [str(offer) for offer in offers]


def _form_numbers(market, after=None) -> list:
    """The forms the journal names after event `after`, in its order (what the engine asks for)."""
    deals = [deal for page in market.journal(after) for deal in page]
    market.last_event = deals[-1].event_id if deals else after
    return list(dict.fromkeys(d.transaction_id for d in deals if d.transaction_id))


def _counts(shop) -> dict:
    return shop.calls()["counts"]


def test_two_hundred_fifty_new_orders_are_read_in_three_list_calls_each_form_once(market, shop):
    offers = _buy(shop, 250)
    numbers = _form_numbers(market)
    shop.reset_calls()
    forms = market.post_buy_forms(numbers + numbers[:40])  # a form named twice is read once
    counts = _counts(shop)
    assert counts.get(LIST) == 3 and counts.get(ONE, 0) == 0
    assert [f.form_id for f in forms] == numbers
    assert sorted(item.offer_id for f in forms for item in f.items) == sorted(offers)


def test_a_merged_form_is_noted_and_its_purchases_come_under_the_new_form(market, shop):
    offers = _buy(shop, 30, buyer="ola_nowak", paid=False)
    before = _form_numbers(market)
    first, second = (f["form_id"] for f in shop.forms()[:2])
    merged = shop.merge_forms([first, second])
    numbers = list(dict.fromkeys(before + _form_numbers(market)))  # the new form's events follow
    shop.reset_calls()
    forms = market.post_buy_forms(numbers)
    assert len(market.merged_away) == 2  # the two old forms answered 404
    assert _counts(shop).get(ONE) == 2  # only the forms the pages did not return
    new = [f for f in forms if len(f.items) == 2]
    assert len(new) == 1 and {i.offer_id for i in new[0].items} == set(offers[:2])
    assert merged["form_id"] and len(forms) == 29
    assert sorted(i.offer_id for f in forms for i in f.items) == sorted(offers)


def test_a_late_payment_of_an_old_purchase_is_read_by_id_not_by_paging_the_days_between(market, shop):
    old_offer = _buy(shop, 1, title="Stary", paid=False)[0]
    old_form = shop.forms()[0]["form_id"]
    _form_numbers(market)
    shop.advance_clock(days=3)
    _buy(shop, 150, title="Między")  # bought and imported in between
    _form_numbers(market, market.last_event)
    shop.advance_clock(days=1)
    _buy(shop, 20, title="Nowy")
    shop.pay_form(old_form)
    numbers = _form_numbers(market, market.last_event)  # the 20 new purchases and the late payment
    assert len(numbers) == 21
    shop.reset_calls()
    forms = market.post_buy_forms(numbers)
    counts = _counts(shop)
    assert counts.get(LIST) == 1 and counts.get(ONE) == 1
    assert len(forms) == 21 and old_offer in {i.offer_id for f in forms for i in f.items}


def test_an_answer_lost_between_pages_stops_the_read_as_before(market, shop):
    _buy(shop, 150)
    numbers = _form_numbers(market)
    send = market.http.request

    def lose_the_second_page(method, path, **kw):
        if path == "/order/checkout-forms" and kw.get("params", {}).get("offset"):
            shop.set_faults(rules=[{"operation": LIST, "kind": "drop", "count": 1}])
        return send(method, path, **kw)

    market.http.request = lose_the_second_page
    with pytest.raises(AllegroError):
        market.post_buy_forms(numbers)
    market.http.request = send
    assert len(market.post_buy_forms(numbers)) == 150  # the engine's next run reads them all


def test_forms_no_event_dated_are_read_by_id(market, shop, rest_server):
    _buy(shop, 3)
    numbers = _form_numbers(market)
    # a run that read no events (recovery after a crash)
    fresh = RestMarketplace(rest_server.rest_url, SandboxTokens(rest_server.rest_url, shop), timeout=10)
    shop.reset_calls()
    forms = fresh.post_buy_forms(numbers)
    fresh.close()
    assert [f.form_id for f in forms] == numbers
    assert _counts(shop).get(ONE) == 3 and _counts(shop).get(LIST, 0) == 0


def test_a_few_forms_among_many_bought_together_stop_paging_once_by_id_is_fewer_calls(market, shop):
    _buy(shop, 250, paid=False)
    market.post_buy_forms(_form_numbers(market))  # imported unpaid
    every = [f["form_id"] for f in shop.forms()]
    shop.pay_form(every[0])
    shop.pay_form(every[-1])
    numbers = _form_numbers(market, market.last_event)
    shop.reset_calls()
    forms = market.post_buy_forms(numbers)  # the window's first page holds only the first
    counts = _counts(shop)
    assert counts.get(LIST) == 1 and counts.get(ONE) == 1  # not the two pages left of the window
    assert len(forms) == 2 and all(f.pay_status == "PAID" for f in forms)


def test_forms_a_page_read_ahead_are_handed_to_the_next_batch_only_while_no_event_changed_them(market, shop):
    _buy(shop, 250, paid=False)
    numbers = _form_numbers(market)
    shop.reset_calls()
    first = market.post_buy_forms(numbers[:100])
    assert _counts(shop).get(LIST) == 3  # the window's pages also hold the other 150 the journal named
    shop.pay_form(shop.forms()[-1]["form_id"])
    numbers += _form_numbers(market, market.last_event)  # its payment comes after the read-ahead
    second = market.post_buy_forms(numbers[100:200])
    third = market.post_buy_forms(numbers[200:])
    counts = _counts(shop)
    assert counts.get(LIST) == 3 and counts.get(ONE) == 1  # only the form paid since is read again
    assert len(first) + len(second) + len(third) == 250
    assert third[-1].pay_status == "PAID" and not any(f.pay_status == "PAID" for f in first + second)
