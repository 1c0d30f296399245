"""The database: one DatabaseProxy, opened once per process, schema kept up to date.

SQLite by default (WAL, foreign keys, synchronous=normal); a database URL such as
postgresql://… may replace it, so several desks share one database. Schema changes are
numbered migrations applied in one transaction (after an online backup of an SQLite
file), so a failed upgrade leaves the old database as it was.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import stat
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import peewee
from peewee import PostgresqlDatabase, SqliteDatabase
from playhouse.migrate import SchemaMigrator, migrate
from core.db_problems import (  # noqa: F401 - DatabaseError and url_problem: the callers' names
    SQLITE_HEADER,
    DatabaseError,
    backup_hint,
    damaged,
    explain_server_error,
    explain_sqlite_error,
    first_line,
    read_only_uri,
    url_problem,
)
from core.i18n import _
from core.models import ALL_MODELS, SchemaInfo, database
from core.paths import (
    POSIX,
    PRIVATE_FILE,
    DataFolderError,
    create_private_file,
    explain_os_error,
    make_private_folder,
    sync_folder,
)

log = logging.getLogger(__name__)

__all__ = ["database"]  # the proxy every model binds to; defined with the models

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 10_000,
}

POSTGRES_CONNECT_TIMEOUT = 10  # seconds: an unreachable server must not hang the start
# PostgreSQL advisory locks of this app are (ADVISORY_LOCKS, n): n = 0 guards schema
# changes, n = a channel's id its sync (core/sync/lock.py). Channel ids start at 1.
ADVISORY_LOCKS = 0x41434D  # "ACM"
SCHEMA_LOCK = 0


def _migration_2(migrator: SchemaMigrator) -> None:
    # 0.1 kept no link from a relisted offer to the one it replaced, nor the outcome
    # of a channel's last sync; both are shown to the seller now.
    from peewee import BigIntegerField, CharField

    migrate(
        migrator.add_column("listing", "previous_offer_id", BigIntegerField(null=True)),
        migrator.add_column("channel", "last_sync_outcome", CharField(max_length=20, default="")),
    )


def _migration_3(migrator: SchemaMigrator) -> None:
    # The guards of core/sync/guards.py and buffers.py are channel options; a listing keeps
    # what was last changed on Allegro outside the app (core/sync/drift.py).
    from peewee import DateTimeField, IntegerField, TextField

    migrate(
        migrator.add_column("channel", "mass_end_percent", IntegerField(default=20)),
        migrator.add_column("channel", "mass_end_count", IntegerField(default=50)),
        migrator.add_column("channel", "buffer_max_listed", IntegerField(default=0)),
        migrator.add_column("channel", "buffer_keep_back", IntegerField(default=0)),
        migrator.add_column("channel", "buffer_percent", IntegerField(default=100)),
        migrator.add_column("channel", "buffer_end_at", IntegerField(default=0)),
        migrator.add_column("listing", "changed_elsewhere", TextField(default="")),
        migrator.add_column("listing", "changed_elsewhere_at", DateTimeField(null=True)),
    )


def _migration_4(migrator: SchemaMigrator) -> None:
    # A channel talks to Allegro's old WebAPI or its REST API; every existing one is WebAPI.
    from peewee import CharField

    migrate(migrator.add_column("channel", "api", CharField(max_length=10, default="webapi")))


def _migration_5(migrator: SchemaMigrator) -> None:
    # REST commands are written down before they are sent (exactly-once after a crash).
    from core.models import RestCommand

    migrator.database.create_tables([RestCommand], safe=True)


# Columns that held a marketplace id as a WebAPI number and hold its own value as text now.
TEXT_ID_COLUMNS = (
    ("listing", "offer_id", False),
    ("listing", "previous_offer_id", True),
    ("order", "form_id", False),
    ("order_item", "offer_id", False),
    ("channel", "journal_cursor", True),
)
ID_PARAMS = ("offer_id", "new_offer_id", "form_id")  # PlannedAction.params keys holding ids


def _migration_6(migrator: SchemaMigrator) -> None:
    # Offer, order and journal ids are the marketplace's own values as text: WebAPI numbers
    # become their decimal text, and REST rows get back Allegro's UUIDs and event ids from
    # the numbers the rest_id table handed out (the table goes after).
    db = migrator.database
    book = _rest_book(db)
    for table, column, null in TEXT_ID_COLUMNS:
        _column_to_text(migrator, table, column, null)
    _params_to_text(db, book)
    _rest_rows_to_values(db, book)
    if "rest_id" in db.get_tables():
        db.execute_sql('DROP TABLE "rest_id"')


def _rest_book(db) -> dict[tuple[str, str], str]:
    """(kind, number as text) -> the REST value, from the rest_id table (if there is one)."""
    if "rest_id" not in db.get_tables():
        return {}
    rows = db.execute_sql('SELECT "id", "kind", "rest_id" FROM "rest_id"').fetchall()
    return {(kind, str(number)): value for number, kind, value in rows}


def _column_to_text(migrator: SchemaMigrator, table: str, column: str, null: bool) -> None:
    """Add a text column, copy the numbers into it, drop the old one and take its name
    (plain ALTER TABLE on both databases: no rebuild of a table others refer to)."""
    db = migrator.database
    indexes = [i for i in db.get_indexes(table) if column in i.columns]
    for index in indexes:
        migrate(migrator.drop_index(table, index.name))
    temporary = f"{column}_text"
    not_null = "" if null else " NOT NULL DEFAULT ''"
    db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{temporary}" VARCHAR(100){not_null}')
    db.execute_sql(f'UPDATE "{table}" SET "{temporary}" = CAST("{column}" AS VARCHAR(100)) WHERE "{column}" IS NOT NULL')
    migrate(migrator.drop_column(table, column), migrator.rename_column(table, temporary, column))
    for index in indexes:
        migrate(migrator.add_index(table, index.columns, index.unique))


def _params_to_text(db, book: dict[tuple[str, str], str]) -> None:
    """Ids inside planned actions' parameters (a tracking action's form, a relist's new offer)."""
    from peewee import Table

    rest = {row[0] for row in db.execute_sql("SELECT \"id\" FROM \"channel\" WHERE \"api\" = 'rest'").fetchall()}
    actions = Table("planned_action", ("id", "channel_id", "params")).bind(db)
    changed = []
    for action_id, channel_id, raw in actions.select(actions.id, actions.channel_id, actions.params).tuples():
        try:
            params = json.loads(raw or "{}")
        except ValueError:
            continue
        if not isinstance(params, dict) or not any(isinstance(params.get(k), int) for k in ID_PARAMS):
            continue
        for key in ID_PARAMS:
            if isinstance(params.get(key), int) and not isinstance(params[key], bool):
                value = str(params[key])
                if key == "form_id" and channel_id in rest:
                    value = book.get(("form", value), value)
                params[key] = value
        changed.append((action_id, json.dumps(params, sort_keys=True, default=str)))
    for action_id, raw in changed:
        actions.update({actions.params: raw}).where(actions.id == action_id).execute()


