"""The REST adapter against the sandbox's REST face on 127.0.0.1: reads, quantity and
publication commands with their task reports, relists, and answers lost in transit."""
from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from core.allegro.port import FinishRequest, OfferFormat, OfferState, QuantityChange, RelistRequest
from core.allegro.rest.ledger import MemoryLedger
from core.allegro.rest.marketplace import RestMarketplace
from tests.rest_tokens import SandboxTokens
from tests.sandbox_fixtures import make_sandbox_fixtures

rest_server, rest_control = make_sandbox_fixtures("module", server_name="rest_server", control_name="rest_control")


@pytest.fixture
def shop(rest_control):
    rest_control.reset(demo=False)
    rest_control.clear_faults()
    rest_control.rest_settings(command_delay_seconds=0)
    return rest_control


@pytest.fixture
def market(shop, rest_server):
    tokens = SandboxTokens(rest_server.rest_url, shop)
    adapter = RestMarketplace(rest_server.rest_url, tokens, timeout=10, ledger=MemoryLedger())
    adapter.tokens = tokens
    yield adapter
    adapter.close()


def test_login_reads_the_account_behind_the_token(market):
    info = market.login()
    assert info.user_id == 48213751
    assert market.account_login() == "sandbox-seller"


def test_offers_lists_every_active_offer_across_pages_with_its_stock(market, shop):
    ids = shop.add_offers([{"title": f"Kubek {n}", "quantity": n + 1} for n in range(5)])
    ids = [str(i) for i in ids]  # Allegro's offer numbers, as the port carries them
    found = {o.offer_id: o for o in market.offers()}
    assert set(ids) <= set(found)
    assert [found[i].quantity for i in ids] == [1, 2, 3, 4, 5]
    assert all(found[i].state is OfferState.ACTIVE and found[i].format is OfferFormat.BUY_NOW for i in ids)


def test_offers_by_id_leaves_out_unknown_ids(market, shop):
    first = shop.add_offer("Lampa", quantity=3)
    found = market.offers_by_id([first, 999999999])
    assert [o.offer_id for o in found] == [str(first)]


def test_offers_with_the_same_quantity_share_one_command_and_each_gets_its_value(market, shop):
    ids = shop.add_offers([{"title": f"Talerz {n}", "quantity": 1} for n in range(4)])
    changes = [QuantityChange(i, 7, 0) for i in ids[:3]] + [QuantityChange(ids[3], 2, 0)]
    results = market.change_quantities(changes)
    assert all(r.ok for r in results), results
    assert [shop.offer(i)["quantity"] for i in ids] == [7, 7, 7, 2]
    assert len(market.ledger.recorded) == 2  # one command a value, ids stored before sending
    assert sorted(len(e.offer_ids) for e in market.ledger.recorded) == [1, 3]


def test_a_refused_task_comes_back_as_that_offers_refusal(market, shop):
    live = str(shop.add_offer("Aktywna", quantity=2))
    unknown = "7999999999"
    results = {r.offer_id: r for r in market.change_quantities([QuantityChange(unknown, 5, 0), QuantityChange(live, 5, 0)])}
    assert results[live].ok and shop.offer(live)["quantity"] == 5
    assert not results[unknown].ok and results[unknown].error_code == "OfferNotFoundException"
    assert not results[unknown].may_land_late


def test_finish_ends_offers_with_one_publication_command(market, shop):
    ids = shop.add_offers([{"title": f"Krzesło {n}", "quantity": 2} for n in range(3)])
    results = market.finish([FinishRequest(i) for i in ids])
    assert all(r.ok for r in results)
    assert {shop.offer(i)["state"] for i in ids} == {"ended"}
    assert len(market.ledger.recorded) == 1


def test_a_lost_answer_after_allegro_ended_the_offer_is_settled_by_reading_the_report(market, shop):
    offer = shop.add_offer("Stół", quantity=2)
    shop.set_faults(rules=[{"operation": "changePublicationStatusUsingPUT", "kind": "drop", "when": "after", "count": 1}])
    results = market.finish([FinishRequest(offer)])
    assert results[0].ok and not results[0].unknown
    assert shop.offer(offer)["state"] == "ended"
    assert len(market.ledger.recorded) == 1  # not sent a second time


