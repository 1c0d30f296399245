"""Faults × steps on a REST channel: every fault kind at every REST sending step, once and lasting.

The same busy moment and the same verdicts as test_fault_matrix.py, on a channel over
Allegro's REST API. The sandbox's REST face injects the HTTP faults on the step's
operations (a reset connection, a timeout, 500, 429, an answer lost or late after the work
was done); a refused connection is raised by the client's own HTTP transport for the
step's requests, so nothing leaves. A write is never carried out twice: each end, relist
(ACTIVATE) and shipment is counted from the sandbox's call log.
"""
from __future__ import annotations

import re
import time
import httpx
import pytest

from . import fault_matrix
from .fault_matrix import REST_FAULTS, REST_STEPS, Verdict, rest_applies
from .processes import repeated_rest_writes


class RefusingTransport(httpx.HTTPTransport):
    """Refuses the connection for requests whose "METHOD /path" matches `pattern`
    (every time, or only the first `count` times), as a server that is down would."""

    def __init__(self, pattern: str, count: int | None) -> None:
        super().__init__()
        self.pattern = re.compile(pattern)
        self.left = count
        self.fired = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.pattern.search(f"{request.method} {request.url.path}") and (self.left is None or self.left > 0):
            self.fired += 1
            if self.left is not None:
                self.left -= 1
            raise httpx.ConnectError("connection refused (injected)", request=request)
        return super().handle_request(request)


def run_variant(scenario, reference, fault: str, step: str, lasting: bool) -> Verdict:
    scenario.reset()
    shape = REST_FAULTS[fault]
    operations, pattern = REST_STEPS[step]
    transport = None
    if shape.get("transport") == "refuse":
        transport = RefusingTransport(pattern, None if lasting else 1)
    else:
        rules = [{**shape, "operation": op, "rate": 1.0, "count": None if lasting else 1} for op in operations]
        scenario.control.set_faults(rules=rules, seed=7)
    started = time.monotonic()
    hit = scenario.sync(transport=transport)
    seconds = time.monotonic() - started
    fired = transport.fired if transport else sum(r["fired"] for r in scenario.control.faults()["rules"])
    scenario.control.clear_faults()
    delay = shape.get("delay_ms", 0) / 1000
    return fault_matrix.verdict(scenario, hit, seconds, fired, delay, reference, repeated_rest_writes)


@pytest.mark.parametrize(
    "fault,step", [(fault, step) for fault in REST_FAULTS for step in REST_STEPS if rest_applies(fault, step)]
)
def test_a_fault_at_a_rest_step_completes_or_stops_cleanly_and_the_next_run_converges(
    rest_scenario, rest_reference_after_one_run, fault, step
):
    verdicts = {}
    for lasting in (False, True):
        variant = "lasting" if lasting else "once"
        verdicts[variant] = run_variant(rest_scenario, rest_reference_after_one_run, fault, step, lasting)
        fault_matrix.REST_RESULTS[(fault, step, variant)] = verdicts[variant]
    bad = {variant: v.problems for variant, v in verdicts.items() if v.problems}
    assert not bad, f"{fault} at {step}: {bad}"