def _rest_rows_to_values(db, book: dict[tuple[str, str], str]) -> None:
    """REST channels' orders, journal cursors and shipment commands: Allegro's own values."""
    from peewee import Table

    rest = [row[0] for row in db.execute_sql("SELECT \"id\" FROM \"channel\" WHERE \"api\" = 'rest'").fetchall()]
    if not rest:
        return
    orders = Table("order", ("id", "channel_id", "form_id")).bind(db)
    channels = Table("channel", ("id", "journal_cursor")).bind(db)
    commands = Table("rest_command", ("id", "channel_id", "kind", "offer_ids")).bind(db)
    for order_id, number in orders.select(orders.id, orders.form_id).where(orders.channel_id.in_(rest)).tuples():
        value = book.get(("form", number))
        if value is None:
            log.warning("Order %s of a REST channel names checkout form %s, which the app never numbered", order_id, number)
            continue
        orders.update({orders.form_id: value}).where(orders.id == order_id).execute()
    for channel_id, cursor in channels.select(channels.id, channels.journal_cursor).where(channels.id.in_(rest)).tuples():
        if cursor is not None:
            # an unknown number reads the journal again from the orders' start date
            channels.update({channels.journal_cursor: book.get(("event", cursor))}).where(channels.id == channel_id).execute()
    if "rest_command" not in db.get_tables():
        return
    shipments = commands.select(commands.id, commands.offer_ids).where(commands.kind == "shipment")
    for command_id, numbers in shipments.tuples():
        values = ",".join(book.get(("form", n), n) for n in numbers.split(",") if n)
        commands.update({commands.offer_ids: values}).where(commands.id == command_id).execute()


