"""The seller's language choice: English, Polski, or whatever the system speaks.

Preferences stores the choice; `preferred_language()` is what `install_translators()`
asks for at start-up. A change applies at once (MainWindow.switch_language builds the
windows again in it), or from the next start while a sync runs.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from core import i18n as core_i18n
from ui.resources import resource

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


# The translators in use; kept so a test (or a future live switch) can replace them.
_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Show the app in `language` (default: the preferred one): our acm_<lang>.qm, Qt's own
    qtbase_<lang>.qm for standard buttons and dialogs, and core's sentences. Returns the language."""
    language = language or preferred_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    core_i18n.set_language(language)
    sources = [
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"acm_{language}", str(resource("translations"))),
    ]
    for name, folder in sources:
        translator = QTranslator(app)
        # A missing Qt catalogue (a trimmed build) leaves those buttons in English, nothing worse.
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return language
