"""How often and how patiently a failed WebAPI call is tried again."""
from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter, bounded.

    `retries` is how many times a transient failure is tried again (so at most
    retries + 1 attempts). Delays double from `base` up to `cap` seconds; each is
    drawn from its upper half so parallel callers do not retry in lockstep.
    `limit_pause` is how long the whole key waits after ERR_MINUTE_LIMIT_EXCEEDED
    (Allegro blocks the key for a minute).
    """

    retries: int = 3
    base: float = 0.5
    cap: float = 8.0
    limit_pause: float = 60.0

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based)."""
        ceiling = min(self.cap, self.base * (2 ** max(attempt - 1, 0)))
        return ceiling / 2 + (rng or random).uniform(0, ceiling / 2)


FAST = RetryPolicy(retries=3, base=0.01, cap=0.05, limit_pause=0.2)  # for tests and demos
