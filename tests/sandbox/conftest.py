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


# -- the REST face ---------------------------------------------------------------------------
@pytest.fixture(scope="session")
def rest_spec():
    """Allegro's OpenAPI spec, parsed once per session (openapi-core takes seconds)."""
    from .rest_support import Spec

    return Spec()


@pytest.fixture
def rest(server, control, rest_spec):
    """A REST client holding a fresh user token; default limits and command delay."""
    from .rest_support import RestClient

    control.rest_settings(
        client_per_minute=9000, block_seconds=60,
        user_get_product_offer_per_minute=3500, user_edit_product_offer_per_minute=2500,
        user_offer_changes_per_minute=9000, retry_after_header=False,
        command_delay_seconds=1)
    client = RestClient(server.rest_url, rest_spec)
    client.sign_in(control)
    yield client
    client.close()
