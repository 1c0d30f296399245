"""Data safety: a full disk, a read-only data folder, and schema upgrades that die half way.

- Full disk: SQLite answers SQLITE_FULL when a write needs a page it may not have. The
  tests make that happen for real on the app's own connections (PRAGMA max_page_count
  set to the pages in use, after a VACUUM left none free) as each step of a sync
  begins. The sync stops with a sentence about the disk; once there is room again the
  next sync reaches the state of an undisturbed run, with nothing sent twice.
- Read-only folder: `main.py` commands run as a user who may not write the data folder
  (tests run as root, which ignores permissions, so the command drops to `nobody` with
  setpriv; as any other user a chmod does it). They say why and change no byte.
- Migrations: tests/core/test_db.py proves one transaction and a backup; here the
  process upgrading is killed at random moments, and the backup is checked to be a
  whole, readable copy.
"""
from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from core.db import database

from .processes import repeated_changes
from .scenario import differences

ROOT = Path(__file__).resolve().parents[2]
STEPS = [
    "start", "Logging in to Allegro", "Reading listings", "Importing orders", "Planning stock",
    "Planning tracking numbers", "Saving the plan", "Changing quantities", "Ending listings", "Relisting",
    "Sending tracking numbers",
]
DISK_FULL = "The disk holding the app's database is full, so the sync stopped."


# A full disk fails every connection's next new page: the sync applies a plan on two
# threads, each with a connection of its own. The page limit is per connection, so it is
# set on every connection the app has opened and on those it opens later.
OPENED: list[sqlite3.Connection] = []


@pytest.fixture
def every_connection_seen(monkeypatch):
    db = database.obj
    original = db._connect

    def connect():
        conn = original()
        OPENED.append(conn)
        return conn

    OPENED[:] = [database.connection()]
    monkeypatch.setattr(db, "_connect", connect)
    yield
    OPENED.clear()


def _page_limit(pages: int) -> None:
    database.pragma("max_page_count", pages, permanent=True)  # this connection and later ones
    for conn in OPENED:
        try:
            conn.execute(f"PRAGMA max_page_count = {pages}")
        except sqlite3.ProgrammingError:  # closed since
            pass


def fill_the_disk() -> None:
    """No page to spare from now on: the next write that needs one fails with SQLITE_FULL."""
    _page_limit(database.execute_sql("PRAGMA page_count").fetchone()[0])


def free_space() -> None:
    _page_limit(1073741823)


def integrity(path: Path) -> str:
    con = sqlite3.connect(str(path))
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def test_a_disk_that_fills_up_at_any_step_stops_the_sync_clearly_and_loses_nothing(
        scenario, reference_after_one_run, every_connection_seen):
    outcomes = {}
    for step in STEPS:
        scenario.reset()
        database.execute_sql("VACUUM")  # no free pages left inside the file
        if step == "start":
            fill_the_disk()
        filled = []

        def at_step(name, done, total, step=step):
            if name == step and not filled:
                filled.append(fill_the_disk())

        hit = scenario.sync(report=None if step == "start" else at_step)
        assert not hit.crash, f"{step}: {hit.crash}"
        if hit.code == 0:
            outcomes[step] = "completed (no new page needed)"
        else:
            assert hit.code == 1 and DISK_FULL in hit.err, f"{step}: {hit.err or hit.out}"
            assert "Traceback" not in hit.err + hit.out
            outcomes[step] = "stopped: disk full"
        free_space()
        assert integrity(scenario.paths.database) == "ok"
        again = scenario.sync()  # in this same process, as the app's window would
        assert again.code == 0, f"{step}: the next sync failed: {again.err}"
        assert repeated_changes(scenario.control) == [], step
        assert differences(reference_after_one_run, scenario.snapshot()) == [], step
        assert scenario.loose_ends() == []
    print("\nfull disk at each step: " + "; ".join(f"{step}: {what}" for step, what in outcomes.items()))
    assert sum(what.startswith("stopped") for what in outcomes.values()) >= 5


# -- a read-only data folder ---------------------------------------------------------------


