"""The first-run demo on REST: a REST channel on the built-in Sandbox, connected by its device
flow (approved by the Sandbox), its stock seeded and linked, and a first sync that works."""
from __future__ import annotations

import pytest

from core import channels, demo, demo_rest
from core.allegro import local_sandbox
from core.allegro.rest.tokens import load_tokens, token_account
from core.models import Channel, Listing, Order, StockItem
from core.paths import app_paths
from core.sync.engine import SyncEngine, decide
from core.sync.marketplace import make_marketplace


@pytest.fixture
def paths(data_dir):
    paths = app_paths(data_dir)
    yield paths
    local_sandbox.stop(paths)


def test_the_rest_demo_channel_is_connected_by_oauth_with_its_tokens_only_in_the_keyring(db, paths, memory_keyring):
    done = demo_rest.set_up_rest_demo(paths)

    row = Channel.get_by_id(done.channel.id)
    assert (row.api, row.environment, row.sub_source, row.username) == ("rest", "sandbox", "Sandbox demo", "sandbox-seller")
    assert (row.enabled, row.inventory_sync, row.end_listings, row.relist_items, row.link_by_title) == (True,) * 5
    tokens = load_tokens(token_account(row))
    assert tokens["refresh_token"] and tokens["access_token"]
    assert tokens["access_token"] not in str(row.__data__)  # the database holds no token
    linked = Listing.select().where((Listing.channel == row.id) & Listing.stock_item.is_null(False)).count()
    assert linked == StockItem.select().count() > 20
    assert done.stock.out_of_stock  # the first sync will propose ending these


def test_a_second_click_reuses_the_connected_rest_demo_channel(db, paths, memory_keyring):
    first = demo_rest.set_up_rest_demo(paths)
    second = demo_rest.set_up_rest_demo(paths)
    assert second.channel.id == first.channel.id
    assert Channel.select().count() == 1


def test_the_webapi_demo_is_still_there_beside_the_rest_one(db, paths, memory_keyring):
    rest = demo_rest.set_up_rest_demo(paths)
    webapi = demo.set_up_demo(paths)
    assert webapi.channel.id != rest.channel.id
    rows = {row.sub_source: row.api for row in Channel.select()}
    assert rows == {"Sandbox demo": "rest", "Sandbox demo 2": "webapi"}


def test_the_first_sync_of_the_rest_demo_imports_the_demo_orders_and_asks_before_ending(db, paths, memory_keyring):
    done = demo_rest.set_up_rest_demo(paths)
    marketplace = make_marketplace(done.channel.id, paths)
    try:
        engine = SyncEngine(done.channel.id, marketplace)
        plan = engine.plan()
        assert plan.counts["orders_imported"] >= 20
        assert {a.title for a in plan.ends} == set(done.stock.out_of_stock)
        assert plan.needs_confirmation
        decide(plan, [a.action_id for a in plan.ends])
        report = engine.apply(plan)
    finally:
        marketplace.close()
    assert report.outcome == "ok"
    assert report.counts["listings_ended"] == len(done.stock.out_of_stock)
    assert Order.select().where(Order.channel == done.channel.id).count() == plan.counts["orders_imported"]


def test_a_refused_approval_leaves_no_channel_behind(db, paths, memory_keyring, monkeypatch):
    def refuse(auth_url, user_code):
        raise demo_rest.DemoNotApproved()

    monkeypatch.setattr(demo_rest, "approve_on_sandbox", refuse)
    with pytest.raises(demo_rest.DemoNotApproved) as refused:
        demo_rest.set_up_rest_demo(paths)
    assert "did not approve" in refused.value.message
    assert Channel.select().count() == 0


def test_when_the_listings_cannot_be_read_the_new_channel_and_its_tokens_are_removed(db, paths, memory_keyring):
    def broken(channel_id, paths):
        raise channels.ChannelNotFound("demo")

    with pytest.raises(channels.ChannelNotFound):
        demo_rest.set_up_rest_demo(paths, marketplace_factory=broken)
    assert Channel.select().count() == 0
    assert not [key for key in memory_keyring.passwords if key[1].endswith("-oauth")]


def test_without_a_keyring_the_rest_demo_says_so_before_connecting(db, paths, monkeypatch):
    from core import secrets

    def no_keyring():
        raise secrets.KeyringUnavailable()

    monkeypatch.setattr(secrets, "check_available", no_keyring)
    with pytest.raises(secrets.KeyringUnavailable) as refused:
        demo_rest.set_up_rest_demo(paths)
    assert "No password keyring is available" in refused.value.message
    assert Channel.select().count() == 0
