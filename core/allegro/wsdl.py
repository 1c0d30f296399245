"""The WebAPI contract, parsed once per process from resources/ (never from the network).

`preload()` imports zeep (about a second) and parses the contract on a background
thread, so the window never waits; importing this module costs nothing. `document()`
returns the parsed contract (waiting for a preload in progress). Each thread then
builds its own cheap zeep Client on the shared Document: zeep clients and their HTTP
connections are not shared across threads.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # zeep is imported lazily: it takes about a second
    from zeep import Settings
    from zeep.wsdl import Document

WSDL_PATH = Path(__file__).resolve().parents[2] / "resources" / "webapi.wsdl"
NAMESPACE = "https://webapi.allegro.pl/service.php"
BINDING = "{%s}serviceBinding" % NAMESPACE

log = logging.getLogger("core.allegro")

_lock = threading.Lock()
_loads: dict[Path, Future[Any]] = {}


def settings() -> Settings:
    from zeep import Settings

    # strict: answers that break the contract fail loudly instead of half-parsing.
    return Settings(strict=True, xml_huge_tree=False, forbid_dtd=True, forbid_entities=True)


def _load(path: Path, future: Future[Any], then: Callable[[], object] | None = None) -> None:
    try:
        from zeep.transports import Transport
        from zeep.wsdl import Document

        # A file path never touches the network; the Transport only reads the file.
        future.set_result(Document(str(path), Transport(), settings=settings()))
        log.debug("WebAPI contract loaded from %s", path.name)
    except BaseException as exc:  # handed to whoever waits on document()
        future.set_exception(exc)
        return
    if then is not None:
        then()  # on this background thread, e.g. importing the adapter so the first sync starts at once


def _future(path: Path, background: bool, then: Callable[[], object] | None = None) -> tuple[Future[Any], bool]:
    with _lock:
        future = _loads.get(path)
        if future is not None and not (future.done() and future.exception() is not None):
            return future, False
        future = Future()
        _loads[path] = future
    if background:
        threading.Thread(target=_load, args=(path, future, then), name="wsdl-preload", daemon=True).start()
        return future, False
    return future, True


def preload(path: Path = WSDL_PATH, then: Callable[[], object] | None = None) -> Future[Any]:
    """Start parsing the contract in the background (idempotent); returns its future.

    `then` runs on the same background thread once the contract is parsed."""
    future, _ = _future(Path(path), background=True, then=then)
    return future


def document(path: Path = WSDL_PATH) -> Document:
    """The parsed contract, shared by every client in the process."""
    future, mine = _future(Path(path), background=False)
    if mine:
        _load(Path(path), future)
    return future.result()


def is_loaded(path: Path = WSDL_PATH) -> bool:
    future = _loads.get(Path(path))
    return bool(future and future.done() and future.exception() is None)


load_wsdl = document  # the name ui/main_window.py's self-test uses
