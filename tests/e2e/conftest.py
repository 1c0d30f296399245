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
    """The channel's API; a test marked `webapi_only(reason)` is skipped on REST with that reason."""
    marker = request.node.get_closest_marker("webapi_only")
    if request.param == "rest" and marker is not None:
        pytest.skip(marker.args[0])
    return request.param


@pytest.fixture
def shop(db, sandbox, control, data_dir, api):
    return Shop(sandbox, control, data_dir, api=api)


def pytest_configure(config):
    config.addinivalue_line("markers", "webapi_only(reason): the scenario does not exist on REST (say why)")