def test_a_command_allegro_says_it_never_got_is_sent_again_under_the_same_id(market, shop):
    offer = shop.add_offer("Szafa", quantity=2)
    shop.set_faults(rules=[{"operation": "quantityModificationCommandUsingPUT", "kind": "drop", "when": "before", "count": 1}])
    result = market.change_quantities([QuantityChange(offer, 9, 0)])[0]
    assert result.ok and shop.offer(offer)["quantity"] == 9
    assert shop.calls()["counts"]["quantityModificationCommandUsingPUT"] == 2
    assert shop.calls()["executed"]["quantityModificationCommandUsingPUT"] == 1
    assert len(market.ledger.recorded) == 1 and market.ledger.unsettled("quantity") == []


def test_a_command_still_on_its_way_and_its_second_try_are_carried_out_once(market, shop):
    """The first PUT is held past the timeout, the second under the same id goes through;
    when the first arrives, Allegro refuses the id as used."""
    import time

    offer = shop.add_offer("Biurko", quantity=2)
    market.http.client.timeout = __import__("httpx").Timeout(0.5)
    shop.set_faults(rules=[{"operation": "changePublicationStatusUsingPUT", "kind": "delay", "delay_ms": 900, "count": 1}])
    [result] = market.finish([FinishRequest(offer)])
    time.sleep(1.0)  # the held one lands
    assert result.ok and shop.offer(offer)["state"] == "ended"
    assert shop.calls()["executed"].get("changePublicationStatusUsingPUT") == 1
    assert len(market.ledger.recorded) == 1


def test_relist_activates_a_buy_now_offer_under_the_same_id(market, shop):
    offer = shop.add_offer("Wazon", quantity=2)
    shop.edit_offer(offer, end=True)
    result = market.relist([RelistRequest(offer, local_id=1, duration_days=0)])[0]
    assert result.ok and result.new_offer_id == str(offer)
    assert shop.offer(offer)["state"] == "active"


def test_relist_of_an_auction_creates_a_new_offer_and_names_it(market, shop):
    offer = shop.add_offer("Obraz", format="auction", quantity=1)
    shop.edit_offer(offer, end=True)
    result = market.relist([RelistRequest(offer, local_id=1, duration_days=7)])[0]
    assert result.ok and result.new_offer_id not in (None, str(offer)), result
    assert shop.offer(result.new_offer_id)["title"] == "Obraz"


def test_an_expired_access_token_is_refreshed_once_and_the_call_goes_through(market, shop):
    shop.add_offer("Dywan", quantity=1)
    shop.expire_tokens()
    assert list(market.offers())
    assert market.tokens.refreshes == 1


def test_a_rest_channel_on_the_built_in_sandbox_reaches_its_rest_face(tmp_path):
    from core.allegro import environments
    from core.sync.marketplace import rest_api_base

    assert environments.rest_base_of_service("http://127.0.0.1:8123/service.php") == "http://127.0.0.1:8123"
    assert rest_api_base("production", None) == "https://api.allegro.pl"
    assert rest_api_base("allegrosandbox", None) == "https://api.allegro.pl.allegrosandbox.pl"
    assert rest_api_base("https://allegro.example.com/", None) == "https://allegro.example.com"


def test_a_custom_rest_address_in_plain_http_outside_this_computer_is_refused():
    from core.allegro.environments import InvalidAddress
    from core.sync.marketplace import rest_api_base

    with pytest.raises(InvalidAddress):
        rest_api_base("http://allegro.example.com", None)


WRITES = {
    "quantity": ("quantityModificationCommandUsingPUT", "getQuantityModificationCommandTasksStatusesUsingGET"),
    "end": ("changePublicationStatusUsingPUT", "getPublicationTasksUsingGET"),
}


