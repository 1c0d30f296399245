"""What went wrong with a database, in the seller's words: SQLite refusals, a server that
will not let the app in, damage proven by an integrity check, an address not to be used."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from core.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"
LOW_SPACE = 1024 * 1024  # bytes free under which an I/O error at start-up means a full disk
# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 3, 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_AUTH, SQLITE_NOTADB = 11, 13, 14, 23, 26


class DatabaseError(Exception):
    """A database problem told in the seller's words."""


def first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def explain_server_error(where: str, error: Exception) -> str:
    text = first_line(error)
    lowered = text.lower()
    if "password" in lowered or "authentication" in lowered or "no pg_hba.conf entry" in lowered:
        return _(
            "The database server at {where} refused the login ({why}). Check the user name "
            "and the password in PostgreSQL's password file (pgpass)."
        ).format(where=where, why=text)
    if "does not exist" in lowered:
        return _("The database server at {where} has no such database or user ({why}).").format(where=where, why=text)
    if "timeout" in lowered or "connection refused" in lowered or "could not" in lowered:
        return _(
            "The database server at {where} cannot be reached ({why}). Check the address, "
            "that the server is running and that the network lets this computer in."
        ).format(where=where, why=text)
    return _("The database at {where} cannot be opened ({why}).").format(where=where, why=text)


def read_only_uri(path: Path) -> str:
    return path.absolute().as_uri() + "?mode=ro"


def integrity(path: Path) -> str:
    """PRAGMA integrity_check of `path` through a read-only connection: "ok" or the first problem."""
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            row = con.execute("PRAGMA integrity_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        return str(e)
    return row[0] if row else "no answer"


def newest_good_backup(path: Path, backups_dir: Path) -> Path | None:
    """The most recent whole backup of `path` in `backups_dir` (header and integrity checked)."""
    try:
        copies = sorted(backups_dir.glob(f"{path.stem}-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return None
    for copy in copies:
        try:
            with copy.open("rb") as f:
                if f.read(16) != SQLITE_HEADER:
                    continue
        except OSError:
            continue
        if integrity(copy) == "ok":
            return copy
    return None


def backup_hint(path: Path, backups_dir: Path) -> str:
    good = newest_good_backup(path, backups_dir)
    if good is None:
        return ""
    return " " + _("The newest good backup is {backup}.").format(backup=good)


def damaged(path: Path, why: str, backups_dir: Path) -> str:
    good = newest_good_backup(path, backups_dir)
    if good is None:
        return _(
            "The database file {path} is damaged ({why}). It has been left untouched; there is no good backup "
            "in {folder}."
        ).format(path=path, why=why, folder=backups_dir)
    return _(
        "The database file {path} is damaged ({why}). It has been left untouched; the newest good backup is "
        "{backup}: close the app, move the damaged file away and copy the backup in its place."
    ).format(path=path, why=why, backup=good)


def _free_bytes(folder: Path) -> int | None:
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # Windows has no statvfs
        return None
    return info.f_bavail * info.f_frsize


def _on_read_only_disk(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def explain_sqlite_error(path: Path, error: Exception, backups_dir: Path | None = None) -> str:
    """The cause of an SQLite refusal in the seller's words: the disk first, damage only when proven."""
    backups_dir = backups_dir or path.parent / "backups"
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(error).lower()
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return _("The database file {path} is locked by another program.").format(path=path)
    if _disk_is_full(path, code, text):
        return _("The disk holding {path} is full. Free some space and start again; nothing was changed.").format(path=path)
    if _on_read_only_disk(path.parent):
        return _("{path} is on a read-only disk. Use a writable folder or remount the disk writable.").format(path=path)
    if _writing_refused(code, text):
        return _("The database file {path} cannot be opened for writing. Check that the folder is writable.").format(path=path)
    damage = _proven_damage(path, code, text, backups_dir)
    if damage:
        return damage
    if code == SQLITE_IOERR:
        return _(
            "The disk holding {path} failed to read or write it ({why}). Check the disk; the file has been left untouched."
        ).format(path=path, why=error)
    return _("The database file {path} cannot be opened ({why}). It has been left untouched.").format(path=path, why=error)


def _disk_is_full(path: Path, code: int, text: str) -> bool:
    if code == SQLITE_FULL or "full" in text:
        return True
    if code != SQLITE_IOERR:
        return False
    free = _free_bytes(path.parent)
    return free is not None and free < LOW_SPACE


def _writing_refused(code: int, text: str) -> bool:
    return code in (SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH) or any(
        word in text for word in ("readonly", "read-only", "unable to open", "permission")
    )


def _proven_damage(path: Path, code: int, text: str, backups_dir: Path) -> str | None:
    """The damage sentence when SQLite says the file is damaged and a full integrity check agrees."""
    if code not in (SQLITE_CORRUPT, SQLITE_NOTADB) and "malformed" not in text and "not a database" not in text:
        return None
    verdict = integrity(path) if path.exists() else "missing"
    return None if verdict == "ok" else damaged(path, verdict, backups_dir)


# Database URLs the app accepts in Preferences (peewee's playhouse.db_url schemes).
URL_SCHEMES = ("postgresql", "postgres", "postgresext", "postgresqlext", "sqlite")  # the drivers the app ships


def url_problem(url: str) -> str | None:
    """None when `url` is a database address the app can use; else the problem in the seller's words.

    A password in the address is refused: Preferences are a plain settings file. PostgreSQL
    reads the password from its own password file (pgpass) or PGPASSWORD instead.
    """
    from urllib.parse import urlsplit

    text = url.strip()
    if not text:
        return None
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return _("That database address cannot be read. Write it like postgresql://user@server:5432/shop.")
    scheme = parts.scheme.lower().removesuffix("+pool")
    if scheme not in URL_SCHEMES:
        return _("Use a PostgreSQL address such as postgresql://user@server:5432/shop (or sqlite:///path/to/file).")
    if scheme == "sqlite":
        return None if parts.path.strip("/") else _("Add the database file's path: sqlite:///path/to/shop.sqlite3.")
    if parts.password:
        return _(
            "Leave the password out of the address: Preferences are not a safe place for it. "
            "Put it in PostgreSQL's password file (pgpass.conf / .pgpass) instead."
        )
    if not parts.hostname:
        return _("Add the server's name: postgresql://user@server:5432/shop.")
    if not parts.path.strip("/"):
        return _("Add the database's name at the end: postgresql://user@server:5432/shop.")
    return None
