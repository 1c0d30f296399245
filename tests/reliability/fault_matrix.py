"""The fault kinds, the steps of a sync, and the printed matrix of what happened."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from .scenario import OPERATION_TIMEOUT, differences

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


# The same for a REST channel. "connection refused" is raised in the client's own HTTP
# transport (nothing leaves); the rest are sandbox rules on the step's operations.
REST_FAULTS: dict[str, dict] = {
    "connection refused": {"transport": "refuse"},
    "connection reset": {"kind": "drop", "when": "before"},
    "timeout": {"kind": "delay", "delay_ms": int(OPERATION_TIMEOUT * 1000 * 1.3)},
    "HTTP 500": {"kind": "http500", "when": "before"},
    "HTTP 429": {"kind": "http429", "when": "before"},
    # Allegro did the work, then the answer was lost or came after the app's timeout.
    "answer lost after the work": {"kind": "drop", "when": "after"},
    "HTTP 500 after the work": {"kind": "http500", "when": "after"},
    "answer after timeout": {"kind": "delay", "when": "after", "delay_ms": int(OPERATION_TIMEOUT * 1000 * 1.3)},
}
REST_WRITES_ONLY = ("answer lost after the work", "HTTP 500 after the work", "answer after timeout")
# Step -> (the operations the sandbox faults, the paths the client's transport refuses)
REST_STEPS: dict[str, tuple[list[str], str]] = {
    "quantity command": (["quantityModificationCommandUsingPUT"], r"PUT /sale/offer-quantity-change-commands/"),
    "command report": (
        ["getQuantityModificationCommandTasksStatusesUsingGET", "getPublicationTasksUsingGET"],
        r"GET /sale/offer-(quantity-change|publication)-commands/.*/tasks",
    ),
    "publication command": (["changePublicationStatusUsingPUT"], r"PUT /sale/offer-publication-commands/"),
    "shipment": (["createOrderShipmentsUsingPOST"], r"POST /order/checkout-forms/.*/shipments"),
    # Forms are read a page of their purchase window at a time, the ones the pages miss by id.
    "checkout forms": (["getListOfOrdersUsingGET", "getOrdersDetailsUsingGET"], r"GET /order/checkout-forms(/[^/]+)?$"),
}
REST_WRITE_STEPS = ("quantity command", "command report", "publication command", "shipment")


def rest_applies(fault: str, step: str) -> bool:
    """A lost answer matters to a write and to the read that settles one (a command's report)."""
    return fault not in REST_WRITES_ONLY or step in REST_WRITE_STEPS


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


# (fault, step, "once" | "lasting") -> Verdict, filled by test_fault_matrix.py (and _rest)
RESULTS: dict[tuple[str, str, str], Verdict] = {}
REST_RESULTS: dict[tuple[str, str, str], Verdict] = {}


def render(results: dict[tuple[str, str, str], Verdict] | None = None, rest: bool = False) -> str:
    """The matrix as text: each cell is <once>/<lasting>."""
    results = (REST_RESULTS if rest else RESULTS) if results is None else results
    if not results:
        return ""
    faults, cell_applies = (REST_FAULTS, rest_applies) if rest else (FAULTS, applies)
    width = max(len(f) for f in faults) + 2
    steps = list(REST_STEPS if rest else STEPS)
    lines = [
        ("REST fault matrix" if rest else "Fault matrix")
        + " (each cell: fault once / fault lasting the whole run; then the fault "
        "clears and the next run is compared with a fault-free run; the lost answers only at writes)",
        " " * width + "".join(s[:10].ljust(11) for s in steps),
    ]
    counts = {"C": 0, "S": 0, "D": 0, "?": 0, "-": 0}
    for fault in faults:
        cells = []
        for step in steps:
            marks = []
            for variant in ("once", "lasting"):
                if not cell_applies(fault, step):
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


def verdict(scenario, hit, seconds: float, fired: int, delay: float, reference, repeated) -> Verdict:
    """How a faulted sync ended and whether the rerun converged: its first run completed or
    stopped with a seller's sentence, the fault fired, no lock or loose end is left, nothing
    was carried out twice (`repeated`: the API's own check) and the state equals `reference`."""
    if delay > OPERATION_TIMEOUT:
        time.sleep(delay)  # a request the client gave up on still runs on the server: let it land
    problems = []
    if hit.crash:
        problems.append(f"the command crashed: {hit.crash}")
    if hit.code == 0:
        first = "completed"
    elif hit.code == 1 and hit.seller_problem:
        first = "stopped"
    else:
        first = "unclear"
        problems.append(f"exit {hit.code} without a clear sentence: {hit.err.strip() or hit.out[-300:]}")
    if not fired:
        problems.append("the fault never fired (the step was not reached)")
    problems += [p for p in scenario.loose_ends() if "lock" in p]
    rerun = scenario.sync()
    if rerun.code != 0 or rerun.crash:
        problems.append(f"the run after the fault cleared failed: {rerun.crash or rerun.err.strip() or rerun.out[-300:]}")
    problems += scenario.loose_ends()
    problems += repeated(scenario.control)
    problems += differences(reference, scenario.snapshot())
    return Verdict(first, hit.seller_problem, problems, seconds, fired)
