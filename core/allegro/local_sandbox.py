"""The "Sandbox" environment: the WebAPI emulator, started in this process when needed.

Core never imports `sandbox/`: an entry point (main.py, the tests) hands the sandbox's
`sandbox.embedded` module to `install`, and this module starts it through that seam.
The emulator keeps its world
in the data folder (`paths.sandbox_state`) and its address in a small file beside it,
so a second process on the same data folder (say `main.py sync` while the window is
open) talks to the running one instead of starting a rival over the same state file.
"""
from __future__ import annotations

import atexit
import json
import logging
import os
import threading
import urllib.request
from pathlib import Path
from typing import Any, Protocol

from core.i18n import _
from core.paths import replace_file

log = logging.getLogger(__name__)

ADDRESS_FILE = "sandbox-address.json"


class Embedded(Protocol):
    """What `sandbox.embedded` offers: its demo account, its greeting, and `start`."""

    GREETING: bytes
    DEMO_ACCOUNT: Any  # .username, .password, .api_key, .version_key

    def start(self, state_file: Path) -> Any: ...


class SandboxUnavailable(RuntimeError):
    """This build carries no Sandbox (nothing was installed by the entry point)."""

    def __init__(self) -> None:
        self.message = _("The built-in Sandbox is not part of this build of the app.")
        super().__init__(self.message)


_lock = threading.Lock()
_servers: dict[Path, object] = {}  # state file -> SandboxServer started by this process
_embedded: Embedded | None = None


def install(embedded: Embedded) -> None:
    """Called once by an entry point with `sandbox.embedded`."""
    global _embedded
    _embedded = embedded


def _sandbox() -> Embedded:
    if _embedded is None:
        raise SandboxUnavailable()
    return _embedded


def demo_account():
    """The emulator's demo account (.username, .password, .api_key, .version_key)."""
    return _sandbox().DEMO_ACCOUNT


def address_file(paths) -> Path:
    return paths.data_dir / ADDRESS_FILE


def ensure_running(paths) -> str:
    """The Sandbox's service address; starts it in this process if none is answering."""
    state = Path(paths.sandbox_state).resolve()
    with _lock:
        server = _servers.get(state)
        if server is not None:
            return server.url
        recorded = _read_address(paths)
        if recorded and _answers(recorded):
            log.info("Using the Sandbox already running at %s", recorded)
            return recorded
        server = _sandbox().start(state)
        _servers[state] = server
        _write_address(paths, server.url)
        log.info("Started the Sandbox at %s (state in %s)", server.url, state)
        return server.url


def demo_version_key() -> int:
    """The version key a freshly made Sandbox starts with."""
    return demo_account().version_key


def running_here(paths) -> bool:
    return Path(paths.sandbox_state).resolve() in _servers


def stop(paths) -> None:
    """Stop the Sandbox this process started for `paths` (its world is saved first)."""
    state = Path(paths.sandbox_state).resolve()
    with _lock:
        server = _servers.pop(state, None)
        if server is None:
            return
        url = server.url
        server.stop()
        if _read_address(paths) == url:
            try:
                address_file(paths).unlink()
            except OSError:
                pass


def stop_all() -> None:
    with _lock:
        servers = list(_servers.items())
        _servers.clear()
    for _state, server in servers:
        try:
            server.stop()
        except Exception:  # noqa: BLE001 - shutting down; nothing useful to do
            log.exception("Stopping the Sandbox failed")


atexit.register(stop_all)


def _read_address(paths) -> str | None:
    try:
        data = json.loads(address_file(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = data.get("url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url.startswith("http://127.0.0.1:") else None


def _write_address(paths, url: str) -> None:
    replace_file(address_file(paths), json.dumps({"url": url, "pid": os.getpid()}).encode("utf-8"))


def _answers(url: str) -> bool:
    """Whether a Sandbox answers at `url` (a dead process leaves its address behind)."""
    root = url.rsplit("/", 1)[0] + "/"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(root, timeout=1.0) as response:
            return response.status == 200 and response.read(len(_sandbox().GREETING)) == _sandbox().GREETING
    except OSError:
        return False
