"""Quantities, ends and relists against the sandbox: both the local database and Allegro's side."""
from __future__ import annotations

import json

from core import inventory
from core.listing_links import strike_off
from core.models import ActionKind, ActionState, ListingStatus, Order, OrderItem, PlannedAction


def test_stock_at_one_location_only(shop, control):
    kubek = shop.item("KUB-1", "Kubek", stock=3, other=40)
    offer = shop.offer("Kubek", quantity=20)
    shop.import_and_link([(offer, kubek)])
    shop.set(update_from_location=True, location=shop.main.id)
    control.reset_calls()

    shop.sync()

    assert control.offer(offer)["quantity"] == 3
    assert shop.listing(offer).quantity == 3
    assert shop.changes_sent() == {"quantity": 1}
    control.purchase(offer, quantity=1)  # fulfilled from Magazyn A
    control.reset_calls()
    shop.sync()
    assert shop.changes_sent() == {}  # Allegro already shows 2 = 3 - 1 allocated
    assert inventory.availability(location=shop.main)[kubek.id].available == 2
    assert inventory.availability(location=shop.other)[kubek.id].available == 40

    shop.set(update_from_location=False)
    shop.sync()
    assert control.offer(offer)["quantity"] == 42


def test_never_a_quantity_above_available_and_zero_ends_the_listing(shop, control):
    kubek = shop.item("KUB-1", "Kubek", stock=2)
    offer = shop.offer("Kubek", quantity=50)
    shop.import_and_link([(offer, kubek)])
    shop.sync()
    assert control.offer(offer)["quantity"] == 2
    control.purchase(offer, quantity=2)  # sold out on Allegro: Allegro ends it, not the app
    shop.stock(kubek, 2)
    plan, report = shop.sync()
    assert shop.listing(offer).status == ListingStatus.ENDED
    assert plan.ends == [] and plan.relists == []
    assert inventory.availability()[kubek.id].available == 0


def test_a_buy_now_listing_with_no_stock_is_ended_after_confirmation_and_waits_for_relist(shop, control):
    kubek = shop.item("KUB-1", "Kubek", stock=0)
    offer = shop.offer("Kubek", quantity=5)
    shop.import_and_link([(offer, kubek)])
    control.reset_calls()

    plan, report = shop.sync(approve=[])  # the seller unticked it
    assert [(e.offer_id, e.reason) for e in plan.ends] == [(str(offer), "Available 0 over all locations")]
    assert control.offer(offer)["state"] == "active"
    assert shop.changes_sent() == {}

    plan, report = shop.sync()
    sandbox_offer = control.offer(offer)
    assert sandbox_offer["state"] == "ended" and sandbox_offer["ended_by"] == "seller"
    listing = shop.listing(offer)
    assert listing.status == ListingStatus.PENDING_RELIST and listing.ended_by_us
    assert abs(listing.ended_at.timestamp() - sandbox_offer["ended_at"]) < 5
    assert shop.changes_sent() == {"end": 1}


def test_auction_with_bids_without_and_with_end_auctions_with_bids(shop, control):
    shop.set(end_auctions=True)
    vase = shop.item("WAZ-1", "Wazon", stock=0)
    auction = shop.offer("Wazon kryształowy", quantity=1, fmt="auction", price=50.0, duration_days=7)
    control.bid(auction, buyer="licytant1", amount=55.0)
    control.bid(auction, buyer="licytant2", amount=70.0)
    shop.import_and_link([(auction, vase)])
    control.reset_calls()

    plan, report = shop.sync()
    assert plan.ends == []
    assert any("End Auctions with bids is off" in note for note in plan.notes)
    assert control.offer(auction)["state"] == "active"
    assert shop.changes_sent() == {}

    shop.set(end_auctions_with_bids=True)
    plan, report = shop.sync()
    [end] = plan.ends
    assert end.sells_to_top_bidder and end.bids == 2 and "top bidder" in end.reason
    assert control.offer(auction)["state"] == "ended"
    sale = [f for f in control.forms() if f["items"][0]["offer_id"] == auction]
    assert len(sale) == 1 and sale[0]["buyer"] == "licytant2"  # sold to the top bidder
    assert Order.select().count() == 0  # the order arrives with the next sync

    shop.sync()
    [order] = Order.select()
    assert order.form_id == shop.form_number(sale[0]["form_id"]) and order.buyer_login == "licytant2"
    assert OrderItem.get().stock_item_id == vase.id
    assert inventory.availability()[vase.id].allocated == 1


def test_an_auction_without_bids_needs_end_auctions(shop, control):
    vase = shop.item("WAZ-1", "Wazon", stock=0)
    auction = shop.offer("Wazon", quantity=1, fmt="auction", duration_days=7)
    shop.import_and_link([(auction, vase)])
    plan, _ = shop.sync()
    assert plan.ends == [] and control.offer(auction)["state"] == "active"
    shop.set(end_auctions=True)
    plan, _ = shop.sync()
    assert [e.sells_to_top_bidder for e in plan.ends] == [False]
    assert control.offer(auction)["state"] == "ended"
    assert control.forms() == []


