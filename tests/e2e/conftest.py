"""The sync against the real sandbox on 127.0.0.1: one server per module, an empty shop per test.

Every scenario runs twice, on a channel over Allegro's WebAPI and on one over its REST API
(the sandbox serves both faces over one world, so offers, orders and parcels are the same).
"""
from __future__ import annotations

import pytest

from tests.sandbox_channel import control, sandbox  # noqa: F401 - fixtures

from .support import Shop

APIS = ("webapi", "rest")


@pytest.fixture(params=APIS)
def api(request) -> str:
    """The channel's API: every scenario runs on both."""
    return request.param


@pytest.fixture
def shop(db, sandbox, control, data_dir, api):
    return Shop(sandbox, control, data_dir, api=api)
