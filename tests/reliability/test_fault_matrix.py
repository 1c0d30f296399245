"""Faults × steps: every fault kind at every step of a sync, once and lasting.

For each cell the busy moment is restored, the sandbox injects the fault on the step's
operations, and `main.py sync --yes` runs (in this process, through the command's own
code). The run must complete, or stop with a sentence for the seller. Then the fault
clears, the next run goes, and both sides must equal, field by field, what one
fault-free run reaches; no end, relist or parcel may have been executed twice.

Two variants per cell: "once" (the fault hits each of the step's operations one time,
as a blip would) and "lasting" (every call of the step fails for the whole run). The
matrix is printed at the end of the test session (conftest.py) and kept in
`fault_matrix.RESULTS`.
"""
from __future__ import annotations

import time

import pytest

from . import fault_matrix
from .fault_matrix import FAULTS, STEPS, Verdict, applies
from .processes import repeated_changes



def rules(fault: str, step: str, lasting: bool) -> list[dict]:
    shape = FAULTS[fault]
    return [
        {**shape, "operation": operation, "rate": 1.0, "count": None if lasting else 1}
        for operation in STEPS[step]
    ]


def duplicates(control) -> list[str]:
    """Ends, relists and parcels carried out twice (processes.repeated_changes, without
    quantities: setting one twice is harmless)."""
    return [line for line in repeated_changes(control) if not line.startswith("doChangeQuantityItem")]


def run_variant(scenario, reference, fault: str, step: str, lasting: bool) -> Verdict:
    scenario.reset()
    scenario.control.set_faults(rules=rules(fault, step, lasting), seed=7)
    started = time.monotonic()
    hit = scenario.sync()
    seconds = time.monotonic() - started
    fired = sum(r["fired"] for r in scenario.control.faults()["rules"])
    scenario.control.clear_faults()
    delay = FAULTS[fault].get("delay_ms", 0) / 1000
    return fault_matrix.verdict(scenario, hit, seconds, fired, delay, reference, duplicates)


@pytest.mark.parametrize(
    "fault,step", [(fault, step) for fault in FAULTS for step in STEPS if applies(fault, step)]
)
def test_a_fault_at_a_step_completes_or_stops_cleanly_and_the_next_run_converges(scenario, reference_after_one_run, fault, step):
    verdicts = {}
    for lasting in (False, True):
        verdict = run_variant(scenario, reference_after_one_run, fault, step, lasting)
        verdicts["lasting" if lasting else "once"] = verdict
        fault_matrix.RESULTS[(fault, step, "lasting" if lasting else "once")] = verdict
    bad = {variant: v.problems for variant, v in verdicts.items() if v.problems}
    assert not bad, f"{fault} at {step}: {bad}"
