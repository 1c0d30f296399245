"""The sync engine through the REST adapter against the sandbox's REST face: orders once,
quantities, ends after confirmation, relists under the same id, tracking numbers."""
from __future__ import annotations

import pytest

from core.allegro.rest.marketplace import RestMarketplace
from core.models import ListingStatus, Order, Shipment, ShipmentState
from core.sync.orders import ship_order
from tests.rest_tokens import SandboxTokens


@pytest.fixture
def api() -> str:
    """These scenarios drive the REST adapter directly: a REST channel only."""
    return "rest"


@pytest.fixture
def rest(shop, sandbox, control):
    control.rest_settings(command_delay_seconds=0)
    market = RestMarketplace(sandbox.rest_url, SandboxTokens(sandbox.rest_url, control), timeout=10)
    yield market
    market.close()


def rest_calls(control) -> dict[str, int]:
    return {op: n for op, n in control.calls()["counts"].items() if not op.startswith("do")}


def test_orders_come_in_once_over_rest(shop, control, rest):
    kubek = shop.item("KUB-1", "Kubek", stock=50)
    offer = shop.offer("Kubek", quantity=50)
    shop.sync(marketplace=rest)
    shop.link(offer, kubek)
    for n in range(5):
        control.purchase(offer, buyer=f"kupujacy{n}", quantity=1 + n % 2)

    plan, report = shop.sync(marketplace=rest)

    assert report.outcome == "ok", report.failures
    assert Order.select().where(Order.channel == shop.channel_id).count() == 5
    plan, again = shop.sync(marketplace=rest)
    assert Order.select().count() == 5 and again.counts.get("orders_imported", 0) == 0
    assert control.offer(offer)["quantity"] == 50 - 7


def test_a_rest_order_is_stored_under_its_checkout_form_uuid_and_its_offer_number(shop, control, rest):
    import uuid

    from sandbox.rest.orders import FORM_TAG, tagged

    from core.models import Channel, Listing, OrderItem

    offer = shop.offer("Lampka", quantity=4)
    shop.sync(marketplace=rest)
    form = control.purchase(offer, buyer="lampa1", quantity=2)["form_id"]

    shop.sync(marketplace=rest)

    (order,) = Order.select().where(Order.channel == shop.channel_id)
    assert order.form_id == tagged(FORM_TAG, form) == str(uuid.UUID(order.form_id))  # Allegro's checkout form id
    assert [i.offer_id for i in OrderItem.select().where(OrderItem.order == order)] == [str(offer)]
    assert Listing.get(Listing.channel == shop.channel_id).offer_id == str(offer)
    # the cursor is the id of Allegro's last order event, handed back as it came
    last_event = [deal for page in rest.journal(None) for deal in page][-1].event_id
    assert Channel.get_by_id(shop.channel_id).journal_cursor == last_event
    assert list(rest.journal(last_event)) == []


def test_quantities_ends_after_confirmation_and_a_relist_under_the_same_id_over_rest(shop, control, rest):
    kubek = shop.item("KUB-1", "Kubek", stock=3)
    talerz = shop.item("TAL-1", "Talerz", stock=0)
    mug = shop.offer("Kubek", quantity=20)
    plate = shop.offer("Talerz", quantity=5)
    shop.sync(marketplace=rest)
    shop.link(mug, kubek)
    shop.link(plate, talerz)
    control.reset_calls()

    plan, report = shop.sync(approve=[], marketplace=rest)
    assert control.offer(mug)["quantity"] == 3
    assert control.offer(plate)["state"] == "active"  # its end waits for the seller
    assert rest_calls(control).get("quantityModificationCommandUsingPUT") == 1

    plan, report = shop.sync(marketplace=rest)
    assert control.offer(plate)["state"] == "ended"
    assert shop.listing(plate).status == ListingStatus.PENDING_RELIST

    shop.stock(talerz, 4)
    plan, report = shop.sync(marketplace=rest)
    assert report.outcome == "ok", report.failures
    assert control.offer(plate)["state"] == "active"
    assert shop.listing(plate).status != ListingStatus.PENDING_RELIST
    shop.sync(marketplace=rest)
    assert control.offer(plate)["quantity"] == 4


