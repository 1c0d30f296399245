"""Connecting a REST channel by the device flow and keeping its login, against the sandbox."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest

from core.allegro.environments import RestEndpoints, rest_endpoints
from core.allegro.rest import oauth
from core.allegro.rest.connect import save_connection, who_am_i
from core.allegro.rest.device_flow import DeviceFlow, DeviceFlowFailed
from core.allegro.rest.tokens import (
    ConnectionEnded,
    Connection,
    NoApplication,
    TokenSource,
    application,
    load_tokens,
    store_application,
    store_tokens,
    token_account,
)
from core.db import database, open_database
from core.paths import app_paths
from sandbox.control import SandboxControl
from sandbox.server import SandboxServer
from tests.core.file_keyring import FileKeyring

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ("SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")


@pytest.fixture(scope="module")
def server():
    with SandboxServer() as running:
        yield running


@pytest.fixture
def control(server):
    control = SandboxControl(server.base_url)
    control.reset(seed=1)
    return control


@pytest.fixture
def endpoints(server):
    return RestEndpoints(server.rest_url, server.rest_url, server.rest_url)


def flow_with(endpoints, sleep, client=CLIENT):
    return DeviceFlow(endpoints, *client, sleep=sleep)


def token_calls(control):
    return [c for c in control.call_log() if "oken" in c.get("operation", "")]


# --- the device flow -----------------------------------------------------------------------


def test_an_approved_code_connects_and_the_token_reaches_the_sellers_account(endpoints, control):
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        control.advance_clock(seconds=seconds)
        if len(slept) == 2:  # the seller approves while the app waits
            control.approve_device(code.user_code)

    flow = flow_with(endpoints, sleep)
    code = flow.start()
    assert len(code.display_code) == 11 and code.display_code.count(" ") == 2
    assert code.display_code.replace(" ", "").lower() == code.user_code
    assert code.verification_uri_complete.endswith("?code=" + code.user_code)
    assert (code.interval, code.expires_in) == (5, 3600)

    token = flow.wait(code)

    assert slept == [5, 5]  # polled at the interval Allegro gave, twice
    assert oauth.me(endpoints, token["access_token"])["login"] == "sandbox-seller"


def test_a_denied_code_ends_with_the_refusal(endpoints, control):
    flow = flow_with(endpoints, lambda s: control.advance_clock(seconds=s))
    code = flow.start()
    control.deny_device(code.user_code)
    with pytest.raises(DeviceFlowFailed) as failed:
        flow.wait(code)
    assert failed.value.kind == "denied"
    assert "refused on Allegro's page" in failed.value.reason


def test_a_code_nobody_approves_in_time_ends_as_expired(endpoints, control):
    flow = flow_with(endpoints, lambda s: control.advance_clock(seconds=3700))
    code = flow.start()
    with pytest.raises(DeviceFlowFailed) as failed:
        flow.wait(code)
    assert failed.value.kind == "expired"
    assert "expired before it was approved" in failed.value.reason


def test_slow_down_lengthens_the_interval_by_five_seconds_and_still_connects(endpoints, control):
    polls = []

    def sleep(seconds):  # the sandbox clock stands still: the second poll comes too soon
        polls.append(seconds)
        if len(polls) == 3:
            control.advance_clock(seconds=seconds)
            control.approve_device(code.user_code)

    flow = flow_with(endpoints, sleep)
    code = flow.start()
    token = flow.wait(code)
    assert polls == [5, 5, 10]
    assert code.interval == 10
    assert token["access_token"]


def test_cancelling_stops_the_wait(endpoints, control):
    flow = flow_with(endpoints, lambda s: flow.cancel())
    code = flow.start()
    with pytest.raises(DeviceFlowFailed) as failed:
        flow.wait(code)
    assert failed.value.kind == "cancelled"


def test_a_used_device_code_is_refused_as_invalid(endpoints, control):
    flow = flow_with(endpoints, lambda s: control.advance_clock(seconds=s))
    code = flow.start()
    control.approve_device(code.user_code)
    assert flow.poll(code)["access_token"]
    with pytest.raises(DeviceFlowFailed) as failed:
        flow.poll(code)
    assert failed.value.kind == "invalid"


def test_a_wrong_client_secret_points_the_seller_to_preferences(endpoints, control):
    flow = flow_with(endpoints, lambda s: None, client=("SANDBOX-CLIENT-ID", "wrong"))
    with pytest.raises(DeviceFlowFailed) as failed:
        flow.start()
    assert "Client ID and Secret" in failed.value.reason and "Preferences" in failed.value.reason


# --- tokens --------------------------------------------------------------------------------


def signed_in(endpoints, control):
    flow = flow_with(endpoints, lambda s: control.advance_clock(seconds=s))
    code = flow.start()
    control.approve_device(code.user_code)
    return flow.wait(code)


def source_for(endpoints, tmp_path, account="channel-1-oauth"):
    connection = Connection(endpoints, *CLIENT, account, tmp_path / f"{account}.lock")
    return TokenSource(1, None, connection)


def test_a_rejected_token_is_refreshed_and_the_new_pair_is_kept_first(endpoints, control, tmp_path):
    source = source_for(endpoints, tmp_path)
    store_tokens("channel-1-oauth", signed_in(endpoints, control))
    before = load_tokens("channel-1-oauth")
    control.advance_clock(hours=13)  # Allegro's 12 h access token is gone
    with pytest.raises(oauth.OAuthFailed):
        oauth.me(endpoints, before["access_token"])

    fresh = source.refreshed(before["access_token"])

    after = load_tokens("channel-1-oauth")
    assert fresh == after["access_token"] != before["access_token"]
    assert after["refresh_token"] != before["refresh_token"]  # rotated: the old one is spent
    assert oauth.me(endpoints, fresh)["login"] == "sandbox-seller"


def test_an_access_token_near_its_end_is_renewed_before_use(endpoints, control, tmp_path):
    source = source_for(endpoints, tmp_path)
    stored = store_tokens("channel-1-oauth", signed_in(endpoints, control))
    assert source.access_token() == stored["access_token"]  # still good: no call
    secret = json.loads(keyring.get_password("Allegro Channel Manager", "channel-1-oauth"))
    secret["expires_at"] = 0
    keyring.set_password("Allegro Channel Manager", "channel-1-oauth", json.dumps(secret))

    renewed = source.access_token()

    assert renewed != stored["access_token"]
    assert oauth.me(endpoints, renewed)["login"] == "sandbox-seller"


def test_a_second_caller_with_the_same_rejected_token_gets_the_new_one_without_refreshing(
    endpoints, control, tmp_path
):
    first, second = source_for(endpoints, tmp_path), source_for(endpoints, tmp_path)
    old = store_tokens("channel-1-oauth", signed_in(endpoints, control))["access_token"]
    control.reset_calls()
    new = first.refreshed(old)
    assert second.refreshed(old) == new
    assert len(token_calls(control)) == 1


def test_a_refresh_token_spent_elsewhere_ends_the_connection_with_a_clear_sentence(
    endpoints, control, tmp_path
):
    source = source_for(endpoints, tmp_path)
    stored = store_tokens("channel-1-oauth", signed_in(endpoints, control))
    # someone used the refresh token without keeping the answer; its 60 s grace runs out
    oauth.token_request(endpoints, *CLIENT, grant_type="refresh_token", refresh_token=stored["refresh_token"])
    control.advance_clock(seconds=61)

    with pytest.raises(ConnectionEnded) as ended:
        source.refreshed(stored["access_token"])

    assert "connect it again" in ended.value.message
    assert load_tokens("channel-1-oauth") == stored  # nothing half-written


def test_two_processes_refreshing_at_once_end_with_one_working_login(endpoints, control, tmp_path):
    keyring_file = tmp_path / "keyring.json"
    keyring.set_keyring(FileKeyring(keyring_file))  # shared with the children
    stored = store_tokens("channel-1-oauth", signed_in(endpoints, control))
    rejected = hashlib.sha256(stored["access_token"].encode()).hexdigest()
    control.reset_calls()
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "tests/core/rest_refresh_child.py"), str(keyring_file),
             str(tmp_path / "refresh.lock"), endpoints.api_url, "channel-1-oauth", rejected, str(go),
             str(tmp_path / f"ready-{n}")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
        )
        for n in range(2)
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{n}").exists() for n in range(2)) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.write_text("go")
    results = [child.communicate(timeout=120) for child in children]

    assert [child.returncode for child in children] == [0, 0], [err for _, err in results]
    kept = load_tokens("channel-1-oauth")
    assert {out.strip() for out, _ in results} == {hashlib.sha256(kept["access_token"].encode()).hexdigest()}
    assert len(token_calls(control)) == 1  # one refresh; the other process took its result
    assert oauth.me(endpoints, kept["access_token"])["login"] == "sandbox-seller"
    assert all(stored["access_token"] not in out + err for out, err in results)


# --- a channel connected end to end ------------------------------------------------------------


def test_a_connected_channel_keeps_its_tokens_only_in_the_keyring(endpoints, control, tmp_path, caplog):
    from core.models import Channel

    caplog.set_level(logging.DEBUG)
    paths = app_paths(tmp_path / "data")
    open_database(paths.database)
    try:
        store_application(endpoints.api_url, paths, *CLIENT)
        channel = Channel.create(sub_source="Shop", username="", api_key="", api="rest",
                                 environment=endpoints.api_url)
        token = signed_in(endpoints, control)

        assert save_connection(channel, paths, token) == "sandbox-seller"
        control.advance_clock(hours=13)
        assert who_am_i(Channel.get_by_id(channel.id), paths) == "sandbox-seller"  # refreshed on the way
        kept = load_tokens(token_account(channel))
        assert Channel.get_by_id(channel.id).username == "sandbox-seller"
    finally:
        database.close()
        database.initialize(None)

    everything = b"".join(p.read_bytes() for p in paths.data_dir.rglob("*") if p.is_file())
    for secret in (token["access_token"], token["refresh_token"], kept["access_token"], kept["refresh_token"]):
        assert secret.encode() not in everything
        assert secret not in caplog.text
    assert CLIENT[1].encode() not in everything  # the application's secret too


def test_preferences_keep_the_client_id_in_settings_and_the_secret_in_the_keyring(tmp_path):
    paths = app_paths(tmp_path / "data")
    assert application("sandbox", paths) == CLIENT  # the built-in Sandbox's demo application
    with pytest.raises(NoApplication):
        application("production", paths)
    store_application("production", paths, "my-app", "s3cret")
    assert application("production", paths) == ("my-app", "s3cret")
    assert b"s3cret" not in paths.settings_file.read_bytes()
    assert rest_endpoints("production").token_url == "https://allegro.pl/auth/oauth/token"
    assert rest_endpoints("allegrosandbox").api_url == "https://api.allegro.pl.allegrosandbox.pl"
