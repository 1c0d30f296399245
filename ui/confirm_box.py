"""Asking before a destructive action: one place that shows a modal question."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget
from ui.text import show_plain_text


class ConfirmBox(QMessageBox):
    """A yes/no question whose "yes" button says what will happen."""

    def __init__(self, parent: QWidget | None, title: str, text: str, action: str, details: str = "") -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(title)
        self.setText(text)
        if details:
            self.setInformativeText(details)
        show_plain_text(self)
        self.action_button = self.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)  # Enter never destroys by accident
        self.setEscapeButton(self.cancel_button)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, action: str, details: str = "") -> bool:
        """True when the seller chose the action. Tests replace this method."""
        box = cls(parent, title, text, action, details)
        box.exec()
        return box.clickedButton() is box.action_button


def tell(parent: QWidget | None, title: str, text: str) -> None:
    """An error or notice the seller must see (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    show_plain_text(box)
    box.exec()
