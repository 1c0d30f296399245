"""The command ledger: every REST command is written down before it is sent.

A quantity or publication command carries a client-made UUID. The ledger keeps it with
its offers and target until its report has been read to the end, so that after a crash
or an answer lost in transit the adapter reads that command's report by its id instead
of sending the change again (FACTS §3.1, §4; Allegro refuses a reused id with 409).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    kind: str  # "quantity" or "publication"
    command_id: str
    offer_ids: tuple[str, ...]
    target: str  # the quantity sent, or ACTIVATE / END


class CommandLedger(Protocol):
    def record(self, entry: LedgerEntry) -> None:
        """Written (and committed) before the command is sent."""

    def unsettled(self, kind: str, offer_ids: tuple[str, ...] | None = None) -> list[LedgerEntry]:
        """Commands of `kind` whose outcome the app has not read yet (only those for exactly
        `offer_ids` when given), oldest first."""

    def settle(self, command_id: str) -> None:
        """Its report was read to the end, or Allegro never received it."""


class MemoryLedger:
    """A ledger for one process (tests, one-off runs); the app keeps its ledger in the database."""

    def __init__(self) -> None:
        self._open: dict[str, LedgerEntry] = {}
        self._lock = threading.Lock()
        self.recorded: list[LedgerEntry] = []

    def record(self, entry: LedgerEntry) -> None:
        with self._lock:
            self._open[entry.command_id] = entry
            self.recorded.append(entry)

    def unsettled(self, kind: str, offer_ids: tuple[str, ...] | None = None) -> list[LedgerEntry]:
        with self._lock:
            return [e for e in self._open.values() if e.kind == kind and offer_ids in (None, e.offer_ids)]

    def settle(self, command_id: str) -> None:
        with self._lock:
            self._open.pop(command_id, None)


class DatabaseLedger:
    """The ledger of one channel in the RestCommand table."""

    def __init__(self, channel_id: int) -> None:
        self.channel_id = channel_id

    def record(self, entry: LedgerEntry) -> None:
        from core.models import RestCommand, database

        with database.atomic():
            RestCommand.create(
                channel=self.channel_id,
                kind=entry.kind,
                command_id=entry.command_id,
                offer_ids=",".join(map(str, entry.offer_ids)),
                target=entry.target,
            )

    def unsettled(self, kind: str, offer_ids: tuple[str, ...] | None = None) -> list[LedgerEntry]:
        from core.models import RestCommand

        wanted = (RestCommand.channel == self.channel_id) & (RestCommand.kind == kind) & RestCommand.settled.is_null()
        if offer_ids is not None:
            wanted &= RestCommand.offer_ids == ",".join(map(str, offer_ids))
        rows = RestCommand.select().where(wanted).order_by(RestCommand.id)
        return [
            LedgerEntry(row.kind, row.command_id, tuple(i for i in row.offer_ids.split(",") if i), row.target)
            for row in rows
        ]

    def settle(self, command_id: str) -> None:
        from core.models import RestCommand, utcnow

        RestCommand.update(settled=utcnow()).where(RestCommand.command_id == command_id).execute()
