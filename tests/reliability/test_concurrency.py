"""Two app processes on one database never sync the same channel at once; a second app
window on the same data folder is refused with a message."""
from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from core.models import SyncRun
from core.paths import app_paths
from ui import app as app_module

from .scenario import differences
from .processes import Runner, repeated_changes

ROOT = Path(__file__).resolve().parents[2]
BUSY = "is already running in another window or process"
TRIALS = 4


def test_two_processes_never_sync_one_channel_at_once(scenario, runner, reference_after_one_run, tmp_path):
    """Two `main.py sync --yes` started together, several times: one syncs, the other is
    told the channel is busy (or starts after the first finished). The runs recorded
    never overlap, nothing is done twice, and the shop ends as after one run."""
    second = Runner(runner.env)
    argv = ["--data-dir", str(scenario.paths.data_dir), "sync", "--yes"]
    rng = random.Random(3)
    refused = 0
    try:
        for trial in range(TRIALS):
            scenario.reset()
            scenario.control.set_faults(latency_ms=25)  # each run takes a second or so
            scenario.db.close()
            outs = [tmp_path / f"t{trial}-a.txt", tmp_path / f"t{trial}-b.txt"]
            runner.start(argv, outs[0])
            time.sleep(rng.uniform(0, 0.05))
            second.start(argv, outs[1])
            codes = [runner.ended(), second.ended()]
            texts = [o.read_text(encoding="utf-8") for o in outs]
            for code, text in zip(codes, texts, strict=True):
                assert code == 0 or (code == 1 and BUSY in text), text
            refused += sum(BUSY in t for t in texts)
            runs = sorted(SyncRun.select().where(SyncRun.channel == scenario.channel_id), key=lambda r: r.started_at)
            for earlier, later in zip(runs, runs[1:]):
                assert earlier.finished_at is not None and earlier.finished_at <= later.started_at, (
                    f"trial {trial}: two runs of the channel overlapped"
                )
            assert repeated_changes(scenario.control) == []
            assert differences(reference_after_one_run, scenario.snapshot()) == []
    finally:
        second.close()
    print(f"\ntwo processes, {TRIALS} trials: {refused} start(s) refused as busy, no overlapping runs")
    assert refused >= 1  # the race really happened


def test_a_second_app_on_the_same_data_folder_is_refused(qtbot, tmp_path, monkeypatch):
    """The first app is a real `main.py` process with its window open; the second is told
    the folder is in use and opens nothing."""
    data = tmp_path / "shop"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACM_DATA_DIR": str(data)}
    first = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        paths = app_paths(data)
        deadline = time.monotonic() + 60
        while "Started with data folder" not in _read(paths.log_file):
            assert first.poll() is None, first.stderr.read().decode(errors="replace")
            assert time.monotonic() < deadline, "the first app never started"
            time.sleep(0.05)
        warned = {}
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.update(text=text)))
        opened = []
        monkeypatch.setattr(app_module, "open_app_database", lambda p: opened.append(p) or True)
        try:
            assert app_module.run_gui([], str(data)) == 1
        finally:
            _drop_app_log_handlers()
        assert "already running" in warned["text"] and str(paths.data_dir) in warned["text"]
        assert opened == []  # never a second writer on the database
        assert first.poll() is None  # the first app is untouched
    finally:
        first.terminate()
        first.wait(timeout=20)
        first.stderr.close()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def _drop_app_log_handlers() -> None:
    import logging

    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_acm", False):
            root.removeHandler(handler)
            handler.close()


def test_a_lock_this_window_could_not_release_does_not_block_its_next_sync(db, monkeypatch):
    """A full disk can make even the lock's release fail; the window that held it must not
    then be told for half an hour that "another" sync is running."""
    import peewee

    from core.models import Channel, SyncLock
    from core.sync.lock import ChannelLock, SyncBusy

    channel = Channel.create(sub_source="MojeAllegro", username="u", api_key="k")
    first = ChannelLock(channel.id, "MojeAllegro")
    first.acquire()
    other = ChannelLock(channel.id, "MojeAllegro")
    try:
        other.acquire()
        raise AssertionError("two holders at once")
    except SyncBusy:
        pass  # a lock still held in this process is respected

    def full(*args, **kwargs):
        raise peewee.OperationalError("database or disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(SyncLock, "delete", classmethod(full))
        try:
            first.release()
        except peewee.OperationalError:
            pass
    assert SyncLock.select().count() == 1  # the row is still there
    again = ChannelLock(channel.id, "MojeAllegro")
    again.acquire()  # taken over: its owner is this process, and nothing here holds it
    assert SyncLock.get().owner == again.owner
    again.release()
