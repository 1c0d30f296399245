"""The shared PostgreSQL database: created, upgraded in place, values kept exactly.

Run by .ci/run against a real server (ACM_TEST_DATABASE_URL); the SQLite side is test_db.py.
"""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from playhouse.db_url import connect
from playhouse.migrate import PostgresqlMigrator, migrate

from core import db as dbmod
from core.db import SCHEMA_VERSION, DatabaseError, database, open_database
from core.models import ALL_MODELS, Channel, Listing, Location, SchemaInfo, StockItem, StockLevel
from tests.core.test_db import VERSION_3_COLUMNS, VERSION_4_COLUMNS

pytestmark = pytest.mark.postgres_only

ROOT = Path(__file__).resolve().parents[2]
URL = os.environ.get("ACM_TEST_DATABASE_URL", "")


def columns(db, table: str) -> dict[str, str]:
    return {c.name: c.data_type for c in db.get_columns(table)}


@pytest.fixture
def version_1(db):
    """The server's database as version 0.1 of the app left it, with a few rows; not bound."""
    db.execute_sql("DROP SCHEMA public CASCADE")
    db.execute_sql("CREATE SCHEMA public")
    db.create_tables(ALL_MODELS)
    migrator = PostgresqlMigrator(db)
    migrate(migrator.drop_column("listing", "previous_offer_id"), migrator.drop_column("channel", "last_sync_outcome"))
    for table, column in VERSION_3_COLUMNS + VERSION_4_COLUMNS:  # what later versions added
        migrate(migrator.drop_column(table, column))
    SchemaInfo.create(version=1)
    warehouse = Location.create(name="Magazyn Łódź", is_default=True)
    for n in range(3):
        item = StockItem.create(sku=f"SKU-{n}", title=f"Żółty kubek {n}")
        StockLevel.create(item=item, location=warehouse, quantity=10 + n)
    db.execute_sql(
        "INSERT INTO channel (sub_source, username, api_key, api_key_version, currency, environment, enabled,"
        " inventory_sync, update_from_location, submit_tracking, sync_orders_from, relist_items, end_listings,"
        " no_manual_confirmation, relist_duration, relist_delay, end_auctions, end_auctions_with_bids,"
        " link_by_title, created_at) VALUES ('MyAllegro', 'seller', 'KEY', 7, 'PLN', 'sandbox', true, true,"
        " false, false, '2026-01-01', false, false, false, 0, 0, false, false, false, '2026-01-01')"
    )
    db.close()
    database.initialize(None)
    return db


def test_values_come_back_exactly(db):
    channel = Channel.create(sub_source="MojeAllegro", username="u", api_key="k", api_key_version=2**62 + 7)
    when = datetime(2026, 3, 29, 1, 30, 15, 123456)  # naive UTC, microseconds, the night clocks move
    Listing.create(
        channel=channel, offer_id=2**53 + 1, title="Żółty kubek", format="buy_now",
        price=Decimal("1234567890.99"), end_time=when,
    )
    got = Listing.get()
    assert (got.offer_id, got.price, got.end_time) == (str(2**53 + 1), Decimal("1234567890.99"), when)
    assert Channel.get().api_key_version == 2**62 + 7
    assert columns(db, "listing")["end_time"] == "timestamp without time zone"


def test_an_older_database_on_the_server_is_upgraded_in_place_with_its_rows(version_1):
    assert "previous_offer_id" not in columns(version_1, "listing")
    db = open_database(url=URL)
    try:
        assert SchemaInfo.get().version == SCHEMA_VERSION
        assert "previous_offer_id" in columns(db, "listing")
        assert Channel.get().sub_source == "MyAllegro" and Channel.get().last_sync_outcome == ""
        assert sorted(i.title for i in StockItem.select()) == ["Żółty kubek 0", "Żółty kubek 1", "Żółty kubek 2"]
        assert sum(level.quantity for level in StockLevel.select()) == 33
    finally:
        db.close()


