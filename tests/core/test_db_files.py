"""The data folder and its files: private to the seller, refused by cause, never half-written.

Disk tests mount a small tmpfs (root only; skipped with the reason otherwise) and fill it
or remount it read-only, so SQLite meets the real errors a seller's disk gives.
"""
from __future__ import annotations

import errno
import hashlib
import logging
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from core import db as dbmod
from core.db import SCHEMA_VERSION, DatabaseError, database, open_database
from core.db_problems import integrity
from core.paths import app_paths

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows keeps the profile's ACL")


@pytest.fixture(autouse=True)
def _unbind():
    yield
    if database.obj is not None:
        database.close()
    database.initialize(None)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def close_db() -> None:
    if database.obj is not None:
        database.close()
    database.initialize(None)


# -- privacy -------------------------------------------------------------------------------


@posix_only
def test_a_new_data_folder_and_everything_in_it_is_readable_only_by_the_seller(tmp_path):
    from core.logsetup import setup_logging
    from core.settings import store_database_url

    paths = app_paths(tmp_path / "shop")
    setup_logging(paths.log_file)
    logging.getLogger("test").info("a line in the log")
    open_database(paths.database, backups_dir=paths.backups_dir)
    from core.models import StockItem

    StockItem.create(sku="KUB-1", title="Kubek")  # the WAL and shared memory exist now
    backup = dbmod.backup_sqlite(database.obj, paths.database, paths.backups_dir, "test")
    store_database_url(paths, "")
    from ui.app import acquire_instance_lock

    lock = acquire_instance_lock(paths)
    files = [paths.database, Path(f"{paths.database}-wal"), Path(f"{paths.database}-shm"), paths.log_file, backup,
             paths.settings_file, paths.lock_file]
    assert {str(f): oct(mode(f)) for f in files} == {str(f): "0o600" for f in files}
    folders = [paths.data_dir, paths.log_dir, paths.backups_dir]
    assert {str(f): oct(mode(f)) for f in folders} == {str(f): "0o700" for f in folders}
    lock.unlock()


@posix_only
def test_a_folder_left_readable_by_others_is_tightened_on_open_and_the_log_says_so(tmp_path):
    from core.logsetup import setup_logging

    folder = tmp_path / "shop"
    (folder / "logs").mkdir(parents=True)
    (folder / "backups").mkdir()
    old = [folder / "acm.sqlite3", folder / "logs" / "acm.log", folder / "backups" / "acm-before-v2-1.sqlite3",
           folder / "settings.json"]
    for file in old:
        file.write_bytes(b"")
        file.chmod(0o644)
    for each in (folder, folder / "logs", folder / "backups"):
        each.chmod(0o755)

    paths = app_paths(folder)
    setup_logging(paths.log_file)
    open_database(paths.database, backups_dir=paths.backups_dir)

    assert {str(f): oct(mode(f)) for f in old} == {str(f): "0o600" for f in old}
    assert oct(mode(folder)) == oct(mode(folder / "logs")) == oct(mode(folder / "backups")) == "0o700"
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "private to this user" in paths.log_file.read_text(encoding="utf-8")


# -- a file that is not the app's database ---------------------------------------------------------


def fingerprint(path: Path) -> tuple[str, int, list[str]]:
    return (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns,
            sorted(p.name for p in path.parent.iterdir()))


def test_another_programs_sqlite_file_is_recognised_read_only_and_named(tmp_path):
    path = tmp_path / "acm.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT)")
    con.execute("INSERT INTO photos (file) VALUES ('wakacje.jpg')")
    con.commit()
    con.close()
    time.sleep(0.01)
    before = fingerprint(path)

    with pytest.raises(DatabaseError) as refused:
        open_database(path)

    assert str(path) in str(refused.value)
    assert "another program" in str(refused.value)
    assert fingerprint(path) == before  # not a byte, not its time, no WAL or journal beside it


@pytest.mark.parametrize("kind", ["folder", "device"])
def test_a_database_path_that_is_not_a_regular_file_is_refused_by_name(tmp_path, kind):
    path = tmp_path / "acm.sqlite3"
    if kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")
    with pytest.raises(DatabaseError) as refused:
        open_database(path)
    assert str(path) in str(refused.value)
    assert "not a regular file" in str(refused.value)


