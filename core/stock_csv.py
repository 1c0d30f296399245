"""Stock levels in from CSV (columns sku, title, location, quantity, barcode).

An import is two steps: `read_import` checks every row and returns a preview (what
would change and every invalid row with its reasons); `apply_import` writes an
accepted, error-free preview in one transaction, so a file is applied whole or not
at all. Each row sets an item's level at a location to its quantity; an unknown SKU
creates the item. The file format and its checks live in core/stock_csv_format.py, the
export in core/stock_csv_export.py; both are reachable from here.
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from core.db import database
from core.i18n import _, n_
from core.models import Location, StockItem, StockLevel, utcnow
from core.stock_admin import BARCODE_MAX, SKU_MAX, TITLE_MAX
from core.stock_csv_export import export_csv
from core.stock_csv_format import (
    COLUMNS,
    EXPORT_ONLY,
    MAX_FILE_BYTES,
    MAX_LINE_CHARS,
    REQUIRED,
    Cancelled,
    CsvCancelled,
    CsvFileError,
    Report,
    delimiter_of,
    neutralise,
    never_cancelled,
    no_report,
    parse_quantity,
    read_limited,
    read_text,
    unneutralise,
)

__all__ = [
    "COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_LINE_CHARS",
    "CsvCancelled",
    "CsvFileError",
    "ImportPreview",
    "ImportResult",
    "ImportRow",
    "RowProblem",
    "apply_import",
    "export_csv",
    "neutralise",
    "read_import",
    "read_limited",
    "unneutralise",
]

CHUNK = 500  # ids per IN (...) lookup
WRITE_CHUNK = 2000  # rows per INSERT: 3 values each, far under SQLite's 32,766 variables
PROGRESS_EVERY = 2000  # rows checked between a progress report and a look at Cancel


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


def read_import(
    path: str | os.PathLike,
    location: str | None = None,
    report: Report = no_report,
    cancelled: Cancelled = never_cancelled,
) -> ImportPreview:
    """Check a CSV file and return what importing it would do. Writes nothing.

    `location` is used for rows whose location cell is empty (and for files without a
    location column); without it they go to the default location.
    """
    path = Path(path)
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(text.split("\n", 1)[0]), strict=False)
    header = _read_header(reader, path)
    preview = ImportPreview(path=path, ignored_columns=tuple(h for h in header if h not in COLUMNS + EXPORT_ONLY and h))
    checker = _RowChecker(header, location)
    total_lines = max(text.count("\n"), 1)
    for checked, (line, row) in enumerate(_rows(reader, path), start=1):
        if checked % PROGRESS_EVERY == 0:
            if cancelled():
                raise CsvCancelled()
            report(_("Checking rows"), line, total_lines)
        checker.check(line, row, preview)
    report(_("Checking rows"), total_lines, total_lines)
    _compare_with_database(preview, cancelled)
    return preview


def _read_header(reader, path: Path) -> list[str]:
    """The column names of the first line, lower case; refused without sku or quantity."""
    header = [h.strip().lower().lstrip("\ufeff") for h in next(reader)]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CsvFileError(
            _("{file} has no {columns} column. The first line must name the columns: {all}.").format(
                file=path.name, columns=f" {_('or')} ".join(missing), all=", ".join(COLUMNS)
            )
        )
    return header


def _rows(reader, path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of every row that is not blank; a row the csv module cannot
    read refuses the whole file."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            why = _("a cell is far too long") if "field larger" in str(e) else str(e)
            raise CsvFileError(
                _("Line {line} of {file} cannot be read as CSV: {why}.").format(line=reader.line_num, file=path.name, why=why)
            ) from None
        if any(c.strip() for c in row):
            yield reader.line_num, row


class _RowChecker:
    """Checks one row at a time against the locations and the rows before it."""

    def __init__(self, header: list[str], location: str | None) -> None:
        self.index = {name: header.index(name) for name in COLUMNS if name in header}
        self.locations = {loc.name.casefold(): loc.name for loc in Location.select()}
        self.fallback = self._fallback_location(location)
        self.seen: dict[tuple[str, str], int] = {}

    def _fallback_location(self, location: str | None) -> str | None:
        """The location of rows without one: `location`, else the default (None without one)."""
        if location is not None:
            if location.casefold() not in self.locations:
                raise CsvFileError(_("There is no location called {name}.").format(name=location))
            return self.locations[location.casefold()]
        default = Location.get_or_none(Location.is_default == True)  # noqa: E712
        return self.locations[default.name.casefold()] if default else None

    def cell(self, row: list[str], name: str) -> str:
        i = self.index.get(name)
        return unneutralise(row[i].strip()) if i is not None and i < len(row) else ""

    def check(self, line: int, row: list[str], preview: ImportPreview) -> None:
        """Adds the row to the preview's rows, or with its reasons to its problems."""
        sku, title, barcode = self.cell(row, "sku"), self.cell(row, "title"), self.cell(row, "barcode")
        reasons = _length_problems(sku, title, barcode)
        quantity, problem = parse_quantity(self.cell(row, "quantity"))
        if problem:
            reasons.append(problem)
        location_name = self._location(self.cell(row, "location"), reasons)
        if sku and location_name is not None:
            self._note_duplicate(sku, location_name, line, reasons)
        if reasons:
            preview.problems.append(RowProblem(line, sku, tuple(reasons), tuple(row)))
        else:
            preview.rows.append(ImportRow(line, sku, title, location_name, quantity, barcode))

    def _location(self, location_cell: str, reasons: list[str]) -> str | None:
        """The row's location by its name as stored, or None with the reason added."""
        if location_cell:
            name = self.locations.get(location_cell.casefold())
            if name is None:
                reasons.append(_("unknown location “{name}”").format(name=location_cell))
            return name
        if self.fallback is None:
            reasons.append(_("no location given and there is no default location"))
        return self.fallback

    def _note_duplicate(self, sku: str, location_name: str, line: int, reasons: list[str]) -> None:
        key = (sku, location_name)
        if key in self.seen:
            reasons.append(_("duplicate SKU {sku} (also on line {line})").format(sku=sku, line=self.seen[key]))
        else:
            self.seen[key] = line


