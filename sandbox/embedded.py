"""The sandbox as a library: what an app needs to start it inside its own process.

The app (core) never imports the sandbox; its entry points hand this module to
`core.allegro.local_sandbox.install`, which calls `start` when a channel on the
built-in Sandbox environment needs it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import sessions
from .shop import DEFAULT_VERSION_KEY

# The first bytes of the root page, which tell a running sandbox from another server.
GREETING = b"Allegro WebAPI sandbox"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    api_key: str
    version_key: int


DEMO_ACCOUNT = DemoAccount(
    username=sessions.SELLER_LOGIN,
    password=sessions.SELLER_PASSWORD,
    api_key=sessions.WEBAPI_KEY,
    version_key=DEFAULT_VERSION_KEY,
)


def start(state_file: Path):
    """A sandbox on a free port of 127.0.0.1 keeping its world in `state_file`; has .url and .stop()."""
    from .server import SandboxServer  # waitress and the WSDL: only when one is really started

    return SandboxServer(host="127.0.0.1", port=0, state_file=state_file).start()
