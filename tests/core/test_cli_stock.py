"""`main.py stock import|export`: invalid rows printed and a non-zero exit, valid files applied."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import stock as stock_cli
from core.db import database, open_database
from core.models import Location, StockItem, StockLevel
from core.paths import app_paths
from core.stock_admin import add_location

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def paths(data_dir):
    paths = app_paths(data_dir)
    db = open_database(paths.database)
    add_location("Magazyn Główny")
    add_location("Sklep")
    db.close()
    yield paths
    database.initialize(None)


def reopen(paths):
    return open_database(paths.database)


def test_invalid_rows_are_printed_and_nothing_is_imported(paths, tmp_path, capsys):
    csv_file = tmp_path / "stan.csv"
    csv_file.write_text("sku,title,quantity\nA-1,Łopata,3\n,Grabie,2\nA-3,Wiadro,-1\n", encoding="utf-8")
    code = stock_cli.main(["import", str(csv_file)], paths)
    err = capsys.readouterr().err
    assert code == 1
    assert "2 invalid rows of 3" in err
    assert "line 3: missing SKU" in err
    assert "line 4 (A-3): negative quantity -1" in err
    reopen(paths)
    assert StockItem.select().count() == 0


def test_a_valid_file_is_imported_at_the_given_location(paths, tmp_path, capsys):
    csv_file = tmp_path / "stan.csv"
    csv_file.write_text("sku,title,quantity\nA-1,Łopata,3\nA-2,Grabie,0\n", encoding="utf-8")
    assert stock_cli.main(["import", str(csv_file), "--check"], paths) == 0
    assert "Nothing was changed" in capsys.readouterr().out
    assert stock_cli.main(["import", str(csv_file), "--location", "Sklep"], paths) == 0
    assert "Imported 2 rows from" in capsys.readouterr().out
    reopen(paths)
    sklep = Location.get(name="Sklep")
    assert {(lvl.item.sku, lvl.quantity) for lvl in StockLevel.select().where(StockLevel.location == sklep)} == {
        ("A-1", 3),
        ("A-2", 0),
    }


def test_an_unknown_location_option_is_an_error(paths, tmp_path, capsys):
    csv_file = tmp_path / "stan.csv"
    csv_file.write_text("sku,title,quantity\nA-1,Łopata,3\n", encoding="utf-8")
    assert stock_cli.main(["import", str(csv_file), "--location", "Strych"], paths) == 1
    assert "no location called Strych" in capsys.readouterr().err


def test_export_then_import_round_trip(paths, tmp_path, capsys):
    reopen(paths)
    item = StockItem.create(sku="=1+1", title="Kubek ŻÓŁTY")
    StockLevel.create(item=item, location=Location.get(name="Sklep"), quantity=8)
    database.close()
    out = tmp_path / "eksport.csv"
    assert stock_cli.main(["export", str(out)], paths) == 0
    assert "Exported 1 row to" in capsys.readouterr().out
    assert "'=1+1,Kubek ŻÓŁTY,Sklep,8," in out.read_text(encoding="utf-8-sig")
    assert stock_cli.main(["import", str(out)], paths) == 0
    reopen(paths)
    assert [i.sku for i in StockItem.select()] == ["=1+1"]


def test_the_real_command_exits_non_zero_on_invalid_rows(paths, tmp_path):
    csv_file = tmp_path / "zle.csv"
    csv_file.write_text("sku,title,location,quantity\nB-1,Miotła,Piwnica,1\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(paths.data_dir), "stock", "import", str(csv_file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert run.returncode == 1
    assert "line 2 (B-1): unknown location “Piwnica”" in run.stderr


def test_export_and_list_show_what_open_orders_hold_per_location(paths, tmp_path, capsys):
    import csv
    import json

    from core.models import Channel, Order, OrderItem, OrderStatus

    reopen(paths)
    mug = StockItem.create(sku="KUB-1", title="Kubek")
    StockLevel.create(item=mug, location=Location.get(name="Magazyn Główny"), quantity=8)
    StockLevel.create(item=mug, location=Location.get(name="Sklep"), quantity=2)
    shop = Channel.create(sub_source="MojeAllegro", username="u", api_key="k")
    for form_id, status, quantity in ((1, OrderStatus.OPEN, 3), (2, OrderStatus.SHIPPED, 5)):
        order = Order.create(channel=shop, form_id=form_id, status=status)
        OrderItem.create(order=order, offer_id=7, title="Kubek", quantity=quantity, stock_item=mug)
    database.close()

    out = tmp_path / "stan.csv"
    assert stock_cli.main(["export", str(out)], paths) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["location"], r["quantity"], r["allocated"], r["available"]) for r in rows] == [
        ("Magazyn Główny", "8", "3", "5"),  # the open order is fulfilled from the default location
        ("Sklep", "2", "0", "2"),
    ]
    capsys.readouterr()
    assert stock_cli.main(["list", "--json"], paths) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"sku": "KUB-1", "title": "Kubek", "location": "Magazyn Główny", "level": 8, "allocated": 3, "available": 5},
        {"sku": "KUB-1", "title": "Kubek", "location": "Sklep", "level": 2, "allocated": 0, "available": 2},
    ]
    assert stock_cli.main(["list", "--location", "Sklep"], paths) == 0
    assert capsys.readouterr().out.splitlines() == [
        "SKU    LOCATION  LEVEL  ALLOCATED  AVAILABLE  TITLE",
        "KUB-1  Sklep     2      0          2          Kubek",
        "1 stock level.",
    ]
    # the export imports back unchanged, its own extra columns not called unused
    from core.stock_csv import read_import

    reopen(paths)
    preview = read_import(out)
    assert preview.ok and preview.changed_levels == 0 and preview.ignored_columns == ()
    database.close()


def test_an_import_with_no_location_anywhere_says_how_to_add_one(data_dir, tmp_path, capsys):
    paths = app_paths(data_dir)
    csv_file = tmp_path / "stan.csv"
    csv_file.write_text("sku,title,quantity\nA-1,Łopata,3\n", encoding="utf-8")
    assert stock_cli.main(["import", str(csv_file)], paths) == 1
    err = capsys.readouterr().err.splitlines()
    assert "no location given and there is no default location" in err[1]
    assert err[-1] == "There is no location yet: add one with main.py location add NAME, then import again."
