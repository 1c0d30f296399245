"""Sync processes for the crash and concurrency tests: a fork server running main.main(argv)
(tests/e2e/sync_runner.py), and what to check after a process died."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from tests.e2e.support import change_of

from .scenario import CHANGES

RUNNER = Path(__file__).resolve().parents[1] / "e2e" / "sync_runner.py"
APPLYING = "applying…"


class Runner:
    """The fork server: one `main.py sync` child at a time."""

    def __init__(self, env: dict) -> None:
        self.env = env
        self.proc = subprocess.Popen(
            [sys.executable, str(RUNNER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env=env, cwd=str(RUNNER.parents[2]),
        )
        assert json.loads(self.proc.stdout.readline()) == {"ready": True}

    def start(self, argv: list[str], output: Path) -> int:
        self.proc.stdin.write(json.dumps({"argv": argv, "output": str(output)}) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())["pid"]

    def ended(self) -> int:
        return json.loads(self.proc.stdout.readline())["exit"]

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=10)
        self.proc.stdout.close()


def integrity(path: Path) -> str:
    check = sqlite3.connect(str(path))
    try:
        return check.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        check.close()


def repeated_changes(control) -> list[str]:
    """Changes the sandbox carried out twice. A relist is counted by the offers made from its
    source: a second doSellSomeAgain under the same localId is refused and lists nothing."""
    seen: Counter = Counter()
    for entry in control.call_log():
        if entry["executed"] and entry["operation"] in CHANGES and entry["operation"] != "doSellSomeAgain":
            seen.update((entry["operation"], item) for item in entry["item_ids"])
    seen.update(("doSellSomeAgain", offer["relisted_from"]) for offer in control.offers() if offer["relisted_from"])
    return [f"{op} carried out {n} times for {item}" for (op, item), n in seen.items() if n > 1]


def wait_for(path: Path, text: str, pid: int, timeout: float = 30.0) -> bool:
    """Whether the child printed `text` (False if it ended first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text(encoding="utf-8", errors="replace"):
            return True
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.002)
    raise AssertionError(f"the sync never printed {text!r}: {path.read_text()}")


def last_step(output: Path) -> str:
    """The step the killed sync had printed last."""
    text = output.read_text(encoding="utf-8", errors="replace") if output.exists() else ""
    steps = [line.strip().rstrip("…") for line in text.splitlines() if line.startswith("  ") and line.strip().endswith("…")]
    return steps[-1] if steps else "starting"


def repeated_rest_writes(control) -> list[str]:
    """Ends, relists and shipments Allegro carried out twice (quantities are absolute values:
    setting one twice is harmless, and a sold-out offer gets stock before its ACTIVATE)."""
    seen: Counter = Counter()
    for entry in control.call_log():
        kind = change_of(entry)
        if entry["executed"] and kind in ("end", "relist", "tracking"):
            seen.update((kind, key) for key in entry["item_ids"] or [entry.get("detail")])
    return [f"{kind} carried out {n} times for {key}" for (kind, key), n in seen.items() if n > 1]
