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
