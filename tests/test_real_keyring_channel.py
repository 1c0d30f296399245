"""The channel password in the real Secret Service keyring, and nowhere else.

Run by .ci/run under dbus-run-session with an unlocked gnome-keyring-daemon:
    dbus-run-session -- bash -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
                                 uv run pytest -m real_keyring'
"""
from __future__ import annotations

import base64
import hashlib
import logging
import secrets as random_secrets
from dataclasses import replace

import keyring
import pytest

from core import channels, secrets
from core.allegro import local_sandbox
from core.allegro.errors import LoginRejected
from core.db import database, open_database
from core.logsetup import setup_logging
from core.models import Channel
from core.paths import app_paths

pytestmark = pytest.mark.real_keyring


@pytest.fixture
def paths(data_dir):
    """The app's own folders, database and DEBUG logging, as `main.py` sets them up."""
    paths = app_paths(data_dir)
    setup_logging(paths.log_file, level=logging.DEBUG)
    handle = open_database(paths.database, backups_dir=paths.backups_dir)
    yield paths
    local_sandbox.stop(paths)
    handle.close()
    database.initialize(None)
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "_acm", False):
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_password_round_trip_through_secret_service_leaves_no_trace(paths):
    backend = keyring.get_keyring()
    in_use = [type(b).__module__ for b in getattr(backend, "backends", [backend])]
    assert "keyring.backends.SecretService" in in_use, in_use

    password = local_sandbox.demo_account().password  # so the Test below logs in for real
    marker = "Żółć-" + random_secrets.token_hex(8)  # an unguessable first password: it must not leak either
    saved = channels.save(
        channels.ChannelConfig(
            sub_source="Prawdziwy sejf",
            username=local_sandbox.demo_account().username,
            password=marker,
            api_key=local_sandbox.demo_account().api_key,
            api_key_version=str(local_sandbox.demo_version_key()),
        )
    )
    account = channels.secret_account(Channel.get_by_id(saved.id))
    assert keyring.get_password(secrets.SERVICE, account) == marker  # the Secret Service holds it
    assert channels.stored_password(saved.id) == marker  # and the app reads it back

    # The app uses it: a Test with the first password fails, the new one is stored and works.
    with pytest.raises(LoginRejected):
        channels.check_connection(saved, channels.stored_password(saved.id), paths)
    channels.save(replace(saved, password=password))
    assert channels.stored_password(saved.id) == password
    assert channels.check_connection(saved, channels.stored_password(saved.id), paths).version_key > 0

    for handler in logging.getLogger().handlers:
        handler.flush()
    database.execute_sql("PRAGMA wal_checkpoint(FULL)")
    files = {f: f.read_bytes() for f in paths.data_dir.rglob("*") if f.is_file()}
    assert paths.database in files and paths.log_file in files
    assert b"doLoginEnc" in files[paths.log_file]  # the log did record the Test
    assert "Prawdziwy sejf".encode() in files[paths.database]  # and the database the channel
    needles = {}
    for secret in (password, marker):
        needles[secret] = secret.encode("utf-8")
        needles[f"sha256 of {secret}"] = base64.b64encode(hashlib.sha256(secret.encode("utf-8")).digest())
    for path, content in files.items():
        for what, needle in needles.items():
            assert needle not in content, f"{what} found in {path}"

    channels.delete(saved.id)
    assert keyring.get_password(secrets.SERVICE, account) is None
