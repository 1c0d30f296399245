"""The desk's screens in the main window: registered after Overview, built on demand, state kept."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from core.models import Channel, StockItem
from core.paths import app_paths
from ui.main_window import MainWindow
from ui.screens import SCREENS


def test_screens_follow_the_overview_in_order():
    keys = [key for key, *_ in SCREENS]
    start = keys.index("home")
    assert keys[start : start + 5] == ["home", "inventory", "listings", "orders", "sync"]


def test_each_screen_opens_in_the_window_and_remembers_its_layout(qtbot, db, data_dir):
    StockItem.create(sku="KUB-01", title="Kubek ceramiczny żółty")
    Channel.create(sub_source="MyAllegro", username="u", api_key="k")
    window = MainWindow(app_paths(data_dir))
    qtbot.addWidget(window)
    window.show()
    for key in ("inventory", "listings", "orders", "sync"):
        screen = window.show_screen(key)
        assert window.stack.currentWidget() is screen
        qtbot.waitUntil(lambda s=screen: not s.loader.loading, timeout=5000)
    assert window.screen("inventory").model.total() == 1
    window.close()
    settings = QSettings()
    assert settings.value("main_window/screen") == "sync"
    for key in ("inventory/splitter", "orders/splitter", "sync/splitter", "tables/inventory", "tables/listings"):
        assert settings.value(key) is not None, key
    again = MainWindow(app_paths(data_dir))
    qtbot.addWidget(again)
    assert again.stack.currentWidget() is again.screen("sync")
    again.close()
