"""`main.py sync [--channel NAME] [--yes]` against the sandbox, and two processes on one database."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.channels import secret_account
from core.cli import sync as sync_cli
from core.db import database, open_database
from core.models import Channel, ListingStatus
from core.paths import app_paths
from core.secrets import SERVICE
from core.sync.engine import SyncEngine

from .file_keyring import FILE_ENV, FileKeyring
from .support import Shop

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli_shop(sandbox, control, data_dir):
    """A shop whose database is the one `main.py --data-dir` opens."""
    paths = app_paths(data_dir)
    db = open_database(paths.database)
    shop = Shop(sandbox, control, data_dir)
    yield shop, paths
    db.close()
    database.initialize(None)


def run_cli(paths, *argv):
    return sync_cli.main(list(argv), paths)


def test_the_plan_is_printed_and_ends_wait_for_yes(cli_shop, control, capsys):
    shop, paths = cli_shop
    mug = shop.item("KUB-1", "Kubek", stock=0)
    plate = shop.item("TAL-1", "Talerz", stock=2)
    mug_offer = shop.offer("Kubek", quantity=5)
    plate_offer = shop.offer("Talerz", quantity=5)
    shop.import_and_link([(mug_offer, mug), (plate_offer, plate)])
    control.purchase(plate_offer)
    capsys.readouterr()

    assert run_cli(paths) == sync_cli.WAITING  # something needs a person
    out = capsys.readouterr().out
    assert "MojeAllegro: 1 order imported." in out
    assert "plan: 1 quantity change, 1 listing to end." in out
    assert f"End    {mug_offer}  Kubek [KUB-1]: Available 0 over all locations" in out
    assert "waits for confirmation; run with --yes to apply it" in out
    assert control.offer(mug_offer)["state"] == "active"
    assert control.offer(plate_offer)["quantity"] == 1  # quantities need no confirmation

    assert run_cli(paths, "--yes") == 0
    out = capsys.readouterr().out
    assert "MojeAllegro: done: 1 listing ended." in out
    assert control.offer(mug_offer)["state"] == "ended"
    assert shop.listing(mug_offer).status == ListingStatus.PENDING_RELIST


def test_a_failed_action_makes_the_exit_status_non_zero(cli_shop, control, capsys):
    shop, paths = cli_shop
    mug = shop.item("KUB-1", "Kubek", stock=3)
    offer = shop.offer("Kubek", quantity=5)
    shop.import_and_link([(offer, mug)])
    control.set_faults(rules=[{"operation": "doChangeQuantityItem", "kind": "fault", "code": "ERR_INVALID_QUANTITY"}])
    assert run_cli(paths, "--yes") == 1
    out = capsys.readouterr().out
    assert "done with problems" in out and "Problem: Kubek: Allegro refused this quantity" in out


def test_disabled_channels_are_skipped_and_unknown_names_refused(cli_shop, control, capsys):
    shop, paths = cli_shop
    shop.set(enabled=False)
    control.reset_calls()
    assert run_cli(paths) == 0
    assert "MojeAllegro: disabled, skipped." in capsys.readouterr().out
    assert control.calls()["counts"] == {}
    assert run_cli(paths, "--channel", "Nieznany") == 2
    assert "There is no channel Nieznany. Channels: MojeAllegro." in capsys.readouterr().err


def test_two_processes_never_sync_one_channel_at_once(cli_shop, control, tmp_path):
    shop, paths = cli_shop
    keyring_file = tmp_path / "keyring.json"
    FileKeyring(keyring_file).set_password(SERVICE, secret_account(Channel.get_by_id(shop.channel_id)), "sandbox-pass-1")
    env = {
        **os.environ,
        FILE_ENV: str(keyring_file),
        "PYTHON_KEYRING_BACKEND": "tests.e2e.file_keyring.FileKeyring",
    }
    env.pop("ACM_DATA_DIR", None)
    command = [sys.executable, "main.py", "--data-dir", str(paths.data_dir), "sync", "--channel", "MojeAllegro"]

    mp = shop.marketplace()
    engine = SyncEngine(shop.channel_id, mp)
    plan = engine.plan()  # this process holds the channel (as while a dialog is open)
    control.reset_calls()
    busy = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert busy.returncode == 1, busy.stdout + busy.stderr
    assert "A sync of MojeAllegro is already running" in busy.stderr
    assert control.calls()["counts"] == {}  # refused before talking to Allegro

    engine.apply(plan)
    mp.close()
    free = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert free.returncode == 0, free.stdout + free.stderr
    assert "MojeAllegro: done." in free.stdout
