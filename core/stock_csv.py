"""Stock levels in and out as CSV (columns sku, title, location, quantity, barcode).

An export adds two columns after them, allocated (held by open orders) and available
(quantity minus allocated); an import reads them as the export's own and ignores them.

An import is two steps: `read_import` checks every row and returns a preview (what
would change and every invalid row with its reasons); `apply_import` writes an
accepted, error-free preview in one transaction, so a file is applied whole or not
at all. Each row sets an item's level at a location to its quantity; an unknown SKU
creates the item.

Files come from spreadsheets and strangers: text must be UTF-8 (a BOM is fine),
lines have a length limit, and cells that a spreadsheet would run as a formula are
neutralised on export with a leading apostrophe, which the import takes off again.
"""
from __future__ import annotations

import csv
import io
import itertools
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core import inventory
from core.db import database
from core.models import Location, StockItem, StockLevel, utcnow
from core.stock_admin import BARCODE_MAX, QUANTITY_MAX, SKU_MAX, TITLE_MAX
from core.i18n import _, n_

COLUMNS = ("sku", "title", "location", "quantity", "barcode")
# Written by the export for the reader; an import skips them without calling them unused.
EXPORT_ONLY = ("allocated", "available")
REQUIRED = ("sku", "quantity")
MAX_LINE_CHARS = 10_000
MAX_FILE_BYTES = 200 * 1024 * 1024
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500  # ids per IN (...) lookup
WRITE_CHUNK = 2000  # rows per INSERT: 3 values each, far under SQLite's 32,766 variables

Report = Callable[[str, int, int], None]
Cancelled = Callable[[], bool]


def _no_report(step: str, done: int, total: int) -> None:
    pass


def _never() -> bool:
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


@dataclass(frozen=True)
class ImportRow:
    line: int
    sku: str
    title: str
    location: str  # the resolved location name
    quantity: int
    barcode: str


@dataclass(frozen=True)
class RowProblem:
    line: int
    sku: str
    reasons: tuple[str, ...]
    raw: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "; ".join(self.reasons)


@dataclass
class ImportPreview:
    path: Path
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    new_items: int = 0
    changed_levels: int = 0
    unchanged: int = 0
    ignored_columns: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    def summary(self) -> str:
        if self.problems:
            bad = len(self.problems)
            return n_(
                "{bad} invalid row of {total}; nothing will be imported until it is fixed.",
                "{bad} invalid rows of {total}; nothing will be imported until they are fixed.",
                bad,
            ).format(bad=bad, total=len(self.rows) + len(self.problems))
        if not self.rows:
            return _("The file has no rows to import.")
        rows, new, changed, same = len(self.rows), self.new_items, self.changed_levels, self.unchanged
        return _("{rows}: {new}, {changed}, {same}.").format(
            rows=n_("{n} row", "{n} rows", rows).format(n=rows),
            new=n_("{n} new item", "{n} new items", new).format(n=new),
            changed=n_("{n} stock level to change", "{n} stock levels to change", changed).format(n=changed),
            same=n_("{n} unchanged", "{n} unchanged", same).format(n=same),
        )


@dataclass(frozen=True)
class ImportResult:
    rows: int
    new_items: int
    changed_levels: int


# --- reading ------------------------------------------------------------------


def _decode(data: bytes, path: Path) -> str:
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


def _check_lines(text: str, path: Path) -> None:
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


def _delimiter(header_line: str) -> str:
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


def _parse_quantity(text: str) -> tuple[int | None, str | None]:
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


