"""Keeps a WebAPI key under Allegro's request limit (9000 a minute per key).

A sliding window: at most `limit` calls start in any `window` seconds. When Allegro
answers ERR_MINUTE_LIMIT_EXCEEDED anyway (another program on the same key), `pause()`
holds every caller of that key for a while. Limiters are shared per key in a process,
because the limit is the key's, not the channel's.
"""
from __future__ import annotations

import hashlib
import threading
import time
from collections import deque
from collections.abc import Callable

DEFAULT_LIMIT = 9000
DEFAULT_WINDOW = 60.0


class RateLimiter:
    def __init__(
        self,
        limit: int = DEFAULT_LIMIT,
        window: float = DEFAULT_WINDOW,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("a rate limit needs limit >= 1 and window > 0")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._sleep = sleep
        self._starts: deque[float] = deque()
        self._paused_until = 0.0
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Wait until a call may start; returns the seconds waited."""
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                while self._starts and self._starts[0] <= now - self.window:
                    self._starts.popleft()
                if now < self._paused_until:
                    delay = self._paused_until - now
                elif len(self._starts) < self.limit:
                    self._starts.append(now)
                    return waited
                else:
                    delay = self._starts[0] + self.window - now
            delay = max(delay, 0.001)
            self._sleep(delay)
            waited += delay

    def pause(self, seconds: float) -> None:
        """Hold every caller for `seconds` (Allegro said the key is over its limit)."""
        with self._lock:
            self._paused_until = max(self._paused_until, self._clock() + seconds)

    @property
    def paused(self) -> bool:
        return self._clock() < self._paused_until


_shared: dict[tuple[str, int, float], RateLimiter] = {}
_shared_lock = threading.Lock()


def for_key(api_key: str, limit: int = DEFAULT_LIMIT, window: float = DEFAULT_WINDOW) -> RateLimiter:
    """The process-wide limiter of one WebAPI key (keyed by a digest, not the key)."""
    digest = hashlib.sha256(api_key.encode("utf-8")).hexdigest()
    with _shared_lock:
        limiter = _shared.get((digest, limit, window))
        if limiter is None:
            limiter = _shared[(digest, limit, window)] = RateLimiter(limit, window)
        return limiter
