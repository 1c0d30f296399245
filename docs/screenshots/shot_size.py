"""The language and window size screenshots are taken in.

ACM_SCREENSHOT_LANG=pl speaks Polish (default: English, through acm_en.qm as the app does).

Each script has its own (1280×860 for the desk); ACM_SCREENSHOT_SIZE=1024x640 takes them on
a small laptop's screen instead: main windows at exactly that size, dialogs at their own
size but no bigger (take_translated_screenshots.py sets it for the Polish set).
"""
from __future__ import annotations

import os


def small_screen() -> tuple[int, int] | None:
    value = os.environ.get("ACM_SCREENSHOT_SIZE", "")
    if "x" not in value:
        return None
    width, height = value.lower().split("x", 1)
    return int(width), int(height)


def size_window(window, width: int, height: int) -> None:
    """A main window: the script's size, or the small screen's."""
    screen = small_screen()
    window.resize(*(screen or (width, height)))


def size_dialog(dialog) -> None:
    """A dialog: as it opens itself, kept within the small screen."""
    from PySide6.QtCore import Qt

    if not dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
        dialog.adjustSize()  # the size it opens at: its own, or else its layout's hint
    screen = small_screen()
    if screen is not None:
        dialog.resize(min(dialog.width(), screen[0]), min(dialog.height(), screen[1]))


def speak(app) -> str:
    """The app's translators for ACM_SCREENSHOT_LANG (default English), as after choosing it
    in Preferences; returns the language."""
    from ui.i18n import install_translators

    return install_translators(app, os.environ.get("ACM_SCREENSHOT_LANG", "en"))
