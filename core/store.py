"""The database as the window sees it: open it at start, say which one is in use, check it
answers, and give a worker thread's connection back when the thread is done."""
from __future__ import annotations

from pathlib import Path

from core.db import open_database
from core.db_problems import DatabaseError, url_problem
from core.models import SchemaInfo, database

__all__ = ["DatabaseError", "database_in_use", "open_database", "release_connection", "schema_answers", "url_problem"]


def release_connection() -> None:
    """Close this thread's connection (a worker thread's; the next job opens its own)."""
    database.close()


def schema_answers() -> bool:
    """True when the open database answers a query on its schema table (the self-test)."""
    SchemaInfo.select().count()
    return True


def database_in_use(default_file: Path) -> str:
    """What the app has open now: the SQLite file's path, or the server's address
    (`default_file` while nothing is open yet)."""
    from peewee import SqliteDatabase

    db = database.obj
    if db is None:
        return str(default_file)
    if isinstance(db, SqliteDatabase):
        return str(db.database)
    params = getattr(db, "connect_params", {}) or {}
    host = params.get("host", "localhost")
    port = f":{params['port']}" if params.get("port") else ""
    user = f"{params['user']}@" if params.get("user") else ""
    return f"postgresql://{user}{host}{port}/{db.database}"
