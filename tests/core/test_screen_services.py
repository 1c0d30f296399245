"""The services the screens read the database through answer with plain rows, and a REST
channel whose tokens cannot be kept is not left half-saved."""
from __future__ import annotations

import json

import keyring
import pytest

from core import channel_rows, choices, overview
from core.models import Channel, Listing, Location, Order, StockItem, SyncRun, utcnow
from core.paths import app_paths
from core.secrets import KeyringUnavailable
from core.store import database_in_use, release_connection
from tests.conftest import MemoryKeyring


def _channel(name: str, enabled: bool = True, **fields) -> Channel:
    return Channel.create(sub_source=name, username="seller", api_key="K", api_key_version=1, enabled=enabled, **fields)


def _order(channel: Channel, form_id: int) -> Order:
    return Order.create(channel=channel, form_id=form_id, buyer_login="kupujacy", amount=10, created_at=utcnow())


def test_the_overview_counts_what_the_shop_holds(db):
    shop = _channel("Sklep")
    item = StockItem.create(sku="KUB-1", title="Kubek")
    Listing.create(channel=shop, offer_id=1, title="Kubek", format="buy_now", stock_item=item)
    Listing.create(channel=shop, offer_id=2, title="Talerz", format="buy_now")
    _order(shop, 7)

    assert overview.shop_counts() == overview.ShopCounts(channels=1, items=1, listings=2, orders=1)
    assert overview.has_channels()
    assert overview.linked_listing_count(shop.id) == 1
    assert overview.order_count(shop.id) == 1


def test_the_latest_finished_run_is_the_newest_that_is_not_running(db):
    shop = _channel("Sklep")
    assert overview.latest_finished_run(shop.id) is None
    SyncRun.create(channel=shop, outcome="failed", counts="{}")
    SyncRun.create(channel=shop, outcome="ok", counts=json.dumps({"listings_ended": 3}))
    running = SyncRun.create(channel=shop, outcome="running")

    run = overview.latest_finished_run(shop.id)
    assert run == overview.FinishedRun("ok", {"listings_ended": 3})
    assert overview.latest_run_id() == running.id


def test_a_run_with_spoiled_counts_is_still_reported_with_none(db):
    shop = _channel("Sklep")
    SyncRun.create(channel=shop, outcome="partial", counts="not json")
    assert overview.latest_finished_run(shop.id) == overview.FinishedRun("partial", {})


def test_channel_choices_come_by_name_and_only_enabled_ones_when_asked(db):
    _channel("Zeta")
    alfa = _channel("Alfa")
    off = _channel("Beta", enabled=False)

    assert [c.sub_source for c in choices.channel_choices()] == ["Alfa", "Beta", "Zeta"]
    assert [c.sub_source for c in choices.channel_choices(enabled_only=True)] == ["Alfa", "Zeta"]
    assert choices.channel_count() == 3
    assert choices.channel_name(alfa.id) == "Alfa"
    assert not choices.submits_tracking(off.id)
    with pytest.raises(LookupError):
        choices.channel_name(9999)


def test_location_choices_name_the_default_and_a_missing_one_is_none(db):
    shop = Location.create(name="Sklep")
    main = Location.create(name="Magazyn", is_default=True)

    assert choices.location_choices() == [
        choices.LocationChoice(main.id, "Magazyn", True),
        choices.LocationChoice(shop.id, "Sklep", False),
    ]
    assert choices.location_name(main.id) == "Magazyn"
    assert choices.location_name(None) is None
    assert choices.location_name(9999) is None
    assert choices.marked_default_location_id() == main.id


def test_orders_ship_from_the_channels_location_or_else_the_default(db):
    shop = Location.create(name="Sklep")
    Location.create(name="Magazyn", is_default=True)
    own = _channel("Own", update_from_location=True, location=shop)
    other = _channel("Other")
    assert choices.ships_from(own.id) == "Sklep"
    assert choices.ships_from(other.id) == "Magazyn"


def test_the_channel_list_and_what_a_deletion_would_take(db):
    shop = _channel("Sklep", environment="sandbox")
    _order(shop, 1)
    _order(shop, 2)
    Listing.create(channel=shop, offer_id=5, title="Kubek", format="buy_now")

    [row] = channel_rows.channel_list()
    assert (row.id, row.sub_source, row.environment, row.enabled) == (shop.id, "Sklep", "sandbox", True)
    assert channel_rows.channel_contents(shop.id) == channel_rows.ChannelContents("Sklep", orders=2, listings=1)
    assert channel_rows.name_taken("Sklep") and not channel_rows.name_taken("Inny")


TOKEN = {"access_token": "a", "refresh_token": "r", "expires_in": 3600}


def test_a_rest_channel_is_saved_with_its_login_and_tokens(db, data_dir):
    channel_id = channel_rows.add_rest_channel("Sklep REST", "sprzedawca", "PLN", "sandbox", app_paths(data_dir), TOKEN)

    row = Channel.get_by_id(channel_id)
    assert (row.sub_source, row.username, row.api) == ("Sklep REST", "sprzedawca", "rest")
    assert any(json.loads(v).get("refresh_token") == "r" for v in keyring.get_keyring().passwords.values())


class RefusingKeyring(MemoryKeyring):
    # keyring registers every backend class and its default picks any it can build with no
    # arguments: the required `error` keeps this one out of later tests' default keyring.
    def __init__(self, error: Exception):
        super().__init__()
        self.error = error

    def set_password(self, service, username, password):
        raise self.error


def test_a_rest_channel_whose_tokens_the_keyring_refuses_is_not_saved(db, data_dir):
    keyring.set_keyring(RefusingKeyring(keyring.errors.KeyringLocked("locked")))
    with pytest.raises(KeyringUnavailable):
        channel_rows.add_rest_channel("Sklep REST", "sprzedawca", "PLN", "sandbox", app_paths(data_dir), TOKEN)
    assert not Channel.select().exists()


@pytest.mark.sqlite_only  # names the SQLite file; on PostgreSQL the database is a URL
def test_the_database_in_use_is_the_open_file(db, tmp_path):
    assert database_in_use(tmp_path / "elsewhere.sqlite3") == str(tmp_path / "test.sqlite3")
    release_connection()
    assert overview.shop_counts().channels == 0  # a closed connection opens again on the next query