def _length_problems(sku: str, title: str, barcode: str) -> list[str]:
    reasons: list[str] = []
    if not sku:
        reasons.append(_("missing SKU"))
    elif len(sku) > SKU_MAX:
        reasons.append(_("SKU longer than {n} characters").format(n=SKU_MAX))
    if len(title) > TITLE_MAX:
        reasons.append(_("title longer than {n} characters").format(n=TITLE_MAX))
    if len(barcode) > BARCODE_MAX:
        reasons.append(_("barcode longer than {n} characters").format(n=BARCODE_MAX))
    return reasons


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


def apply_import(preview: ImportPreview, report: Report = no_report, cancelled: Cancelled = never_cancelled) -> ImportResult:
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
    with database.atomic():
        location_ids = _location_ids_of(rows)
        items = _existing_items(sorted({r.sku for r in rows}))
        new_items = _new_items(rows, items)
        _insert_items(list(new_items.values()), report, cancelled)
        items.update(_existing_items(list(new_items)))
        _update_titles_and_barcodes(rows, items, new_items)
        _write_levels(rows, items, location_ids, report, cancelled)
    return ImportResult(rows=len(rows), new_items=len(new_items), changed_levels=preview.changed_levels)


def _location_ids_of(rows: list[ImportRow]) -> dict[str, int]:
    """Location name -> id; refused when a row's location was deleted since the check."""
    location_ids = {loc.name: loc.id for loc in Location.select()}
    missing = {r.location for r in rows} - set(location_ids)
    if missing:
        raise CsvFileError(
            _("The location {name} was deleted after the check; nothing was imported.").format(name=sorted(missing)[0])
        )
    return location_ids


def _new_items(rows: list[ImportRow], items: dict[str, _Item]) -> dict[str, dict]:
    """The items to create by SKU, with the first title and barcode their rows give."""
    new_items: dict[str, dict] = {}
    for row in rows:
        if row.sku not in items:
            new = new_items.setdefault(row.sku, {"sku": row.sku, "title": "", "barcode": ""})
            new["title"] = new["title"] or row.title
            new["barcode"] = new["barcode"] or row.barcode
    return new_items


def _insert_items(new_items: list[dict], report: Report, cancelled: Cancelled) -> None:
    done = 0
    created = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")  # as peewee writes a DateTimeField
    for chunk in _chunks(new_items, WRITE_CHUNK):
        if cancelled():
            raise CsvCancelled()
        _write_many(
            StockItem._meta.table_name,
            ("sku", "title", "barcode", "created_at"),
            [(n["sku"], n["title"], n["barcode"], created) for n in chunk],
        )
        done += len(chunk)
        report(_("Adding new items"), done, len(new_items))


def _update_titles_and_barcodes(rows: list[ImportRow], items: dict[str, _Item], new_items: dict[str, dict]) -> None:
    """An existing item takes a row's title and barcode when the row gives other ones."""
    for row in rows:
        if row.sku in new_items:
            continue
        item = items[row.sku]
        changes = {}
        if row.title and row.title != item.title:
            changes[StockItem.title] = row.title
            item.title = row.title
        if row.barcode and row.barcode != item.barcode:
            changes[StockItem.barcode] = row.barcode
            item.barcode = row.barcode
        if changes:
            StockItem.update(changes).where(StockItem.id == item.id).execute()


def _write_levels(
    rows: list[ImportRow], items: dict[str, _Item], location_ids: dict[str, int], report: Report, cancelled: Cancelled
) -> None:
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
        report(_("Setting stock levels"), done, len(rows))