@pytest.mark.parametrize("write", sorted(WRITES))
@pytest.mark.parametrize("step", [0, 1], ids=["command", "report"])
@pytest.mark.parametrize("kind", ["http500", "drop"])
@pytest.mark.parametrize("when", ["before", "after"])
def test_every_fault_at_every_step_leaves_allegro_and_the_answer_in_agreement(market, shop, write, step, kind, when):
    """Whatever fails, a command is executed at most once, an answer of done means done,
    a refusal means nothing changed, and an unknown outcome is said as such."""
    offer = shop.add_offer("Półka", quantity=2)
    operation = WRITES[write][step]
    shop.set_faults(rules=[{"operation": operation, "kind": kind, "when": when, "count": 1}])
    shop.reset_calls()
    if write == "quantity":
        result = market.change_quantities([QuantityChange(offer, 6, 0)])[0]
        applied = shop.offer(offer)["quantity"] == 6
        unknown = result.may_land_late
    else:
        result = market.finish([FinishRequest(offer)])[0]
        applied = shop.offer(offer)["state"] == "ended"
        unknown = result.unknown
    executed = shop.calls()["executed"].get(WRITES[write][0], 0)
    assert executed <= 1
    assert len(market.ledger.recorded) == 1  # never sent under a second id
    if result.ok:
        assert applied
    elif not unknown:
        assert not applied, result
    assert result.ok or unknown or result.error_code == "REFUSED"


def test_quantities_for_many_offers_take_one_command_per_value_and_thousand_offers(market, shop):
    ids = shop.add_offers([{"title": f"Miska {n}", "quantity": 1} for n in range(2500)])
    shop.reset_calls()
    changes = [QuantityChange(i, 2 + n % 2, 0) for n, i in enumerate(ids)]
    results = market.change_quantities(changes)
    assert all(r.ok for r in results)
    counts = shop.calls()["counts"]
    # 1250 offers a value: two commands each (1000 + 250), and one page of tasks read per command
    assert counts["quantityModificationCommandUsingPUT"] == 4
    assert counts["getQuantityModificationCommandTasksStatusesUsingGET"] == 4
    assert market.calls == 8
    assert {shop.offer(i)["quantity"] for i in ids[:4]} == {2, 3}


def _all_deals(market, start=None):
    return [deal for page in market.journal(start) for deal in page]


def test_a_purchase_comes_through_the_events_and_its_checkout_form(market, shop):
    offer = shop.add_offer("Lampka", quantity=5, price=25.0)
    shop.purchase(offer, buyer="lampa1", quantity=2)
    deals = _all_deals(market)
    paid = [d for d in deals if d.event_type == 4 and d.offer_id == str(offer)]
    assert paid and paid[0].quantity == 2
    forms = market.post_buy_forms({paid[0].transaction_id})
    assert len(forms) == 1
    form = forms[0]
    assert [(i.offer_id, i.quantity, i.price) for i in form.items] == [(str(offer), 2, Decimal("25.00"))]
    assert form.buyer_login == "lampa1" and not form.cancelled
    assert form.address.city


def test_the_journal_goes_on_after_the_last_event_read(market, shop):
    offer = shop.add_offer("Kubek", quantity=9)
    shop.purchase(offer, quantity=1)
    first = _all_deals(market)
    shop.purchase(offer, quantity=1)
    later = _all_deals(market, first[-1].event_id)
    assert later and all(d.event_id > first[-1].event_id for d in later)
    assert {d.transaction_id for d in later}.isdisjoint({d.transaction_id for d in first})


def test_a_cancelled_purchase_shows_as_a_cancelled_form(market, shop):
    offer = shop.add_offer("Talerz", quantity=3)
    form_id = shop.purchase(offer, quantity=1, paid=False)["form_id"]
    shop.cancel_form(form_id)
    deals = _all_deals(market)
    cancelled = [d for d in deals if d.event_type == 3]
    assert cancelled
    form = market.post_buy_forms({cancelled[0].transaction_id})[0]
    assert form.cancelled


def test_a_form_merged_into_another_is_left_out_and_noted(market, shop):
    offer = shop.add_offer("Wazon", quantity=9)
    first = shop.purchase(offer, buyer="lampa1", quantity=1, paid=False)["form_id"]
    second = shop.purchase(offer, buyer="lampa1", quantity=1, paid=False)["form_id"]
    numbers = {d.transaction_id for d in _all_deals(market) if d.transaction_id}
    shop.merge_forms([first, second])
    numbers |= {d.transaction_id for d in _all_deals(market) if d.transaction_id}
    forms = market.post_buy_forms(numbers)
    assert market.merged_away
    assert sum(i.quantity for f in forms if not f.cancelled for i in f.items) == 2


