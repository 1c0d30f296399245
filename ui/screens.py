"""The screens of the main window, in navigation order: (key, title, module, class).

A screen is a QWidget built with (paths, parent) and created the first time it is shown,
so start-up pays only for the first screen.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

SCREENS: list[tuple[str, str, str, str]] = [
    ("home", QCoreApplication.translate("Screens", "Overview"), "ui.home", "HomeScreen"),
    ("inventory", QCoreApplication.translate("Screens", "Inventory"), "ui.inventory.screen", "InventoryScreen"),
    ("listings", QCoreApplication.translate("Screens", "Listings"), "ui.listings.screen", "ListingsScreen"),
    ("orders", QCoreApplication.translate("Screens", "Orders"), "ui.orders.screen", "OrdersScreen"),
    ("sync", QCoreApplication.translate("Screens", "Sync"), "ui.sync.screen", "SyncScreen"),
]
