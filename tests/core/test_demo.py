"""The demo a new user meets: the Sandbox channel and its linked stock, up to a first sync."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from core import channels, demo, secrets
from core.allegro import local_sandbox
from core.allegro.port import Offer, OfferFormat, OfferState
from core.models import Channel, Listing, Location, Order, StockItem, StockLevel, utcnow
from core.paths import app_paths
from core.sync.engine import SyncEngine, decide
from core.sync.marketplace import make_marketplace
from sandbox.control import SandboxControl


@pytest.fixture
def paths(data_dir):
    paths = app_paths(data_dir)
    yield paths
    local_sandbox.stop(paths)


def control_of(url: str) -> SandboxControl:
    return SandboxControl(url.rsplit("/", 1)[0])


def offer(offer_id: int | str, title: str, quantity: int = 5, fmt=OfferFormat.BUY_NOW, state=OfferState.ACTIVE) -> Offer:
    return Offer(str(offer_id), title, fmt, state, quantity, quantity, 0, 0, Decimal("10.00"), None, None)


def stock_of(title: str) -> int:
    item = StockItem.get(StockItem.title == title)
    return sum(level.quantity for level in StockLevel.select().where(StockLevel.item == item))


# --- the whole click, against the in-process Sandbox ------------------------------------


def test_the_demo_channel_is_saved_with_its_options_and_its_password_in_the_keyring(db, paths, memory_keyring):
    done = demo.set_up_demo(paths)
    row = Channel.get_by_id(done.channel.id)
    assert row.sub_source == "Sandbox demo"
    assert row.environment == channels.SANDBOX
    assert (row.enabled, row.inventory_sync, row.end_listings, row.relist_items, row.link_by_title) == (True,) * 5
    assert not row.no_manual_confirmation  # the first sync shows its confirmation dialog
    assert row.sync_orders_from < utcnow() - timedelta(days=20)  # the demo shop's recent sales come in
    assert channels.stored_password(row.id) == "sandbox-pass-1"
    assert "sandbox-pass-1" in memory_keyring.passwords.values()
    for table_row in db.execute_sql("SELECT * FROM channel"):  # the stored columns, raw
        assert "sandbox-pass-1" not in map(str, table_row)
    assert done.url == local_sandbox.ensure_running(paths)


def test_each_listing_gets_a_linked_stock_item_and_some_hold_none(db, paths):
    done = demo.set_up_demo(paths)
    live = Listing.select().where(Listing.channel == done.channel.id)
    assert live.count() >= 50  # the demo shop's listings
    assert all(listing.stock_item_id is not None for listing in live)
    assert StockItem.select().count() == done.stock.items_created == live.count()
    assert Location.get(Location.is_default == True).name == "Main warehouse"  # noqa: E712
    assert len(done.stock.out_of_stock) >= 5
    for title in done.stock.out_of_stock:
        assert stock_of(title) == 0
    for title in done.stock.below_listing:
        listing = Listing.get(Listing.title == title)
        assert stock_of(title) == max(1, listing.quantity + listing.sold_quantity - 1)
    assert sorted(i.sku for i in StockItem.select())[:2] == ["DEMO-001", "DEMO-002"]


def test_the_first_sync_imports_orders_and_proposes_ending_the_empty_listings(db, paths):
    done = demo.set_up_demo(paths)
    marketplace = make_marketplace(done.channel.id, paths)
    try:
        engine = SyncEngine(done.channel.id, marketplace)
        plan = engine.plan()
        assert plan.counts["orders_imported"] >= 20
        ends = {a.title for a in plan.ends}
        assert ends == set(done.stock.out_of_stock)  # exactly the empty ones: open orders leave the rest
        assert plan.to_confirm and plan.needs_confirmation  # they wait for the seller's decision
        assert plan.quantity_changes > 0
        chosen = [a.action_id for a in plan.ends if a.title == done.stock.out_of_stock[0]]
        decide(plan, chosen)
        report = engine.apply(plan)
    finally:
        marketplace.close()
    assert report.outcome == "ok"
    assert report.counts["listings_ended"] == 1
    assert Order.select().where(Order.channel == done.channel.id).count() == plan.counts["orders_imported"]
    ended = Listing.get(Listing.title == done.stock.out_of_stock[0])
    assert ended.status == "pending_relist"
    sandbox_side = control_of(done.url).offer(ended.offer_id)
    assert sandbox_side["state"] != "active"


def test_clicking_twice_keeps_one_demo_channel_and_one_stock_set(db, paths):
    first = demo.set_up_demo(paths)
    second = demo.set_up_demo(paths)
    assert second.channel.id == first.channel.id
    assert Channel.select().count() == 1
    assert second.stock.items_created == 0
    assert StockItem.select().count() == first.stock.items_created


def test_a_name_taken_by_another_channel_gets_a_number(db, paths):
    channels.save(
        channels.ChannelConfig(
            sub_source="Sandbox demo", username="someone", password="x", api_key="K", api_key_version="1"
        )
    )
    done = demo.set_up_demo(paths)
    assert done.channel.sub_source == "Sandbox demo 2"


def test_a_sandbox_whose_version_key_moved_is_followed(db, paths):
    url = local_sandbox.ensure_running(paths)
    control_of(url).set_version_key(1777)
    done = demo.set_up_demo(paths)
    assert Channel.get_by_id(done.channel.id).api_key_version == 1777


def test_a_failed_test_leaves_no_half_made_channel(db, paths, monkeypatch):
    from core.allegro.errors import LoginRejected

    def refuse(*_args, **_kwargs):
        raise LoginRejected()

    monkeypatch.setattr(channels, "check_connection", refuse)
    with pytest.raises(LoginRejected):
        demo.set_up_demo(paths)
    assert Channel.select().count() == 0
    assert StockItem.select().count() == 0


def test_no_keyring_saves_nothing(db, paths, monkeypatch):
    def unavailable():
        raise secrets.KeyringUnavailable()

    monkeypatch.setattr(secrets, "check_available", unavailable)
    with pytest.raises(secrets.KeyringUnavailable) as caught:
        demo.set_up_demo(paths)
    assert "No password keyring" in caught.value.message
    assert Channel.select().count() == 0


# --- seeding rules, without a network -----------------------------------------------------


def saved_channel() -> int:
    return channels.save(demo.demo_config()).id


def test_seeding_rule_empty_short_and_auctions(db):
    channel_id = saved_channel()
    offers = [offer(100 + n, f"Kubek {n}", quantity=10) for n in range(8)]
    offers.append(offer(200, "Aukcja", quantity=1, fmt=OfferFormat.AUCTION))
    offers.append(offer(300, "Wyprzedane", quantity=0, state=OfferState.SOLD))
    seeded = demo.seed_demo_stock(channel_id, offers)
    assert seeded.items_created == seeded.listings_linked == 10
    assert seeded.out_of_stock == ("Kubek 1", "Kubek 5")  # every fourth buy-now item
    assert seeded.below_listing == ("Kubek 3",)
    assert [stock_of(f"Kubek {n}") for n in range(8)] == [10, 0, 10, 9, 10, 0, 10, 10]
    assert stock_of("Aukcja") == 1
    assert stock_of("Wyprzedane") == 3  # an ended listing keeps some stock; it is not relisted (not ended by us)


def test_existing_stock_is_linked_not_duplicated_and_ambiguous_titles_are_left(db):
    channel_id = saved_channel()
    location = Location.create(name="Magazyn A", is_default=True)
    mine = StockItem.create(sku="MY-1", title="Kubek 0")
    StockLevel.create(item=mine, location=location, quantity=42)
    StockItem.create(sku="DEMO-001", title="something else")
    StockItem.create(sku="A", title="Dwa razy")
    StockItem.create(sku="B", title="Dwa razy")
    seeded = demo.seed_demo_stock(channel_id, [offer(1, "Kubek 0"), offer(2, "Dwa razy"), offer(3, "Nowy")])
    assert seeded.items_created == 1
    assert stock_of("Kubek 0") == 42  # the seller's own level is kept
    assert Listing.get(Listing.offer_id == 1).stock_item_id == mine.id
    assert Listing.get(Listing.offer_id == 2).stock_item_id is None
    new = StockItem.get(StockItem.title == "Nowy")
    assert new.sku == "DEMO-002"  # DEMO-001 was taken
    assert StockLevel.get(StockLevel.item == new).location_id == location.id  # the seller's default location
    assert Location.select().count() == 1
