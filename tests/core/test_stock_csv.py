"""CSV import and export of stock levels: preview, all-or-nothing, hostile files."""
from __future__ import annotations

import csv
from datetime import datetime

import pytest

from core.models import Location, StockItem, StockLevel
from core.stock_admin import add_location
from core.stock_csv import (
    MAX_LINE_CHARS,
    CsvCancelled,
    CsvFileError,
    apply_import,
    export_csv,
    read_import,
)


@pytest.fixture
def shop(db):
    add_location("Magazyn Główny")  # the first location becomes the default
    add_location("Sklep Kraków")
    item = StockItem.create(sku="KUB-01", title="Kubek ceramiczny żółty", barcode="5901234123457")
    StockLevel.create(item=item, location=Location.get(name="Magazyn Główny"), quantity=4)
    return db


def write(tmp_path, text: str, name="stock.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def level(sku, location):
    return (
        StockLevel.select()
        .join(StockItem)
        .switch(StockLevel)
        .join(Location)
        .where((StockItem.sku == sku) & (Location.name == location))
        .get()
        .quantity
    )


def test_a_valid_file_previews_then_applies(shop, tmp_path):
    path = write(
        tmp_path,
        "sku,title,location,quantity,barcode\n"
        "KUB-01,,Magazyn Główny,7,\n"
        "KUB-01,,Sklep Kraków,2,\n"
        "ŁYŻ-02,Łyżka drewniana,,15,5900000000017\n",
    )
    preview = read_import(path)
    assert preview.ok
    assert (preview.new_items, preview.changed_levels, preview.unchanged) == (1, 3, 0)
    assert StockItem.select().count() == 1  # reading writes nothing
    result = apply_import(preview)
    assert result.rows == 3 and result.new_items == 1
    assert level("KUB-01", "Magazyn Główny") == 7
    assert level("KUB-01", "Sklep Kraków") == 2
    assert level("ŁYŻ-02", "Magazyn Główny") == 15  # empty location = the default one
    new = StockItem.get(sku="ŁYŻ-02")
    assert (new.title, new.barcode) == ("Łyżka drewniana", "5900000000017")
    assert isinstance(new.created_at, datetime)  # written the way peewee reads it back
    assert StockItem.get(sku="KUB-01").title == "Kubek ceramiczny żółty"  # empty title keeps the old one


def test_every_invalid_row_is_listed_with_its_reason(shop, tmp_path):
    path = write(
        tmp_path,
        "sku,title,location,quantity,barcode\n"
        ",Bez SKU,,3,\n"
        "A-1,Alfa,,-2,\n"
        "A-2,Beta,,dużo,\n"
        "A-3,Gamma,,2.5,\n"
        "A-4,Delta,Magazyn Nieznany,1,\n"
        "A-5,Epsilon,,1,\n"
        "A-5,Epsilon,,2,\n"
        "A-6,Zeta,,4,\n",
    )
    preview = read_import(path)
    assert not preview.ok
    reasons = {p.line: p.text for p in preview.problems}
    assert reasons == {
        2: "missing SKU",
        3: "negative quantity -2",
        4: "quantity “dużo” is not a number",
        5: "quantity “2.5” is not a whole number",
        6: "unknown location “Magazyn Nieznany”",
        8: "duplicate SKU A-5 (also on line 7)",
    }
    assert "6 invalid rows of 8" in preview.summary()
    with pytest.raises(CsvFileError):
        apply_import(preview)
    assert StockItem.select().count() == 1


def test_a_new_sku_needs_a_title(shop, tmp_path):
    preview = read_import(write(tmp_path, "sku,quantity\nNOWY-1,5\n"))
    assert [p.text for p in preview.problems] == ["new SKU NOWY-1 without a title"]


def test_location_option_fills_rows_without_one(shop, tmp_path):
    path = write(tmp_path, "sku,title,quantity\nKUB-01,,9\n")
    apply_import(read_import(path, location="Sklep Kraków"))
    assert level("KUB-01", "Sklep Kraków") == 9
    assert level("KUB-01", "Magazyn Główny") == 4
    with pytest.raises(CsvFileError, match="no location called Piwnica"):
        read_import(path, location="Piwnica")


def test_semicolon_files_from_polish_excel_and_a_bom(shop, tmp_path):
    path = write(tmp_path, "\ufeffSKU;Title;Quantity\nKUB-01;;1 200\n")
    preview = read_import(path)
    assert preview.ok
    apply_import(preview)
    assert level("KUB-01", "Magazyn Główny") == 1200


def test_apply_is_all_or_nothing(shop, tmp_path, monkeypatch):
    lines = ["sku,title,quantity"] + [f"N-{i},Nowy {i},{i}" for i in range(7000)]
    preview = read_import(write(tmp_path, "\n".join(lines) + "\n"))
    assert preview.ok
    calls = []

    def cancel_late():
        calls.append(1)
        return len(calls) > 3  # after some chunks were already written

    with pytest.raises(CsvCancelled):
        apply_import(preview, cancelled=cancel_late)
    assert StockItem.select().count() == 1
    assert StockLevel.select().count() == 1


def test_invalid_utf8_is_refused_with_the_line(shop, tmp_path):
    path = write(tmp_path, "sku,title,quantity\nA-1,Łyżka,1\nA-2,Żółw,2\n", encoding="cp1250")
    with pytest.raises(CsvFileError) as e:
        read_import(path)
    assert "not UTF-8" in e.value.message and "line 2" in e.value.message
    assert "CSV UTF-8" in e.value.message


def test_a_huge_line_is_refused(shop, tmp_path):
    path = write(tmp_path, "sku,title,quantity\nA-1," + "x" * (MAX_LINE_CHARS + 1) + ",1\n")
    with pytest.raises(CsvFileError, match="Line 2 .* longer than"):
        read_import(path)


def test_a_huge_quoted_cell_spanning_lines_is_refused(shop, tmp_path):
    cell = '"' + ("y" * 5000 + "\n") * 40 + '"'
    path = write(tmp_path, f"sku,title,quantity\nA-1,{cell},1\n")
    with pytest.raises(CsvFileError):
        read_import(path)


def test_missing_columns_and_empty_files(shop, tmp_path):
    with pytest.raises(CsvFileError, match="no quantity column"):
        read_import(write(tmp_path, "sku,title\nA,B\n"))
    with pytest.raises(CsvFileError, match="empty"):
        read_import(write(tmp_path, "", name="empty.csv"))


def test_export_neutralises_formulas_and_round_trips(shop, tmp_path):
    evil = StockItem.create(sku="-EVIL", title='=HYPERLINK("http://x","kliknij")', barcode="@SUM(A1)")
    StockLevel.create(item=evil, location=Location.get(name="Sklep Kraków"), quantity=3)
    StockItem.create(sku="PUSTY", title="+48 Zestaw")  # no level anywhere
    out = tmp_path / "out.csv"
    assert export_csv(out) == 3
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["sku", "title", "location", "quantity", "barcode", "allocated", "available"]
    by_sku = {r[0]: r for r in rows[1:]}
    assert by_sku["'-EVIL"][1] == "'=HYPERLINK(\"http://x\",\"kliknij\")"
    assert by_sku["'-EVIL"][4] == "'@SUM(A1)"
    assert by_sku["PUSTY"][1] == "'+48 Zestaw"
    assert by_sku["KUB-01"] == ["KUB-01", "Kubek ceramiczny żółty", "Magazyn Główny", "4", "5901234123457", "0", "4"]
    # and reading the file back gives the original values, changing nothing
    preview = read_import(out)
    assert preview.ok
    assert {r.sku: r.title for r in preview.rows}["-EVIL"] == '=HYPERLINK("http://x","kliknij")'
    assert preview.changed_levels == 1  # only PUSTY gains a level (0 at the default location)


def test_export_of_one_location(shop, tmp_path):
    out = tmp_path / "krakow.csv"
    assert export_csv(out, location="Sklep Kraków") == 0
    assert out.read_text(encoding="utf-8-sig").strip() == "sku,title,location,quantity,barcode,allocated,available"


def test_a_failed_export_leaves_no_half_file(shop, tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("the previous export\n")
    for i in range(6000):
        StockItem.create(sku=f"X{i}", title="t")
    with pytest.raises(CsvCancelled):
        export_csv(out, cancelled=lambda: True)
    assert out.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".stock-")] == []


