"""The filter bar shared by Inventory, Listings and Orders: filter text, channel, "show", count."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from core.models import Channel
from core.paths import app_paths
from tests.helpers import type_text
from tests.ui.test_translations import polish  # noqa: F401 - the app in Polish, a fixture
from ui.filter_bar import FilterBar
from ui.inventory.screen import InventoryScreen
from ui.listings.screen import ListingsScreen
from ui.orders.screen import OrdersScreen
from ui.tables import Column, RowTableModel, prepare

TITLE, CHANNEL, STATE = 1, 2, 3  # row items: id, title (shown), channel id and state (hidden)


@pytest.fixture
def channels(db):
    return Channel.create(sub_source="MyAllegro", username="u", api_key="k"), Channel.create(
        sub_source="Outlet", username="v", api_key="k"
    )


@pytest.fixture
def host(qtbot, channels):
    """A screen of its own: the bar over a table of five rows in two channels."""
    mine, outlet = channels
    widget = QWidget()
    qtbot.addWidget(widget)
    model = RowTableModel([Column("Title")], widget)
    rows = [
        (1, "Kubek ceramiczny żółty", mine.id, "open"),
        (2, "Kubek szklany", mine.id, "shipped"),
        (3, "Łopata ogrodowa", mine.id, "open"),
        (4, "Kubek ceramiczny żółty", outlet.id, "open"),
        (5, "Parasol składany", outlet.id, "shipped"),
    ]
    model.set_rows(*prepare(rows, 1))
    bar = FilterBar(widget, "demo", model, "Filter by title (Ctrl+F)", "Filter demo rows")
    bar.add_channel_choice(CHANNEL)
    bar.add_show_choice([("all", "All rows", None), ("open", "Open", lambda r: r[STATE] == "open")])
    layout = QVBoxLayout(widget)
    layout.addLayout(bar)
    widget.table = QTableView()
    widget.table.setModel(model)
    layout.addWidget(widget.table)
    bar.fill_channels()
    model.filtered.connect(lambda: bar.show_count(lambda n: "%1 rows", lambda n: "%1 of %2 rows"))
    widget.bar, widget.model = bar, model
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def titles(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_typing_narrows_the_rows_and_the_count_says_how_many(host):
    type_text(host.bar.filter, "kubek")
    assert titles(host.model) == ["Kubek ceramiczny żółty", "Kubek szklany", "Kubek ceramiczny żółty"]
    assert host.bar.count_label.text() == "3 of 5 rows"
    type_text(host.bar.filter, " ŻÓŁTY")  # Polish capitals match lower case
    assert titles(host.model) == ["Kubek ceramiczny żółty", "Kubek ceramiczny żółty"]
    host.bar.filter.clear()
    assert host.model.rowCount() == 5 and host.bar.count_label.text() == "5 rows"


def test_channel_and_show_choices_combine_with_the_text(host):
    bar = host.bar
    assert [bar.channel.itemText(i) for i in range(bar.channel.count())] == ["All channels", "MyAllegro", "Outlet"]
    bar.channel.setCurrentIndex(bar.channel.findText("Outlet"))
    assert titles(host.model) == ["Kubek ceramiczny żółty", "Parasol składany"]
    bar.show_choice.setCurrentIndex(bar.show_choice.findText("Open"))
    assert titles(host.model) == ["Kubek ceramiczny żółty"]
    bar.channel.setCurrentIndex(0)  # all channels, still only open ones
    assert titles(host.model) == ["Kubek ceramiczny żółty", "Łopata ogrodowa", "Kubek ceramiczny żółty"]
    type_text(bar.filter, "łop")
    assert titles(host.model) == ["Łopata ogrodowa"] and bar.count_label.text() == "1 of 5 rows"
    bar.show_choice.setCurrentIndex(0)
    bar.filter.clear()
    assert host.model.rowCount() == 5


def test_refilling_the_channels_keeps_the_chosen_one_and_its_rows(host):
    bar = host.bar
    bar.channel.setCurrentIndex(bar.channel.findText("Outlet"))
    Channel.create(sub_source="Allegro2", username="w", api_key="k")
    bar.fill_channels()
    assert [bar.channel.itemText(i) for i in range(bar.channel.count())] == [
        "All channels", "Allegro2", "MyAllegro", "Outlet"
    ]
    assert bar.channel.currentText() == "Outlet" and host.model.rowCount() == 2


def test_a_saved_show_choice_is_chosen_from_the_start(qtbot, channels):
    widget = QWidget()
    qtbot.addWidget(widget)
    model = RowTableModel([Column("Title")], widget)
    bar = FilterBar(widget, "demo", model, "", "")
    show = bar.add_show_choice([("all", "All rows", None), ("open", "Open", None)], "open")
    assert show.currentText() == "Open"
    unknown = FilterBar(widget, "other", model, "", "").add_show_choice([("all", "All rows", None)], "gone")
    assert unknown.currentText() == "All rows"


def test_ctrl_f_from_the_table_selects_the_filter_text(qtbot, host):
    host.activateWindow()
    type_text(host.bar.filter, "kubek")
    host.table.setFocus()
    qtbot.waitUntil(host.table.hasFocus)
    qtbot.keyClick(host.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(host.bar.filter.hasFocus)
    assert host.bar.filter.selectedText() == "kubek"


# --- the three screens: the bar each of them had built by hand --------------------------

SCREENS = {
    "inventory": (
        InventoryScreen,
        "Filter by SKU, title or barcode (Ctrl+F)",
        "Filter stock items",
        [("&Location:", "inventory_location")],
    ),
    "listings": (
        ListingsScreen,
        "Filter by offer id, title, SKU or status (Ctrl+F)",
        "Filter listings",
        [("Cha&nnel:", "listings_channel"), ("Sho&w:", "listings_show")],
    ),
    "orders": (
        OrdersScreen,
        "Filter by order, buyer, status or tracking number (Ctrl+F)",
        "Filter orders",
        [("Cha&nnel:", "orders_channel"), ("Sho&w:", "orders_show")],
    ),
}


@pytest.fixture
def open_screen(qtbot, channels, data_dir):
    opened = []

    def open_(name):
        screen = SCREENS[name][0](app_paths(data_dir))
        qtbot.addWidget(screen)
        screen.resize(1200, 700)
        screen.show()
        qtbot.waitExposed(screen)
        qtbot.waitUntil(lambda: not screen.loader.loading, timeout=5000)
        opened.append(screen)
        return screen

    yield open_
    for screen in opened:
        screen.shutdown()


@pytest.mark.parametrize("name", SCREENS)
def test_each_screen_has_the_bar_in_one_row_with_labels_focusing_their_choices(qtbot, open_screen, name):
    _cls, placeholder, accessible, choices = SCREENS[name]
    screen = open_screen(name)
    box = screen.findChild(QLineEdit, f"{name}_filter")
    assert box is screen.filter
    assert (box.placeholderText(), box.accessibleName(), box.isClearButtonEnabled()) == (placeholder, accessible, True)
    count = screen.findChild(QLabel, f"{name}_count")
    assert count is screen.count and count.text()  # "0 items", "0 listings"…
    # one row, left to right: the filter, each label and its drop-down, the count
    row = box.geometry().center().y()
    widgets = [box]
    for text, object_name in choices:
        choice = screen.findChild(QComboBox, object_name)
        label = next(lab for lab in screen.findChildren(QLabel) if lab.buddy() is choice)
        assert label.text() == text
        widgets += [label, choice]
    widgets.append(count)
    assert all(abs(w.geometry().center().y() - row) <= 2 for w in widgets)
    assert [w.x() for w in widgets] == sorted(w.x() for w in widgets)
    # Tab walks filter -> each drop-down in turn; the label's Alt+letter jumps to its drop-down
    screen.activateWindow()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    for _text, object_name in choices:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget().objectName() == object_name
    for text, object_name in choices:
        box.setFocus()
        qtbot.waitUntil(box.hasFocus)
        letter = text[text.index("&") + 1]
        qtbot.keyClick(box, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget().objectName() == object_name
    # Ctrl+F from anywhere on the screen (the table) comes back to the filter
    screen.table.setFocus()
    qtbot.waitUntil(screen.table.hasFocus)
    qtbot.keyClick(screen.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert box.hasFocus()


@pytest.mark.parametrize(("name", "everything"), [("listings", "Wszystkie oferty"), ("orders", "Wszystkie zamówienia")])
def test_the_bar_speaks_polish(polish, open_screen, name, everything):
    screen = open_screen(name)
    labels = {
        label.buddy().objectName(): label.text() for label in screen.findChildren(QLabel) if label.buddy() is not None
    }
    assert labels[f"{name}_channel"] == "&Kanał:" and labels[f"{name}_show"] == "Pok&aż:"
    assert screen.channel.itemText(0) == "Wszystkie kanały"
    assert screen.filter.placeholderText().startswith("Filtruj")
    assert screen.show_choice.itemText(0) == everything
