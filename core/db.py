"""The database: one DatabaseProxy, opened once per process, schema kept up to date.

SQLite by default (WAL, foreign keys, synchronous=normal); a database URL such as
postgresql://… may replace it, so several desks share one database. Schema changes are
numbered migrations applied in one transaction (after an online backup of an SQLite
file), so a failed upgrade leaves the old database as it was.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import stat
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import peewee
from peewee import PostgresqlDatabase, SqliteDatabase
from playhouse.migrate import SchemaMigrator
from core.db_migrations import (  # noqa: F401 - the steps; tests reach them through this module
    MIGRATIONS,
    TEXT_ID_COLUMNS,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
    _migration_6,
)
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
