"""One strict sandbox per test module, a fresh demo world per test, a strict zeep client."""

from __future__ import annotations

import pytest
from zeep import Client, Settings
from zeep.transports import Transport

from sandbox.control import SandboxControl
from sandbox.server import SandboxServer
from sandbox.soap import WSDL_PATH

from .helpers import BINDING, login


@pytest.fixture(scope="module")
def server():
    # strict_responses: every answer is checked against the WSDL's schema on the way out.
    with SandboxServer(strict_responses=True) as running:
        yield running


@pytest.fixture(scope="module")
def control(server):
    return SandboxControl(server.base_url)


@pytest.fixture(autouse=True)
def fresh_world(control):
    """Every test starts from the demo shop of seed 1, no faults, no counted calls."""
    control.reset(seed=1)


@pytest.fixture(scope="module")
def zeep_client():
    return Client(str(WSDL_PATH), settings=Settings(strict=True, xml_huge_tree=False),
                  transport=Transport(timeout=10, operation_timeout=30))


@pytest.fixture(scope="module")
def api(zeep_client, server):
    """The WebAPI service proxy, loaded from the WSDL file and pointed at the sandbox."""
    return zeep_client.create_service(BINDING, server.url)


@pytest.fixture
def session(api):
    return login(api)
