"""The fixtures other test folders import from tests/sandbox_fixtures.py work as documented."""

from __future__ import annotations

from tests.sandbox_fixtures import make_sandbox_fixtures, sandbox_control, sandbox_server  # noqa: F401

slow_server, slow_control = make_sandbox_fixtures(
    "module", server_name="slow_server", control_name="slow_control", latency_ms=25)


def test_session_sandbox_starts_on_loopback_and_can_be_emptied(sandbox_server, sandbox_control):
    assert sandbox_server.url.startswith("http://127.0.0.1:")
    sandbox_control.reset(demo=False)
    offer = sandbox_control.add_offer("Oferta z innego folderu testów", quantity=3, price=12)
    assert [o["offer_id"] for o in sandbox_control.offers()] == [offer]


def test_factory_passes_server_options(slow_server, slow_control):
    assert slow_control.faults()["latency_ms"] == 25
    assert slow_server.port != 0