# version -> step that brings a database from version-1 to version
MIGRATIONS: dict[int, Callable[[SchemaMigrator], None]] = {
    2: _migration_2, 3: _migration_3, 4: _migration_4, 5: _migration_5, 6: _migration_6,
}
SCHEMA_VERSION = max(MIGRATIONS, default=1)


def open_database(path: Path | None = None, url: str | None = None, backups_dir: Path | None = None):
    """Open the app's database, create or upgrade its schema, and bind the models to it."""
    if url:
        db = _open_url(url)
    else:
        assert path is not None
        db = _open_sqlite(Path(path), Path(backups_dir) if backups_dir else None)
    database.initialize(db)
    file = Path(db.database) if isinstance(db, SqliteDatabase) else None
    try:
        ensure_schema(db, file, backups_dir)
    except peewee.DatabaseError as e:
        db.close()
        if file is not None:
            raise
        # for example a user without the right to create tables on the server
        raise DatabaseError(_("The shared database cannot be used: {why}.").format(why=first_line(e))) from e
    except Exception:
        db.close()
        raise
    return db


def _reconnecting(base: type) -> type:
    """`base` (the class db_url chose: pooled or not, psycopg 2 or 3) whose threads connect
    again after the server or the network dropped their connection (a server restart, a cut
    cable) instead of failing for ever. The query that met the dropped connection still
    fails: it may or may not have run."""

    def cursor(self, *args, **kwargs):
        conn = self._state.conn
        if conn is not None and getattr(conn, "closed", False) and not self.in_transaction():
            log.warning("The connection to the database server was lost; connecting again.")
            self.close()
        return base.cursor(self, *args, **kwargs)

    return type(base.__name__, (base,), {"cursor": cursor})


def _open_url(url: str):
    """Connect to a database URL (playhouse.db_url); problems become a DatabaseError."""
    from urllib.parse import urlsplit

    from playhouse.db_url import connect

    parts = urlsplit(url.strip())
    if parts.scheme.lower().startswith("sqlite"):
        # the file gets the same checks and pragmas (foreign keys, WAL) as the default one
        return _open_sqlite(Path(parts.path[1:]))
    where = f"{parts.hostname or 'localhost'}{f':{parts.port}' if parts.port else ''}{parts.path}"
    try:
        db = connect(url.strip())
    except (RuntimeError, ValueError) as e:  # an unknown scheme
        raise DatabaseError(_("The database address cannot be used: {why}").format(why=e)) from e
    if isinstance(db, PostgresqlDatabase):
        db.connect_params.setdefault("connect_timeout", POSTGRES_CONNECT_TIMEOUT)
        db.__class__ = _reconnecting(type(db))  # keeps the settings db_url gave it
    try:
        db.connect(reuse_if_open=True)
    except peewee.ImproperlyConfigured as e:
        raise DatabaseError(_("This build of the app cannot talk to that kind of database ({why}).").format(why=e)) from e
    except Exception as e:  # noqa: BLE001 - the driver's errors: network, login, no such database
        raise DatabaseError(explain_server_error(where, e)) from e
    return db


