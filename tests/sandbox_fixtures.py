"""Sandbox fixtures any test folder can use.

In a conftest.py::

    from tests.sandbox_fixtures import sandbox_server, sandbox_control  # noqa: F401

gives a session-wide SandboxServer on 127.0.0.1 (any free port, demo shop at start)
and its SandboxControl. Each test decides its world, typically with
``sandbox_control.reset(demo=False)`` (an empty shop, same account) or
``sandbox_control.reset(seed=1)`` (the demo shop). Another scope or other server
options::

    my_server, my_control = make_sandbox_fixtures(
        "module", server_name="my_server", control_name="my_control", latency_ms=5)
"""

from __future__ import annotations

import pytest

from sandbox.control import SandboxControl
from sandbox.server import SandboxServer


def make_sandbox_fixtures(scope: str = "session", server_name: str = "sandbox_server",
                          control_name: str = "sandbox_control", **server_options):
    """A (server, control) pair of fixtures with the given scope, names and server options."""

    @pytest.fixture(scope=scope, name=server_name)
    def server_fixture():
        server = SandboxServer(host="127.0.0.1", port=0, **server_options).start()
        try:
            yield server
        finally:
            server.stop()

    @pytest.fixture(scope=scope, name=control_name)
    def control_fixture(request):
        return SandboxControl(request.getfixturevalue(server_name).base_url)

    return server_fixture, control_fixture


sandbox_server, sandbox_control = make_sandbox_fixtures("session")
