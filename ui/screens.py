"""The screens of the main window, in navigation order: (key, English title, module, class).

A screen is a QWidget built with (paths, parent) and created the first time it is shown,
so start-up pays only for the first screen.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

SCREENS: list[tuple[str, str, str, str]] = [
    ("home", QT_TRANSLATE_NOOP("Screens", "Overview"), "ui.home", "HomeScreen"),
    ("inventory", QT_TRANSLATE_NOOP("Screens", "Inventory"), "ui.inventory.screen", "InventoryScreen"),
    ("listings", QT_TRANSLATE_NOOP("Screens", "Listings"), "ui.listings.screen", "ListingsScreen"),
    ("orders", QT_TRANSLATE_NOOP("Screens", "Orders"), "ui.orders.screen", "OrdersScreen"),
    ("sync", QT_TRANSLATE_NOOP("Screens", "Sync"), "ui.sync.screen", "SyncScreen"),
]


def screen_title(title: str) -> str:
    """A screen's title in the app's language now (the list above keeps the English)."""
    return QCoreApplication.translate("Screens", title)


def resize_within_screen(widget, width: int, height: int) -> None:
    """Open `widget` at width×height, or at the screen's free area when that is smaller
    (a 1024×640 laptop), never beyond it."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    screen = QWidget.screen(widget) or QGuiApplication.primaryScreen()  # MainWindow.screen(key) is another thing
    if screen is not None:
        free = screen.availableGeometry()
        width, height = min(width, free.width()), min(height, free.height())
    widget.resize(width, height)
