"""A PostgreSQL session-level advisory lock, held on a connection of its own.

The lock lives exactly as long as that connection, so it holds across every desk on the
server, and a desk that dies (process killed, machine switched off) loses it as soon as
the server notices the connection is gone. Keepalives make that about a minute, not the
operating system's two hours. The connection is not peewee's per-thread one: a sync may
plan on one thread and apply on another, and the lock must not move or drop meanwhile.
"""
from __future__ import annotations

import logging

from peewee import PostgresqlDatabase
from playhouse.pool import PooledDatabase

log = logging.getLogger(__name__)

# libpq settings of the holding connection: the client notices a dead server ...
CLIENT_KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}
# ... and the server a dead desk (these are per-session settings any user may change).
SERVER_KEEPALIVES = "SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3"


def _plain_class(db: PostgresqlDatabase) -> type[PostgresqlDatabase]:
    """The database class without a pool: a pooled connection would outlive our release."""
    for cls in type(db).__mro__:
        if issubclass(cls, PostgresqlDatabase) and not issubclass(cls, PooledDatabase):
            return cls
    return PostgresqlDatabase


class AdvisoryLock:
    """pg_try_advisory_lock(namespace, key) on a dedicated connection to `db`'s server."""

    def __init__(self, db: PostgresqlDatabase, namespace: int, key: int) -> None:
        self.db = db
        self.namespace = namespace
        self.key = key
        self._conn = None

    @property
    def held(self) -> bool:
        return self._conn is not None

    def try_acquire(self) -> bool:
        """Take the lock if no other session holds it; never waits."""
        if self._conn is not None:
            return True
        params = {**CLIENT_KEEPALIVES, **self.db.connect_params}
        conn = _plain_class(self.db)(self.db.database, **params).connection()  # autocommit
        try:
            with conn.cursor() as cursor:
                cursor.execute(SERVER_KEEPALIVES)
                cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", (self.namespace, self.key))
                got = bool(cursor.fetchone()[0])
        except BaseException:
            conn.close()
            raise
        if not got:
            conn.close()
            return False
        self._conn = conn
        return True

    def still_held(self) -> bool:
        """True while our connection is alive and holds the lock (one round trip)."""
        if self._conn is None:
            return False
        try:
            with self._conn.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    " AND pid = pg_backend_pid() AND classid = %s AND objid = %s AND objsubid = 2",
                    (self.namespace, self.key),
                )
                return cursor.fetchone()[0] == 1
        except Exception as e:  # noqa: BLE001 - the connection broke: the server let the lock go
            log.warning("The connection holding a sync lock was lost: %s", e)
            return False

    def release(self) -> None:
        """Let the lock go (closing the connection would too, so a failed unlock is harmless)."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            with conn.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", (self.namespace, self.key))
        except Exception as e:  # noqa: BLE001
            log.debug("Unlocking on a broken connection: %s", e)
        finally:
            conn.close()
