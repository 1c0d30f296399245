"""Stock levels out as CSV: the import's columns, then allocated (held by open orders) and
available (quantity minus allocated), which an import reads as the export's own and ignores."""
from __future__ import annotations

import csv
import itertools
import os
import tempfile
from pathlib import Path

from core import inventory
from core.i18n import _
from core.models import Location, StockItem, StockLevel
from core.stock_csv_format import (
    COLUMNS,
    EXPORT_ONLY,
    Cancelled,
    CsvCancelled,
    CsvFileError,
    Report,
    neutralise,
    never_cancelled,
    no_report,
)


def export_csv(
    path: str | os.PathLike,
    location: str | None = None,
    report: Report = no_report,
    cancelled: Cancelled = never_cancelled,
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
