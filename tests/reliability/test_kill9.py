"""kill -9 of `main.py sync --yes` at random moments of the whole run, each followed by a rerun.

Every round starts from the busy moment, starts the sync in a fresh process (a fork of
tests/e2e/sync_runner.py running main.main(argv), the entry point of `uv run main.py`),
kills it with SIGKILL at a random moment between its start and the time an
uninterrupted run takes, checks the SQLite file (PRAGMA integrity_check), and runs it
again to the end. Then both sides must equal an uninterrupted run's, field by field,
and the sandbox's call log must show no end, relist, parcel or quantity change carried
out twice. 10 kills in the default run; 100 in CI (`pytest -m slow tests/reliability`).
"""
from __future__ import annotations

import os
import random
import signal
import time
from collections import Counter

import pytest

from .processes import APPLYING, integrity, last_step, repeated_changes, wait_for
from .scenario import differences

LATENCY_MS = 10  # stretches the run a little, so random moments fall all through it


def kill_and_rerun(scenario, runner, tmp_path, kills_wanted: int, seed: int, repeated=repeated_changes) -> None:
    """`repeated(control)` names the changes carried out twice (the WebAPI's or REST's)."""
    argv = ["--data-dir", str(scenario.paths.data_dir), "sync", "--yes"]
    database = scenario.paths.database

    def fresh() -> None:
        scenario.reset()
        if hasattr(runner, "share_keyring"):
            runner.share_keyring()
        scenario.control.set_faults(latency_ms=LATENCY_MS)
        scenario.db.close()  # the child is the only writer, as in real use

    # the uninterrupted run: the state to reach, and how long a run and its apply take
    fresh()
    out = tmp_path / "reference.txt"
    started = time.monotonic()
    pid = runner.start(argv, out)
    assert wait_for(out, APPLYING, pid)
    applying = time.monotonic()
    assert runner.ended() == 0, out.read_text()
    duration = time.monotonic() - started
    apply_time = time.monotonic() - applying
    assert repeated(scenario.control) == []
    want = scenario.snapshot()

    rng = random.Random(seed)
    kills: list[tuple[int, str]] = []
    rounds = 0
    while len(kills) < kills_wanted:
        rounds += 1
        assert rounds <= kills_wanted * 2, f"only {len(kills)} kills landed in {rounds - 1} rounds"
        fresh()
        out = tmp_path / f"round{rounds}.txt"
        pid = runner.start(argv, out)
        # every other kill lands while changes are being sent, where exactly-once is at stake
        if rounds % 2 == 0 and wait_for(out, APPLYING, pid):
            moment = rng.uniform(0, apply_time)
        else:
            moment = rng.uniform(0, duration)
        time.sleep(moment)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        code = runner.ended()
        if code == -signal.SIGKILL:
            kills.append((round(moment * 1000), last_step(out)))
        else:
            assert code == 0, out.read_text()
        assert integrity(database) == "ok", f"round {rounds}: the database is damaged"
        rerun = tmp_path / f"round{rounds}-rerun.txt"
        runner.start(argv, rerun)
        assert runner.ended() == 0, rerun.read_text()
        assert integrity(database) == "ok"
        assert repeated(scenario.control) == [], rounds
        diff = differences(want, scenario.snapshot())
        assert diff == [], f"round {rounds} (killed at {moment * 1000:.0f} ms in {last_step(out)}): {diff[:5]}"
        assert scenario.loose_ends() == []

    where = Counter(step for _, step in kills)
    print(
        f"\nkill -9: {len(kills)} kills in {rounds} rounds; an uninterrupted run takes {duration * 1000:.0f} ms "
        f"(apply {apply_time * 1000:.0f} ms); "
        "killed during: " + ", ".join(f"{step} {n}" for step, n in where.most_common())
        + "; every rerun reached the uninterrupted state, integrity_check ok, nothing carried out twice"
    )


def test_kill_9_at_10_random_moments_then_rerun(scenario, runner, tmp_path):
    kill_and_rerun(scenario, runner, tmp_path, kills_wanted=10, seed=8)


@pytest.mark.slow
def test_kill_9_at_100_random_moments_then_rerun(scenario, runner, tmp_path):
    kill_and_rerun(scenario, runner, tmp_path, kills_wanted=100, seed=20240608)

