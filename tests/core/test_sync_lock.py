"""The per-channel sync lock: one holder at a time, stale holders taken over."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import timedelta

import pytest

from core.models import Channel, SyncLock, utcnow
from core.sync.lock import STALE_AFTER, ChannelLock, LockLost, SyncBusy


@pytest.fixture
def channel(db):
    return Channel.create(sub_source="MojeAllegro", username="u", api_key="k")


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_one_holder_at_a_time(channel):
    first, second = ChannelLock(channel.id, "MojeAllegro"), ChannelLock(channel.id, "MojeAllegro")
    first.acquire()
    with pytest.raises(SyncBusy) as busy:
        second.acquire()
    assert busy.value.message == (
        "A sync of MojeAllegro is already running in another window or process. Try again when it has finished."
    )
    first.release()
    second.acquire()
    assert SyncLock.get().owner == second.owner


def test_a_lock_left_by_a_dead_process_is_taken_over(channel):
    SyncLock.create(channel=channel, owner=f"{socket.gethostname()}:{dead_pid()}:abc", heartbeat=utcnow())
    lock = ChannelLock(channel.id)
    lock.acquire()
    assert SyncLock.get().owner == lock.owner


@pytest.mark.sqlite_only  # PostgreSQL trusts its advisory lock, not the row: test_sync_lock_pg.py
def test_a_live_holder_with_an_old_heartbeat_is_taken_over(channel):
    SyncLock.create(
        channel=channel,
        owner=f"{socket.gethostname()}:{os.getpid()}:old",
        heartbeat=utcnow() - STALE_AFTER - timedelta(minutes=1),
    )
    lock = ChannelLock(channel.id)
    lock.acquire()
    assert SyncLock.get().owner == lock.owner


@pytest.mark.sqlite_only  # PostgreSQL trusts its advisory lock, not the row: test_sync_lock_pg.py
def test_a_holder_on_another_machine_is_trusted_while_its_heartbeat_is_fresh(channel):
    SyncLock.create(channel=channel, owner="kasa-2:4242:tok", heartbeat=utcnow())
    with pytest.raises(SyncBusy, match="on kasa-2"):
        ChannelLock(channel.id, "MojeAllegro").acquire()


def test_a_taken_over_lock_is_noticed_at_the_next_heartbeat(channel):
    lock = ChannelLock(channel.id, "MojeAllegro")
    lock.acquire()
    SyncLock.update(owner="kasa-2:1:other").execute()
    with pytest.raises(LockLost, match="started meanwhile"):
        lock.heartbeat(force=True)
    lock.release()  # never removes the new holder's row
    assert SyncLock.get().owner == "kasa-2:1:other"


def test_locks_are_per_channel(channel):
    other = Channel.create(sub_source="Drugie", username="u", api_key="k")
    ChannelLock(channel.id).acquire()
    ChannelLock(other.id).acquire()
    assert SyncLock.select().count() == 2
