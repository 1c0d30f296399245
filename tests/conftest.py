"""Safety nets for every test: headless Qt, an in-memory keyring, loopback-only
network, no unexpected modal dialogs, an isolated data folder and QSettings."""
from __future__ import annotations

import os
import socket

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backend
import pytest

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A dict keyring, so no test touches the machine's real keyring."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


def _host_of(address) -> str | None:
    if isinstance(address, tuple) and address:
        return str(address[0])
    return None  # AF_UNIX and friends are local by nature


def _guard(original):
    def connect(self, address, *args, **kwargs):
        host = _host_of(address)
        if host is not None and self.family in (socket.AF_INET, socket.AF_INET6):
            if host not in LOOPBACK and not host.startswith("127."):
                raise ConnectionRefusedError(f"tests may only reach 127.0.0.1, not {host}")
        return original(self, address, *args, **kwargs)

    return connect


def pytest_configure(config):
    import sandbox.embedded
    from core.allegro import local_sandbox

    local_sandbox.install(sandbox.embedded)  # as main.py wires it
    if not os.environ.get("ACM_ALLOW_NETWORK"):
        socket.socket.connect = _guard(socket.socket.connect)
        socket.socket.connect_ex = _guard(socket.socket.connect_ex)


@pytest.fixture(autouse=True)
def memory_keyring(request):
    if request.node.get_closest_marker("real_keyring"):
        yield None
        return
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Each test gets its own data folder (database, logs, sandbox state)."""
    path = tmp_path / "acm-data"
    monkeypatch.setenv("ACM_DATA_DIR", str(path))
    monkeypatch.delenv("ACM_DATABASE_URL", raising=False)
    return path


@pytest.fixture(autouse=True)
def _no_unexpected_modals(request, monkeypatch, tmp_path):
    """A modal exec() nobody expected fails the test instead of hanging the suite.
    Tests that expect a dialog replace its `ask()` (or the QMessageBox call) themselves."""
    try:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox
    except ImportError:  # Qt-free test runs
        yield
        return

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))

    def refuse(name):
        def _refuse(*args, **kwargs):
            pytest.fail(f"unexpected modal {name} during a test (patch its ask() instead)")

        return _refuse

    monkeypatch.setattr(QDialog, "exec", refuse("QDialog.exec"))
    monkeypatch.setattr(QMessageBox, "exec", refuse("QMessageBox.exec"))
    monkeypatch.setattr(QMenu, "exec", refuse("QMenu.exec"))
    for name in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse(f"QMessageBox.{name}")))
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse(f"QFileDialog.{name}")))
    for name in ("getText", "getInt", "getItem"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(refuse(f"QInputDialog.{name}")))
    yield


TEST_DATABASE_URL_ENV = "ACM_TEST_DATABASE_URL"


def _empty_postgres(url: str) -> None:
    """Drop everything the previous test left in the PostgreSQL test database."""
    from playhouse.db_url import connect

    admin = connect(url)
    try:
        # a worker thread's connection may still hold locks that DROP SCHEMA would wait for
        admin.execute_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()"
        )
        admin.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
        admin.execute_sql("CREATE SCHEMA public")
    finally:
        admin.close()


@pytest.fixture
def db(tmp_path):
    """A fresh app database in a file (workers on other threads can share it).

    With ACM_TEST_DATABASE_URL set (postgresql://…), an emptied PostgreSQL database instead.
    """
    from core.db import database, open_database

    url = os.environ.get(TEST_DATABASE_URL_ENV)
    if url:
        _empty_postgres(url)
        handle = open_database(url=url)
    else:
        handle = open_database(tmp_path / "test.sqlite3", backups_dir=tmp_path / "backups")
    yield handle
    handle.close()
    database.initialize(None)


def pytest_collection_modifyitems(config, items):
    """Deselect what cannot run on this database: postgres_only tests without
    ACM_TEST_DATABASE_URL, sqlite_only tests with it (CI also says so with -m)."""
    on_postgres = bool(os.environ.get(TEST_DATABASE_URL_ENV))
    unfit = "sqlite_only" if on_postgres else "postgres_only"
    dropped = [item for item in items if item.get_closest_marker(unfit)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if not item.get_closest_marker(unfit)]
