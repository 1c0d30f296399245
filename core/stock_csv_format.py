"""The stock CSV format: its columns, its cells and the checks on a whole file.

Files come from spreadsheets and strangers: text must be UTF-8 (a BOM is fine), lines
have a length limit, and cells that a spreadsheet would run as a formula are neutralised
on export with a leading apostrophe, which the import takes off again.
core/stock_csv.py reads and applies an import with these, core/stock_csv_export.py
writes the export.
"""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from core.i18n import _
from core.stock_admin import QUANTITY_MAX

COLUMNS = ("sku", "title", "location", "quantity", "barcode")
# Written by the export for the reader; an import skips them without calling them unused.
EXPORT_ONLY = ("allocated", "available")
REQUIRED = ("sku", "quantity")
MAX_LINE_CHARS = 10_000
MAX_FILE_BYTES = 200 * 1024 * 1024
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Report = Callable[[str, int, int], None]
Cancelled = Callable[[], bool]


def no_report(step: str, done: int, total: int) -> None:
    """A `Report` that shows nothing."""


def never_cancelled() -> bool:
    return False


class CsvFileError(Exception):
    """The file as a whole cannot be imported (encoding, size, header)."""

    @property
    def message(self) -> str:
        return str(self)


class CsvCancelled(Exception):
    """The user cancelled; nothing was changed or written."""

    @property
    def message(self) -> str:
        return _("Cancelled; nothing was changed.")


def decode_text(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise CsvFileError(
            _(
                "{file} is not UTF-8 text (line {line} has a byte that is not). "
                "Save it from your spreadsheet as “CSV UTF-8” and import it again."
            ).format(file=path.name, line=line)
        ) from None


def check_lines(text: str, path: Path) -> None:
    start = 0
    line = 1
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        if end < 0:
            end = length
        if end - start > MAX_LINE_CHARS:
            raise CsvFileError(
                _(
                    "Line {line} of {file} is longer than {n} characters; "
                    "a stock CSV never needs lines that long. Check that this is the right file."
                ).format(line=line, file=path.name, n=f"{MAX_LINE_CHARS:,}")
            )
        start = end + 1
        line += 1
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise CsvFileError(
            _("Line {line} of {file} contains a NUL byte; this is not a text CSV file.").format(line=line, file=path.name)
        )


def delimiter_of(header_line: str) -> str:
    # Polish spreadsheets save CSV with semicolons, because the comma is the decimal mark.
    return ";" if header_line.count(";") > header_line.count(",") else ","


def unneutralise(cell: str) -> str:
    """Take off the apostrophe that an export put before a formula-like cell."""
    if len(cell) >= 2 and cell[0] == "'" and cell[1] in FORMULA_STARTS:
        return cell[1:]
    return cell


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if cell and (cell[0] in FORMULA_STARTS or (cell[0] == "'" and len(cell) > 1 and cell[1] in FORMULA_STARTS)):
        return "'" + cell
    return cell


_WHOLE = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+[.,]\d*|[.,]\d+)")


def parse_quantity(text: str) -> tuple[int | None, str | None]:
    # spreadsheets write thousands with spaces (also non-breaking ones) in Polish locales
    value = text.strip().replace(" ", "").replace("\u00a0", "")
    if not value:
        return None, _("quantity missing")
    if not _WHOLE.fullmatch(value):
        if _DECIMAL.fullmatch(value):
            return None, _("quantity “{text}” is not a whole number").format(text=text.strip())
        return None, _("quantity “{text}” is not a number").format(text=text.strip())
    number = int(value)
    if number < 0:
        return None, _("negative quantity {n}").format(n=number)
    if number > QUANTITY_MAX:
        return None, _("quantity {n} is too large").format(n=number)
    return number, None


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `path`, refused before reading when it is not a regular file (a folder,
    /dev/zero, a pipe) or is larger than `limit`; never more than `limit` bytes are read."""
    try:
        # non-blocking: opening a pipe must not wait for a writer; the file itself is checked first
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise CsvFileError(_("{file} is a folder, not a file.").format(file=path.name)) from None
    except OSError as e:
        raise CsvFileError(_("{file} cannot be read: {why}.").format(file=path.name, why=e.strerror or e)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise CsvFileError(_("{file} is a folder, not a file.").format(file=path.name))
        raise CsvFileError(
            _("{file} is not a regular file (it is a folder, a device or a pipe); choose a CSV file.").format(
                file=path.name
            )
        )
    with os.fdopen(fd, "rb") as f:
        if info.st_size > limit:
            raise CsvFileError(_too_large(path, limit))
        try:
            data = f.read(limit + 1)
        except OSError as e:
            raise CsvFileError(_("{file} cannot be read: {why}.").format(file=path.name, why=e.strerror or e)) from None
    if len(data) > limit:  # it grew while being read
        raise CsvFileError(_too_large(path, limit))
    return data


def _too_large(path: Path, limit: int) -> str:
    return _("{file} is larger than {n} MB; split it into smaller files.").format(file=path.name, n=limit // (1024 * 1024))


def read_text(path: Path) -> str:
    """The text of a CSV file, refused as a whole when it is too large, not UTF-8, has
    over-long lines or a NUL byte, or is empty."""
    text = decode_text(read_limited(path, MAX_FILE_BYTES), path)
    check_lines(text, path)
    if not text.strip():
        raise CsvFileError(_("{file} is empty.").format(file=path.name))
    return text
