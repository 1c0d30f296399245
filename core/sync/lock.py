"""One sync of a channel at a time, across threads and processes sharing one database.

The lock is a row of SyncLock (unique per channel) naming its owner as host:pid:token.
Taking it is an INSERT that the unique index lets only one writer win; a stale lock
(its process is gone, or its heartbeat is old) is taken over with an UPDATE that
names the old owner, so two processes cannot both take it over.

On PostgreSQL (several desks on one server) a session-level advisory lock decides
instead (core/sync/advisory.py): it holds across machines and dies with its holder's
connection, so a row found without it is a dead desk's and is replaced at once, and a
live holder is never taken over however long it waits. The row then only names who syncs.
"""
from __future__ import annotations

import os
import secrets
import socket
import sys
import time
from datetime import timedelta

from peewee import IntegrityError, PostgresqlDatabase

from core.db import ADVISORY_LOCKS, database
from core.models import SyncLock, utcnow
from core.sync.advisory import AdvisoryLock
from core.i18n import _

STALE_AFTER = timedelta(minutes=30)  # long enough for a confirmation dialog left open
HEARTBEAT_EVERY = 10.0  # seconds between heartbeat writes
UNKNOWN_DESK = "another desk:0:"  # the holder has its advisory lock but no row yet


class SyncBusy(Exception):
    """Another sync of this channel is running; `message` is for the seller."""

    def __init__(self, channel_name: str, owner: str) -> None:
        host, pid = _host_pid(owner)
        if host == socket.gethostname():
            text = _("A sync of {channel} is already running in another window or process. Try again when it has finished.")
        else:
            text = _("A sync of {channel} is already running on {host}. Try again when it has finished.")
        self.message = text.format(channel=channel_name, host=host)
        super().__init__(self.message)


class LockLost(Exception):
    """The lock was taken over while this sync waited (for example on a dialog)."""

    def __init__(self, channel_name: str) -> None:
        self.message = _("Another sync of {channel} started meanwhile; nothing more was sent. Sync again.").format(channel=channel_name)
        super().__init__(self.message)


def _host_pid(owner: str) -> tuple[str, int]:
    host, _, rest = owner.partition(":")
    pid, _, _ = rest.partition(":")
    try:
        return host, int(pid)
    except ValueError:
        return host, -1


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL_C_EVENT on Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x00100000, False, pid)  # SYNCHRONIZE
        if not handle:
            return False
        try:
            return ctypes.windll.kernel32.WaitForSingleObject(handle, 0) == 0x102  # WAIT_TIMEOUT
        finally:
            ctypes.windll.kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# Owners of the locks this process holds right now. A row naming this process but none
# of these was left by a release that failed (say, the disk was full): it is stale, or
# the seller could not sync again from this window until STALE_AFTER had passed.
_held_here: set[str] = set()


def is_stale(owner: str, heartbeat, now=None) -> bool:
    now = now or utcnow()
    host, pid = _host_pid(owner)
    if host == socket.gethostname() and not pid_alive(pid):
        return True
    if host == socket.gethostname() and pid == os.getpid() and owner not in _held_here:
        return True
    return heartbeat is None or now - heartbeat > STALE_AFTER


class ChannelLock:
    def __init__(self, channel_id: int, channel_name: str = "") -> None:
        self.channel_id = channel_id
        self.channel_name = channel_name or f"channel {channel_id}"
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(6)}"
        self.held = False
        self._beat = 0.0
        self._advisory: AdvisoryLock | None = None

    def acquire(self) -> None:
        """Take the lock or raise SyncBusy."""
        if isinstance(database.obj, PostgresqlDatabase):
            return self._acquire_shared()
        now = utcnow()
        try:
            with database.atomic():
                SyncLock.insert(channel=self.channel_id, owner=self.owner, heartbeat=now).execute()
            self._got()
            return
        except IntegrityError:
            pass
        row = SyncLock.get_or_none(SyncLock.channel == self.channel_id)
        if row is None:  # released between our insert and this read
            return self.acquire()
        if row.owner == self.owner:
            self._got()
            return
        if not is_stale(row.owner, row.heartbeat, now):
            raise SyncBusy(self.channel_name, row.owner)
        taken = (
            SyncLock.update(owner=self.owner, heartbeat=now)
            .where((SyncLock.channel == self.channel_id) & (SyncLock.owner == row.owner))
            .execute()
        )
        if taken != 1:
            current = SyncLock.get_or_none(SyncLock.channel == self.channel_id)
            raise SyncBusy(self.channel_name, current.owner if current else row.owner)
        self._got()

    def _acquire_shared(self) -> None:
        if self._advisory is None:
            self._advisory = AdvisoryLock(database.obj, ADVISORY_LOCKS, self.channel_id)
        if not self._advisory.try_acquire():
            self._advisory = None
            row = SyncLock.get_or_none(SyncLock.channel == self.channel_id)
            raise SyncBusy(self.channel_name, row.owner if row else UNKNOWN_DESK)
        try:
            with database.atomic():
                # a row still here belongs to a desk whose connection, and so its lock, is gone
                SyncLock.delete().where(SyncLock.channel == self.channel_id).execute()
                SyncLock.insert(channel=self.channel_id, owner=self.owner, heartbeat=utcnow()).execute()
        except BaseException:
            self._advisory.release()
            self._advisory = None
            raise
        self._got()

    def _got(self) -> None:
        self.held = True
        _held_here.add(self.owner)
        self._beat = time.monotonic()

    def heartbeat(self, force: bool = False) -> None:
        """Show we are alive (at most every HEARTBEAT_EVERY seconds); raise LockLost if taken over."""
        if not force and time.monotonic() - self._beat < HEARTBEAT_EVERY:
            return
        if self._advisory is not None and not self._advisory.still_held():
            self.held = False
            raise LockLost(self.channel_name)
        updated = (
            SyncLock.update(heartbeat=utcnow())
            .where((SyncLock.channel == self.channel_id) & (SyncLock.owner == self.owner))
            .execute()
        )
        if updated != 1:
            self.held = False
            raise LockLost(self.channel_name)
        self._beat = time.monotonic()

    def release(self) -> None:
        _held_here.discard(self.owner)
        try:
            if self.held:
                self.held = False
                SyncLock.delete().where(
                    (SyncLock.channel == self.channel_id) & (SyncLock.owner == self.owner)
                ).execute()
        finally:
            if self._advisory is not None:  # after the row, so the next holder's row is never ours
                self._advisory.release()
                self._advisory = None
