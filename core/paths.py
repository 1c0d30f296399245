"""Where the app keeps its database and logs, kept private to the seller.

`--data-dir DIR` or the ACM_DATA_DIR environment variable puts everything in one
folder (tests, several shops side by side); otherwise the platform's user folders.

The folders hold buyers' names, addresses and phone numbers: on POSIX they are made
0700 and the files in them 0600, and looser ones left by older versions are tightened
when the app opens them (noted in the log). On Windows the user's profile folders
(%LOCALAPPDATA%) already carry an ACL that admits only the user, SYSTEM and
administrators, so nothing is changed there.
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from core.i18n import _, n_

APP_NAME = "AllegroChannelManager"
APP_AUTHOR = "AllegroChannelManager"
DATA_DIR_ENV = "ACM_DATA_DIR"
DATABASE_URL_ENV = "ACM_DATABASE_URL"

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
POSIX = os.name == "posix"

# Notes for the log, made before the log file is open (setup_logging writes them).
_pending_notes: list[str] = []


class DataFolderError(Exception):
    """The data folder cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "acm.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "acm.log"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "acm.lock"

    @property
    def settings_file(self) -> Path:
        """Settings the headless commands need too (core cannot read Qt's QSettings)."""
        return self.data_dir / "settings.json"

    @property
    def sandbox_state(self) -> Path:
        return self.data_dir / "sandbox-state.json"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"


def app_paths(data_dir: str | os.PathLike | None = None) -> AppPaths:
    """The folders to use, created private if missing. Raises DataFolderError."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        root = Path(chosen).expanduser().absolute()
        try:
            root = root.resolve()
        except (OSError, RuntimeError):  # a symlink loop: named as given
            pass
        paths = AppPaths(root, root / "logs")
    else:
        paths = AppPaths(
            Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        )
    make_private_folder(paths.data_dir)
    try:
        make_private_folder(paths.log_dir)
    except DataFolderError:
        # A read-only data folder must still reach the sentence that names it (the
        # database's check); the log setup says the log cannot be written.
        pass
    for folder in {paths.data_dir, paths.log_dir}:
        tighten(folder)
    return paths


def make_private_folder(folder: Path) -> None:
    """Create `folder` (and its parents) readable only by this user; a sentence when it cannot be."""
    try:
        info = folder.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:  # a parent this user may not enter, a symlink loop
        raise DataFolderError(explain_os_error(folder, error, folder=True)) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        return
    if info is not None or folder.is_symlink():
        raise DataFolderError(
            _("The data folder {path} is a file, not a folder. Choose a folder with --data-dir or ACM_DATA_DIR.").format(
                path=folder
            )
        )
    try:
        folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    except OSError as error:
        raise DataFolderError(explain_os_error(folder, error, folder=True)) from None


def explain_os_error(path: Path, error: OSError, folder: bool = False) -> str:
    """The sentence for a file system refusal: it names the path and the cause."""
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _("The disk holding {path} is full. Free some space and start again; nothing was changed.").format(path=path)
    if code == errno.EROFS:
        return _("{path} is on a read-only disk. Use a writable folder or remount the disk writable.").format(path=path)
    if code in (errno.EACCES, errno.EPERM):
        return _("You may not write {path} (permission denied). Use a folder of your own or ask for the right to write it.").format(
            path=path
        )
    if code in (errno.ENOTDIR, errno.EEXIST, errno.ENOENT, errno.ENAMETOOLONG, errno.ELOOP) and folder:
        return _("{path} cannot be a folder ({why}). Choose a folder in your home folder with --data-dir or ACM_DATA_DIR.").format(
            path=path, why=error.strerror or error
        )
    if code == errno.EISDIR:
        return _("{path} is a folder, not a regular file.").format(path=path)
    return _("{path} cannot be used: {why}.").format(path=path, why=error.strerror or error)


def tighten(folder: Path) -> list[Path]:
    """Make `folder` 0700 and every file and folder in it private (POSIX); notes what it changed."""
    if not POSIX:
        return []  # the profile's ACL keeps others out on Windows (see the module's docstring)
    changed = []
    for path in [folder, *_walk(folder)]:
        try:
            info = path.lstat()
        except OSError:
            continue
        if stat.S_ISLNK(info.st_mode) or not (info.st_mode & 0o077):
            continue
        wanted = PRIVATE_FOLDER if stat.S_ISDIR(info.st_mode) else PRIVATE_FILE
        try:
            os.chmod(path, stat.S_IMODE(info.st_mode) & wanted)
        except OSError:
            continue  # not ours, or a read-only disk: the folder's own check speaks for it
        changed.append(path)
    if changed:
        shown = ", ".join(str(p) for p in changed[:10]) + (" …" if len(changed) > 10 else "")
        _pending_notes.append(
            n_(
                "Made {n} file or folder private to this user (other users could read it): {paths}",
                "Made {n} files and folders private to this user (other users could read them): {paths}",
                len(changed),
            ).format(n=len(changed), paths=shown)
        )
    return changed


def tighten_file(path: Path) -> None:
    """`path` readable only by this user (POSIX), when it is ours to change."""
    if not POSIX:
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, mode & PRIVATE_FILE)
    except OSError:
        pass


def _walk(folder: Path):
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        yield path
        if entry.is_dir(follow_symlinks=False) and entry.name in ("backups", "logs"):
            yield from _walk(path)


def take_notes() -> list[str]:
    """The notes made before logging started; each is returned once."""
    notes = list(_pending_notes)
    _pending_notes.clear()
    return notes


def create_private_file(path: Path) -> None:
    """Create `path` empty and readable only by this user, unless it exists. Raises OSError."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    os.close(fd)


def replace_file(path: Path, data: bytes, mode: int = PRIVATE_FILE) -> None:
    """Write `data` to `path` whole or not at all: a temporary file beside it, synced, renamed.

    A crash at any moment leaves the old file or the new one, never half of either.
    """
    path = Path(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if POSIX:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut (POSIX; Windows has no folder fsync)."""
    if not POSIX:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