def test_a_tracking_number_is_accepted_over_rest(shop, control, rest):
    shop.set(submit_tracking=True)
    lamp = shop.item("LAMP", "Lampka", stock=5)
    offer = shop.offer("Lampka", quantity=5)
    shop.sync(marketplace=rest)
    shop.link(offer, lamp)
    form_id = control.purchase(offer, quantity=1)["form_id"]
    shop.sync(marketplace=rest)
    order = Order.get(Order.channel == shop.channel_id)
    shipment = ship_order(order, 5, "620000000000000000000123")

    plan, report = shop.sync(marketplace=rest)

    assert report.counts.get("tracking_accepted") == 1, report.failures
    assert Shipment.get_by_id(shipment.id).state == ShipmentState.ACCEPTED
    form = next(f for f in control.forms() if f["form_id"] == form_id)
    assert [p["package_id"] for p in form["packages"]] == ["620000000000000000000123"]


def test_a_tracking_number_allegro_refuses_shows_allegros_own_sentence_over_rest(shop, control, rest):
    shop.set(submit_tracking=True)
    lamp = shop.item("LAMP", "Lampka", stock=50)
    offer = shop.offer("Lampka", quantity=50)
    shop.sync(marketplace=rest)
    shop.link(offer, lamp)
    for n in range(11):
        control.purchase(offer, buyer=f"lampa{n}", quantity=1)
    shop.sync(marketplace=rest)
    orders = list(Order.select().where(Order.channel == shop.channel_id).order_by(Order.id))
    assert len(orders) == 11
    shipments = [ship_order(order, 5, "620000000000000000000777") for order in orders]

    plan, report = shop.sync(marketplace=rest)

    states = [Shipment.get_by_id(s.id) for s in shipments]
    refused = [s for s in states if s.state == ShipmentState.REJECTED]
    assert len(refused) == 1 and report.counts.get("tracking_accepted") == 10
    assert refused[0].reason in ("This tracking number was already added to too many orders.",
                                 "Ten numer przesyłki dodano już do zbyt wielu zamówień.")
    assert any(refused[0].reason in failure for failure in report.failures)


def ended_by_us_over_rest(shop, control, rest, title, sku):
    item = shop.item(sku, title, stock=0)
    offer = shop.offer(title, quantity=4)
    shop.sync(marketplace=rest)
    shop.link(offer, item)
    shop.sync(marketplace=rest)  # ended by the app for zero stock: pending relist
    assert shop.listing(offer).status == ListingStatus.PENDING_RELIST
    return item, offer


def test_relist_at_day_59_under_the_same_id_and_none_at_day_61_over_rest(shop, control, rest):
    from core.models import Listing

    kubek, kubek_offer = ended_by_us_over_rest(shop, control, rest, "Kubek", "KUB-1")
    talerz, talerz_offer = ended_by_us_over_rest(shop, control, rest, "Talerz", "TAL-1")

    control.advance_clock(days=59, hours=1)
    shop.stock(kubek, 3)
    plan, report = shop.sync(marketplace=rest)
    assert [r.offer_id for r in plan.relists] == [str(kubek_offer)]
    assert report.outcome == "ok", report.failures
    assert control.offer(kubek_offer)["state"] == "active" and control.offer(kubek_offer)["quantity"] == 3
    live = [row for row in Listing.select().where(Listing.offer_id == kubek_offer)]
    assert [row.status for row in live] == [ListingStatus.ACTIVE]
    assert len(control.offers()) == 2  # the same offer, no copy

    control.advance_clock(days=2)  # day 61
    shop.stock(talerz, 3)
    plan, report = shop.sync(marketplace=rest)
    assert plan.relists == []
    assert shop.listing(talerz_offer).status == ListingStatus.EXPIRED


def test_a_struck_off_listing_is_never_relisted_over_rest(shop, control, rest):
    from core.listing_links import strike_off

    kubek, offer = ended_by_us_over_rest(shop, control, rest, "Kubek", "KUB-1")
    strike_off(shop.listing(offer).id)
    shop.stock(kubek, 5)
    plan, report = shop.sync(marketplace=rest)
    assert plan.relists == []
    assert control.offer(offer)["state"] == "ended"


