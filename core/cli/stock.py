"""`main.py stock import FILE.csv [--location NAME] [--check]` and `main.py stock export FILE.csv`."""
from __future__ import annotations

import argparse
import sys

from core.cli.database import open_for_command
from core.stock_csv import CsvFileError, apply_import, export_csv, read_import
from core.i18n import _

MAX_PRINTED = 200  # more invalid rows than this are counted, not printed


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py stock", description="Stock levels in and out as CSV.")
    sub = parser.add_subparsers(dest="action", required=True)
    imp = sub.add_parser(
        "import",
        help="set stock levels from a CSV file (columns sku, title, location, quantity, barcode)",
        description="Checks every row first; imports nothing if any row is invalid, and lists those rows.",
    )
    imp.add_argument("file")
    imp.add_argument("--location", help="location for rows whose location cell is empty (default: the default location)")
    imp.add_argument("--check", action="store_true", help="only check the file; change nothing")
    exp = sub.add_parser("export", help="write every stock level to a CSV file")
    exp.add_argument("file")
    exp.add_argument("--location", help="only this location")
    return parser


def main(argv: list[str], paths) -> int:
    args = _parser().parse_args(argv)
    db = open_for_command(paths)
    if db is None:
        return 1
    try:
        if args.action == "import":
            return _import(args)
        return _export(args)
    finally:
        db.close()


def _import(args) -> int:
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
        return 1
    if not preview.rows:
        print(f"{args.file}: {preview.summary()}", file=sys.stderr)
        return 1
    if args.check:
        print(f"{args.file}: {preview.summary()} " + _("Nothing was changed (--check)."))
        return 0
    result = apply_import(preview)
    print(
        _("Imported {rows} row(s) from {file}: {new} new item(s), {changed} stock level(s) changed.").format(
            rows=result.rows, file=args.file, new=result.new_items, changed=result.changed_levels
        )
    )
    return 0


def _export(args) -> int:
    try:
        count = export_csv(args.file, location=args.location)
    except CsvFileError as e:
        print(e.message, file=sys.stderr)
        return 1
    except OSError as e:
        print(_("{file} cannot be written: {why}.").format(file=args.file, why=e.strerror or e), file=sys.stderr)
        return 1
    print(_("Exported {n} row(s) to {file}.").format(n=count, file=args.file))
    return 0
