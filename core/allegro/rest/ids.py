"""The REST values (UUIDs, opaque event ids) that the engine's port carries as numbers.

A book hands out one number per value, in the order values are first seen (so order
event numbers grow like the journal), and gives the value back for a number.
"""
from __future__ import annotations

import threading
from typing import Protocol


class IdBook(Protocol):
    def number(self, kind: str, value: str) -> int: ...

    def value(self, kind: str, number: int) -> str | None: ...


class MemoryIds:
    """A book for one process (tests, one-off reads); the app keeps its book in the database."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str], int] = {}
        self._values: dict[tuple[str, int], str] = {}
        self._lock = threading.Lock()

    def number(self, kind: str, value: str) -> int:
        with self._lock:
            found = self._numbers.get((kind, value))
            if found is None:
                found = len(self._numbers) + 1
                self._numbers[(kind, value)] = found
                self._values[(kind, found)] = value
            return found

    def value(self, kind: str, number: int) -> str | None:
        return self._values.get((kind, number))
