"""kill -9 of `main.py sync --yes` on a REST channel at random moments, each followed by a rerun.

The same rounds as test_kill9.py (its own module: one busy moment per module is bound to
the app's database). Every quantity and publication command id and every shipment is in
the database before it is sent, so a rerun reads what a killed run left open instead of
sending it again: no end, ACTIVATE or shipment is carried out twice.
"""
from __future__ import annotations

import pytest

from .processes import repeated_rest_writes
from .test_kill9 import kill_and_rerun


def test_kill_9_of_a_rest_sync_at_10_random_moments_then_rerun(rest_scenario, rest_runner, tmp_path):
    kill_and_rerun(rest_scenario, rest_runner, tmp_path, kills_wanted=10, seed=8, repeated=repeated_rest_writes)


@pytest.mark.slow
@pytest.mark.timeout(1200)  # about 120 rounds of a kill and a rerun
def test_kill_9_of_a_rest_sync_at_100_random_moments_then_rerun(rest_scenario, rest_runner, tmp_path):
    kill_and_rerun(rest_scenario, rest_runner, tmp_path, kills_wanted=100, seed=20240608, repeated=repeated_rest_writes)
