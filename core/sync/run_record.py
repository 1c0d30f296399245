"""A run's record: the channel's lock, the SyncRun row, what the run counted and has to
tell the seller, and the ways a run stops (refused, cancelled, the database failing)."""
from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import peewee

from core.models import Channel, SyncRun, utcnow
from core.sync.lock import ChannelLock
from core.sync.plan import Report
from core.i18n import _

log = logging.getLogger(__name__)

Reporter = Callable[[str, int, int], None]
IsCancelled = Callable[[], bool]


class SyncRefused(Exception):
    """The channel cannot be synced now (disabled); `message` is for the seller."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class SyncCancelled(Exception):
    """The seller cancelled; what was done so far is recorded."""

    @property
    def message(self) -> str:
        return _("The sync was cancelled.")


class SyncStorageFailed(Exception):
    """The app's own database refused a write (disk full, read-only, disk error), so the
    sync stopped; `message` is for the seller. Changes already sent are in the action
    journal as `sending` (written before each call), so the next sync asks Allegro."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def storage_failure(error: BaseException | None) -> SyncStorageFailed | None:
    """A SyncStorageFailed when `error` (or what it arose from) is the database refusing to write.

    SQLite rolls a transaction back itself on a full disk, so what surfaces may be the
    "cannot rollback" that followed; the cause is further down the chain.
    """
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, peewee.DatabaseError | sqlite3.DatabaseError):
            text = str(error).lower()
            if "full" in text:
                return SyncStorageFailed(
                    _(
                        "The disk holding the app's database is full, so the sync stopped. Free some space "
                        "and sync again: nothing is lost, and changes already sent are checked with Allegro first."
                    )
                )
            if "readonly" in text or "read-only" in text or "disk i/o" in text:
                return SyncStorageFailed(
                    _(
                        "The app's database can no longer be written (a read-only folder or a disk error), so "
                        "the sync stopped. Make the data folder writable and sync again: nothing is lost."
                    )
                )
        error = error.__cause__ or error.__context__
    return None


@dataclass
class Tally:
    """What one thread of a run counted, and the failures and notes it has for the seller.
    A chain sent on a thread of its own keeps its own tally, merged when it has finished."""

    counts: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def merge(self, other: Tally) -> None:
        self.counts.update(other.counts)
        self.failures += other.failures
        self.notes += other.notes


@dataclass(frozen=True)
class Steps:
    """Where a run reports its steps: each step checks for a cancel first; only the thread
    holding the lock beats its heartbeat (`lock` is None on a chain sent beside)."""

    report: Reporter
    cancelled: IsCancelled
    lock: ChannelLock | None = None

    def __call__(self, name: str, done: int = 0, total: int = 0) -> None:
        if self.cancelled():
            raise SyncCancelled()
        if self.lock is not None:
            self.lock.heartbeat()
        self.report(name, done, total)


class RunRecord:
    """The lock on one channel and its SyncRun row, from the start of a run to its end."""

    def __init__(self, channel: Channel) -> None:
        self.channel_id, self.channel_name = channel.id, channel.sub_source
        self.lock = ChannelLock(channel.id, channel.sub_source)
        self.run_id: int | None = None

    def lock_channel(self) -> None:
        """Take the channel's lock, or raise ChannelBusy."""
        try:
            self.lock.acquire()
        except peewee.DatabaseError as error:
            raise (storage_failure(error) or error) from None

    def start(self) -> None:
        """The run's row, under the lock (a failure here is recorded by fail())."""
        self.run_id = SyncRun.create(channel=self.channel_id).id

    def save_progress(self, tally: Tally) -> None:
        SyncRun.update(counts=json.dumps(dict(tally.counts), sort_keys=True)).where(SyncRun.id == self.run_id).execute()

    def finish(self, tally: Tally, outcome: str, error: BaseException | None = None) -> Report:
        """Write the run's outcome, counts, failures and notes, and release the lock."""
        if error is not None and not isinstance(error, SyncCancelled):
            message = getattr(error, "message", None) or str(error) or type(error).__name__
            tally.failures.append(message)
            log.warning("Sync of %s stopped: %s", self.channel_name, message)
        now = utcnow()
        try:
            if self.run_id is not None:
                SyncRun.update(
                    finished_at=now,
                    outcome=outcome,
                    counts=json.dumps(dict(tally.counts), sort_keys=True),
                    errors="\n".join(tally.failures + [f"Note: {n}" for n in tally.notes]),
                ).where(SyncRun.id == self.run_id).execute()
            Channel.update(last_sync_at=now, last_sync_outcome=outcome).where(Channel.id == self.channel_id).execute()
        except peewee.DatabaseError as unwritable:
            if error is None:
                raise
            # already stopping for a reason the seller is told; the record is what fails now
            log.warning("Could not record the end of the sync of %s: %s", self.channel_name, unwritable)
        finally:
            self._release()
        return Report(
            self.channel_id,
            self.channel_name,
            self.run_id or 0,
            outcome,
            counts=dict(tally.counts),
            failures=list(tally.failures),
            notes=list(tally.notes),
        )

    def fail(self, tally: Tally, error: BaseException) -> BaseException:
        """Record a run stopped by `error`; returns what to raise (the storage failure it hides, if any)."""
        failure = storage_failure(error) or error
        self.finish(tally, "cancelled" if isinstance(error, SyncCancelled) else "failed", failure)
        return failure

    def _release(self) -> None:
        try:
            self.lock.release()
        except peewee.DatabaseError as unwritable:  # this process's row: taken over next time
            log.warning("Could not release the sync lock of %s: %s", self.channel_name, unwritable)
