"""The window size screenshots are taken at.

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
    screen = small_screen()
    if screen is not None:
        dialog.resize(min(dialog.width(), screen[0]), min(dialog.height(), screen[1]))
