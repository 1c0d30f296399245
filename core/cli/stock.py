"""`main.py stock import|export|list`: stock levels in and out as CSV, and listed with allocations."""
from __future__ import annotations

import sys

from core import inventory
from core.cli.common import Refused, action, actions, add_json, command_parser, print_json, print_table, run
from core.cli.location import find_location
from core.models import Location, StockItem
from core.stock_csv import CsvFileError, apply_import, export_csv, read_import
from core.i18n import _, n_

MAX_PRINTED = 200  # more invalid rows than this are counted, not printed


def _parser():
    parser = command_parser(
        "stock",
        "Stock levels in and out as CSV, and listed with what open orders hold.",
        ["main.py stock import stan.csv --location \"Magazyn A\"", "main.py stock list --json"],
    )
    sub = actions(parser)
    imp = action(
        sub,
        "import",
        "set stock levels from a CSV file (columns sku, title, location, quantity, barcode)",
        ["main.py stock import stan.csv", "main.py stock import stan.csv --location \"Magazyn A\" --check"],
        description="Checks every row first; imports nothing if any row is invalid, and lists those rows. "
        "Rows without a location go to --location, else to the default location (main.py location add).",
    )
    imp.add_argument("file")
    imp.add_argument("--location", help="location for rows whose location cell is empty (default: the default location)")
    imp.add_argument("--check", action="store_true", help="only check the file; change nothing")
    exp = action(
        sub,
        "export",
        "write every stock level to a CSV file, with allocated and available",
        ["main.py stock export stan.csv", "main.py stock export sklep.csv --location Sklep"],
        description="Writes sku, title, location, quantity (the stock level), barcode, allocated (held by open "
        "orders) and available (quantity minus allocated) per item and location. The file imports back as it is.",
    )
    exp.add_argument("file")
    exp.add_argument("--location", help="only this location")
    lst = action(
        sub,
        "list",
        "stock level, allocated and available per item and location",
        ["main.py stock list --location \"Magazyn A\"", "main.py stock list --sku KUB-1 --json"],
    )
    lst.add_argument("--location", help="only this location")
    lst.add_argument("--sku", help="only this stock item")
    add_json(lst)
    return parser


def main(argv: list[str], paths) -> int:
    return run(_parser(), argv, paths, {"import": _import, "export": _export, "list": _list})


def _import(args, paths) -> int:
    try:
        preview = read_import(args.file, location=args.location)
    except CsvFileError as e:
        print(e.message, file=sys.stderr)
        return 1
    if preview.problems:
        print(f"{args.file}: {preview.summary()}", file=sys.stderr)
        for problem in preview.problems[:MAX_PRINTED]:
            sku = f" ({problem.sku})" if problem.sku else ""
            print("  " + _("line {line}").format(line=problem.line) + f"{sku}: {problem.text}", file=sys.stderr)
        if len(preview.problems) > MAX_PRINTED:
            print("  " + _("… and {n} more.").format(n=len(preview.problems) - MAX_PRINTED), file=sys.stderr)
        if not Location.select().exists():
            print(_("There is no location yet: add one with main.py location add NAME, then import again."), file=sys.stderr)
        return 1
    if not preview.rows:
        print(f"{args.file}: {preview.summary()}", file=sys.stderr)
        return 1
    if args.check:
        print(f"{args.file}: {preview.summary()} " + _("Nothing was changed (--check)."))
        return 0
    result = apply_import(preview)
    print(
        _("Imported {rows} from {file}: {new}, {changed}.").format(
            rows=n_("{n} row", "{n} rows", result.rows).format(n=result.rows),
            file=args.file,
            new=n_("{n} new item", "{n} new items", result.new_items).format(n=result.new_items),
            changed=n_("{n} stock level changed", "{n} stock levels changed", result.changed_levels).format(
                n=result.changed_levels
            ),
        )
    )
    return 0


def _export(args, paths) -> int:
    try:
        count = export_csv(args.file, location=args.location)
    except CsvFileError as e:
        print(e.message, file=sys.stderr)
        return 1
    except OSError as e:
        print(_("{file} cannot be written: {why}.").format(file=args.file, why=e.strerror or e), file=sys.stderr)
        return 1
    print(n_("Exported {n} row to {file}.", "Exported {n} rows to {file}.", count).format(n=count, file=args.file))
    return 0


def stock_records(location: str | None = None, sku: str | None = None) -> list[dict]:
    """Level, allocated and available per item and location (core.inventory), as `--json` prints them."""
    only = find_location(location) if location is not None else None
    items = StockItem.select(StockItem.id, StockItem.sku, StockItem.title).order_by(StockItem.sku)
    if sku is not None:
        items = items.where(StockItem.sku == sku.strip())
        if not items.exists():
            raise Refused(_("There is no stock item with SKU {sku}.").format(sku=sku.strip()))
    names = dict(Location.select(Location.id, Location.name).tuples())
    found = inventory.availability_by_location(None if sku is None else [i.id for i in items])
    records = []
    for item in items:
        for location_id, at in sorted(found.get(item.id, {}).items(), key=lambda kv: names.get(kv[0], "")):
            if only is not None and location_id != only.id:
                continue
            records.append(
                {
                    "sku": item.sku,
                    "title": item.title,
                    "location": names.get(location_id),
                    "level": at.level,
                    "allocated": at.allocated,
                    "available": at.available,
                }
            )
    return records


def _list(args, paths) -> int:
    records = stock_records(args.location, args.sku)
    if args.json:
        print_json(records)
        return 0
    print_table(
        (_("SKU"), _("LOCATION"), _("LEVEL"), _("ALLOCATED"), _("AVAILABLE"), _("TITLE")),
        [(r["sku"], r["location"], r["level"], r["allocated"], r["available"], r["title"]) for r in records],
        free_last=True,
    )
    print(n_("{n} stock level.", "{n} stock levels.", len(records)).format(n=len(records)))
    return 0
