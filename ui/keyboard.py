"""Keyboard paths shared by the screens.

- `down_into(box, view)`: Down (or Page Down) in a filter box moves into its results, on the
  first row, instead of eight Tabs.
- `set_enabled(button, on, why)`: a disabled button says why in its tooltip, and its
  Alt+letter, pressed anyway, says it in the status bar (the button's own mnemonic is off
  while it is disabled, so the key did nothing and said nothing).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QMainWindow, QToolTip, QWidget

_ENABLED_TIP = "enabled_tooltip"
_WHY = "why_disabled"


class _DownInto(QObject):
    def __init__(self, box: QLineEdit, view: QAbstractItemView) -> None:
        super().__init__(box)
        self.view = view

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            model = self.view.model()
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.view.currentIndex().isValid() and model is not None and model.rowCount():
                self.view.setCurrentIndex(model.index(0, 0))
                self.view.selectionModel().select(
                    model.index(0, 0),
                    self.view.selectionModel().SelectionFlag.ClearAndSelect | self.view.selectionModel().SelectionFlag.Rows,
                )
            return True
        return False


def down_into(box: QLineEdit, view: QAbstractItemView) -> None:
    """Down in `box` moves the focus into `view` (its first row when none is current)."""
    box.installEventFilter(_DownInto(box, view))


def say_in_status_bar(widget: QWidget, text: str, timeout_ms: int = 6000) -> None:
    """`text` in the status bar of the window holding `widget`, or as a tooltip at it."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout_ms)
    else:
        QToolTip.showText(widget.mapToGlobal(widget.rect().bottomLeft()), text, widget)


def set_enabled(button: QAbstractButton, enabled: bool, why: str = "") -> None:
    """Enable `button`, or disable it saying `why` (tooltip, and its Alt+letter's answer)."""
    if button.property(_ENABLED_TIP) is None:
        button.setProperty(_ENABLED_TIP, button.toolTip())
        _MnemonicWhenDisabled(button)
    button.setProperty(_WHY, "" if enabled else why)
    button.setEnabled(enabled)
    tip = button.property(_ENABLED_TIP)
    button.setToolTip(tip if enabled or not why else why)
    watcher = button.findChild(_MnemonicWhenDisabled)
    if watcher is not None:
        watcher.follow()


def why_disabled(button: QAbstractButton) -> str:
    return "" if button.isEnabled() else (button.property(_WHY) or "")


class _MnemonicWhenDisabled(QObject):
    """A shortcut on the button's Alt+letter, on only while the button is disabled (its own
    mnemonic is off then, so the two never clash), answering why in the status bar."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__(button)
        self.button = button
        self.shortcut = None
        key = QKeySequence.mnemonic(button.text())
        holder = button.parentWidget()
        if key.isEmpty() or holder is None:
            return
        self.shortcut = QShortcut(key, holder)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(lambda: say_in_status_bar(button, why_disabled(button)))
        button.installEventFilter(self)
        self.follow()

    def follow(self) -> None:
        if self.shortcut is not None:
            self.shortcut.setEnabled(bool(why_disabled(self.button)))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.EnabledChange:
            self.follow()
        return False
