"""A keyring kept in a JSON file, for sync processes a test starts (they cannot see the
test's in-memory keyring). Never used outside tests."""
from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
from jaraco.classes import properties
from keyring.errors import PasswordDeleteError

FILE_ENV = "ACM_TEST_KEYRING_FILE"


class FileKeyring(keyring.backend.KeyringBackend):
    @properties.classproperty
    def priority(cls):
        # keyring tries every backend class it knows of; this one only where a test asked for it
        if FILE_ENV not in os.environ:
            raise RuntimeError("only for sync processes started by a test")
        return 1

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        super().__init__()
        self.path = Path(path or os.environ[FILE_ENV])

    def _load(self) -> dict:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}\n{username}"] = password
        self.path.write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service, username):
        data = self._load()
        if data.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("no such password")
        self.path.write_text(json.dumps(data), encoding="utf-8")
