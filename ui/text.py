"""Text from Allegro, buyers and files shown in rich-text widgets as the characters it is.

Qt guesses that a label, a message box or a tooltip holds rich text when it starts with
something like a tag, so a buyer login `<h2>PAID</h2>` would be drawn as a heading.
Every piece of such text put into rich text goes through `escape`; a widget that shows
only plain text gets `Qt.TextFormat.PlainText` instead.
"""
from __future__ import annotations

import html


def escape(text: object) -> str:
    """`text` as rich text that shows exactly its characters (line breaks kept)."""
    return html.escape(str(text), quote=False).replace("\n", "<br>")


def plain_tooltip(text: object) -> str | None:
    """A tooltip that shows `text` literally (Qt has no plain-text switch for tooltips)."""
    if text is None or text == "":
        return None
    from PySide6.QtGui import Qt

    text = str(text)
    if not Qt.mightBeRichText(text):
        return text  # Qt shows it as plain text already
    return f"<qt>{escape(text)}</qt>"


def show_plain_text(box) -> None:
    """A QMessageBox whose text and informative text are shown as plain text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    box.setTextFormat(Qt.TextFormat.PlainText)
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if informative is not None:
        informative.setTextFormat(Qt.TextFormat.PlainText)
