"""The sync against the real sandbox on 127.0.0.1: one server per module, an empty shop per test."""
from __future__ import annotations

import pytest

from sandbox.control import SandboxControl
from sandbox.server import SandboxServer

from .support import Shop


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer(port=0) as running:
        yield running


@pytest.fixture
def control(sandbox):
    control = SandboxControl(sandbox.base_url)
    control.reset(seed=1, offers=0, demo=False)
    control.clear_faults()
    control.reset_calls()
    yield control
    control.clear_faults()


@pytest.fixture
def shop(db, sandbox, control, data_dir):
    return Shop(sandbox, control, data_dir)