def _open_sqlite(path: Path, backups_dir: Path | None = None) -> SqliteDatabase:
    """Open the app's SQLite file; any refusal is a DatabaseError naming the file and the cause.

    An existing file is first recognised through a read-only connection (header, schema,
    quick_check), so a file that is not the app's is never written, not even its journal
    mode. A new file is created 0600 before SQLite opens it; its WAL and shared-memory
    files take the same mode from it.
    """
    backups_dir = backups_dir or path.parent / "backups"
    _check_place(path)
    created = not path.exists()
    if created:
        try:
            create_private_file(path)
        except OSError as e:
            raise DatabaseError(explain_os_error(path, e)) from None
    else:
        _recognise(path, backups_dir)
        tighten_database(path)
    # Transactions begin IMMEDIATE: a deferred one that reads before it writes fails at once
    # ("database is locked", no busy wait) if another connection wrote meanwhile, and the
    # sync writes from two threads (sending.side_by_side), the window from a third.
    db = SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False, lock_type="IMMEDIATE")
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as e:  # sqlite3.DatabaseError, OperationalError (read-only, locked, full)
        db.close()
        if created and path.exists() and path.stat().st_size == 0:
            path.unlink()  # nothing was written: leave the folder as it was
        raise DatabaseError(explain_sqlite_error(path, e, backups_dir)) from e
    return db


def _check_place(path: Path) -> None:
    """The folder exists and is one; the file, if there, is a regular file this user may open."""
    folder = path.parent
    if not folder.exists():
        if any(p.exists() and not p.is_dir() for p in folder.parents):
            raise DatabaseError(
                _("The folder for the database, {path}, cannot be a folder: part of its path is a file.").format(path=folder)
            )
        raise DatabaseError(_("The folder for the database does not exist: {path}").format(path=folder))
    if not folder.is_dir():
        raise DatabaseError(
            _("The folder for the database, {path}, is a file, not a folder.").format(path=folder)
        )
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as e:
        raise DatabaseError(explain_os_error(path, e)) from None
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseError(
            _(
                "The database {path} is not a regular file (it is a folder, a device or a pipe). "
                "It has been left untouched; move it away or choose another data folder."
            ).format(path=path)
        )


def _recognise(path: Path, backups_dir: Path) -> None:
    """Refuse a file that is not this app's database or is damaged, reading it only."""
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as e:
        raise DatabaseError(explain_os_error(path, e)) from None
    if not header:
        return  # an empty file: SQLite makes a new database in it
    if header != SQLITE_HEADER:
        raise DatabaseError(
            _(
                "The file {path} is not a database of this app (it is not an SQLite database). "
                "It has been left untouched; move it away or choose another data folder."
            ).format(path=path)
            + backup_hint(path, backups_dir)
        )
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            verdict = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        raise DatabaseError(explain_sqlite_error(path, e, backups_dir)) from e
    if verdict and verdict[0] != "ok":
        raise DatabaseError(damaged(path, verdict[0], backups_dir))
    ours = SchemaInfo._meta.table_name
    if tables - {"sqlite_sequence"} and ours not in tables:
        raise DatabaseError(
            _(
                "The file {path} is an SQLite database of another program, not this app's (it has no {table} "
                "table). It has been left untouched; move it away or choose another data folder."
            ).format(path=path, table=ours)
        )


def tighten_database(path: Path) -> None:
    """The database and its WAL and shared-memory files readable only by this user (POSIX)."""
    if not POSIX:
        return
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            mode = stat.S_IMODE(file.stat().st_mode)
            if mode & 0o077:
                os.chmod(file, mode & PRIVATE_FILE)
                log.info("Made %s private to this user (it was readable by other users)", file)
        except OSError:
            continue  # missing, or not ours to change: opening it says what matters


def schema_version(db) -> int | None:
    if not db.table_exists(SchemaInfo._meta.table_name):
        return None
    row = SchemaInfo.select().first()
    return row.version if row else None


