"""Paths to the files in resources/ and the app icon."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def app_icon() -> QIcon:
    return QIcon(str(resource("icons", "app.svg")))
