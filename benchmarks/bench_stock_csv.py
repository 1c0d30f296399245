"""Stock CSV at scale: check, apply and export 100,000 rows over 3 locations.

    uv run python benchmarks/bench_stock_csv.py [--rows 100000] [--repeat 3]

Prints the best of `--repeat` runs for each step, wall time and this process's CPU time
(steadier on a shared machine): `read_import` of a file of new items,
`apply_import` of it, `read_import` of a second file that changes 2 % of the levels
(existing items), its `apply_import`, and `export_csv` of everything. SQLite on disk.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.db import database, open_database  # noqa: E402
from core.models import StockItem, StockLevel  # noqa: E402
from core.stock_admin import add_location  # noqa: E402
from core.stock_csv import apply_import, export_csv, read_import  # noqa: E402

LOCATIONS = ("Magazyn Główny", "Sklep Kraków", "Magazyn B")


def write_file(path: Path, rows: int, changed_every: int = 0) -> None:
    lines = ["sku,title,location,quantity,barcode"]
    for i in range(rows):
        quantity = i % 50
        if changed_every and i % changed_every == 0:
            quantity += 1
        lines.append(f"SKU-{i // 3:06d},Kubek ceramiczny {i // 3},{LOCATIONS[i % 3]},{quantity},590{i // 3:010d}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(step) -> tuple[tuple[float, float], object]:
    start, cpu = time.perf_counter(), time.process_time()
    result = step()
    return (time.perf_counter() - start, time.process_time() - cpu), result


def one_run(folder: Path, rows: int) -> dict[str, tuple[float, float]]:
    open_database(folder / "bench.sqlite3")
    for name in LOCATIONS:
        add_location(name)
    first, second = folder / "new.csv", folder / "changed.csv"
    write_file(first, rows)
    write_file(second, rows, changed_every=50)
    times: dict[str, tuple[float, float]] = {}
    times["read new items"], preview = timed(lambda: read_import(first))
    assert preview.ok, preview.summary()
    times["apply new items"], _ = timed(lambda: apply_import(preview))
    times["read 2 % changed"], preview = timed(lambda: read_import(second))
    assert preview.ok and preview.changed_levels, preview.summary()
    times["apply 2 % changed"], _ = timed(lambda: apply_import(preview))
    times["export"], count = timed(lambda: export_csv(folder / "out.csv"))
    assert count == StockLevel.select().count() and StockItem.select().count() == -(-rows // 3)
    database.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    best: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            for step, (wall, cpu) in one_run(Path(tmp), args.rows).items():
                wall_best, cpu_best = best.get(step, [wall, cpu])
                best[step] = [min(wall_best, wall), min(cpu_best, cpu)]
    print(f"{args.rows:,} rows, best of {args.repeat}:          wall     CPU")
    for step, (wall, cpu) in best.items():
        print(f"  {step:<20} {wall:6.2f} s {cpu:6.2f} s")


if __name__ == "__main__":
    main()
