"""Counting and logging every SOAP call, so tests can prove what was sent and done."""

from __future__ import annotations

import threading
from collections import Counter, deque

LOG_LIMIT = 200_000  # enough for the largest benchmark; the oldest entries go first


class CallRecorder:
    """Per-operation counts (received and executed) and an ordered call log."""

    def __init__(self, limit: int = LOG_LIMIT):
        self._lock = threading.Lock()
        self._limit = limit
        self._clear()

    def _clear(self) -> None:
        self._counts: Counter[str] = Counter()
        self._executed: Counter[str] = Counter()
        self._log: deque[dict] = deque(maxlen=self._limit)
        self._seq = 0

    def reset(self) -> None:
        with self._lock:
            self._clear()

    def record(self, operation: str, item_ids: list[int], outcome: str, executed: bool,
               now: int, detail: str = "") -> None:
        """outcome: "ok", a fault code, "dropped" or "http500". executed: the effect was kept.
        detail: what a REST write asked for (ACTIVATE / END, a quantity, a waybill)."""
        with self._lock:
            self._seq += 1
            self._counts[operation] += 1
            if executed:
                self._executed[operation] += 1
            self._log.append({"seq": self._seq, "operation": operation, "time": now,
                              "item_ids": item_ids, "outcome": outcome, "executed": executed,
                              "detail": detail})

    def counts(self) -> dict:
        with self._lock:
            return {"counts": dict(self._counts), "executed": dict(self._executed),
                    "total": self._seq}

    def log(self, since: int = 0) -> list[dict]:
        with self._lock:
            return [dict(entry) for entry in self._log if entry["seq"] > since]