def test_journal_and_forms_carry_allegros_own_ids(market, shop):
    offer = shop.add_offer("Lampka", quantity=5)
    shop.purchase(offer, quantity=1)
    deals = [d for d in _all_deals(market) if d.transaction_id]
    assert deals and len({d.transaction_id for d in deals}) == 1
    assert str(uuid.UUID(deals[0].transaction_id)) == deals[0].transaction_id  # a checkout form UUID, as Allegro wrote it
    assert {d.offer_id for d in deals} == {str(offer)}
    assert all(d.deal_id and uuid.UUID(d.deal_id) for d in deals)  # line items are UUIDs too
    (form,) = market.post_buy_forms([deals[0].transaction_id])
    assert form.form_id == deals[0].transaction_id and form.items[0].offer_id == str(offer)
    assert market.post_buy_forms(["3100000001"]) == []  # a WebAPI number names no checkout form


def test_tracking_numbers_go_to_the_checkout_form_and_a_refused_one_carries_allegros_sentence(market, shop):
    from core.allegro.port import Package

    offer = shop.add_offer("Lampka", quantity=5)
    form_id = shop.purchase(offer, quantity=1)["form_id"]
    form_number = next(d.transaction_id for d in _all_deals(market) if d.transaction_id)
    result = market.add_tracking(form_number, [Package(5, "620000000000000000000001"), Package(5, "12")])
    assert result.added == ("620000000000000000000001",)
    assert result.wrong_number == ("12",)
    assert dict(result.reasons)["12"]  # Allegro's userMessage, shown to the seller
    packages = {f["form_id"]: f["packages"] for f in shop.forms()}[form_id]
    assert len(packages) == 1


def test_a_429_waits_as_long_as_retry_after_says_and_the_call_then_goes_through(shop, rest_server):
    import time

    shop.add_offer("Kubek", quantity=1)
    tokens = SandboxTokens(rest_server.rest_url, shop)
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(seconds)

    shop.rest_settings(client_per_minute=2, block_seconds=1, retry_after_header=True)
    market = RestMarketplace(rest_server.rest_url, tokens, timeout=10, sleep=sleep)
    try:
        for _ in range(3):
            assert market.login().user_id == 48213751
    finally:
        market.close()
        shop.rest_settings(client_per_minute=9000, block_seconds=60, retry_after_header=False)
    assert waits and 0 < waits[0] <= 1


def test_after_a_crash_an_open_command_is_settled_from_its_report_not_sent_again(shop, rest_server):
    """A run wrote the command down, sent it and died before reading the answer: the next
    run (a new adapter on the same ledger) reads the report by that id."""
    import uuid as uuid_module

    from core.allegro.rest.ledger import LedgerEntry

    offer = shop.add_offer("Komoda", quantity=2)
    ledger = MemoryLedger()
    crashed = RestMarketplace(rest_server.rest_url, SandboxTokens(rest_server.rest_url, shop), timeout=10, ledger=ledger)
    command_id = str(uuid_module.uuid4())
    ledger.record(LedgerEntry("quantity", command_id, (str(offer),), "8"))
    body = {"modification": {"changeType": "FIXED", "value": 8},
            "offerCriteria": [{"type": "CONTAINS_OFFERS", "offers": [{"id": str(offer)}]}]}
    assert crashed.http.request("PUT", f"/sale/offer-quantity-change-commands/{command_id}", body=body).status == 201
    crashed.close()
    shop.reset_calls()

    rerun = RestMarketplace(rest_server.rest_url, SandboxTokens(rest_server.rest_url, shop), timeout=10, ledger=ledger)
    [result] = rerun.change_quantities([QuantityChange(offer, 8, 0)])
    rerun.close()

    assert result.ok and shop.offer(offer)["quantity"] == 8
    assert shop.calls()["counts"].get("quantityModificationCommandUsingPUT", 0) == 0
    assert ledger.unsettled("quantity") == [] and len(ledger.recorded) == 1