def test_progress_is_reported(shop, tmp_path):
    lines = ["sku,title,quantity"] + [f"P-{i},Produkt {i},1" for i in range(4500)]
    seen = []
    preview = read_import(write(tmp_path, "\n".join(lines)), report=lambda s, d, t: seen.append((s, d, t)))
    apply_import(preview, report=lambda s, d, t: seen.append((s, d, t)))
    steps = {s for s, _, _ in seen}
    assert {"Checking rows", "Adding new items", "Setting stock levels"} <= steps
    assert seen[-1] == ("Setting stock levels", 4500, 4500)
    assert StockItem.select().count() == 4501


def test_any_file_gives_a_preview_or_a_clear_message_never_a_crash(shop, tmp_path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
    rows = st.lists(st.lists(cells, min_size=0, max_size=6), max_size=8)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(header=st.sampled_from(["sku,title,location,quantity,barcode", "sku;quantity", "quantity,sku,title"]),
           body=rows, raw=st.binary(max_size=64))
    def check(header, body, raw):
        path = tmp_path / "fuzz.csv"
        text = header + "\n" + "\n".join(",".join(r) for r in body)
        path.write_bytes(text.encode("utf-8") + raw)
        try:
            preview = read_import(path)
        except CsvFileError as e:
            assert e.message and "Traceback" not in e.message
            return
        for problem in preview.problems:
            assert problem.reasons and all(problem.reasons)
        assert StockItem.select().count() == 1  # checking never writes

    check()
