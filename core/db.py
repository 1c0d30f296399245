"""The database: one DatabaseProxy, opened once per process, schema kept up to date.

SQLite by default (WAL, foreign keys, synchronous=normal); a database URL such as
postgresql://… may replace it, so several desks share one database. Schema changes are
numbered migrations applied in one transaction (after an online backup of an SQLite
file), so a failed upgrade leaves the old database as it was.
"""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import peewee
from peewee import DatabaseProxy, PostgresqlDatabase, SqliteDatabase
from playhouse.migrate import SchemaMigrator, migrate
from core.i18n import _

log = logging.getLogger(__name__)

database = DatabaseProxy()

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


class DatabaseError(Exception):
    """A database problem told in the seller's words."""


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


# version -> step that brings a database from version-1 to version
MIGRATIONS: dict[int, Callable[[SchemaMigrator], None]] = {2: _migration_2, 3: _migration_3}
SCHEMA_VERSION = max(MIGRATIONS, default=1)


def open_database(path: Path | None = None, url: str | None = None, backups_dir: Path | None = None):
    """Open the app's database, create or upgrade its schema, and bind the models to it."""
    if url:
        db = _open_url(url)
    else:
        assert path is not None
        db = _open_sqlite(Path(path))
    database.initialize(db)
    file = Path(db.database) if isinstance(db, SqliteDatabase) else None
    try:
        ensure_schema(db, file, backups_dir)
    except peewee.DatabaseError as e:
        db.close()
        if file is not None:
            raise
        # for example a user without the right to create tables on the server
        raise DatabaseError(_("The shared database cannot be used: {why}.").format(why=_first_line(e))) from e
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
        raise DatabaseError(_explain_server_error(where, e)) from e
    return db


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _explain_server_error(where: str, error: Exception) -> str:
    text = _first_line(error)
    lowered = text.lower()
    if "password" in lowered or "authentication" in lowered or "no pg_hba.conf entry" in lowered:
        return _(
            "The database server at {where} refused the login ({why}). Check the user name "
            "and the password in PostgreSQL's password file (pgpass)."
        ).format(where=where, why=text)
    if "does not exist" in lowered:
        return _("The database server at {where} has no such database or user ({why}).").format(where=where, why=text)
    if "timeout" in lowered or "connection refused" in lowered or "could not" in lowered:
        return _(
            "The database server at {where} cannot be reached ({why}). Check the address, "
            "that the server is running and that the network lets this computer in."
        ).format(where=where, why=text)
    return _("The database at {where} cannot be opened ({why}).").format(where=where, why=text)


def _open_sqlite(path: Path) -> SqliteDatabase:
    if path.exists():
        _check_sqlite_file(path)
    elif not path.parent.exists():
        raise DatabaseError(f"The folder for the database does not exist: {path.parent}")
    # Transactions begin IMMEDIATE: a deferred one that reads before it writes fails at once
    # ("database is locked", no busy wait) if another connection wrote meanwhile, and the
    # sync writes from two threads (engine._side_by_side), the window from a third.
    db = SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False, lock_type="IMMEDIATE")
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as e:  # sqlite3.DatabaseError, OperationalError (read-only, locked)
        db.close()
        raise DatabaseError(_explain_sqlite_error(path, e)) from e
    return db


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database, without touching it."""
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as e:
        raise DatabaseError(_("The database file {path} cannot be read: {why}.").format(path=path, why=e.strerror)) from e
    if header and header != b"SQLite format 3\x00":
        raise DatabaseError(
            _(
                "The file {path} is not a database of this app or is damaged. "
                "It has been left untouched; move it away or restore a backup to continue."
            ).format(path=path)
        )
    uri = f"file:{path}?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        raise DatabaseError(_explain_sqlite_error(path, e)) from e
    if row and row[0] != "ok":
        raise DatabaseError(
            _(
                "The database file {path} is damaged ({why}). It has been left untouched; "
                "restore a backup from the backups folder next to it."
            ).format(path=path, why=row[0])
        )


def _explain_sqlite_error(path: Path, error: Exception) -> str:
    text = str(error).lower()
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return _("The database file {path} cannot be opened for writing. Check that the folder is writable.").format(path=path)
    if "locked" in text or "busy" in text:
        return _("The database file {path} is locked by another program.").format(path=path)
    if "disk" in text and "full" in text:
        return _("The disk holding {path} is full. Free some space and start again.").format(path=path)
    return _(
        "The file {path} is not a database of this app or is damaged ({why}). "
        "It has been left untouched; move it away or restore a backup to continue."
    ).format(path=path, why=error)


def schema_version(db) -> int | None:
    from core.models import SchemaInfo

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
    from core.models import ALL_MODELS, SchemaInfo

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
    from core.models import ALL_MODELS, SchemaInfo

    migrator = SchemaMigrator.from_database(db)
    with db.atomic():
        for version in range(current + 1, SCHEMA_VERSION + 1):
            log.info("Migrating the database schema to version %d", version)
            MIGRATIONS[version](migrator)
        db.create_tables(ALL_MODELS, safe=True)
        SchemaInfo.update(version=SCHEMA_VERSION).execute()


def backup_sqlite(db, path: Path, backups_dir: Path, label: str) -> Path:
    """Copy the live database with SQLite's online backup; returns the copy's path."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{path.stem}-{label}-{stamp}.sqlite3"
    dest = sqlite3.connect(str(target))
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    log.info("Backed up the database to %s", target)
    return target


# Database URLs the app accepts in Preferences (peewee's playhouse.db_url schemes).
URL_SCHEMES = ("postgresql", "postgres", "postgresext", "postgresqlext", "sqlite")  # the drivers the app ships


def url_problem(url: str) -> str | None:
    """None when `url` is a database address the app can use; else the problem in the seller's words.

    A password in the address is refused: Preferences are a plain settings file. PostgreSQL
    reads the password from its own password file (pgpass) or PGPASSWORD instead.
    """
    from urllib.parse import urlsplit

    text = url.strip()
    if not text:
        return None
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return _("That database address cannot be read. Write it like postgresql://user@server:5432/shop.")
    scheme = parts.scheme.lower().removesuffix("+pool")
    if scheme not in URL_SCHEMES:
        return _("Use a PostgreSQL address such as postgresql://user@server:5432/shop (or sqlite:///path/to/file).")
    if scheme == "sqlite":
        return None if parts.path.strip("/") else _("Add the database file's path: sqlite:///path/to/shop.sqlite3.")
    if parts.password:
        return _(
            "Leave the password out of the address: Preferences are not a safe place for it. "
            "Put it in PostgreSQL's password file (pgpass.conf / .pgpass) instead."
        )
    if not parts.hostname:
        return _("Add the server's name: postgresql://user@server:5432/shop.")
    if not parts.path.strip("/"):
        return _("Add the database's name at the end: postgresql://user@server:5432/shop.")
    return None