def test_an_open_command_allegro_never_received_is_sent_under_its_own_id(market, shop):
    from core.allegro.rest.ledger import LedgerEntry

    offer = shop.add_offer("Regał", quantity=2)
    market.ledger.record(LedgerEntry("publication", "0b9a3c1e-6a53-4a63-8a3e-6d0b1f9d2a11", (str(offer),), "END"))
    [result] = market.finish([FinishRequest(offer)])
    assert result.ok and shop.offer(offer)["state"] == "ended"
    assert shop.calls()["executed"]["changePublicationStatusUsingPUT"] == 1
    assert market.ledger.recorded[0].command_id == "0b9a3c1e-6a53-4a63-8a3e-6d0b1f9d2a11"  # sent under its own id
    assert len(market.ledger.recorded) == 1 and market.ledger.unsettled("publication") == []


def test_a_sold_out_buy_now_offer_gets_stock_first_then_comes_back_under_its_id(market, shop):
    offer = shop.add_offer("Wazon", quantity=1)
    shop.purchase(offer, quantity=1)  # sold out: Allegro ended it with no stock left
    assert shop.offer(offer)["state"] == "ended" and shop.offer(offer)["quantity"] == 0
    shop.reset_calls()
    [result] = market.relist([RelistRequest(offer, local_id=1, duration_days=0)])
    assert result.ok and result.new_offer_id == str(offer)
    assert shop.offer(offer)["state"] == "active" and shop.offer(offer)["quantity"] == 1
    log = [e["operation"] for e in shop.call_log() if e["executed"] and e["operation"].endswith("PUT")]
    assert log == ["quantityModificationCommandUsingPUT", "changePublicationStatusUsingPUT"]


def test_activate_of_a_sold_out_offer_without_stock_is_refused_by_allegro(market, shop):
    """The sandbox is strict like Allegro: ACTIVATE needs stock of at least 1."""
    from core.allegro.rest.marketplace import _criteria

    offer = shop.add_offer("Misa", quantity=1)
    shop.purchase(offer, quantity=1)
    outcome, tasks, _reason = market._send("publication", "ACTIVATE", [offer],
                                           {"publication": {"action": "ACTIVATE"}, "offerCriteria": _criteria([offer])})
    assert tasks[str(offer)]["status"] == "FAIL"
    assert tasks[str(offer)]["errors"][0]["code"] == "AvailableStockMustEqualToOneOrBeGreaterThanOne"
    assert shop.offer(offer)["state"] == "ended"


def test_a_shipment_whose_answer_was_lost_is_found_on_the_form_and_not_posted_again(market, shop):
    from core.allegro.errors import OutcomeUnknown
    from core.allegro.port import Package

    offer = shop.add_offer("Lampka", quantity=5)
    form_id = shop.purchase(offer, quantity=1)["form_id"]
    form_number = next(d.transaction_id for d in _all_deals(market) if d.transaction_id)
    shop.set_faults(rules=[{"operation": "createOrderShipmentsUsingPOST", "kind": "drop", "when": "after", "count": 1}])
    with pytest.raises(OutcomeUnknown):
        market.add_tracking(form_number, [Package(5, "620000000000000000000001")])
    shop.clear_faults()
    result = market.add_tracking(form_number, [Package(5, "620000000000000000000001")])
    assert result.added == ("620000000000000000000001",)
    assert shop.calls()["executed"]["createOrderShipmentsUsingPOST"] == 1  # the lost one only
    assert len({f["form_id"]: f["packages"] for f in shop.forms()}[form_id]) == 1
    assert market.ledger.unsettled("shipment") == []


def test_a_shipment_posted_by_a_run_killed_before_keeping_it_is_not_posted_again(market, shop):
    """Allegro answered 201, then the run died before the app stored the answer: the next
    try reads the form's shipments and finds the number there."""
    from core.allegro.port import Package

    offer = shop.add_offer("Lampka", quantity=5)
    shop.purchase(offer, quantity=1)
    form_number = next(d.transaction_id for d in _all_deals(market) if d.transaction_id)
    assert market.add_tracking(form_number, [Package(5, "620000000000000000000002")]).added
    again = market.add_tracking(form_number, [Package(5, "620000000000000000000002")])
    assert again.added == ("620000000000000000000002",)
    assert shop.calls()["counts"]["createOrderShipmentsUsingPOST"] == 1
    assert shop.calls()["counts"]["getOrderShipmentsUsingGET"] == 1
    assert market.ledger.unsettled("shipment") == []
