"""The main window opens with its menus, status bar and screens."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from core.paths import app_paths
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, db, data_dir):
    win = MainWindow(app_paths(data_dir))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def menu_titles(window):
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_window_has_title_menus_and_status_bar(window, data_dir):
    assert window.windowTitle() == "Allegro Channel Manager"
    assert not window.windowIcon().isNull()
    assert menu_titles(window) == ["File", "View", "Settings", "Help"]
    assert window.statusBar().currentMessage() == "Ready"
    assert str(data_dir) in window.status_label.text()


def test_overview_counts_what_is_in_the_database(window):
    from core.models import StockItem

    StockItem.create(sku="A-1", title="Łyżka drewniana")
    home = window.show_screen("home")
    home.refresh()
    assert home.labels["items"].text() == "1"
    assert home.labels["channels"].text() == "0"


def test_channel_integration_opens_the_channel_list(window, qtbot):
    window.channel_integration_action.trigger()
    dialog = window._channel_window
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Channel Integration"
    assert dialog.table.model().rowCount() == 0
    assert dialog.add_button.text().replace("&", "") == "Add New Channel"


def test_about_names_the_app_and_its_libraries(window, monkeypatch):
    from ui.about import AboutDialog

    shown = {}

    def ask(cls, version, parent=None):
        dialog = cls(version, parent)
        shown.update(title=dialog.windowTitle(), text=dialog.text())

    monkeypatch.setattr(AboutDialog, "ask", classmethod(ask))
    window.findChild(type(window.channel_integration_action), "about_action").trigger()
    assert shown["title"] == "About Allegro Channel Manager"
    assert "PySide6" in shown["text"] and "zeep" in shown["text"]


def test_geometry_and_last_screen_are_remembered(qtbot, db, data_dir):
    first = MainWindow(app_paths(data_dir))
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.show()
    first.close()
    assert QSettings().value("main_window/screen") == "home"
    second = MainWindow(app_paths(data_dir))
    qtbot.addWidget(second)
    assert second.size().width() == 700