def ended_by_us(shop, control, title, sku):
    item = shop.item(sku, title, stock=0)
    offer = shop.offer(title, quantity=4)
    shop.import_and_link([(offer, item)])
    shop.sync()
    assert shop.listing(offer).status == ListingStatus.PENDING_RELIST
    return item, offer


def test_relist_at_day_59_and_none_at_day_61(shop, control):
    shop.set(relist_duration=10)
    kubek, kubek_offer = ended_by_us(shop, control, "Kubek", "KUB-1")
    talerz, talerz_offer = ended_by_us(shop, control, "Talerz", "TAL-1")

    control.advance_clock(days=59, hours=1)  # 23 hours of the 60-day window left
    shop.stock(kubek, 3)
    control.reset_calls()
    plan, report = shop.sync()
    [relist] = plan.relists
    assert relist.offer_id == str(kubek_offer) and relist.days_left == 0 and "ended 59 days ago" in relist.reason
    new = shop.relisted(kubek_offer)
    assert new.stock_item_id == kubek.id and new.status == ListingStatus.ACTIVE
    on_allegro = control.offer(new.offer_id)
    if shop.api == "webapi":  # a new offer for the relist's duration; the old id kept as history
        assert shop.listing(kubek_offer).status == ListingStatus.RELISTED
        assert on_allegro["relisted_from"] == kubek_offer and on_allegro["duration_days"] == 10
    else:  # REST: ACTIVATE brings the same offer back
        assert new.offer_id == str(kubek_offer) and on_allegro["state"] == "active"
    assert on_allegro["quantity"] == 3  # the offer had 4; brought to what is available
    assert shop.changes_sent() == {"relist": 1, "quantity": 1}

    control.advance_clock(days=2)  # day 61
    shop.stock(talerz, 3)
    control.reset_calls()
    plan, report = shop.sync()
    assert plan.relists == []
    assert shop.listing(talerz_offer).status == ListingStatus.EXPIRED
    assert report.counts["listings_expired"] == 1
    assert shop.changes_sent() == {}
    assert len(control.offers()) == (3 if shop.api == "webapi" else 2)  # no new offer for the expired one


def test_relist_with_a_start_delay_is_scheduled(shop, control):
    shop.set(relist_delay=120)
    kubek, old = ended_by_us(shop, control, "Kubek", "KUB-1")
    shop.stock(kubek, 4)
    plan, report = shop.sync()
    new = shop.relisted(old)
    on_allegro = control.offer(new.offer_id)
    assert new.status == ListingStatus.SCHEDULED and on_allegro["state"] == "scheduled"
    assert on_allegro["start_time"] - control.now() > 110 * 60
    control.advance_clock(hours=3)
    control.reset_calls()
    shop.sync()
    assert shop.listing(new.offer_id).status == ListingStatus.ACTIVE
    assert shop.changes_sent() == {}


def test_a_struck_off_listing_is_never_relisted(shop, control):
    kubek, offer = ended_by_us(shop, control, "Kubek", "KUB-1")
    strike_off(shop.listing(offer).id)
    shop.stock(kubek, 5)
    control.reset_calls()
    plan, _ = shop.sync()
    assert plan.relists == [] and shop.changes_sent() == {}
    assert shop.listing(offer).status == ListingStatus.STRUCK_OFF
    assert len(control.offers()) == 1


def test_no_relist_while_a_live_listing_has_the_same_title(shop, control):
    # listed twice by hand on Allegro, before the app ended one (a twin listed after the end
    # is taken as its relist made elsewhere: test_sync_elsewhere.py)
    twin = shop.offer("Kubek", quantity=2)
    kubek, offer = ended_by_us(shop, control, "Kubek", "KUB-1")
    shop.stock(kubek, 5)
    control.reset_calls()
    plan, report = shop.sync()
    assert plan.relists == []
    assert any("same title" in note for note in plan.notes)
    assert shop.changes_sent() == {}
    assert {o["offer_id"] for o in control.offers()} == {offer, twin}


def test_relists_wait_for_confirmation_and_unticked_ones_are_not_sent(shop, control):
    a_item, a = ended_by_us(shop, control, "Kubek", "KUB-1")
    b_item, b = ended_by_us(shop, control, "Talerz", "TAL-1")
    shop.stock(a_item, 2)
    shop.stock(b_item, 2)
    control.reset_calls()
    from core.sync.engine import SyncEngine, decide

    mp = shop.marketplace()
    engine = SyncEngine(shop.channel_id, mp)
    plan = engine.plan()
    assert {r.offer_id for r in plan.to_confirm} == {str(a), str(b)}
    keep = next(r for r in plan.relists if r.offer_id == str(a))
    assert decide(plan, [keep.action_id]) == (1, 1)
    engine.apply(plan)
    mp.close()
    assert shop.changes_sent()["relist"] == 1
    assert shop.listing(a).status == (ListingStatus.RELISTED if shop.api == "webapi" else ListingStatus.ACTIVE)
    assert shop.listing(b).status == ListingStatus.PENDING_RELIST
    rejected = PlannedAction.get((PlannedAction.kind == ActionKind.RELIST) & (PlannedAction.listing == shop.listing(b).id))
    assert rejected.state == ActionState.REJECTED
    assert json.loads(rejected.params)["offer_id"] == str(b)