def test_a_damaged_database_names_the_newest_good_backup(tmp_path):
    path, backups = tmp_path / "acm.sqlite3", tmp_path / "backups"
    open_database(path, backups_dir=backups)
    good = dbmod.backup_sqlite(database.obj, path, backups, "before-v9")
    close_db()
    newer = backups / "acm-before-v10-29990101-000000.sqlite3"
    newer.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # named like a backup, but broken
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))

    with pytest.raises(DatabaseError) as refused:
        open_database(path, backups_dir=backups)

    assert "damaged" in str(refused.value) and str(path) in str(refused.value)
    assert str(good) in str(refused.value) and str(newer) not in str(refused.value)


# -- backups are whole or absent ---------------------------------------------------------------------

SLOW_BACKUP = """
import sys, time, sqlite3
from pathlib import Path
sys.path.insert(0, {root!r})
from core import db as dbmod

class Slow(sqlite3.Connection):
    def backup(self, target, **kwargs):
        def progress(status, remaining, total):
            print("copying", flush=True)
            time.sleep(0.02)
        return super().backup(target, pages=1, progress=progress)

original = dbmod.SqliteDatabase._connect
def connect(self):
    self.connect_params["factory"] = Slow
    return original(self)
dbmod.SqliteDatabase._connect = connect
dbmod.open_database(Path({path!r}), backups_dir=Path({backups!r}))
"""


def test_a_backup_killed_while_it_is_copied_leaves_no_file_named_like_a_backup(tmp_path):
    from tests.core.test_db import make_version_1

    path, backups = tmp_path / "old.sqlite3", tmp_path / "backups"
    make_version_1(path)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE padding (x BLOB)")  # enough pages for the copy to take a while
    con.executemany("INSERT INTO padding VALUES (?)", [(os.urandom(3000),) for _ in range(200)])
    con.commit()
    con.close()
    for delay in (0.0, 0.3, 1.0):
        child = subprocess.Popen([sys.executable, "-c", SLOW_BACKUP.format(root=str(ROOT), path=str(path),
                                                                           backups=str(backups))],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "copying"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        named_like_a_backup = sorted(p.name for p in backups.glob("*.sqlite3*"))
        assert named_like_a_backup == [], f"killed after {delay} s: {named_like_a_backup}"
    open_database(path, backups_dir=backups)  # the next start makes a whole one and upgrades
    copies = list(backups.glob("*.sqlite3"))
    assert len(copies) == 1 and integrity(copies[0]) == "ok"
    assert [p.name for p in backups.iterdir() if p.name.endswith(("-journal", "-wal"))] == []


def test_a_settings_file_replaced_when_the_disk_fails_keeps_the_old_one_whole(tmp_path, monkeypatch):
    from core import paths as pathsmod
    from core.settings import store_database_url, stored_database_url

    paths = app_paths(tmp_path / "shop")
    store_database_url(paths, "postgresql://sklep@serwer/sklep")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pathsmod.os, "fsync", full)
    with pytest.raises(OSError):
        store_database_url(paths, "postgresql://inny@serwer/inny")
    monkeypatch.undo()
    assert stored_database_url(paths) == "postgresql://sklep@serwer/sklep"
    assert sorted(p.name for p in paths.data_dir.iterdir() if p.is_file()) == ["settings.json"]


# -- a small disk -------------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB tmpfs, unmounted afterwards."""
    point = tmp_path / "disk"
    point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(point)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"a small file system cannot be mounted here (root only): {mounted.stderr.strip()}")
    try:
        yield point
    finally:
        try:
            close_db()
        finally:
            subprocess.run(["umount", "-l", str(point)], capture_output=True)


def fill(disk: Path) -> None:
    try:
        with open(disk / "filler", "wb", buffering=0) as out:
            while True:
                out.write(b"\0" * 65536)
    except OSError as e:
        assert e.errno == errno.ENOSPC
    try:
        with open(disk / "filler2", "wb", buffering=0) as out:
            while True:
                out.write(b"\0" * 512)
    except OSError:
        pass


def shop_on(disk: Path) -> Path:
    path = disk / "shop" / "acm.sqlite3"
    path.parent.mkdir()
    open_database(path)
    from core.models import StockItem

    with database.atomic():
        for n in range(200):
            StockItem.create(sku=f"SKU-{n}", title="Kubek " * 30)
    close_db()
    return path


def test_a_full_disk_at_start_up_is_called_a_full_disk_not_a_damaged_database(small_disk):
    path = shop_on(small_disk)
    fill(small_disk)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    with pytest.raises(DatabaseError) as refused:
        open_database(path)

    message = str(refused.value)
    assert message.startswith(f"The disk holding {path} is full."), message
    assert "damaged" not in message and "backup" not in message
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_new_database_on_a_full_disk_is_called_a_full_disk(small_disk):
    (small_disk / "shop").mkdir()
    fill(small_disk)
    path = small_disk / "shop" / "acm.sqlite3"
    with pytest.raises(DatabaseError) as refused:
        open_database(path)
    assert str(refused.value).startswith(f"The disk holding {path} is full."), str(refused.value)
    assert list((small_disk / "shop").iterdir()) == []


