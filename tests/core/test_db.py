"""The database: created, upgraded in place, and never overwritten when damaged."""
from __future__ import annotations

import sqlite3

import pytest
from peewee import SqliteDatabase
from playhouse.migrate import SqliteMigrator, migrate

from core import db as dbmod
from core.db import SCHEMA_VERSION, DatabaseError, database, open_database


@pytest.fixture(autouse=True)
def _unbind():
    yield
    if database.obj is not None:
        database.close()
    database.initialize(None)


VERSION_3_COLUMNS = [
    ("channel", name)
    for name in ("mass_end_percent", "mass_end_count", "buffer_max_listed", "buffer_keep_back", "buffer_percent", "buffer_end_at")
] + [("listing", "changed_elsewhere"), ("listing", "changed_elsewhere_at")]
VERSION_4_COLUMNS = [("channel", "api")]


def make_version_1(path):
    """A database as version 0.1 of the app left it, with a few rows."""
    from core.models import ALL_MODELS, Location, SchemaInfo, StockItem, StockLevel

    raw = SqliteDatabase(str(path), pragmas=dbmod.SQLITE_PRAGMAS)
    database.initialize(raw)
    raw.create_tables(ALL_MODELS)
    migrator = SqliteMigrator(raw)
    migrate(migrator.drop_column("listing", "previous_offer_id"), migrator.drop_column("channel", "last_sync_outcome"))
    for table, column in VERSION_3_COLUMNS + VERSION_4_COLUMNS:
        migrate(migrator.drop_column(table, column))
    SchemaInfo.create(version=1)
    warehouse = Location.create(name="Magazyn Łódź", is_default=True)
    for n in range(3):
        item = StockItem.create(sku=f"SKU-{n}", title=f"Żółty kubek {n}")
        StockLevel.create(item=item, location=warehouse, quantity=10 + n)
    raw.execute_sql("INSERT INTO channel (sub_source, username, api_key, api_key_version, currency, environment,"
                    " enabled, inventory_sync, update_from_location, submit_tracking, sync_orders_from, relist_items,"
                    " end_listings, no_manual_confirmation, relist_duration, relist_delay, end_auctions,"
                    " end_auctions_with_bids, link_by_title, created_at) VALUES ('MyAllegro', 'seller', 'KEY', 7,"
                    " 'PLN', 'sandbox', 1, 1, 0, 0, '2026-01-01', 0, 0, 0, 0, 0, 0, 0, 0, '2026-01-01')")
    raw.close()
    database.initialize(None)


def columns(path, table):
    con = sqlite3.connect(path)
    try:
        return {row[1] for row in con.execute(f"PRAGMA table_info({table})")}
    finally:
        con.close()


def test_new_database_is_created_at_the_current_version(tmp_path):
    from core.models import SchemaInfo

    open_database(tmp_path / "new.sqlite3")
    assert SchemaInfo.get().version == SCHEMA_VERSION
    pragmas = {name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]
               for name in ("journal_mode", "foreign_keys", "synchronous")}
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 1}


def test_an_older_database_is_upgraded_in_place_with_its_rows(tmp_path):
    from core.models import Channel, SchemaInfo, StockItem, StockLevel

    path = tmp_path / "old.sqlite3"
    make_version_1(path)
    assert "previous_offer_id" not in columns(path, "listing")

    open_database(path, backups_dir=tmp_path / "backups")

    assert SchemaInfo.get().version == SCHEMA_VERSION
    assert "previous_offer_id" in columns(path, "listing")
    assert "last_sync_outcome" in columns(path, "channel")
    assert sorted(i.title for i in StockItem.select()) == ["Żółty kubek 0", "Żółty kubek 1", "Żółty kubek 2"]
    assert sum(level.quantity for level in StockLevel.select()) == 33
    assert Channel.get().sub_source == "MyAllegro"
    assert Channel.get().last_sync_outcome == ""
    # the guards' options arrive with their defaults: the brake at 20 % or 50, no buffers
    channel = Channel.get()
    assert (channel.mass_end_percent, channel.mass_end_count, channel.buffer_percent, channel.buffer_keep_back) == (20, 50, 100, 0)
    # every channel made before the REST API existed talks to the WebAPI
    assert channel.api == "webapi"
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    assert "previous_offer_id" not in columns(backups[0], "listing")  # the copy is of the old one