def ensure_schema(db, path: Path | None = None, backups_dir: Path | None = None) -> int:
    """Create the tables on a new database, or migrate an older one; returns the version."""
    if isinstance(db, PostgresqlDatabase):
        # Desks started together on a new or older shared database: one creates or
        # upgrades the schema (DDL is transactional there), the others wait and find it done.
        with db.atomic():
            db.execute_sql("SELECT pg_advisory_xact_lock(%s, %s)", (ADVISORY_LOCKS, SCHEMA_LOCK))
            return _ensure_schema(db, None, None)
    return _ensure_schema(db, path, backups_dir)


def _ensure_schema(db, path: Path | None, backups_dir: Path | None) -> int:
    current = schema_version(db)
    if current is None:
        if [t for t in db.get_tables() if t != "schemainfo"]:
            raise DatabaseError(_("The database has tables but no schema version; it is not this app's database."))
        with db.atomic():
            db.create_tables(ALL_MODELS)
            SchemaInfo.delete().execute()
            SchemaInfo.create(version=SCHEMA_VERSION)
        return SCHEMA_VERSION
    if current > SCHEMA_VERSION:
        raise DatabaseError(
            _(
                "The database was written by a newer version of the app (schema {current}, this app knows "
                "{known}). Update the app; the database has been left untouched."
            ).format(current=current, known=SCHEMA_VERSION)
        )
    if current == SCHEMA_VERSION:
        db.create_tables(ALL_MODELS, safe=True)  # tables added without a migration step
        return current
    if path is not None:
        backup_sqlite(db, path, backups_dir or path.parent / "backups", f"before-v{SCHEMA_VERSION}")
    migrate_schema(db, current)
    return SCHEMA_VERSION


def migrate_schema(db, current: int) -> None:
    """Apply every migration after `current` in one transaction: all or nothing."""
    migrator = SchemaMigrator.from_database(db)
    with db.atomic():
        for version in range(current + 1, SCHEMA_VERSION + 1):
            log.info("Migrating the database schema to version %d", version)
            MIGRATIONS[version](migrator)
        db.create_tables(ALL_MODELS, safe=True)
        SchemaInfo.update(version=SCHEMA_VERSION).execute()


def backup_sqlite(db, path: Path, backups_dir: Path, label: str) -> Path:
    """Copy the live database with SQLite's online backup; returns the copy's path.

    The copy is written under a temporary name, synced to the disk, and only then renamed
    to its backup name: a file named like a backup is always whole (a crash or a full disk
    half way leaves only a hidden .partial file, removed by the next backup).
    """
    try:
        make_private_folder(backups_dir)
    except DataFolderError as e:
        raise DatabaseError(str(e)) from None
    _remove_stale_partials(backups_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{path.stem}-{label}-{stamp}.sqlite3"
    fd, temporary = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=PARTIAL, dir=backups_dir)  # 0600
    os.close(fd)
    try:
        dest = sqlite3.connect(temporary)
        try:
            dest.execute("PRAGMA journal_mode=OFF")  # a scratch file: no journal beside it to roll it back
            db.connection().backup(dest)
            # one self-contained file (the copied header says WAL): opening it later leaves nothing beside it
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        with open(temporary, "rb+") as copy:
            os.fsync(copy.fileno())
        os.replace(temporary, target)
    except BaseException as e:
        for leftover in (Path(temporary + suffix) for suffix in ("", "-journal", "-wal", "-shm")):
            leftover.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise DatabaseError(explain_os_error(backups_dir, e)) from e
        if isinstance(e, sqlite3.Error):
            raise DatabaseError(
                _("The backup before upgrading the database could not be made in {folder} ({why}). Nothing was changed.").format(
                    folder=backups_dir, why=e
                )
            ) from e
        raise
    sync_folder(backups_dir)
    log.info("Backed up the database to %s", target)
    return target


PARTIAL = ".partial"
PARTIAL_AGE = 600  # seconds: an older .partial file is left over from a crash


def _remove_stale_partials(folder: Path) -> None:
    now = time.time()
    for leftover in folder.glob(f".*{PARTIAL}*"):
        try:
            if now - leftover.stat().st_mtime > PARTIAL_AGE:
                leftover.unlink()
        except OSError:
            continue
