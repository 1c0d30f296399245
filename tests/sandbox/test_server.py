"""The server's life: loopback only, state kept across restarts, the command line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from sandbox.control import SandboxControl
from sandbox.server import SandboxServer, is_loopback
from sandbox.state_file import StateFileError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "10.0.0.1", "example.com", "::"])
def test_non_loopback_bind_is_refused(host):
    with pytest.raises(ValueError, match="loopback"):
        SandboxServer(host=host)


def test_loopback_names():
    assert is_loopback("127.0.0.1") and is_loopback("127.5.6.7")
    assert is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("8.8.8.8")


def test_addresses(server):
    assert server.url == f"http://127.0.0.1:{server.port}/service.php"
    assert server.wsdl_url == server.url + "?wsdl"
    assert server.base_url == f"http://127.0.0.1:{server.port}"


def test_state_survives_a_restart(tmp_path):
    state = tmp_path / "sandbox-state.json"
    with SandboxServer(state_file=state, seed=3) as first:
        control = SandboxControl(first.base_url)
        active = [o for o in control.offers() if o["state"] == "active" and o["format"] == "buy_now"]
        sale = control.purchase(active[0]["offer_id"], buyer="stały_klient")
        control.set_version_key(1777)
        now = control.advance_clock(days=2)
        offers_before = control.offers()
        forms_before = control.forms()
        journal_before = control.journal()
    assert state.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    with SandboxServer(state_file=state, seed=99) as second:
        control = SandboxControl(second.base_url)
        assert control.state()["version_key"] == 1777
        assert control.now() >= now
        assert control.offers() == offers_before
        assert control.forms() == forms_before
        assert control.journal() == journal_before
        assert any(f["form_id"] == sale["form_id"] and f["buyer"] == "stały_klient"
                   for f in control.forms())
        # ids go on from where they were
        new_id = control.add_offer("Nowa oferta po restarcie", quantity=1, price=5)
        assert new_id > max(o["offer_id"] for o in offers_before)


def test_state_is_saved_while_running(tmp_path):
    state = tmp_path / "state.json"
    with SandboxServer(state_file=state) as running:
        control = SandboxControl(running.base_url)
        control.reset(demo=False)
        control.add_offer("Zapisana oferta", quantity=2, price=9)
        assert control.save() in (True, False)
        saved = json.loads(state.read_text(encoding="utf-8"))
        assert [o["title"] for o in saved["offers"]] == ["Zapisana oferta"]


def test_a_corrupt_state_file_is_reported(tmp_path):
    state = tmp_path / "broken.json"
    state.write_text("{not json", encoding="utf-8")
    with pytest.raises(StateFileError, match="broken.json"):
        SandboxServer(state_file=state).start()
    assert state.read_text(encoding="utf-8") == "{not json"  # never overwritten


def run_cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "sandbox", *args], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_command_line_prints_the_wsdl_address_first_and_stops_on_ctrl_c(tmp_path):
    proc = run_cli("--port", "0", "--latency-ms", "0", "--seed", "2", "--offers", "12",
                   "--state", str(tmp_path / "cli-state.json"))
    try:
        first = proc.stdout.readline().strip()
        assert first.startswith("http://127.0.0.1:") and first.endswith("/service.php?wsdl")
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(first, timeout=10) as response:
            assert f'location="{first[:-5]}"'.encode() in response.read()
        control = SandboxControl(first[: -len("/service.php?wsdl")])
        assert control.state()["offers"]["total"] == 12
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Sandbox stopped." in out
    assert (tmp_path / "cli-state.json").exists()


def test_command_line_refuses_a_public_address():
    proc = run_cli("--host", "0.0.0.0", "--port", "0")
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 2
    assert "loopback" in err and out == ""
