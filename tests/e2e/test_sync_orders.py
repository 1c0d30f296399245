"""Orders from the sandbox's deals journal: imported once, linked, cancelled, allocated."""
from __future__ import annotations

from core import inventory
from core.models import Channel, LinkState, Order, OrderItem, OrderStatus


def test_250_purchases_over_several_journal_pages_are_imported_once(shop, control):
    kubek = shop.item("KUB-1", "Kubek żółty", stock=900)
    offers = [shop.offer(f"Kubek żółty {n}", quantity=300) for n in range(5)]
    shop.import_and_link([(o, kubek) for o in offers])
    forms = [control.purchase(offers[n % 5], buyer=f"kupujacy{n % 40}", quantity=1 + n % 3)["form_id"] for n in range(250)]
    events = control.journal()
    assert len(events) > 500  # a deal and a form event each, plus payments: several pages of 100
    control.reset_calls()

    plan, report = shop.sync()

    assert report.outcome == "ok", report.failures
    assert Order.select().where(Order.channel == shop.channel_id).count() == 250
    assert {o.form_id for o in Order.select()} == {shop.form_number(f) for f in forms}
    calls = shop.calls()
    if shop.api == "webapi":
        assert calls["doGetSiteJournalDeals"] == len(events) // 100 + 1
        assert calls["doGetPostBuyFormsDataForSellers"] == 10  # 250 forms, 25 a call: the fewest possible
        assert Channel.get_by_id(shop.channel_id).journal_cursor == str(events[-1]["event_id"])
    else:  # events 1000 a page; checkout forms 100 a page of their purchase window
        assert calls["getOrderEventsUsingGET"] == 2  # more than 1000 REST events: two pages
        assert calls["getListOfOrdersUsingGET"] == 3 and "getOrdersDetailsUsingGET" not in calls
    ordered = sum(1 + n % 3 for n in range(250))
    assert OrderItem.select().where(OrderItem.link_state == LinkState.LISTING).count() == 250
    assert inventory.availability()[kubek.id] == inventory.Availability(level=900, allocated=ordered)
    # every listing of the item now offers what is left of it
    assert [control.offer(o)["quantity"] for o in offers] == [900 - ordered] * 5

    control.reset_calls()
    plan, again = shop.sync()
    assert Order.select().count() == 250
    calls = shop.calls()
    forms_read, journal_read = (
        ("doGetPostBuyFormsDataForSellers", "doGetSiteJournalDeals") if shop.api == "webapi"
        else ("getOrdersDetailsUsingGET", "getOrderEventsUsingGET")
    )
    assert calls.get(forms_read, 0) == 0
    assert calls[journal_read] == 1
    assert again.counts.get("orders_imported", 0) == 0


def test_a_second_run_with_nothing_new_sends_nothing(shop, control):
    items = [shop.item(f"SKU-{n}", f"Talerz {n}", stock=3 + n) for n in range(8)]
    offers = [shop.offer(f"Talerz {n}", quantity=10) for n in range(8)]
    shop.import_and_link(zip(offers, items, strict=True))
    control.purchase(offers[0])
    shop.sync()
    control.reset_calls()

    plan, report = shop.sync()

    assert plan.is_empty and report.outcome == "ok"
    assert shop.changes_sent() == {}
    calls = shop.calls()
    # only what it takes to learn nothing changed: login, the offers, the journal
    if shop.api == "webapi":
        assert set(calls) == {
            "doQuerySysStatus", "doLoginEnc", "doGetMySellItems", "doGetMySoldItems", "doGetMyNotSoldItems",
            "doGetSiteJournalDeals",
        }, calls
        assert sum(calls.values()) == 6
    else:
        assert calls == {"meGET": 1, "searchOffersUsingGET": 1, "getOrderEventsUsingGET": 1}


def test_order_details_default_currency_and_a_cancelled_form(shop, control):
    shop.set(currency="EUR")
    kubek = shop.item("KUB-1", "Kubek", stock=10)
    offer = shop.offer("Kubek", quantity=10, price=24.5)
    shop.import_and_link([(offer, kubek)])
    bought = control.purchase(offer, buyer="anna_nowak", quantity=2)
    shop.sync()
    order = shop.order(bought["form_id"])
    form = next(f for f in control.forms() if f["form_id"] == bought["form_id"])
    # the WebAPI's form names no currency: the channel's default; a REST form says PLN
    assert order.currency == ("EUR" if shop.api == "webapi" else "PLN")
    assert order.buyer_login == "anna_nowak" and order.ship_city == form["address"]["city"]
    assert float(order.amount) == form["amount"] and order.status == OrderStatus.OPEN
    assert inventory.availability()[kubek.id].allocated == 2

    control.cancel_form(bought["form_id"])
    plan, report = shop.sync()
    assert shop.order(bought["form_id"]).status == OrderStatus.CANCELLED
    assert report.counts["orders_cancelled"] == 1
    assert inventory.availability()[kubek.id].allocated == 0
    assert Order.select().count() == 1


def test_linking_by_title_and_an_ambiguous_title_left_unlinked(shop, control):
    shop.set(link_by_title=True)
    lamp = shop.item("LAMP", "Lampka nocna", stock=5)
    shop.item("KRZ-1", "Krzesło", stock=5)
    shop.item("KRZ-2", "Krzesło", stock=5)
    lamp_offer = shop.offer("Lampka nocna", quantity=5)
    chair_offer = shop.offer("Krzesło", quantity=5)
    control.purchase(lamp_offer)
    control.purchase(chair_offer)
    plan, report = shop.sync()
    by_offer = {int(i.offer_id): i for i in OrderItem.select()}
    assert (by_offer[lamp_offer].link_state, by_offer[lamp_offer].stock_item_id) == (LinkState.TITLE, lamp.id)
    assert (by_offer[chair_offer].link_state, by_offer[chair_offer].stock_item_id) == (LinkState.AMBIGUOUS, None)
    assert report.counts["order_items_ambiguous"] == 1
    assert any("Krzesło" in note and "several stock items" in note for note in report.notes)
