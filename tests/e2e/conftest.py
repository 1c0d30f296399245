"""The sync against the real sandbox on 127.0.0.1: one server per module, an empty shop per test."""
from __future__ import annotations

import pytest

from tests.sandbox_channel import control, sandbox  # noqa: F401 - fixtures

from .support import Shop


@pytest.fixture
def shop(db, sandbox, control, data_dir):
    return Shop(sandbox, control, data_dir)
