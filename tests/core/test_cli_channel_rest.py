"""`main.py channel add --api rest`, `reconnect` and `test` against the sandbox's OAuth server."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from core.allegro.rest.tokens import load_tokens, store_application, token_account
from core.cli import channel as cli
from core.paths import app_paths
from tests.sandbox_fixtures import sandbox_control, sandbox_server  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def paths(data_dir):
    return app_paths(data_dir)


@pytest.fixture
def run(paths, monkeypatch, capsys):
    def _run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        code = cli.main(list(args), paths)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def world(sandbox_control, sandbox_server, paths):  # noqa: F811
    sandbox_control.reset(demo=False)
    store_application(sandbox_server.rest_url, paths, "SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")
    return sandbox_control


def the_seller_answers(control, allow=True):
    """Approve (or deny) the first code that appears, as the seller would on allegro.pl."""

    def answer():
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            pending = [c for c in control.device_codes() if c["state"] == "pending"]
            if pending:
                (control.approve_device if allow else control.deny_device)(pending[0]["user_code"])
                return
            time.sleep(0.05)

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    return thread


def test_add_prints_the_code_waits_for_approval_and_test_names_the_account(
    run, world, sandbox_server, memory_keyring  # noqa: F811
):
    the_seller_answers(world)
    code, out, err = run("add", "--api", "rest", "--sub-source", "Sklep", "--environment", sandbox_server.rest_url)

    assert (code, err) == (0, ""), err
    lines = out.strip().splitlines()
    assert lines[0].startswith(f"Open {sandbox_server.rest_url}/skojarz-aplikacje?code=")
    shown = lines[0].rsplit("code ", 1)[1].rstrip(".")
    assert len(shown) == 11 and shown.count(" ") == 2
    assert lines[-1] == "Added channel “Sklep”, connected as sandbox-seller. Its login is in the system keyring."

    from core.models import Channel

    channel = Channel.get(Channel.sub_source == "Sklep")
    assert (channel.api, channel.username, channel.environment) == ("rest", "sandbox-seller", sandbox_server.rest_url)
    tokens = load_tokens(token_account(channel))
    assert tokens["access_token"] not in out and tokens["refresh_token"] not in out

    code, out, err = run("test", "Sklep")
    assert (code, err) == (0, "")
    assert out.splitlines() == ["OK", f"Allegro ({sandbox_server.rest_url}) answered for the account sandbox-seller."]

    world.expire_tokens()  # the next call has to renew the login first
    assert run("test", "Sklep")[0] == 0
    assert load_tokens(token_account(channel))["access_token"] != tokens["access_token"]

    assert run("remove", "Sklep")[0] == 0
    assert load_tokens(token_account(channel)) is None


def test_a_denied_approval_adds_nothing_and_says_why(run, world, sandbox_server):  # noqa: F811
    the_seller_answers(world, allow=False)
    code, out, err = run("add", "--api", "rest", "--sub-source", "Sklep", "--environment", sandbox_server.rest_url)
    assert code == 1
    assert "The connection was refused on Allegro's page." in err
    assert run("list", "--json")[1].strip() == "[]"


def test_reconnect_replaces_a_lost_login(run, world, sandbox_server, memory_keyring):  # noqa: F811
    the_seller_answers(world)
    assert run("add", "--api", "rest", "--sub-source", "Sklep", "--environment", sandbox_server.rest_url)[0] == 0
    world.expire_tokens(refresh=True)  # e.g. the seller changed the password on allegro.pl
    code, out, err = run("test", "Sklep")
    assert code == 1 and "connect it again" in err

    the_seller_answers(world)
    code, out, err = run("reconnect", "Sklep")
    assert (code, err) == (0, "")
    assert out.strip().splitlines()[-1] == "Reconnected “Sklep” as sandbox-seller."
    assert run("test", "Sklep")[0] == 0


def test_rest_input_is_checked_before_anything_is_asked(run, world):
    code, out, err = run("add", "--api", "rest", "--sub-source", " ", "--environment", "moon", "--currency", "XYZ")
    assert code == 2
    assert "Enter a SubSource" in err and "is not an environment" in err and "ISO 4217" in err
    code, out, err = run("add", "--api", "rest", "--sub-source", "Shop", "--environment", "production")
    assert code == 1 and "Client ID and Secret in Preferences" in err
    assert run("list", "--json")[1].strip() == "[]"


def test_a_webapi_channel_still_needs_its_username_and_key(run):
    code, out, err = run("add", "--sub-source", "Shop")
    assert code == 2 and "needs --username, --api-key, --api-key-version" in err


def test_ctrl_c_while_waiting_stops_cleanly_and_adds_nothing(tmp_path):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path / "data"), "channel", "add",
               "--api", "rest", "--sub-source", "Sklep"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    first = child.stdout.readline()  # the built-in Sandbox starts, then the code is printed
    assert first.startswith("Open http://127.0.0.1:"), first + child.stderr.read()
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert "Stopped; the channel was not added." in err
    assert "Traceback" not in err
    listed = subprocess.run(command[:4] + ["channel", "list", "--json"], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120)
    assert listed.stdout.strip() == "[]", listed.stderr


def test_channel_set_changes_a_rest_channels_options_without_webapi_fields(run, world):
    from core.models import Channel

    run("list")  # opens the data folder's database, as every command does
    Channel.create(sub_source="Sklep", username="sandbox-seller", api_key="", api_key_version=0,
                   environment="allegrosandbox", api="rest")
    code, out, err = run("set", "Sklep", "--inventory-sync", "on", "--end-listings", "on")
    assert (code, err) == (0, ""), err
    row = Channel.get(Channel.sub_source == "Sklep")
    assert (row.inventory_sync, row.end_listings, row.api, row.environment) == (True, True, "rest", "allegrosandbox")
