"""How long one call to Allegro may take and how large its answer may be, for every adapter.

A call has a whole-call deadline (connecting, sending, and every byte of the answer,
however slowly it trickles in) and an answer-size limit checked as the answer streams
in, so a hostile or broken server can neither hold a sync for ever nor fill the memory.
Both are far above Allegro's largest honest answer (a page of 1,000 offers, about 1.3 MB,
read in well under a second) and are stated in docs/reliability.md.

Nothing here knows a transport: the SOAP adapter (urllib3) feeds `AnswerBudget` each
chunk it reads and lets `WATCHDOG` shut its socket at the deadline; an httpx adapter
does the same with `Response.iter_bytes()` and closing its response.
"""
from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

CALL_DEADLINE = 120.0  # seconds for a whole call
MAX_ANSWER_BYTES = 32 * 1024 * 1024  # bytes of one answer
CHUNK = 64 * 1024  # bytes read at a time


@dataclass(frozen=True, slots=True)
class CallLimits:
    deadline: float = CALL_DEADLINE
    max_bytes: int = MAX_ANSWER_BYTES

    @classmethod
    def current(cls) -> CallLimits:
        """The limits as this module states them now (tests shorten them)."""
        return cls(CALL_DEADLINE, MAX_ANSWER_BYTES)


class DeadlinePassed(Exception):
    """The call did not finish within its deadline."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"the call did not finish within {seconds:g} s")


class AnswerTooLarge(Exception):
    """The answer grew past the size limit; reading it stopped there."""

    def __init__(self, limit: int, read: int) -> None:
        self.limit = limit
        self.read = read
        super().__init__(f"the answer passed {limit} bytes (stopped after {read})")


class AnswerBudget:
    """One call's allowance of time and bytes, started when the call starts."""

    def __init__(self, limits: CallLimits = CallLimits(), clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self.started = clock()
        self.deadline_at = self.started + limits.deadline
        self.read = 0

    def remaining(self) -> float:
        return max(0.0, self.deadline_at - self._clock())

    def check_time(self) -> None:
        if self._clock() >= self.deadline_at:
            raise DeadlinePassed(self.limits.deadline)

    def check_declared(self, content_length: str | int | None) -> None:
        """Refuse an answer whose declared length is already too large, before reading it."""
        try:
            declared = int(content_length) if content_length is not None else None
        except ValueError:
            return
        if declared is not None and declared > self.limits.max_bytes:
            raise AnswerTooLarge(self.limits.max_bytes, 0)

    def take(self, size: int) -> None:
        """Count `size` more bytes read; raises when the answer passed its limit or its deadline."""
        self.read += size
        if self.read > self.limits.max_bytes:
            raise AnswerTooLarge(self.limits.max_bytes, self.read)
        self.check_time()


class Watchdog:
    """One thread that runs a call's `on_expiry` when its deadline passes (to shut its socket,
    which ends a read blocked on a server that trickles)."""

    def __init__(self) -> None:
        self._due: list[tuple[float, int, Callable[[], None]]] = []
        self._live: set[int] = set()
        self._counter = itertools.count()
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, deadline_at: float, on_expiry: Callable[[], None]) -> int:
        with self._changed:
            token = next(self._counter)
            heapq.heappush(self._due, (deadline_at, token, on_expiry))
            self._live.add(token)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="call-deadlines", daemon=True)
                self._thread.start()
            if self._due[0][1] == token:  # the earliest now: the thread sleeps until a later one
                self._changed.notify()
            return token

    def cancel(self, token: int) -> None:
        with self._changed:
            self._live.discard(token)

    def _run(self) -> None:
        while True:
            with self._changed:
                while True:
                    while self._due and self._due[0][1] not in self._live:
                        heapq.heappop(self._due)  # cancelled: the call finished in time
                    if not self._due:
                        self._changed.wait()
                        continue
                    wait = self._due[0][0] - time.monotonic()
                    if wait <= 0:
                        _when, token, on_expiry = heapq.heappop(self._due)
                        self._live.discard(token)
                        break
                    self._changed.wait(wait)
            try:
                on_expiry()
            except Exception:  # noqa: BLE001 - a socket already closed: nothing left to stop
                pass


WATCHDOG = Watchdog()