def test_a_failed_upgrade_leaves_the_server_database_as_it_was(version_1, monkeypatch):
    def half_then_fail(migrator):
        dbmod._migration_2(migrator)  # the columns are added ...
        raise RuntimeError("network cut")  # ... and then the step dies

    monkeypatch.setitem(dbmod.MIGRATIONS, 2, half_then_fail)
    with pytest.raises(RuntimeError):
        open_database(url=URL)
    database.initialize(version_1)
    try:
        assert SchemaInfo.get().version == 1
        assert StockItem.select().count() == 3
        assert "previous_offer_id" not in columns(version_1, "listing")  # DDL rolled back too
    finally:
        version_1.close()


def test_desks_started_together_on_an_empty_database_create_it_once(db):
    db.execute_sql("DROP SCHEMA public CASCADE")
    db.execute_sql("CREATE SCHEMA public")
    db.close()
    opener = "import sys; from core.db import open_database; sys.stdin.readline(); open_database(url=sys.argv[1]).close()"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    desks = [
        subprocess.Popen([sys.executable, "-c", opener, URL], cwd=ROOT, env=env, stdin=subprocess.PIPE, text=True,
                         stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    for desk in desks:  # all imported and waiting; now all at once
        desk.stdin.write("\n")
        desk.stdin.flush()
    results = []
    for desk in desks:
        _, err = desk.communicate(timeout=120)  # waits and closes the pipes
        results.append((desk.returncode, err))
    assert results == [(0, "")] * 4
    assert [row.version for row in SchemaInfo.select()] == [SCHEMA_VERSION]


def test_a_database_from_a_newer_app_is_refused_and_left_alone(db):
    SchemaInfo.update(version=SCHEMA_VERSION + 5).execute()
    db.close()
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(url=URL)
    database.initialize(db)
    assert SchemaInfo.get().version == SCHEMA_VERSION + 5


def test_a_user_without_rights_is_told_in_a_sentence(db):
    db.execute_sql("DROP SCHEMA public CASCADE")
    db.execute_sql("CREATE SCHEMA public")
    db.execute_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    db.execute_sql("REVOKE CREATE ON SCHEMA public FROM CURRENT_USER")
    db.close()
    with pytest.raises(DatabaseError, match="The shared database cannot be used: permission denied"):
        open_database(url=URL)


def test_after_the_server_drops_the_connection_the_next_query_connects_again(db):
    Location.create(name="Magazyn")
    other = connect(URL)  # an administrator's session
    other.execute_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                      " WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()")
    other.close()
    with pytest.raises(Exception):  # noqa: B017 - the query that met the cut: it may or may not have run
        Location.select().count()
    assert [loc.name for loc in Location.select()] == ["Magazyn"]  # the desk goes on without a restart


def test_a_version_5_database_on_the_server_keeps_every_id_as_the_marketplace_value(db):
    """Migration 6 on PostgreSQL: the id columns were BIGINT, REST rows held rest_id numbers."""
    import json

    from core.allegro.rest.ledger import DatabaseLedger
    from core.models import Order, OrderItem, PlannedAction

    db.execute_sql("DROP SCHEMA public CASCADE")
    db.execute_sql("CREATE SCHEMA public")
    db.create_tables(ALL_MODELS)
    for table, column, _null in dbmod.TEXT_ID_COLUMNS:  # back to version 5's numbers
        db.execute_sql(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE BIGINT USING NULLIF("{column}", \'\')::bigint')
    db.execute_sql('CREATE TABLE "rest_id" ("id" SERIAL PRIMARY KEY, "kind" VARCHAR(10) NOT NULL, "rest_id" VARCHAR(100) NOT NULL)')
    db.execute_sql("INSERT INTO rest_id (kind, rest_id) VALUES ('form', '29738e61-7f6a-11e8-ac45-09db60ede9d6'), "
                   "('event', 'MTEzMjQzODU3NTI4NjUwMTU')")
    SchemaInfo.create(version=5)
    for sub_source, api, cursor in (("Old", "webapi", 9000000123), ("New", "rest", 2)):
        db.execute_sql(
            "INSERT INTO channel (sub_source, username, api_key, api_key_version, currency, environment, api, enabled,"
            " inventory_sync, update_from_location, submit_tracking, sync_orders_from, relist_items, end_listings,"
            " no_manual_confirmation, relist_duration, relist_delay, end_auctions, end_auctions_with_bids,"
            " link_by_title, mass_end_percent, mass_end_count, buffer_max_listed, buffer_keep_back, buffer_percent,"
            " buffer_end_at, journal_cursor, last_sync_outcome, created_at) VALUES (%s, 'u', 'k', 0, 'PLN', 'sandbox',"
            " %s, true, true, false, true, '2026-01-01', false, false, false, 0, 0, false, false, false, 20, 50, 0, 0,"
            " 100, 0, %s, '', '2026-01-01')",
            (sub_source, api, cursor),
        )
    old, new = [row[0] for row in db.execute_sql("SELECT id FROM channel ORDER BY id").fetchall()]
    db.execute_sql(
        "INSERT INTO listing (channel_id, offer_id, title, format, status, quantity, start_quantity, sold_quantity,"
        " bids, price, ended_by_us, previous_offer_id, changed_elsewhere, updated_at) VALUES"
        " (%s, 7300000000002, 'Kubek', 'buy_now', 'active', 1, 1, 0, 0, 10, false, 7300000000001, '', '2026-01-01')",
        (old,),
    )
    for channel, form in ((old, 1900000042), (new, 1)):
        db.execute_sql(
            "INSERT INTO \"order\" (channel_id, form_id, buyer_id, buyer_login, buyer_email, amount, postage_amount,"
            " currency, pay_type, pay_status, status, ship_name, ship_company, ship_street, ship_postcode, ship_city,"
            " ship_country, ship_phone, message, imported_at) VALUES (%s, %s, 0, '', '', 10, 0, 'PLN', '', '', 'open',"
            " '', '', '', '', '', '', '', '', '2026-01-01')",
            (channel, form),
        )
    rest_order = db.execute_sql("SELECT id FROM \"order\" WHERE channel_id = %s", (new,)).fetchone()[0]
    db.execute_sql("INSERT INTO order_item (order_id, offer_id, title, quantity, price, link_state)"
                   " VALUES (%s, 7700000000001, 'Lampka', 1, 10, 'unlinked')", (rest_order,))
    db.execute_sql("INSERT INTO planned_action (channel_id, kind, params, reason, state, result, created_at, updated_at)"
                   " VALUES (%s, 'tracking', '{\"form_id\": 1}', '', 'proposed', '', '2026-01-01', '2026-01-01')", (new,))
    db.execute_sql("INSERT INTO rest_command (channel_id, kind, command_id, offer_ids, target, created)"
                   " VALUES (%s, 'shipment', '5f1d0c2a-3b4e-4f60-9a7b-8c9d0e1f2a3b', '1', 'T', '2026-01-01')", (new,))
    db.close()
    database.initialize(None)

    handle = open_database(url=URL)
    try:
        assert SchemaInfo.get().version == SCHEMA_VERSION
        assert columns(handle, "order")["form_id"] == "character varying"
        assert [c.journal_cursor for c in Channel.select().order_by(Channel.id)] == ["9000000123", "MTEzMjQzODU3NTI4NjUwMTU"]
        assert (Listing.get().offer_id, Listing.get().previous_offer_id) == ("7300000000002", "7300000000001")
        assert [o.form_id for o in Order.select().order_by(Order.id)] == ["1900000042", "29738e61-7f6a-11e8-ac45-09db60ede9d6"]
        assert [i.offer_id for i in OrderItem.select()] == ["7700000000001"]
        assert json.loads(PlannedAction.get().params)["form_id"] == "29738e61-7f6a-11e8-ac45-09db60ede9d6"
        assert [e.offer_ids for e in DatabaseLedger(new).unsettled("shipment")] == [("29738e61-7f6a-11e8-ac45-09db60ede9d6",)]
        assert "rest_id" not in handle.get_tables()
    finally:
        handle.close()
