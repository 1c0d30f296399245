"""The seller's language choice: English, Polski, or whatever the system speaks.

Preferences stores the choice; `preferred_language()` is what the translator loading
at start-up asks for. A change applies from the next start.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

LANGUAGE_KEY = "preferences/language"
SYSTEM = "system"
ENGLISH = "en"
POLISH = "pl"
LANGUAGES = (ENGLISH, POLISH)
# Each language is named in itself, so a seller who cannot read the current one finds theirs.
NATIVE_NAMES = {ENGLISH: "English", POLISH: "Polski"}


def stored_choice() -> str:
    """What Preferences holds: "system", "en" or "pl" (anything else reads as "system")."""
    value = QSettings().value(LANGUAGE_KEY, SYSTEM)
    return value if value in (SYSTEM, *LANGUAGES) else SYSTEM


def store_choice(choice: str) -> None:
    if choice not in (SYSTEM, *LANGUAGES):
        raise ValueError(f"unknown language choice {choice!r}")
    QSettings().setValue(LANGUAGE_KEY, choice)


def system_language(locale: QLocale | None = None) -> str:
    """The app's language for the system locale: Polish for Polish, English otherwise."""
    locale = locale or QLocale.system()
    return POLISH if locale.language() == QLocale.Language.Polish else ENGLISH


def preferred_language() -> str:
    """The language to show the app in: "en" or "pl"."""
    choice = stored_choice()
    return system_language() if choice == SYSTEM else choice
