"""Shared pieces of the WebAPI adapter tests (no tests here).

Each test module gets its own sandbox server on 127.0.0.1 and resets its world per test.
"""
from __future__ import annotations

from collections import Counter

import pytest

from core.allegro.port import Credentials
from core.allegro.retry import RetryPolicy
from core.allegro.webapi import WebApiMarketplace
from tests.sandbox_fixtures import make_sandbox_fixtures

LOGIN, PASSWORD, KEY = "sandbox-seller", "sandbox-pass-1", "SANDBOX-WEBAPI-KEY"
FAST = RetryPolicy(retries=3, base=0.005, cap=0.02, limit_pause=0.2)

webapi_server, webapi_control = make_sandbox_fixtures(
    "module", server_name="webapi_server", control_name="webapi_control"
)


def credentials(server, version: int | None = None, password: str = PASSWORD, key: str = KEY) -> Credentials:
    return Credentials(server.url, LOGIN, password, key, 1505 if version is None else version)


def make_marketplace(server, control, **options) -> WebApiMarketplace:
    version = options.pop("version", None)
    if version is None:
        version = control.state()["version_key"]
    creds = credentials(server, version, options.pop("password", PASSWORD), options.pop("key", KEY))
    options.setdefault("retry", FAST)
    options.setdefault("operation_timeout", 10)
    options.setdefault("connect_timeout", 5)
    return WebApiMarketplace(creds, **options)


@pytest.fixture
def shop(webapi_control):
    """An empty shop (same account), faults and counters cleared."""
    webapi_control.reset(seed=1, offers=0, demo=False)
    webapi_control.clear_faults()
    webapi_control.reset_calls()
    return webapi_control


@pytest.fixture
def demo(webapi_control):
    """The demo shop, faults and counters cleared."""
    webapi_control.reset(seed=1, offers=60, demo=True)
    webapi_control.clear_faults()
    webapi_control.reset_calls()
    return webapi_control


@pytest.fixture
def market(webapi_server, webapi_control):
    with make_marketplace(webapi_server, webapi_control) as mp:
        yield mp


def calls(control) -> Counter:
    return Counter(control.calls()["counts"])


def executed_ids(control, operation: str) -> Counter:
    """How many times each id was in an *executed* call of `operation` (effects kept)."""
    seen: Counter = Counter()
    for entry in control.call_log():
        if entry["operation"] == operation and entry["executed"]:
            seen.update(entry["item_ids"])
    return seen


def buy_now(control, n: int, quantity: int = 5, **extra) -> list[int]:
    return control.add_offers(
        [{"title": f"Kubek ceramiczny nr {i}", "format": "buy_now", "quantity": quantity, **extra} for i in range(n)]
    )
