"""The "Sandbox" environment: started on demand, shared with a second process, its world kept."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from core import channels
from core.allegro import local_sandbox
from core.allegro.errors import ConnectionFailed, LoginRejected
from core.paths import app_paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def paths(data_dir):
    paths = app_paths(data_dir)
    yield paths
    local_sandbox.stop(paths)


def demo_channel(**changes) -> channels.ChannelConfig:
    return channels.ChannelConfig(
        sub_source="Demo",
        username=local_sandbox.demo_account().username,
        api_key=local_sandbox.demo_account().api_key,
        api_key_version=str(local_sandbox.demo_version_key()),
        **changes,
    )


def test_a_sandbox_channel_starts_the_emulator_and_logs_in(paths):
    assert not local_sandbox.running_here(paths)
    outcome = channels.check_connection(demo_channel(), local_sandbox.demo_account().password, paths)
    assert local_sandbox.running_here(paths)
    assert outcome.url == local_sandbox.ensure_running(paths)  # the same one, not a second
    assert outcome.version_key == local_sandbox.demo_version_key()
    recorded = json.loads(local_sandbox.address_file(paths).read_text())
    assert recorded["url"] == outcome.url
    assert paths.sandbox_state.exists()  # its world lives in the data folder
    with pytest.raises(LoginRejected):
        channels.check_connection(demo_channel(), "not-the-password", paths)


def test_a_second_process_uses_the_running_sandbox(paths):
    url = local_sandbox.ensure_running(paths)
    script = (
        "import sys; sys.path.insert(0, '.');"
        "import sandbox.embedded; from core.allegro import local_sandbox; from core.paths import app_paths;"
        "local_sandbox.install(sandbox.embedded);"
        "p = app_paths(sys.argv[1]); print(local_sandbox.ensure_running(p), local_sandbox.running_here(p))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(paths.data_dir)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [url, "False"]


def test_an_address_left_by_a_dead_process_is_replaced(paths):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/service.php"
    local_sandbox.address_file(paths).write_text(json.dumps({"url": dead, "pid": 1}))
    url = local_sandbox.ensure_running(paths)
    assert url != dead and local_sandbox.running_here(paths)
    assert json.loads(local_sandbox.address_file(paths).read_text())["url"] == url


def test_stop_saves_the_world_and_forgets_the_address(paths):
    url = local_sandbox.ensure_running(paths)
    local_sandbox.stop(paths)
    assert not local_sandbox.address_file(paths).exists()
    assert paths.sandbox_state.stat().st_size > 0
    with pytest.raises(ConnectionFailed) as raised:
        channels.check_connection(demo_channel(environment=url), local_sandbox.demo_account().password, paths)
    assert raised.value.message == f"Could not connect to Allegro at {url}."


def test_without_the_sandbox_wired_in_the_sandbox_environment_says_so(paths, monkeypatch):
    monkeypatch.setattr(local_sandbox, "_embedded", None)
    with pytest.raises(local_sandbox.SandboxUnavailable, match="not part of this build"):
        local_sandbox.ensure_running(paths)