def test_a_failed_migration_leaves_the_old_database_untouched(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    make_version_1(path)

    def half_then_fail(migrator):
        dbmod._migration_2(migrator)  # the columns are added ...
        raise RuntimeError("disk pulled out")  # ... and then the step dies

    monkeypatch.setitem(dbmod.MIGRATIONS, 2, half_then_fail)
    with pytest.raises(RuntimeError):
        open_database(path, backups_dir=tmp_path / "backups")
    database.initialize(None)

    con = sqlite3.connect(path)
    assert con.execute("SELECT version FROM schema_info").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM stock_item").fetchone()[0] == 3
    con.close()
    assert "previous_offer_id" not in columns(path, "listing")


def test_a_version_3_database_gains_the_channel_api_and_keeps_its_channels(tmp_path):
    from core.models import Channel, SchemaInfo

    path = tmp_path / "v3.sqlite3"
    make_version_1(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE schema_info SET version = 1")
    con.commit()
    con.close()
    open_database(path, backups_dir=tmp_path / "backups")
    database.close()
    database.initialize(None)
    con = sqlite3.connect(path)  # back to version 3: the api column gone, as 0.3 had it
    con.execute("ALTER TABLE channel DROP COLUMN api")
    con.execute("UPDATE schema_info SET version = 3")
    con.commit()
    con.close()

    open_database(path, backups_dir=tmp_path / "backups")

    assert SchemaInfo.get().version == SCHEMA_VERSION == 6
    assert [(c.sub_source, c.api) for c in Channel.select()] == [("MyAllegro", "webapi")]
    rest = Channel.create(sub_source="Shop", username="", api_key="", api="rest", environment="production")
    assert Channel.get_by_id(rest.id).api == "rest"


def test_a_version_4_database_gains_the_rest_command_ledger_and_keeps_its_channels(tmp_path):
    from core.allegro.rest.ledger import DatabaseLedger, LedgerEntry
    from core.models import Channel, SchemaInfo

    path = tmp_path / "v4.sqlite3"
    make_version_1(path)
    open_database(path, backups_dir=tmp_path / "backups")
    database.close()
    database.initialize(None)
    con = sqlite3.connect(path)  # back to version 4: no ledger, as 0.4 had it
    con.execute("DROP TABLE rest_command")
    con.execute("UPDATE schema_info SET version = 4")
    con.commit()
    con.close()

    open_database(path, backups_dir=tmp_path / "backups")

    assert SchemaInfo.get().version == SCHEMA_VERSION == 6
    [channel] = Channel.select()
    ledger = DatabaseLedger(channel.id)
    ledger.record(LedgerEntry("quantity", "5f1d0c2a-3b4e-4f60-9a7b-8c9d0e1f2a3b", ("7100000001", "7100000002"), "4"))
    assert ledger.unsettled("quantity") == [
        LedgerEntry("quantity", "5f1d0c2a-3b4e-4f60-9a7b-8c9d0e1f2a3b", ("7100000001", "7100000002"), "4")
    ]
    ledger.settle("5f1d0c2a-3b4e-4f60-9a7b-8c9d0e1f2a3b")
    assert ledger.unsettled("quantity") == []


def test_a_corrupt_file_is_named_and_never_overwritten(tmp_path):
    path = tmp_path / "acm.sqlite3"
    garbage = b"this is not a database, it is a shopping list\n" * 50
    path.write_bytes(garbage)
    with pytest.raises(DatabaseError) as error:
        open_database(path)
    assert str(path) in str(error.value)
    assert "left untouched" in str(error.value)
    assert path.read_bytes() == garbage


def test_a_damaged_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "acm.sqlite3"
    open_database(path)
    database.close()
    database.initialize(None)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"acm.sqlite3{suffix}").unlink(missing_ok=True)
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as error:
        open_database(path)
    assert str(path) in str(error.value)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_app_is_refused(tmp_path):
    from core.models import SchemaInfo

    path = tmp_path / "acm.sqlite3"
    open_database(path)
    SchemaInfo.update(version=SCHEMA_VERSION + 5).execute()
    database.close()
    database.initialize(None)
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(path)


def test_a_missing_folder_is_reported(tmp_path):
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(tmp_path / "nowhere" / "acm.sqlite3")