def test_a_read_only_disk_is_named_as_one(small_disk):
    path = shop_on(small_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(DatabaseError) as refused:
        open_database(path)
    assert str(refused.value) == f"{path} is on a read-only disk. Use a writable folder or remount the disk writable."


def test_a_backup_that_does_not_fit_stops_the_upgrade_and_leaves_no_half_backup(small_disk, tmp_path):
    from tests.core.test_db import columns, make_version_1

    path = tmp_path / "old.sqlite3"
    make_version_1(path)
    backups = small_disk / "backups"
    fill(small_disk)

    with pytest.raises(DatabaseError) as refused:
        open_database(path, backups_dir=backups)

    assert str(backups) in str(refused.value) and "full" in str(refused.value)
    assert [p.name for p in backups.iterdir()] == [] if backups.exists() else True
    assert "previous_offer_id" not in columns(path, "listing")  # not upgraded without its backup
    con = sqlite3.connect(path)
    assert con.execute("SELECT version FROM schema_info").fetchone()[0] == 1 < SCHEMA_VERSION
    con.close()


# -- sentences instead of tracebacks at start-up ---------------------------------------------------------


def run_main(*args: str, user: list[str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*(user or []), sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "ACM_DATA_DIR": ""})


def test_a_data_dir_naming_a_file_is_refused_with_a_sentence(tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("zakupy", encoding="utf-8")
    done = run_main("--data-dir", str(file), "channel", "list")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"The data folder {file} is a file, not a folder." in done.stderr
    assert file.read_text(encoding="utf-8") == "zakupy"


def test_a_data_dir_where_no_folder_can_be_made_is_refused_with_a_sentence():
    done = run_main("--data-dir", "/proc/acm-shop", "channel", "list")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "/proc/acm-shop cannot be a folder" in done.stderr


@pytest.fixture
def world_readable_tmp():
    """A folder another user can enter (pytest's own are 0700)."""
    top = Path(tempfile.mkdtemp(prefix="acm-files-", dir="/tmp"))
    top.chmod(0o755)
    yield top
    for path in [top, *top.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(top)


@pytest.mark.skipif(os.name != "posix", reason="runs a process as another user")
def test_a_read_only_data_folder_without_logs_is_named_in_a_sentence(world_readable_tmp):
    from tests.reliability.test_data_safety import as_a_user_who_cannot_write

    data = world_readable_tmp / "shop"
    made = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
                           "from core.paths import app_paths; from core.db import open_database; "
                           f"open_database(app_paths({str(data)!r}).database).close()"],
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    for leftover in (data / "logs").iterdir():
        leftover.unlink()
    (data / "logs").rmdir()
    for path in data.iterdir():
        path.chmod(0o644)
    data.chmod(0o555)
    done = run_main("--data-dir", str(data), "channel", "list", user=as_a_user_who_cannot_write())
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert f"The database file {data / 'acm.sqlite3'} cannot be opened for writing." in done.stderr
    assert not (data / "logs").exists()


@pytest.mark.skipif(os.name != "posix", reason="runs a process as another user")
def test_a_data_dir_inside_a_folder_the_seller_may_not_enter_is_refused_with_a_sentence(world_readable_tmp):
    from tests.reliability.test_data_safety import as_a_user_who_cannot_write

    closed = world_readable_tmp / "closed"
    closed.mkdir(mode=0o700)
    user = as_a_user_who_cannot_write()
    if not user:
        closed.chmod(0o000)
    done = run_main("--data-dir", str(closed / "shop"), "channel", "list", user=user)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert f"You may not write {closed / 'shop'} (permission denied)." in done.stderr


GUI = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QMessageBox
for name in ("critical", "warning", "question", "information"):
    setattr(QMessageBox, name, staticmethod(lambda parent, title, text, *rest, name=name: print(name, text, flush=True)))
from ui.app import run_gui
sys.exit(run_gui([], {data!r}))
"""


def test_the_app_started_on_a_data_dir_naming_a_file_says_so_in_a_box(tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("zakupy", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", GUI.format(root=str(ROOT), data=str(file))], cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.startswith(f"critical The data folder {file} is a file, not a folder."), done.stdout
    assert "Traceback" not in done.stderr
