"""Message boxes of the channel screens. `Message.ask()` is the only place they are shown
modally, so tests replace it and read the box instead of clicking a real one."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget
from ui.text import show_plain_text

Role = QMessageBox.ButtonRole


class Message(QMessageBox):
    """A box with a title, a sentence and named buttons; `ask()` returns the chosen name."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        icon: QMessageBox.Icon = QMessageBox.Icon.Information,
        details: str = "",
        buttons: tuple[tuple[str, str, Role], ...] = (("ok", "OK", Role.AcceptRole),),
        default: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("channel_message")
        self.setWindowTitle(title)
        self.setIcon(icon)
        self.setText(text)
        if details:
            self.setInformativeText(details)
        show_plain_text(self)
        self._names = {}
        for name, label, role in buttons:
            button = self.addButton(label, role)
            button.setObjectName(f"message_{name}")
            self._names[button] = name
            if name == default:
                self.setDefaultButton(button)

    def button_labels(self) -> dict[str, str]:
        """name -> label of each button, for tests and accessibility checks."""
        return {name: button.text() for button, name in self._names.items()}

    def chosen(self) -> str | None:
        return self._names.get(self.clickedButton())

    @classmethod
    def ask(cls, box: Message) -> str | None:
        """Show the box modally; the name of the button pressed (None if closed)."""
        box.exec()
        return box.chosen()
