"""A keyring in one JSON file, shared by several test processes (under a file lock)."""
import json
from pathlib import Path

import keyring.backend
from filelock import FileLock


class FileKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self, path: Path):
        super().__init__()
        self.path = Path(path)

    def _read(self) -> dict:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        with FileLock(str(self.path) + ".lock"):
            return self._read().get(f"{service}\n{username}")

    def set_password(self, service, username, password):
        with FileLock(str(self.path) + ".lock"):
            data = self._read()
            data[f"{service}\n{username}"] = password
            self.path.write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service, username):
        with FileLock(str(self.path) + ".lock"):
            data = self._read()
            data.pop(f"{service}\n{username}", None)
            self.path.write_text(json.dumps(data), encoding="utf-8")
