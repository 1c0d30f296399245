"""Testing a channel's set-up: the address of its environment, and a login as a sync would do it."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.allegro import environments
from core.models import Environment

SANDBOX = Environment.SANDBOX
PRODUCTION = Environment.PRODUCTION


@dataclass(frozen=True)
class ConnectionOk:
    """A Test that Allegro passed: the login worked with this version key."""

    url: str
    version_key: int
    user_id: int | None


def service_url(environment: str, paths) -> str:
    """The WebAPI address for a channel's environment; starts the local Sandbox if needed."""
    if environment == SANDBOX:
        from core.allegro import local_sandbox

        return local_sandbox.ensure_running(paths)
    if environment == PRODUCTION:
        return environments.PRODUCTION_URL
    return environment.strip()


def check_connection(
    config,  # a core.channels.ChannelConfig
    password: str,
    paths,
    *,
    timeout: float = 20.0,
    marketplace_factory: Callable | None = None,
) -> ConnectionOk:
    """Ask Allegro for its version key and log in, as a sync would.

    Raises the adapter's typed AllegroError (its `.message` is the seller's sentence),
    e.g. VersionKeyMismatch with `.current` when the Api Key Version is out of date.
    """
    from core.allegro.port import Credentials
    from core.allegro.retry import RetryPolicy
    from core.allegro.webapi import WebApiMarketplace

    url = service_url(config.environment, paths)
    credentials = Credentials(
        url=url,
        username=config.username.strip(),
        password=password,
        api_key=config.api_key.strip(),
        api_key_version=config.version_key(),
    )
    factory = marketplace_factory or WebApiMarketplace
    # No retries: the seller is waiting, and a refused connection should be told at once.
    marketplace = factory(
        credentials,
        pool_size=1,
        connect_timeout=min(timeout, 10.0),
        operation_timeout=timeout,
        retry=RetryPolicy(retries=0),
    )
    try:
        info = marketplace.login()
    finally:
        marketplace.close()
    return ConnectionOk(url=url, version_key=info.version_key, user_id=info.user_id)