def read_import(
    path: str | os.PathLike,
    location: str | None = None,
    report: Report = _no_report,
    cancelled: Cancelled = _never,
) -> ImportPreview:
    """Check a CSV file and return what importing it would do. Writes nothing.

    `location` is used for rows whose location cell is empty (and for files without a
    location column); without it they go to the default location.
    """
    path = Path(path)
    data = read_limited(path, MAX_FILE_BYTES)
    text = _decode(data, path)
    _check_lines(text, path)
    if not text.strip():
        raise CsvFileError(_("{file} is empty.").format(file=path.name))
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line), strict=False)
    header = [h.strip().lower().lstrip("\ufeff") for h in next(reader)]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CsvFileError(
            _("{file} has no {columns} column. The first line must name the columns: {all}.").format(
                file=path.name, columns=f" {_('or')} ".join(missing), all=", ".join(COLUMNS)
            )
        )
    index = {name: header.index(name) for name in COLUMNS if name in header}
    preview = ImportPreview(path=path, ignored_columns=tuple(h for h in header if h not in COLUMNS + EXPORT_ONLY and h))

    locations = {loc.name.casefold(): loc.name for loc in Location.select()}
    fallback = location
    if fallback is not None and fallback.casefold() not in locations:
        raise CsvFileError(_("There is no location called {name}.").format(name=fallback))
    if fallback is None:
        default = Location.get_or_none(Location.is_default == True)  # noqa: E712
        fallback = default.name if default else None

    total_lines = max(text.count("\n"), 1)
    seen: dict[tuple[str, str], int] = {}

    def cell(row: list[str], name: str) -> str:
        i = index.get(name)
        return unneutralise(row[i].strip()) if i is not None and i < len(row) else ""

    checked = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            why = _("a cell is far too long") if "field larger" in str(e) else str(e)
            raise CsvFileError(
                _("Line {line} of {file} cannot be read as CSV: {why}.").format(line=reader.line_num, file=path.name, why=why)
            ) from None
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        checked += 1
        if checked % 2000 == 0:
            if cancelled():
                raise CsvCancelled()
            report(_("Checking rows"), line, total_lines)
        reasons: list[str] = []
        sku = cell(row, "sku")
        title = cell(row, "title")
        barcode = cell(row, "barcode")
        location_cell = cell(row, "location")
        if not sku:
            reasons.append(_("missing SKU"))
        elif len(sku) > SKU_MAX:
            reasons.append(_("SKU longer than {n} characters").format(n=SKU_MAX))
        if len(title) > TITLE_MAX:
            reasons.append(_("title longer than {n} characters").format(n=TITLE_MAX))
        if len(barcode) > BARCODE_MAX:
            reasons.append(_("barcode longer than {n} characters").format(n=BARCODE_MAX))
        quantity, problem = _parse_quantity(cell(row, "quantity"))
        if problem:
            reasons.append(problem)
        location_name = None
        if location_cell:
            location_name = locations.get(location_cell.casefold())
            if location_name is None:
                reasons.append(_("unknown location “{name}”").format(name=location_cell))
        elif fallback is None:
            reasons.append(_("no location given and there is no default location"))
        else:
            location_name = locations[fallback.casefold()]
        if sku and location_name is not None:
            key = (sku, location_name)
            if key in seen:
                reasons.append(_("duplicate SKU {sku} (also on line {line})").format(sku=sku, line=seen[key]))
            else:
                seen[key] = line
        if reasons:
            preview.problems.append(RowProblem(line, sku, tuple(reasons), tuple(row)))
        else:
            preview.rows.append(ImportRow(line, sku, title, location_name, quantity, barcode))
    report(_("Checking rows"), total_lines, total_lines)
    _compare_with_database(preview, cancelled)
    return preview


def _chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class _Item:
    """What the import needs of an existing stock item (plain, not a peewee model: 100,000 of
    those take seconds to build)."""

    __slots__ = ("id", "title", "barcode")

    def __init__(self, item_id: int, title: str, barcode: str) -> None:
        self.id, self.title, self.barcode = item_id, title, barcode


# Past this many SKUs one pass over the whole table beats thousands of IN (...) lookups.
_FULL_SCAN = 5000


def _existing_items(skus: list[str]) -> dict[str, _Item]:
    columns = (StockItem.id, StockItem.sku, StockItem.title, StockItem.barcode)
    found: dict[str, _Item] = {}
    if len(skus) > _FULL_SCAN:
        wanted = set(skus)
        for item_id, sku, title, barcode in _raw(StockItem.select(*columns)):
            if sku in wanted:
                found[sku] = _Item(item_id, title, barcode)
        return found
    for chunk in _chunks(skus):
        for item_id, sku, title, barcode in _raw(StockItem.select(*columns).where(StockItem.sku.in_(chunk))):
            found[sku] = _Item(item_id, title, barcode)
    return found


