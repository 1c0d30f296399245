"""The reliability suite: one sandbox per module, one busy moment of a shop to return to."""
from __future__ import annotations

import contextlib
import io
import logging
import os
import sys

import keyring
import pytest

import main
from core.channels import secret_account
from core.db import database
from core.models import Channel
from core.secrets import SERVICE
from sandbox.control import SandboxControl
from sandbox.server import SandboxServer
from tests.conftest import MemoryKeyring
from tests.e2e.file_keyring import FILE_ENV, FileKeyring

from .processes import Runner
from .scenario import CHANGES, PASSWORD, REST_WRITES, Scenario, differences


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer(port=0) as running:
        yield running


@pytest.fixture(scope="module")
def sandbox_control(sandbox):
    return SandboxControl(sandbox.base_url)


@pytest.fixture(scope="module")
def scenario(sandbox, sandbox_control, tmp_path_factory):
    """The busy moment, built once per module (built before any test's own keyring exists,
    so it brings its own)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        world = Scenario(tmp_path_factory.mktemp("reliability"), sandbox, sandbox_control).build()
    finally:
        keyring.set_keyring(previous)
    yield world
    world.db.close()
    database.initialize(None)


@pytest.fixture(scope="module")
def rest_scenario(sandbox, sandbox_control, tmp_path_factory):
    """The same busy moment on a channel over Allegro's REST API."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        world = Scenario(tmp_path_factory.mktemp("reliability-rest"), sandbox, sandbox_control, api="rest").build()
    finally:
        keyring.set_keyring(previous)
    yield world
    world.db.close()
    database.initialize(None)


@pytest.fixture(scope="module")
def rest_reference_after_one_run(rest_scenario):
    """Both sides after one fault-free REST run, and proof that a second finds nothing to send."""
    rest_scenario.reset()
    first = rest_scenario.sync()
    assert first.code == 0 and not first.crash, first.out + first.err
    want = rest_scenario.snapshot()
    before = rest_scenario.control.calls()["executed"]
    again = rest_scenario.sync()
    after = rest_scenario.control.calls()["executed"]
    assert again.code == 0, again.out + again.err
    assert not [op for op in REST_WRITES if after.get(op, 0) != before.get(op, 0)], (before, after)
    assert differences(want, rest_scenario.snapshot()) == []
    return want


@pytest.fixture(scope="module")
def reference_after_one_run(scenario):
    """Both sides after one fault-free run from the busy moment (and proof that a second
    run finds nothing left to send)."""
    scenario.reset()
    first = scenario.sync()
    assert first.code == 0 and not first.crash, first.out + first.err
    want = scenario.snapshot()
    before = scenario.control.calls()["executed"]
    again = scenario.sync()
    after = scenario.control.calls()["executed"]
    assert again.code == 0, again.out + again.err
    assert not [op for op in CHANGES if after.get(op, 0) != before.get(op, 0)], (before, after)
    assert differences(want, scenario.snapshot()) == []
    return want


@pytest.fixture(scope="module")
def runner(scenario, tmp_path_factory):
    """A fork server of `main.py sync` processes that find the channel's password in a file keyring."""
    keyring_file = tmp_path_factory.mktemp("keyring") / "keyring.json"
    channel = Channel.get_by_id(scenario.channel_id)
    FileKeyring(keyring_file).set_password(SERVICE, secret_account(channel), PASSWORD)
    # LC_ALL: the tests read the command's English sentences whatever the machine's language
    env = {**os.environ, FILE_ENV: str(keyring_file), "PYTHONUNBUFFERED": "1", "LC_ALL": "C.UTF-8"}
    env.pop("ACM_DATA_DIR", None)
    running = Runner(env)
    yield running
    running.close()


@pytest.fixture(scope="module")
def rest_runner(rest_scenario, tmp_path_factory):
    """The fork server for a REST channel: its keyring file gets the channel's token pair
    and the application secret again after every reset (`rest_runner.share_keyring()`)."""
    keyring_file = tmp_path_factory.mktemp("keyring-rest") / "keyring.json"
    env = {**os.environ, FILE_ENV: str(keyring_file), "PYTHONUNBUFFERED": "1", "LC_ALL": "C.UTF-8"}
    env.pop("ACM_DATA_DIR", None)
    running = Runner(env)

    def share_keyring() -> None:
        from core import secrets
        from core.allegro.rest.tokens import _app_secret_account, token_account

        channel = Channel.get_by_id(rest_scenario.channel_id)
        for account in (token_account(channel), _app_secret_account(channel.environment)):
            FileKeyring(keyring_file).set_password(SERVICE, account, secrets.get_password(account))

    running.share_keyring = share_keyring
    yield running
    running.close()


@pytest.fixture
def command(data_dir, tmp_path, monkeypatch):
    """Run `main.py ARGS` in this process: (exit status, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)  # whatever file a command writes lands here

    def run(*argv: str, stdin: str = "tajne-hasło-1\n") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main.main(["--data-dir", str(data_dir), *argv])
            except SystemExit as exit_:  # argparse refusing the command line
                code = exit_.code if isinstance(exit_.code, int) else 2
        return code, out.getvalue(), err.getvalue()

    yield run
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_acm", False)]:
        root.removeHandler(handler)
        handler.close()


def pytest_terminal_summary(terminalreporter):
    """Print the fault matrix whenever its test ran (CI shows it in the log)."""
    from . import fault_matrix

    for rest in (False, True):
        text = fault_matrix.render(rest=rest)
        if text:
            terminalreporter.section("reliability: faults x steps" + (" (REST)" if rest else ""))
            terminalreporter.write_line(text)
