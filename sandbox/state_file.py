"""Keeping the sandbox's world in a JSON file, written atomically."""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .shop import Shop

SAVE_EVERY_S = 0.5


class StateFileError(Exception):
    """The state file exists but cannot be used."""


def write_atomically(path: Path, data: dict) -> None:
    """Write JSON to a temporary file beside ``path`` and rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def read(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as src:
            return json.load(src)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StateFileError(f"The sandbox state file {path} cannot be read: {exc}") from None


class StateSaver:
    """Saves the shop whenever it changed, at most every SAVE_EVERY_S, and on stop."""

    def __init__(self, shop: "Shop", path: Path):
        self.shop = shop
        self.path = path
        self._saved_at_change = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sandbox-state-saver",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def save(self) -> bool:
        """Save now if anything changed since the last save; True when written."""
        with self._lock:
            change = self.shop.changes
            if change == self._saved_at_change:
                return False
            snapshot = self.shop.to_dict()
            write_atomically(self.path, snapshot)
            self._saved_at_change = change
            return True

    def _run(self) -> None:
        while not self._stop.wait(SAVE_EVERY_S):
            try:
                self.save()
            except OSError:
                pass  # a full disk must not kill the server; stop() tries again and reports

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self.save()
