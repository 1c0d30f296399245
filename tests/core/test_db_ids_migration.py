"""Migration 6: offer, order and journal ids become the marketplace's own values as text."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from core.db import SCHEMA_VERSION, database, open_database

SCHEMA_V5 = Path(__file__).parent / "data" / "schema_v5.sql"  # the tables as version 5 made them
FORM_UUID = "29738e61-7f6a-11e8-ac45-09db60ede9d6"
OTHER_UUID = "6b3e5d0c-1f2a-4b5c-9d8e-7f6a5b4c3d2e"
EVENT_ID = "MTEzMjQzODU3NTI4NjUwMTU"


@pytest.fixture(autouse=True)
def _unbind():
    yield
    if database.obj is not None:
        database.close()
    database.initialize(None)


def make_version_5(path: Path) -> None:
    """A version-5 database with a WebAPI channel and a REST channel, each with listings,
    orders, a planned tracking action and (REST) a shipment in the command ledger."""
    con = sqlite3.connect(path)
    con.executescript(SCHEMA_V5.read_text())
    con.executescript(
        """
        INSERT INTO schema_info (version) VALUES (5);
        INSERT INTO location (id, name, is_default) VALUES (1, 'Magazyn', 1);
        INSERT INTO channel (id, sub_source, username, api_key, api_key_version, currency, environment, api,
            enabled, inventory_sync, update_from_location, submit_tracking, sync_orders_from, relist_items,
            end_listings, no_manual_confirmation, relist_duration, relist_delay, end_auctions,
            end_auctions_with_bids, link_by_title, mass_end_percent, mass_end_count, buffer_max_listed,
            buffer_keep_back, buffer_percent, buffer_end_at, journal_cursor, last_sync_outcome, created_at)
        VALUES
            (1, 'Old', 'seller', 'KEY', 7, 'PLN', 'sandbox', 'webapi', 1, 1, 0, 1, '2026-01-01', 0, 0, 0, 0, 0, 0,
             0, 0, 20, 50, 0, 0, 100, 0, 9000000123, 'ok', '2026-01-01'),
            (2, 'New', '', '', 0, 'PLN', 'sandbox', 'rest', 1, 1, 0, 1, '2026-01-01', 0, 0, 0, 0, 0, 0,
             0, 0, 20, 50, 0, 0, 100, 0, 3, 'ok', '2026-01-01');
        INSERT INTO rest_id (id, kind, rest_id) VALUES
            (1, 'form', '29738e61-7f6a-11e8-ac45-09db60ede9d6'),
            (2, 'line', 'aaaa0000-0000-4000-8000-000000000001'),
            (3, 'event', 'MTEzMjQzODU3NTI4NjUwMTU'),
            (4, 'form', '6b3e5d0c-1f2a-4b5c-9d8e-7f6a5b4c3d2e');
        INSERT INTO listing (id, channel_id, offer_id, title, format, status, quantity, start_quantity,
            sold_quantity, bids, price, ended_by_us, previous_offer_id, changed_elsewhere, updated_at)
        VALUES
            (1, 1, 7300000000001, 'Kubek', 'buy_now', 'active', 3, 5, 2, 0, 10, 0, NULL, '', '2026-01-01'),
            (2, 1, 7300000000002, 'Kubek', 'buy_now', 'active', 3, 3, 0, 0, 10, 0, 7300000000001, '', '2026-01-01'),
            (3, 2, 7700000000001, 'Talerz', 'buy_now', 'active', 1, 1, 0, 0, 10, 0, NULL, '', '2026-01-01');
        INSERT INTO "order" (id, channel_id, form_id, buyer_id, buyer_login, buyer_email, amount, postage_amount,
            currency, pay_type, pay_status, status, ship_name, ship_company, ship_street, ship_postcode,
            ship_city, ship_country, ship_phone, message, imported_at)
        VALUES
            (1, 1, 1900000042, 5, 'jan', '', 10, 0, 'PLN', '', '', 'open', '', '', '', '', '', '', '', '', '2026-01-01'),
            (2, 2, 1, 6, 'ola', '', 10, 0, 'PLN', '', '', 'open', '', '', '', '', '', '', '', '', '2026-01-01'),
            (3, 2, 4, 6, 'ola', '', 10, 0, 'PLN', '', '', 'open', '', '', '', '', '', '', '', '', '2026-01-01');
        INSERT INTO order_item (id, order_id, offer_id, title, quantity, price, link_state) VALUES
            (1, 1, 7300000000001, 'Kubek', 1, 10, 'unlinked'),
            (2, 2, 7700000000001, 'Talerz', 1, 10, 'unlinked');
        INSERT INTO shipment (id, order_id, carrier_id, carrier_name, tracking_number, state, reason, created_at)
        VALUES (1, 1, 2, '', 'TRACK-W', 'pending', '', '2026-01-01'),
               (2, 2, 2, '', 'TRACK-R', 'pending', '', '2026-01-01');
        INSERT INTO planned_action (id, channel_id, kind, shipment_id, listing_id, params, reason, state, result,
            created_at, updated_at)
        VALUES
            (1, 1, 'tracking', 1, NULL, '{"carrier_id": 2, "form_id": 1900000042, "tracking_number": "TRACK-W"}',
             '', 'proposed', '', '2026-01-01', '2026-01-01'),
            (2, 2, 'tracking', 2, NULL, '{"carrier_id": 2, "form_id": 1, "tracking_number": "TRACK-R"}',
             '', 'proposed', '', '2026-01-01', '2026-01-01'),
            (3, 1, 'relist', NULL, 2, '{"duration_days": 0, "local_id": 4, "new_offer_id": 7300000000002}',
             '', 'done', '', '2026-01-01', '2026-01-01'),
            (4, 1, 'quantity', NULL, 1, '{"offer_id": 7300000000001, "quantity": 3, "sold": 2}',
             '', 'done', '', '2026-01-01', '2026-01-01');
        INSERT INTO rest_command (id, channel_id, kind, command_id, offer_ids, target, created, settled) VALUES
            (1, 2, 'shipment', '5f1d0c2a-3b4e-4f60-9a7b-8c9d0e1f2a3b', '1', 'TRACK-R', '2026-01-01', NULL),
            (2, 2, 'quantity', '0a1d0c2a-3b4e-4f60-9a7b-8c9d0e1f2a3b', '7700000000001', '2', '2026-01-01', NULL);
        """
    )
    con.commit()
    con.close()


def test_a_version_5_database_keeps_every_id_as_the_marketplace_value(tmp_path):
    from core.allegro.rest.ledger import DatabaseLedger
    from core.models import Channel, Listing, Order, OrderItem, PlannedAction, SchemaInfo

    path = tmp_path / "v5.sqlite3"
    make_version_5(path)

    open_database(path, backups_dir=tmp_path / "backups")

    assert SchemaInfo.get().version == SCHEMA_VERSION == 6
    # WebAPI rows: the same numbers, in decimal
    assert Channel.get_by_id(1).journal_cursor == "9000000123"
    assert [(row.offer_id, row.previous_offer_id) for row in Listing.select().order_by(Listing.id)] == [
        ("7300000000001", None), ("7300000000002", "7300000000001"), ("7700000000001", None)
    ]
    assert Order.get_by_id(1).form_id == "1900000042"
    assert [i.offer_id for i in OrderItem.select().order_by(OrderItem.id)] == ["7300000000001", "7700000000001"]
    # REST rows: Allegro's own values again, from the numbers the app had handed out
    assert Channel.get_by_id(2).journal_cursor == EVENT_ID
    assert [o.form_id for o in Order.select().where(Order.channel == 2).order_by(Order.id)] == [FORM_UUID, OTHER_UUID]
    params = {a.id: json.loads(a.params) for a in PlannedAction.select()}
    assert params[1]["form_id"] == "1900000042"
    assert params[2]["form_id"] == FORM_UUID
    assert params[3]["new_offer_id"] == "7300000000002"
    assert params[4]["offer_id"] == "7300000000001"
    assert [e.offer_ids for e in DatabaseLedger(2).unsettled("shipment")] == [(FORM_UUID,)]
    assert [e.offer_ids for e in DatabaseLedger(2).unsettled("quantity")] == [("7700000000001",)]
    assert "rest_id" not in database.get_tables()
    # the unique (channel, id) indexes are back
    names = {i.name: i.unique for i in database.get_indexes("order")}
    assert names.get("order_channel_id_form_id") is True
    assert {i.name: i.unique for i in database.get_indexes("listing")}.get("listing_channel_id_offer_id") is True
    # and a REST order stored after the upgrade keeps its UUID
    Order.create(channel=2, form_id="0d2e5f7a-1b3c-4d5e-8f90-a1b2c3d4e5f6")
    assert Order.get(Order.form_id == "0d2e5f7a-1b3c-4d5e-8f90-a1b2c3d4e5f6").channel_id == 2


def test_a_version_5_database_keeps_its_rows_when_the_upgrade_fails(tmp_path, monkeypatch):
    from core import db as dbmod

    path = tmp_path / "v5.sqlite3"
    make_version_5(path)

    def half_then_fail(migrator):
        dbmod._migration_6(migrator)
        raise RuntimeError("disk pulled out")

    monkeypatch.setitem(dbmod.MIGRATIONS, 6, half_then_fail)
    with pytest.raises(RuntimeError):
        open_database(path, backups_dir=tmp_path / "backups")
    database.initialize(None)

    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT version FROM schema_info").fetchone()[0] == 5
        assert con.execute("SELECT form_id FROM \"order\" ORDER BY id").fetchall() == [(1900000042,), (1,), (4,)]
        assert con.execute("SELECT count(*) FROM rest_id").fetchone()[0] == 4
    finally:
        con.close()
