"""Where the app keeps its database and logs.

`--data-dir DIR` or the ACM_DATA_DIR environment variable puts everything in one
folder (tests, several shops side by side); otherwise the platform's user folders.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "AllegroChannelManager"
APP_AUTHOR = "AllegroChannelManager"
DATA_DIR_ENV = "ACM_DATA_DIR"
DATABASE_URL_ENV = "ACM_DATABASE_URL"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "acm.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "acm.log"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "acm.lock"

    @property
    def settings_file(self) -> Path:
        """Settings the headless commands need too (core cannot read Qt's QSettings)."""
        return self.data_dir / "settings.json"

    @property
    def sandbox_state(self) -> Path:
        return self.data_dir / "sandbox-state.json"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"


def app_paths(data_dir: str | os.PathLike | None = None) -> AppPaths:
    """The folders to use, created if missing."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        paths = AppPaths(root, root / "logs")
    else:
        paths = AppPaths(
            Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        )
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    return paths
