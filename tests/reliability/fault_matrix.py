"""The fault kinds, the steps of a sync, and the printed matrix of what happened."""
from __future__ import annotations

from dataclasses import dataclass, field

from .scenario import OPERATION_TIMEOUT

# Fault kind -> the sandbox rule (sandbox/README.md, "Faults") without operation/rate/count.
FAULTS: dict[str, dict] = {
    "latency spike": {"kind": "delay", "delay_ms": int(OPERATION_TIMEOUT * 1000 * 0.6)},
    "timeout": {"kind": "delay", "delay_ms": int(OPERATION_TIMEOUT * 1000 * 1.3)},
    "drop before": {"kind": "drop", "when": "before"},
    "drop after": {"kind": "drop", "when": "after"},
    "HTTP 500": {"kind": "http500", "when": "after"},
    "ERR_WEBAPI_NOT_AVAIL": {"kind": "fault", "code": "ERR_WEBAPI_NOT_AVAIL"},
    "ERR_INTERNAL_SYSTEM_ERROR": {"kind": "fault", "code": "ERR_INTERNAL_SYSTEM_ERROR"},
    "ERR_MINUTE_LIMIT_EXCEEDED": {"kind": "fault", "code": "ERR_MINUTE_LIMIT_EXCEEDED"},
    "session expiry": {"kind": "fault", "code": "ERR_SESSION_EXPIRED"},
    # The operation ran, then the answer was lost: a SOAP fault that proves nothing, or an
    # answer later than the app's timeout. Only the writes' steps (WRITE_STEPS).
    "ERR_INTERNAL_SYSTEM_ERROR after": {"kind": "fault", "code": "ERR_INTERNAL_SYSTEM_ERROR", "when": "after"},
    "ERR_WEBAPI_NOT_AVAIL after": {"kind": "fault", "code": "ERR_WEBAPI_NOT_AVAIL", "when": "after"},
    "ERR_NO_DATABASE after": {"kind": "fault", "code": "ERR_NO_DATABASE", "when": "after"},
    "answer after timeout": {"kind": "delay", "when": "after", "delay_ms": int(OPERATION_TIMEOUT * 1000 * 1.3)},
}
WRITES_ONLY = (
    "ERR_INTERNAL_SYSTEM_ERROR after",
    "ERR_WEBAPI_NOT_AVAIL after",
    "ERR_NO_DATABASE after",
    "answer after timeout",
)

# Step of a sync -> the WebAPI operations it calls.
STEPS: dict[str, list[str]] = {
    "login": ["doQuerySysStatus", "doLoginEnc"],
    "listings": ["doGetMySellItems", "doGetMySoldItems", "doGetMyNotSoldItems"],
    "journal": ["doGetSiteJournalDeals"],
    "forms": ["doGetPostBuyFormsDataForSellers"],
    "quantities": ["doChangeQuantityItem"],
    "ends": ["doFinishItems"],
    "relists": ["doSellSomeAgain", "doVerifyItem"],
    "tracking": ["doAddPackageInfoToPostBuyForm"],
}

WRITE_STEPS = ("quantities", "ends", "relists", "tracking")


def applies(fault: str, step: str) -> bool:
    """Whether the matrix runs this cell: a lost answer matters only to a write."""
    return fault not in WRITES_ONLY or step in WRITE_STEPS


SHORT = {"completed": "C", "stopped": "S", "unclear": "?"}


@dataclass
class Verdict:
    first_run: str  # completed | stopped | unclear
    message: str  # what the seller was told when it stopped
    problems: list[str] = field(default_factory=list)  # any: the cell diverged
    seconds: float = 0.0
    fired: int = 0

    @property
    def mark(self) -> str:
        return "D" if self.problems else SHORT.get(self.first_run, "?")


# (fault, step, "once" | "lasting") -> Verdict, filled by test_fault_matrix.py
RESULTS: dict[tuple[str, str, str], Verdict] = {}


def render(results: dict[tuple[str, str, str], Verdict] | None = None) -> str:
    """The matrix as text: each cell is <once>/<lasting>."""
    results = RESULTS if results is None else results
    if not results:
        return ""
    width = max(len(f) for f in FAULTS) + 2
    steps = list(STEPS)
    lines = [
        "Fault matrix (each cell: fault once / fault lasting the whole run; then the fault "
        "clears and the next run is compared with a fault-free run; the lost answers only at writes)",
        " " * width + "".join(s[:10].ljust(11) for s in steps),
    ]
    counts = {"C": 0, "S": 0, "D": 0, "?": 0, "-": 0}
    for fault in FAULTS:
        cells = []
        for step in steps:
            marks = []
            for variant in ("once", "lasting"):
                if not applies(fault, step):
                    marks.append(" ")
                    continue
                verdict = results.get((fault, step, variant))
                mark = verdict.mark if verdict else "-"
                counts[mark] = counts.get(mark, 0) + 1
                marks.append(mark)
            cells.append(("/".join(marks) if marks != [" ", " "] else "").ljust(11))
        lines.append(fault.ljust(width) + "".join(cells))
    total = sum(counts.values()) - counts["-"]
    lines.append(
        f"C = completed, S = stopped with a clear message, D = diverged; {total} runs: "
        f"{counts['C']} completed, {counts['S']} stopped cleanly, {counts['D']} diverged"
        + (f", {counts['?']} unclear" if counts["?"] else "")
        + (f", {counts['-']} not run" if counts["-"] else "")
    )
    diverged = [(k, v) for k, v in results.items() if v.problems]
    for (fault, step, variant), verdict in diverged[:20]:
        lines.append(f"  D {fault} at {step} ({variant}): " + "; ".join(verdict.problems[:3]))
    return "\n".join(lines)
