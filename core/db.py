"""The database: one DatabaseProxy, opened once per process, schema kept up to date.

SQLite by default (WAL, foreign keys, synchronous=normal); a database URL such as
postgresql://… may replace it. Schema changes are numbered migrations applied in one
transaction after an online backup of the file, so a failed upgrade leaves the old
database as it was.
"""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from peewee import DatabaseProxy, SqliteDatabase
from playhouse.migrate import SchemaMigrator, migrate

log = logging.getLogger(__name__)

database = DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 10_000,
}


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


# version -> step that brings a database from version-1 to version
MIGRATIONS: dict[int, Callable[[SchemaMigrator], None]] = {2: _migration_2}
SCHEMA_VERSION = max(MIGRATIONS, default=1)


def open_database(path: Path | None = None, url: str | None = None, backups_dir: Path | None = None):
    """Open the app's database, create or upgrade its schema, and bind the models to it."""
    if url:
        from playhouse.db_url import connect

        db = connect(url)
    else:
        assert path is not None
        db = _open_sqlite(Path(path))
    database.initialize(db)
    try:
        ensure_schema(db, path if not url else None, backups_dir)
    except Exception:
        db.close()
        raise
    return db


def _open_sqlite(path: Path) -> SqliteDatabase:
    if path.exists():
        _check_sqlite_file(path)
    elif not path.parent.exists():
        raise DatabaseError(f"The folder for the database does not exist: {path.parent}")
    db = SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False)
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
        raise DatabaseError(f"The database file {path} cannot be read: {e.strerror}.") from e
    if header and header != b"SQLite format 3\x00":
        raise DatabaseError(
            f"The file {path} is not a database of this app or is damaged. "
            "It has been left untouched; move it away or restore a backup to continue."
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
            f"The database file {path} is damaged ({row[0]}). It has been left untouched; "
            "restore a backup from the backups folder next to it."
        )


def _explain_sqlite_error(path: Path, error: Exception) -> str:
    text = str(error).lower()
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return f"The database file {path} cannot be opened for writing. Check that the folder is writable."
    if "locked" in text or "busy" in text:
        return f"The database file {path} is locked by another program."
    if "disk" in text and "full" in text:
        return f"The disk holding {path} is full. Free some space and start again."
    return (
        f"The file {path} is not a database of this app or is damaged ({error}). "
        "It has been left untouched; move it away or restore a backup to continue."
    )


def schema_version(db) -> int | None:
    from core.models import SchemaInfo

    if not db.table_exists(SchemaInfo._meta.table_name):
        return None
    row = SchemaInfo.select().first()
    return row.version if row else None


def ensure_schema(db, path: Path | None = None, backups_dir: Path | None = None) -> int:
    """Create the tables on a new database, or migrate an older one; returns the version."""
    from core.models import ALL_MODELS, SchemaInfo

    current = schema_version(db)
    if current is None:
        if [t for t in db.get_tables() if t != "schemainfo"]:
            raise DatabaseError("The database has tables but no schema version; it is not this app's database.")
        with db.atomic():
            db.create_tables(ALL_MODELS)
            SchemaInfo.delete().execute()
            SchemaInfo.create(version=SCHEMA_VERSION)
        return SCHEMA_VERSION
    if current > SCHEMA_VERSION:
        raise DatabaseError(
            f"The database was written by a newer version of the app (schema {current}, this app knows "
            f"{SCHEMA_VERSION}). Update the app; the database has been left untouched."
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
URL_SCHEMES = ("postgresql", "postgres", "postgresext", "postgresqlext", "psycopg3", "sqlite")


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
        return "That database address cannot be read. Write it like postgresql://user@server:5432/shop."
    scheme = parts.scheme.lower().removesuffix("+pool")
    if scheme not in URL_SCHEMES:
        return "Use a PostgreSQL address such as postgresql://user@server:5432/shop (or sqlite:///path/to/file)."
    if scheme == "sqlite":
        return None if parts.path.strip("/") else "Add the database file's path: sqlite:///path/to/shop.sqlite3."
    if parts.password:
        return (
            "Leave the password out of the address: Preferences are not a safe place for it. "
            "Put it in PostgreSQL's password file (pgpass.conf / .pgpass) instead."
        )
    if not parts.hostname:
        return "Add the server's name: postgresql://user@server:5432/shop."
    if not parts.path.strip("/"):
        return "Add the database's name at the end: postgresql://user@server:5432/shop."
    return None
