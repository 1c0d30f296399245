"""The Inventory screen through its widgets, against a real database."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from core.models import Channel, Listing, Location, Order, OrderItem, StockItem, StockLevel
from core.paths import app_paths
from core.stock_admin import add_location
from tests.helpers import type_text
from ui.confirm_box import ConfirmBox
from ui.inventory.import_dialog import ImportPreviewDialog
from ui.inventory.item_dialog import ItemDialog
from ui.inventory.locations_dialog import LocationsDialog
from ui.inventory.screen import InventoryScreen


@pytest.fixture
def shop(db):
    main = add_location("Magazyn Główny")
    shop = add_location("Sklep Kraków")
    items = {}
    for sku, title, at_main, at_shop in (
        ("KUB-01", "Kubek ceramiczny żółty", 10, 2),
        ("ŁYŻ-02", "Łyżka drewniana", 0, 5),
        ("PAR-03", "Parasol składany", 3, 0),
    ):
        item = StockItem.create(sku=sku, title=title)
        StockLevel.create(item=item, location=main, quantity=at_main)
        StockLevel.create(item=item, location=shop, quantity=at_shop)
        items[sku] = item
    channel = Channel.create(sub_source="MyAllegro", username="u", api_key="k")
    order = Order.create(channel=channel, form_id=1, buyer_login="kupujący")
    OrderItem.create(order=order, offer_id=5, title="Parasol składany", quantity=4, stock_item=items["PAR-03"])
    Listing.create(channel=channel, offer_id=7001, title="Kubek ceramiczny żółty", format="buy_now", stock_item=items["KUB-01"])
    return items


@pytest.fixture
def screen(qtbot, shop, data_dir):
    widget = InventoryScreen(app_paths(data_dir))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.total() == 3, timeout=5000)
    yield widget
    widget.shutdown()


def shown(screen, column):
    return [screen.model.index(r, column).data() for r in range(screen.model.rowCount())]


def row_of(screen, sku):
    return shown(screen, 0).index(sku)


def cell(screen, sku, column):
    return screen.model.index(row_of(screen, sku), column).data()


def reload(qtbot, screen):
    with qtbot.waitSignal(screen.loader.loaded, timeout=5000):
        screen.refresh()


def test_items_show_level_allocated_and_available(screen):
    assert shown(screen, 0) == ["KUB-01", "ŁYŻ-02", "PAR-03"]  # Ł sorts after L, as in Polish
    # all locations: the order for 4 parasols is more than the 3 in stock
    assert [cell(screen, "PAR-03", c) for c in (3, 4, 5)] == ["3", "4", "-1"]
    index = screen.model.index(row_of(screen, "PAR-03"), 5)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert cell(screen, "KUB-01", 6) == "1"  # one linked listing
    assert screen.count.text() == "3 items"


def test_filter_with_polish_letters(screen, qtbot):
    type_text(screen.filter, "łyż")
    assert shown(screen, 0) == ["ŁYŻ-02"]
    assert screen.count.text() == "1 of 3 items"
    screen.filter.clear()
    type_text(screen.filter, "ŻÓŁTY")
    assert shown(screen, 1) == ["Kubek ceramiczny żółty"]


def test_location_choice_changes_the_numbers(screen, qtbot):
    with qtbot.waitSignal(screen.loader.loaded, timeout=5000):
        screen.location.setCurrentIndex(screen.location.findText("Sklep Kraków"))
    assert cell(screen, "KUB-01", 3) == "2"
    assert cell(screen, "ŁYŻ-02", 3) == "5"
    # orders are fulfilled from the default location, so nothing is allocated here
    assert cell(screen, "PAR-03", 4) == "0"


def test_detail_shows_each_location_and_linked_listings(screen):
    screen.table.selectRow(row_of(screen, "KUB-01"))
    assert "KUB-01" in screen.detail_title.text()
    per = screen.per_location
    rows = {per.item(r, 0).text(): per.item(r, 1).text() for r in range(per.rowCount())}
    assert rows == {"Magazyn Główny (default)": "10", "Sklep Kraków": "2"}
    assert screen.linked.item(0, 1).text() == "7001"
    assert screen.linked.item(0, 2).text() == "Live"


def test_sorting_by_available(screen):
    screen.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    assert shown(screen, 0) == ["PAR-03", "ŁYŻ-02", "KUB-01"]


def test_import_with_errors_shows_every_invalid_row_and_changes_nothing(screen, qtbot, tmp_path, monkeypatch):
    csv_file = tmp_path / "stan.csv"
    csv_file.write_text(
        "sku,title,location,quantity,barcode\n"
        "KUB-01,,Sklep Kraków,9,\n"
        ",Bez SKU,,1,\n"
        "ŁYŻ-02,,,-4,\n"
        "NOWY-1,Nowy garnek,Piwnica,2,\n"
        "KUB-01,,Sklep Kraków,3,\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(csv_file), "")))
    seen = {}

    def inspect(cls, preview, parent=None):
        dialog = cls(preview, parent)
        qtbot.addWidget(dialog)
        seen["summary"] = dialog.summary.text()
        seen["rows"] = [
            tuple(dialog.model.index(r, c).data() for c in range(3)) for r in range(dialog.model.rowCount())
        ]
        seen["can_import"] = dialog.import_button.isEnabled()
        return False

    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(inspect))
    screen.import_button.click()
    qtbot.waitUntil(lambda: "summary" in seen and screen.notice.isVisible(), timeout=5000)
    assert seen["summary"].startswith("4 invalid rows of 5")
    assert seen["rows"] == [
        ("3", "", "missing SKU"),
        ("4", "ŁYŻ-02", "negative quantity -4"),
        ("5", "NOWY-1", "unknown location “Piwnica”"),
        ("6", "KUB-01", "duplicate SKU KUB-01 (also on line 2)"),
    ]
    assert seen["can_import"] is False
    assert screen.notice.text() == "Import cancelled; nothing was changed."
    assert StockLevel.get(item=screen_item("KUB-01"), location=Location.get(name="Sklep Kraków")).quantity == 2


def screen_item(sku):
    return StockItem.get(sku=sku)


def test_an_accepted_import_is_applied_and_shown(screen, qtbot, tmp_path, monkeypatch):
    csv_file = tmp_path / "stan.csv"
    csv_file.write_text("sku;title;quantity\nKUB-01;;25\nGAR-9;Garnek żeliwny;6\n", encoding="utf-8")
    accepted = []
    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(lambda cls, p, parent=None: accepted.append(p) or True))
    with qtbot.waitSignal(screen.loader.loaded, timeout=10000):
        screen.import_csv(str(csv_file))
    assert accepted[0].summary() == "2 rows: 1 new item, 2 stock levels to change, 0 unchanged."
    assert "Imported 2 rows: 1 new item, 2 stock levels changed." in screen.notice.text()
    assert cell(screen, "GAR-9", 1) == "Garnek żeliwny"
    assert cell(screen, "KUB-01", 3) == "27"  # 25 at the default location + 2 in Kraków
    assert not screen.progress.isVisible()


def test_a_file_that_is_not_utf8_is_refused_with_a_message(screen, qtbot, tmp_path):
    csv_file = tmp_path / "excel.csv"
    csv_file.write_bytes("sku,title,quantity\nA,Żółw,1\n".encode("cp1250"))
    screen.import_csv(str(csv_file))
    qtbot.waitUntil(lambda: screen.notice.isVisible(), timeout=5000)
    assert "not UTF-8" in screen.notice.text()


def test_export_writes_the_file(screen, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "eksport.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    screen.export_button.click()
    qtbot.waitUntil(lambda: "Exported" in screen.notice.text(), timeout=5000)
    assert "ŁYŻ-02,Łyżka drewniana,Sklep Kraków,5," in out.read_text(encoding="utf-8-sig")


def test_item_dialog_keeps_what_was_typed_when_save_fails(qtbot, shop):
    dialog = ItemDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.sku, "KUB-01")
    type_text(dialog.title_edit, "Nowy kubek zielony")
    dialog.levels[Location.get(name="Sklep Kraków").id].setValue(4)
    dialog.save_button.click()
    assert dialog.errors["sku"].isVisible()
    assert dialog.errors["sku"].text() == "SKU KUB-01 is already used by “Kubek ceramiczny żółty”."
    assert dialog.title_edit.text() == "Nowy kubek zielony"
    assert dialog.result() == 0 and dialog.saved_item is None
    dialog.sku.clear()
    type_text(dialog.sku, "KUB-02")
    dialog.save_button.click()
    assert dialog.saved_item.sku == "KUB-02"
    assert StockLevel.get(item=dialog.saved_item, location=Location.get(name="Sklep Kraków")).quantity == 4


def test_adding_an_item_from_the_screen_selects_it(screen, qtbot, monkeypatch):
    def fill(cls, item_id=None, parent=None):
        dialog = cls(item_id, parent)
        qtbot.addWidget(dialog)
        type_text(dialog.sku, "ŻEL-7")
        type_text(dialog.title_edit, "Żelazko parowe")
        dialog.save_button.click()
        return dialog.saved_item

    monkeypatch.setattr(ItemDialog, "ask", classmethod(fill))
    with qtbot.waitSignal(screen.loader.loaded, timeout=5000):
        screen.add_button.click()
    assert screen.current_id() == StockItem.get(sku="ŻEL-7").id
    assert "Żelazko parowe" in screen.detail_title.text()


def test_deleting_a_linked_item_shows_its_listings_first(screen, qtbot, monkeypatch):
    asked = {}

    def answer(cls, parent, title, text, action, details=""):
        asked.update(text=text, details=details)
        return asked.setdefault("answer", False)

    monkeypatch.setattr(ConfirmBox, "ask", classmethod(answer))
    screen.table.selectRow(row_of(screen, "KUB-01"))
    screen.delete_button.click()
    assert asked["text"] == "Delete KUB-01? This cannot be undone."
    assert "7001 Kubek ceramiczny żółty (Live)" in asked["details"]
    assert StockItem.get_or_none(sku="KUB-01") is not None  # said no: nothing deleted
    asked.clear()
    asked["answer"] = True
    with qtbot.waitSignal(screen.loader.loaded, timeout=5000):
        screen.delete_button.click()
    assert "KUB-01" not in shown(screen, 0)
    assert Listing.get(offer_id=7001).stock_item is None


def test_locations_add_rename_default_and_delete(qtbot, shop, monkeypatch):
    dialog = LocationsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, "Półka Łódź")
    dialog.add_button.click()
    assert dialog.list.currentItem().text() == "Półka Łódź"
    type_text(dialog.name, "Magazyn Główny")
    dialog.rename_button.click()
    assert dialog.error.text() == "There is already a location called Magazyn Główny."
    dialog.name.clear()
    type_text(dialog.name, "Półka Poznań")
    dialog.rename_button.click()
    dialog.default_button.click()
    assert dialog.list.currentItem().text() == "Półka Poznań  (default)"
    # a location holding stock stays, with the reason
    monkeypatch.setattr(ConfirmBox, "ask", classmethod(lambda cls, *a, **k: True))
    dialog.list.setCurrentRow([dialog.list.item(i).text() for i in range(dialog.list.count())].index("Sklep Kraków"))
    dialog.delete_button.click()
    assert "still holds stock of 2 items" in dialog.error.text()
    dialog.list.setCurrentRow([dialog.list.item(i).text() for i in range(dialog.list.count())].index("Półka Poznań  (default)"))
    dialog.delete_button.click()
    assert Location.get_or_none(name="Półka Poznań") is None
    assert dialog.changed


def test_the_table_model_is_a_valid_qt_model(screen, qtmodeltester):
    qtmodeltester.check(screen.model)


def test_splitter_and_columns_are_remembered(qtbot, shop, data_dir):
    first = InventoryScreen(app_paths(data_dir))
    qtbot.addWidget(first)
    first.resize(900, 700)
    first.show()
    first.table.setColumnWidth(0, 211)
    first.splitter.setSizes([300, 250])
    first.shutdown()
    assert QSettings().value("inventory/splitter") is not None
    second = InventoryScreen(app_paths(data_dir))
    qtbot.addWidget(second)
    assert second.table.columnWidth(0) == 211
    second.shutdown()