def _existing_levels(item_ids: list[int], cancelled: Cancelled) -> dict[tuple[int, int], int]:
    columns = (StockLevel.item, StockLevel.location, StockLevel.quantity)
    if len(item_ids) > _FULL_SCAN:
        wanted = set(item_ids)
        return {
            (item_id, location_id): quantity
            for item_id, location_id, quantity in _raw(StockLevel.select(*columns))
            if item_id in wanted
        }
    levels: dict[tuple[int, int], int] = {}
    for chunk in _chunks(item_ids):
        if cancelled():
            raise CsvCancelled()
        for item_id, location_id, quantity in _raw(StockLevel.select(*columns).where(StockLevel.item.in_(chunk))):
            levels[(item_id, location_id)] = quantity
    return levels


def _raw(query):
    """The query's rows straight from the driver: these columns need no conversion, and
    peewee's per-value conversion is most of the time at 100,000 rows."""
    return database.execute(query)


def _write_many(table: str, columns: tuple[str, ...], rows: list[tuple], conflict: str = "") -> None:
    """One prepared INSERT run for many rows (executemany), inside the caller's transaction."""
    marks = ", ".join([database.param] * len(columns))
    names = ", ".join(f'"{c}"' for c in columns)
    database.cursor().executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks}){conflict}', rows)


def _compare_with_database(preview: ImportPreview, cancelled: Cancelled) -> None:
    """Fill in what the rows would change; new items must have a title."""
    skus = sorted({r.sku for r in preview.rows})
    items = _existing_items(skus)
    location_ids = {loc.name: loc.id for loc in Location.select()}
    if cancelled():
        raise CsvCancelled()
    levels = _existing_levels([i.id for i in items.values()], cancelled)
    titled = {r.sku for r in preview.rows if r.title}
    kept: list[ImportRow] = []
    new_skus: set[str] = set()
    for row in preview.rows:
        item = items.get(row.sku)
        if item is None:
            if row.sku not in titled:
                preview.problems.append(RowProblem(row.line, row.sku, (_("new SKU {sku} without a title").format(sku=row.sku),)))
                continue
            new_skus.add(row.sku)
            preview.changed_levels += 1
        else:
            current = levels.get((item.id, location_ids[row.location]))
            if current == row.quantity and (not row.title or row.title == item.title) and (
                not row.barcode or row.barcode == item.barcode
            ):
                preview.unchanged += 1
            elif current != row.quantity:
                preview.changed_levels += 1
            else:
                preview.unchanged += 1  # only the title or barcode changes
        kept.append(row)
    preview.rows = kept
    preview.new_items = len(new_skus)
    preview.problems.sort(key=lambda p: p.line)


# --- applying -----------------------------------------------------------------


def apply_import(preview: ImportPreview, report: Report = _no_report, cancelled: Cancelled = _never) -> ImportResult:
    """Write an error-free preview in one transaction: every row or none."""
    if preview.problems:
        raise CsvFileError(
            n_(
                "{n} row is invalid; fix it and import the file again.",
                "{n} rows are invalid; fix them and import the file again.",
                len(preview.problems),
            ).format(n=len(preview.problems))
        )
    rows = preview.rows
    total = len(rows)
    with database.atomic():
        location_ids = {loc.name: loc.id for loc in Location.select()}
        missing = {r.location for r in rows} - set(location_ids)
        if missing:
            raise CsvFileError(
                _("The location {name} was deleted after the check; nothing was imported.").format(name=sorted(missing)[0])
            )
        items = _existing_items(sorted({r.sku for r in rows}))
        new_items: dict[str, dict] = {}
        for row in rows:
            if row.sku not in items:
                new = new_items.setdefault(row.sku, {"sku": row.sku, "title": "", "barcode": ""})
                new["title"] = new["title"] or row.title
                new["barcode"] = new["barcode"] or row.barcode
        done = 0
        created = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")  # as peewee writes a DateTimeField
        for chunk in _chunks(list(new_items.values()), WRITE_CHUNK):
            if cancelled():
                raise CsvCancelled()
            _write_many(
                StockItem._meta.table_name,
                ("sku", "title", "barcode", "created_at"),
                [(n["sku"], n["title"], n["barcode"], created) for n in chunk],
            )
            done += len(chunk)
            report(_("Adding new items"), done, len(new_items))
        items.update(_existing_items(list(new_items)))
        for row in rows:
            item = items[row.sku]
            if row.sku in new_items:
                continue
            changes = {}
            if row.title and row.title != item.title:
                changes[StockItem.title] = row.title
                item.title = row.title
            if row.barcode and row.barcode != item.barcode:
                changes[StockItem.barcode] = row.barcode
                item.barcode = row.barcode
            if changes:
                StockItem.update(changes).where(StockItem.id == item.id).execute()
        done = 0
        for chunk in _chunks(rows, WRITE_CHUNK):
            if cancelled():
                raise CsvCancelled()
            _write_many(
                StockLevel._meta.table_name,
                ("item_id", "location_id", "quantity"),
                [(items[r.sku].id, location_ids[r.location], r.quantity) for r in chunk],
                ' ON CONFLICT ("item_id", "location_id") DO UPDATE SET "quantity" = excluded."quantity"',
            )
            done += len(chunk)
            report(_("Setting stock levels"), done, total)
    return ImportResult(rows=total, new_items=len(new_items), changed_levels=preview.changed_levels)


