"""Several desks on one PostgreSQL database: a channel's sync lock holds across machines.

Another desk is a separate process with its own connections that calls itself "kasa-2"
(the host name the lock shows to other desks). Run by .ci/run against a real server:
ACM_TEST_DATABASE_URL=postgresql://… uv run pytest tests/core -m "postgres_only".
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from core.channels import secret_account
from core.db import database
from core.models import Channel, SyncLock, utcnow
from core.secrets import SERVICE
from core.sync.lock import ChannelLock, LockLost, SyncBusy
from tests.e2e.file_keyring import FILE_ENV, FileKeyring

pytestmark = pytest.mark.postgres_only

ROOT = Path(__file__).resolve().parents[2]
URL_ENV = "ACM_TEST_DATABASE_URL"

DESK = """
import socket, sys
socket.gethostname = lambda: "kasa-2"
from core.db import open_database
from core.sync.lock import ChannelLock
open_database(url=sys.argv[1])
lock = ChannelLock(int(sys.argv[2]), "MojeAllegro")
lock.acquire()
print("held", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
"""


class OtherDesk:
    """A second desk holding a channel's lock until told to let go (or killed)."""

    def __init__(self, channel_id: int) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", DESK, os.environ[URL_ENV], str(channel_id)],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self.proc.stdout.readline().strip() == "held"

    def release(self) -> None:
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "released"
        self.proc.communicate(timeout=30)  # waits and closes the pipes

    def kill(self) -> None:
        self.proc.kill()
        self.proc.communicate(timeout=30)


@pytest.fixture
def channel(db):
    return Channel.create(sub_source="MojeAllegro", username="u", api_key="k", environment="http://127.0.0.1:9/")


@pytest.fixture
def other_desk(channel):
    desks: list[OtherDesk] = []

    def start(channel_id: int = channel.id) -> OtherDesk:
        desks.append(OtherDesk(channel_id))
        return desks[-1]

    yield start
    for desk in desks:
        if desk.proc.poll() is None:
            desk.kill()


def take_within(lock: ChannelLock, seconds: float) -> float:
    """Acquire, retrying while busy; returns how long it took."""
    started = time.monotonic()
    while True:
        try:
            lock.acquire()
            return time.monotonic() - started
        except SyncBusy:
            if time.monotonic() - started > seconds:
                raise
            time.sleep(0.05)


def test_two_desks_never_hold_one_channel_at_once(channel, other_desk):
    desk = other_desk()
    here = ChannelLock(channel.id, "MojeAllegro")
    with pytest.raises(SyncBusy) as busy:
        here.acquire()
    assert busy.value.message == "A sync of MojeAllegro is already running on kasa-2. Try again when it has finished."

    # however old its heartbeat looks, a desk whose connection lives keeps the channel
    SyncLock.update(heartbeat=utcnow() - timedelta(days=1)).execute()
    with pytest.raises(SyncBusy, match="on kasa-2"):
        here.acquire()

    desk.release()
    here.acquire()
    assert SyncLock.get().owner == here.owner
    here.release()
    assert SyncLock.select().count() == 0


def test_a_desk_killed_in_the_middle_of_a_sync_frees_the_channel_at_once(channel, other_desk):
    desk = other_desk()
    desk.kill()  # kill -9: no release, its row stays behind
    assert SyncLock.get().owner.startswith("kasa-2:")
    here = ChannelLock(channel.id, "MojeAllegro")
    waited = take_within(here, 10)  # the server drops the dead connection's lock, not after 30 minutes
    print(f"\nchannel free {waited:.2f} s after the other desk was killed")
    assert SyncLock.get().owner == here.owner
    here.release()


def test_a_desk_whose_connection_is_cut_stops_at_its_next_heartbeat(channel):
    here = ChannelLock(channel.id, "MojeAllegro")
    here.acquire()
    # the server ends the holding session (restart, network cut, an administrator)
    database.execute_sql(
        "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = %s",
        (channel.id,),
    )
    with pytest.raises(LockLost, match="nothing more was sent"):
        here.heartbeat(force=True)
    here.release()  # quietly, though its connection is gone
    there = ChannelLock(channel.id, "MojeAllegro")
    there.acquire()
    assert SyncLock.get().owner == there.owner
    there.release()


def test_desks_starting_together_one_wins(channel):
    locks = [ChannelLock(channel.id, "MojeAllegro") for _ in range(6)]
    start = threading.Barrier(len(locks))
    outcome: dict[int, str] = {}

    def race(n: int) -> None:
        start.wait()
        try:
            locks[n].acquire()
            outcome[n] = "held"
        except SyncBusy:
            outcome[n] = "busy"
        finally:
            database.close()  # this thread's own connection

    threads = [threading.Thread(target=race, args=(n,)) for n in range(len(locks))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcome.values()) == ["busy"] * 5 + ["held"]
    winner = next(n for n, got in outcome.items() if got == "held")
    assert SyncLock.get().owner == locks[winner].owner
    locks[winner].release()


def test_locks_of_different_channels_do_not_block_each_other(channel, other_desk):
    second = Channel.create(sub_source="Drugie", username="u", api_key="k")
    other_desk(second.id)
    here = ChannelLock(channel.id, "MojeAllegro")
    here.acquire()
    assert {row.owner.split(":")[0] for row in SyncLock.select()} == {"kasa-2", here.owner.split(":")[0]}
    here.release()


def test_the_sync_command_on_another_desk_is_refused_while_one_syncs(channel, other_desk, tmp_path):
    keyring_file = tmp_path / "keyring.json"
    FileKeyring(keyring_file).set_password(SERVICE, secret_account(channel), "sandbox-pass-1")
    other_desk()
    env = {
        **os.environ,
        "ACM_DATABASE_URL": os.environ[URL_ENV],  # how a headless desk is pointed at the shared server
        FILE_ENV: str(keyring_file),
        "PYTHON_KEYRING_BACKEND": "tests.e2e.file_keyring.FileKeyring",
    }
    command = [sys.executable, "main.py", "--data-dir", str(tmp_path / "desk-3"), "sync", "--channel", "MojeAllegro"]
    busy = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert busy.returncode == 1, busy.stdout + busy.stderr
    assert "MojeAllegro: A sync of MojeAllegro is already running on kasa-2." in busy.stderr