def as_a_user_who_cannot_write() -> list[str]:
    """The command prefix that runs a process without the right to write the folder."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def read_only_shop():
    """A data folder with a database holding stock, made read-only (world-readable parents)."""
    top = Path(tempfile.mkdtemp(prefix="acm-ro-", dir="/tmp"))
    top.chmod(0o755)
    data = top / "shop"
    stock = top / "stock.csv"
    stock.write_text("sku,title,quantity\nKUB-1,Kubek żółty,5\n", encoding="utf-8")
    stock.chmod(0o644)
    setup = ("from core.paths import app_paths; from core.db import open_database; "
             "from core.stock_admin import add_location; "
             f"p = app_paths({str(data)!r}); open_database(p.database).close() or None; "
             "add_location('Magazyn', default=True)")
    made = subprocess.run([sys.executable, "-c", setup], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    first = subprocess.run([sys.executable, "main.py", "--data-dir", str(data), "stock", "import", str(stock)],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    (top / "more.csv").write_text("sku,title,quantity\nKUB-1,Kubek żółty,9\nTAL-1,Talerz,2\n", encoding="utf-8")
    (top / "more.csv").chmod(0o644)
    for path in [data, *data.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    probe = subprocess.run([*as_a_user_who_cannot_write(), sys.executable, "-c",
                            f"open({str(data / 'probe')!r}, 'w')"], capture_output=True, text=True, timeout=60)
    assert probe.returncode != 0, "could not make the folder read-only for a process on this machine"
    yield data, top
    for path in [data, *data.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(top)


@pytest.mark.parametrize(
    "command",
    [["sync", "--yes"], ["stock", "import", "{top}/more.csv"], ["channel", "list"], ["listings", "list"]],
)
def test_a_read_only_data_folder_is_named_in_a_sentence_and_nothing_changes(read_only_shop, command):
    data, top = read_only_shop
    before = fingerprint(data)
    argv = [part.format(top=top) for part in command]
    done = subprocess.run([*as_a_user_who_cannot_write(), sys.executable, "main.py", "--data-dir", str(data), *argv],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"The database file {data / 'acm.sqlite3'} cannot be opened for writing. Check that the folder is writable." \
        in done.stderr
    assert "cannot be written" in done.stderr  # the log file, named
    assert "Traceback" not in done.stderr and "unexpectedly" not in done.stderr
    assert fingerprint(data) == before


# -- schema upgrades --------------------------------------------------------------------------

MIGRATE = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from core import db as dbmod
step = dbmod.MIGRATIONS[2]
def slow(migrator):
    step(migrator)          # the columns are added inside the transaction ...
    print("migrating", flush=True)
    time.sleep(30)          # ... and the process is killed before it commits
dbmod.MIGRATIONS[2] = slow
dbmod.open_database(Path({path!r}), backups_dir=Path({backups!r}))
"""


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(str(path))
    try:
        return [line for line in con.iterdump() if not line.startswith("INSERT INTO \"sqlite_sequence\"")]
    finally:
        con.close()


def test_an_upgrade_killed_half_way_leaves_the_old_database_and_a_whole_backup(tmp_path):
    from tests.core.test_db import columns, make_version_1

    path, backups = tmp_path / "old.sqlite3", tmp_path / "backups"
    make_version_1(path)
    old = dump(path)
    rng = random.Random(5)
    for attempt in range(3):
        child = subprocess.Popen([sys.executable, "-c", MIGRATE.format(root=str(ROOT), path=str(path),
                                                                       backups=str(backups))],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "migrating"
        time.sleep(rng.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        assert integrity(path) == "ok"
        assert dump(path) == old, f"attempt {attempt}: the old database changed"
        assert "previous_offer_id" not in columns(path, "listing")
    copies = sorted(backups.glob("*.sqlite3"))
    assert copies, "no backup was made before upgrading"
    for copy in copies:
        assert integrity(copy) == "ok" and dump(copy) == old  # whole and readable, the old schema and rows
    # the next start upgrades it for real, rows intact
    from core.db import SCHEMA_VERSION, open_database
    from core.models import SchemaInfo, StockItem

    db = open_database(path, backups_dir=backups)
    try:
        assert SchemaInfo.get().version == SCHEMA_VERSION and StockItem.select().count() == 3
        assert "previous_offer_id" in columns(path, "listing")
    finally:
        db.close()
        database.initialize(None)


GUI = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QMessageBox
for name in ("critical", "warning", "question", "information"):
    setattr(QMessageBox, name, staticmethod(lambda parent, title, text, *rest, name=name: print(name, text, flush=True)))
from ui.app import run_gui
sys.exit(run_gui([], {data!r}))
"""


def test_the_app_on_a_read_only_data_folder_says_so_instead_of_already_running(read_only_shop):
    data, top = read_only_shop
    before = fingerprint(data)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([*as_a_user_who_cannot_write(), sys.executable, "-c", GUI.format(root=str(ROOT), data=str(data))],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.startswith("critical The data folder\n" + str(data) + "\ncannot be written"), done.stdout
    assert "already running" not in done.stdout
    assert fingerprint(data) == before