def test_an_auction_with_bids_ends_only_with_end_auctions_with_bids_and_its_sale_comes_in_over_rest(shop, control, rest):
    from core.models import OrderItem

    shop.set(end_auctions=True)
    vase = shop.item("WAZ-1", "Wazon", stock=0)
    auction = shop.offer("Wazon kryształowy", quantity=1, fmt="auction", price=50.0, duration_days=7)
    control.bid(auction, buyer="licytant1", amount=55.0)
    control.bid(auction, buyer="licytant2", amount=70.0)
    shop.sync(marketplace=rest)
    shop.link(auction, vase)

    plan, report = shop.sync(marketplace=rest)
    assert plan.ends == [] and control.offer(auction)["state"] == "active"

    shop.set(end_auctions_with_bids=True)
    plan, report = shop.sync(marketplace=rest)
    [end] = plan.ends
    assert end.sells_to_top_bidder and end.bids == 2
    assert control.offer(auction)["state"] == "ended"
    sale = [f for f in control.forms() if f["items"][0]["offer_id"] == auction]
    assert len(sale) == 1 and sale[0]["buyer"] == "licytant2"

    shop.sync(marketplace=rest)
    [order] = Order.select()
    assert order.buyer_login == "licytant2" and OrderItem.get().stock_item_id == vase.id


def test_an_ended_auction_is_relisted_as_a_new_offer_and_the_listing_follows_it_over_rest(shop, control, rest):
    from core.models import Listing

    shop.set(end_auctions=True, relist_duration=7)
    vase = shop.item("WAZ-1", "Wazon", stock=0)
    auction = shop.offer("Wazon", quantity=1, fmt="auction", price=40.0, duration_days=7)
    shop.sync(marketplace=rest)
    shop.link(auction, vase)
    shop.sync(marketplace=rest)
    assert control.offer(auction)["state"] == "ended"

    shop.stock(vase, 1)
    plan, report = shop.sync(marketplace=rest)

    assert report.outcome == "ok", report.failures
    new = Listing.get(Listing.previous_offer_id == auction)
    assert new.offer_id != auction and new.stock_item_id == vase.id
    on_allegro = control.offer(new.offer_id)
    assert on_allegro["state"] == "active" and on_allegro["title"] == "Wazon" and on_allegro["format"] == "auction"


@pytest.mark.parametrize("operation", ["quantityModificationCommandUsingPUT", "changePublicationStatusUsingPUT",
                                       "getQuantityModificationCommandTasksStatusesUsingGET",
                                       "getPublicationTasksUsingGET"])
@pytest.mark.parametrize("kind", ["drop", "http500"])
@pytest.mark.parametrize("when", ["before", "after"])
def test_a_fault_at_any_sending_step_over_rest_leaves_allegro_and_the_database_agreeing(shop, control, rest, operation,
                                                                                        kind, when):
    kubek = shop.item("KUB-1", "Kubek", stock=3)
    talerz = shop.item("TAL-1", "Talerz", stock=0)
    mug = shop.offer("Kubek", quantity=20)
    plate = shop.offer("Talerz", quantity=5)
    shop.sync(marketplace=rest)
    shop.link(mug, kubek)
    shop.link(plate, talerz)
    control.set_faults(rules=[{"operation": operation, "kind": kind, "when": when, "count": 1}])
    control.reset_calls()

    shop.sync(marketplace=rest)
    control.clear_faults()
    shop.sync(marketplace=rest)  # whatever was left unknown is settled by now

    executed = control.calls()["executed"]
    assert executed.get("quantityModificationCommandUsingPUT", 0) == 1  # once, never twice
    assert executed.get("changePublicationStatusUsingPUT", 0) == 1
    assert control.offer(mug)["quantity"] == 3 and shop.listing(mug).quantity == 3
    assert control.offer(plate)["state"] == "ended"
    assert shop.listing(plate).status == ListingStatus.PENDING_RELIST


def test_two_purchases_merged_by_allegro_before_a_sync_come_in_as_one_order_with_a_note_over_rest(shop, control, rest):
    kubek = shop.item("KUB-1", "Kubek", stock=20)
    offer = shop.offer("Kubek", quantity=20)
    shop.sync(marketplace=rest)
    shop.link(offer, kubek)
    first = control.purchase(offer, buyer="kupujacy1", quantity=1, paid=False)["form_id"]
    second = control.purchase(offer, buyer="kupujacy1", quantity=2, paid=False)["form_id"]
    control.merge_forms([first, second])

    plan, report = shop.sync(marketplace=rest)

    assert any("merged by Allegro" in note for note in report.notes), report.notes
    live = [o for o in Order.select() if o.status != "cancelled"]
    assert len(live) == 1 and sorted(i.quantity for i in live[0].items) == [1, 2]
    assert control.offer(offer)["quantity"] == 20 - 3
