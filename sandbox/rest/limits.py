"""Allegro's request limits (FACTS §7), counted on the sandbox clock.

9000 requests a minute per client id: past it the client id is blocked for a minute
(429 on everything). Per user: 3500 GETs of one product offer a minute, 2500 product-offer
edits and creations a minute, 9000 offer changes a minute through commands. Windows are
fixed minutes from a window's first request. Every number is settable through
``POST /sandbox/rest/limits`` (tests lower them; the benchmark lifts them).
"""

from __future__ import annotations

import threading
from typing import Callable

from .errors import RestError

DEFAULTS = {
    "client_per_minute": 9000,
    "block_seconds": 60,
    "user_get_product_offer_per_minute": 3500,
    "user_edit_product_offer_per_minute": 2500,
    "user_offer_changes_per_minute": 9000,
    # FACTS §11.4: whether a 429 carries Retry-After is undocumented; off by default.
    "retry_after_header": False,
}
USER_BUCKETS = {
    "getProductOffer": "user_get_product_offer_per_minute",
    "editProductOffers": "user_edit_product_offer_per_minute",
    "createProductOffers": "user_edit_product_offer_per_minute",
}


class TooManyRequests(RestError):
    def __init__(self, retry_after: int):
        super().__init__("TooManyRequestsException")
        self.retry_after = retry_after


class Limits:
    def __init__(self, clock: Callable[[], int]):
        self._clock = clock
        self._lock = threading.Lock()
        self.settings = dict(DEFAULTS)
        self._windows: dict[tuple, list[int]] = {}  # key -> [window start, count]
        self._blocked: dict[str, int] = {}  # client id -> blocked until

    def configure(self, body: dict) -> dict:
        for key, value in body.items():
            if key not in DEFAULTS:
                raise ValueError(f"Unknown limit {key!r}; known: {', '.join(DEFAULTS)}.")
            kind = bool if key == "retry_after_header" else int
            if type(value) is not kind or (kind is int and value < 1):
                raise ValueError(
                    f"{key} must be {'true or false' if kind is bool else 'a whole number >= 1'}."
                )
        with self._lock:
            self.settings.update(body)
            self._windows.clear()
            self._blocked.clear()
            return dict(self.settings)

    def clear_counts(self) -> None:
        with self._lock:
            self._windows.clear()
            self._blocked.clear()

    def view(self) -> dict:
        with self._lock:
            return dict(self.settings)

    def _count(self, key: tuple, amount: int, limit: int, now: int) -> bool:
        window = self._windows.get(key)
        if window is None or now - window[0] >= 60:
            window = self._windows[key] = [now, 0]
        window[1] += amount
        return window[1] <= limit

    def request(self, client_id: str, user_id: str | None, operation: str) -> None:
        """Count one request; TooManyRequests when a limit is passed."""
        with self._lock:
            now = self._clock()
            until = self._blocked.get(client_id)
            if until is not None and now < until:
                raise TooManyRequests(until - now)
            if not self._count(("client", client_id), 1, self.settings["client_per_minute"], now):
                block = self.settings["block_seconds"]
                self._blocked[client_id] = now + block
                self._windows.pop(("client", client_id), None)
                raise TooManyRequests(block)
            bucket = USER_BUCKETS.get(operation)
            if (
                bucket
                and user_id is not None
                and not self._count(("user", user_id, bucket), 1, self.settings[bucket], now)
            ):
                raise TooManyRequests(60 - (now - self._windows[("user", user_id, bucket)][0]))

    def offer_changes(self, token, count: int) -> None:
        user_id = getattr(token, "user_id", None)
        with self._lock:
            now = self._clock()
            key = ("user", user_id, "user_offer_changes_per_minute")
            if not self._count(key, count, self.settings["user_offer_changes_per_minute"], now):
                self._windows[key][1] -= count  # a refused command changes nothing
                raise TooManyRequests(60 - (now - self._windows[key][0]))
