"""Starting the app: a second instance on the same data folder is refused; a bad
database is reported by name and left as it was."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from core.paths import app_paths
from ui import app as app_module

ROOT = Path(__file__).resolve().parents[2]


def test_second_instance_on_the_same_data_folder_is_refused(qtbot, data_dir, monkeypatch):
    paths = app_paths(data_dir)
    first = app_module.acquire_instance_lock(paths)
    assert first is not None
    warned = {}
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.update(text=text)))
    assert app_module.run_gui([], str(data_dir)) == 1
    assert "already running" in warned["text"]
    assert str(paths.data_dir) in warned["text"]
    first.unlock()


def test_a_corrupt_database_is_named_in_a_message(qtbot, data_dir, monkeypatch):
    paths = app_paths(data_dir)
    paths.database.write_bytes(b"not a database at all" * 100)
    shown = {}
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.update(text=text)))
    assert app_module.run_gui([], str(data_dir)) == 1
    assert str(paths.database) in shown["text"]
    assert paths.database.read_bytes() == b"not a database at all" * 100


def test_self_test_opens_the_window_and_exits_zero(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACM_DATA_DIR": str(tmp_path / "d")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "d" / "acm.sqlite3").exists()
    assert "Started with data folder" in (tmp_path / "d" / "logs" / "acm.log").read_text()


def test_unknown_command_is_explained(tmp_path):
    env = {**os.environ, "ACM_DATA_DIR": str(tmp_path / "d")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "frobnicate"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Unknown command: frobnicate" in result.stderr
