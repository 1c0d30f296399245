"""Mnemonics (Alt+letter) of what a window shows, to find two on one key.

Two widgets (or a widget and a menu of the menu bar) on the same Alt+letter make Qt cycle
focus between them instead of acting: Alt+S focused "Sync now" instead of opening Settings.
"""
from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QMenu, QTabWidget, QWidget


def mnemonic(text: str) -> str | None:
    key = QKeySequence.mnemonic(text)
    return key.toString().lower() if not key.isEmpty() else None


def _owner_text(widget: QWidget) -> str | None:
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QLabel) and widget.buddy() is not None:
        return widget.text()
    if isinstance(widget, QGroupBox) and widget.isCheckable():
        return widget.title()
    return None


def mnemonics_shown(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter -> what uses it, among the visible widgets under `root` and, for a main
    window, the menu bar's menus."""
    found: dict[str, list[str]] = defaultdict(list)
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.isEnabled() and isinstance(widget, QLabel):
            continue
        text = _owner_text(widget)
        key = mnemonic(text) if text else None
        if key:
            found[key].append(f"{type(widget).__name__} {text!r}")
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                key = mnemonic(widget.tabText(i))
                if key:
                    found[key].append(f"tab {widget.tabText(i)!r}")
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            key = mnemonic(action.text())
            if key:
                found[key].append(f"menu {action.text()!r}")
    return found


def menu_mnemonics(menu: QMenu) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        key = mnemonic(action.text())
        if key:
            found[key].append(action.text())
    return found


def clashes(found: dict[str, list[str]]) -> list[str]:
    return [f"{key}: {' / '.join(users)}" for key, users in sorted(found.items()) if len(users) > 1]
