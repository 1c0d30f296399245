"""Injected trouble: added latency, faults, HTTP 500s and dropped connections.

A rule fires with its rate, at most ``count`` times. "before" rules stop the call
before the operation runs; "after" rules let it run and keep its effect, then the
client gets the fault or the dropped connection instead of the answer — the case
that tests a client's exactly-once behaviour. A "delay" rule holds the operation back
("before": it runs late) or, with "after", runs it at once and holds back its answer.
"""

from __future__ import annotations

import random
import re
import threading
from dataclasses import asdict, dataclass

KINDS = ("fault", "http500", "http429", "drop", "delay")  # http429: the REST face only
WHEN = ("before", "after")
_CODE = re.compile(r"ERR_[A-Z0-9_]{1,80}")


class RuleError(ValueError):
    """A fault configuration that cannot be used (answered with HTTP 400)."""


@dataclass
class Rule:
    operation: str = "*"
    kind: str = "fault"
    code: str = "ERR_INTERNAL_SYSTEM_ERROR"
    rate: float = 1.0
    count: int | None = None
    when: str = "before"
    delay_ms: int = 0
    fired: int = 0

    def matches(self, operation: str) -> bool:
        return self.operation in ("*", operation) and (
            self.count is None or self.fired < self.count)


@dataclass(frozen=True)
class Decision:
    delay_s: float = 0.0  # the delay rules that fired: before the operation runs
    before: Rule | None = None
    after: Rule | None = None
    latency_s: float = 0.0  # the added latency: the whole round trip (see the server)
    answer_delay_s: float = 0.0  # "after" delay rules: the operation runs, its answer waits


NOTHING = Decision()


def _number(raw: dict, key: str, default, kind=float, low=0.0, high=None):
    value = raw.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RuleError(f"{key} must be a number.")
    if kind is int and value != int(value):
        raise RuleError(f"{key} must be a whole number.")
    if value < low or (high is not None and value > high):
        bound = f" and {high}" if high is not None else ""
        raise RuleError(f"{key} must be between {low}{bound}.")
    return kind(value)


class FaultPlan:
    """The current latency and rules; thread-safe."""

    def __init__(self, latency_ms: int = 0, operations: list[str] | None = None):
        self._lock = threading.Lock()
        self._operations = set(operations or [])
        self.latency_ms = latency_ms
        self.rules: list[Rule] = []
        self._rng = random.Random(0)

    def allow_operations(self, names) -> None:
        """More operation names rules may name (the REST face's operationIds)."""
        with self._lock:
            self._operations.update(names)

    def configure(self, payload: dict) -> dict:
        if not isinstance(payload, dict):
            raise RuleError("The fault configuration must be a JSON object.")
        latency = _number(payload, "latency_ms", 0, int)
        seed = _number(payload, "seed", 0, int, low=-(2**63))
        raw_rules = payload.get("rules", [])
        if not isinstance(raw_rules, list):
            raise RuleError("rules must be a list.")
        rules = [self._rule(i, raw) for i, raw in enumerate(raw_rules)]
        with self._lock:
            self.latency_ms = latency
            self.rules = rules
            self._rng = random.Random(seed)
        return self.view()

    def _rule(self, index: int, raw) -> Rule:
        if not isinstance(raw, dict):
            raise RuleError(f"rules[{index}] must be an object.")
        try:
            operation = raw.get("operation", "*")
            if operation != "*" and operation not in self._operations:
                raise RuleError(f"unknown operation {operation!r}")
            kind = raw.get("kind", "fault")
            if kind not in KINDS:
                raise RuleError(f"kind must be one of {', '.join(KINDS)}")
            when = raw.get("when", "before")
            if when not in WHEN:
                raise RuleError("when must be 'before' or 'after'")
            code = raw.get("code", "ERR_INTERNAL_SYSTEM_ERROR")
            if not isinstance(code, str) or not _CODE.fullmatch(code):
                raise RuleError("code must look like ERR_SOMETHING")
            return Rule(
                operation=operation, kind=kind, code=code,
                rate=_number(raw, "rate", 1.0, float, high=1.0),
                count=_number(raw, "count", None, int),
                when=when, delay_ms=_number(raw, "delay_ms", 0, int),
            )
        except RuleError as exc:
            raise RuleError(f"rules[{index}]: {exc}") from None

    def clear(self) -> None:
        with self._lock:
            self.latency_ms = 0
            self.rules = []

    def view(self) -> dict:
        with self._lock:
            return {"latency_ms": self.latency_ms, "rules": [asdict(r) for r in self.rules]}

    def decide(self, operation: str) -> Decision:
        """What happens to this call; counts the rules that fire."""
        with self._lock:
            if not self.rules and not self.latency_ms:
                return NOTHING
            delay_ms = answer_delay_ms = 0
            before = after = None
            for rule in self.rules:
                if not rule.matches(operation):
                    continue
                if rule.kind == "delay":
                    if self._rng.random() < rule.rate:
                        rule.fired += 1
                        if rule.when == "after":
                            answer_delay_ms += rule.delay_ms
                        else:
                            delay_ms += rule.delay_ms
                    continue
                if before or after:
                    continue  # one fault per call; later fault rules wait for later calls
                if self._rng.random() < rule.rate:
                    rule.fired += 1
                    delay_ms += rule.delay_ms
                    if rule.when == "before":
                        before = rule
                    else:
                        after = rule
            return Decision(delay_ms / 1000.0, before, after, self.latency_ms / 1000.0, answer_delay_ms / 1000.0)