# --- exporting ----------------------------------------------------------------


def export_csv(
    path: str | os.PathLike,
    location: str | None = None,
    report: Report = _no_report,
    cancelled: Cancelled = _never,
) -> int:
    """Write every item's level per location (or at one location); returns the row count.

    The file is written beside the target and renamed into place, so a failed export
    never leaves half a file under the chosen name.
    """
    path = Path(path)
    query = (
        StockItem.select(StockItem.id, StockItem.sku, StockItem.title, StockItem.barcode, Location.id, Location.name, StockLevel.quantity)
        .join(StockLevel, on=(StockLevel.item == StockItem.id))
        .join(Location, on=(StockLevel.location == Location.id))
        .order_by(StockItem.sku, Location.name)
    )
    only = None
    if location is not None:
        only = Location.get_or_none(Location.name == location)
        if only is None:
            raise CsvFileError(_("There is no location called {name}.").format(name=location))
        query = query.where(Location.id == only.id)
    held = _allocated_by_location(only.id if only else None)
    rows = query.tuples().iterator()
    total = StockLevel.select().count()
    if location is None:
        # items held nowhere still belong in a full export, at quantity 0
        lonely = StockItem.select(StockItem.id, StockItem.sku, StockItem.title, StockItem.barcode).where(
            ~StockItem.id.in_(StockLevel.select(StockLevel.item))
        )
        total += lonely.count()
        rows = itertools.chain(rows, ((i, s, t, b, None, "", 0) for i, s, t, b in lonely.tuples().iterator()))
    fd, tmp = tempfile.mkstemp(prefix=".stock-", suffix=".csv", dir=str(path.parent))
    count = 0
    try:
        # utf-8-sig: Excel opens Polish letters right only with the BOM
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(COLUMNS + EXPORT_ONLY)
            for item_id, sku, title, barcode, location_id, loc_name, quantity in rows:
                allocated = held.pop((item_id, location_id), 0)
                writer.writerow(
                    [neutralise(sku), neutralise(title), neutralise(loc_name), quantity, neutralise(barcode), allocated, quantity - allocated]
                )
                count += 1
                if count % 5000 == 0:
                    if cancelled():
                        raise CsvCancelled()
                    report(_("Writing rows"), count, total)
            # open orders holding an item at a location where it has no stock level yet
            names = dict(Location.select(Location.id, Location.name).tuples())
            items = {
                i: (s, t, b)
                for i, s, t, b in StockItem.select(StockItem.id, StockItem.sku, StockItem.title, StockItem.barcode)
                .where(StockItem.id.in_(sorted({item for item, _loc in held})))
                .tuples()
            } if held else {}
            for (item_id, location_id), allocated in sorted(held.items(), key=lambda kv: (items[kv[0][0]][0], names.get(kv[0][1], ""))):
                sku, title, barcode = items[item_id]
                writer.writerow(
                    [neutralise(sku), neutralise(title), neutralise(names.get(location_id, "")), 0, neutralise(barcode), allocated, -allocated]
                )
                count += 1
            f.flush()
            os.fsync(f.fileno())  # whole on the disk before it takes the chosen name
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    report(_("Writing rows"), count, count)
    return count


def _allocated_by_location(location_id: int | None) -> dict[tuple[int, int | None], int]:
    """(item id, location id) -> quantity held by open orders there (core.inventory's rule)."""
    return {
        (item_id, loc): a.allocated
        for item_id, at in inventory.availability_by_location().items()
        for loc, a in at.items()
        if a.allocated and (location_id is None or loc == location_id)
    }
