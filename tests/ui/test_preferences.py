"""Settings → Preferences: language, auto-sync (one setting with the Sync screen), the
database URL used at the next start, the log folder; and Help → About's licences."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from core.db import database, url_problem
from core.paths import app_paths
from tests.helpers import type_text
from ui import i18n, preferences
from ui.about import AboutDialog, bundled_libraries, licence_of
from ui.main_window import MainWindow
from ui.preferences import PreferencesDialog


@pytest.fixture
def paths(data_dir):
    return app_paths(data_dir)


@pytest.fixture
def dialog(qtbot, db, paths):
    shown = PreferencesDialog(paths)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def press_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)


# --- language --------------------------------------------------------------------------


def test_language_follows_the_system_until_chosen(qtbot, dialog):
    assert dialog.language.currentData() == i18n.SYSTEM
    assert dialog.language.currentText().startswith("Follow the system (")
    assert [dialog.language.itemText(i) for i in (1, 2)] == ["English", "Polski"]
    dialog.language.setCurrentIndex(dialog.language.findData(i18n.POLISH))
    assert dialog.language_note.isVisible()  # "when you press OK"
    press_ok(qtbot, dialog)
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    assert QSettings().value(i18n.LANGUAGE_KEY) == "pl"
    assert i18n.preferred_language() == "pl"
    i18n.store_choice(i18n.ENGLISH)
    assert i18n.preferred_language() == "en"


def test_the_system_locale_picks_polish_or_english():
    assert i18n.system_language(QLocale(QLocale.Language.Polish, QLocale.Country.Poland)) == "pl"
    assert i18n.system_language(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "en"
    QSettings().setValue(i18n.LANGUAGE_KEY, "klingon")  # a damaged setting reads as "follow the system"
    assert i18n.stored_choice() == i18n.SYSTEM
    with pytest.raises(ValueError):
        i18n.store_choice("de")


# --- auto-sync ------------------------------------------------------------------------------


def test_auto_sync_is_off_by_default_and_saved_as_the_sync_screen_reads_it(qtbot, dialog):
    assert not dialog.auto_sync.isChecked() and not dialog.auto_minutes.isEnabled()
    dialog.auto_sync.setChecked(True)
    assert dialog.auto_minutes.isEnabled()
    dialog.auto_minutes.setValue(20)
    press_ok(qtbot, dialog)
    settings = QSettings()
    assert settings.value("sync/auto", type=bool) is True
    assert settings.value("sync/auto_minutes", type=int) == 20


def test_preferences_turn_on_the_sync_screens_timer_and_the_sync_screen_shows_it(qtbot, db, paths, monkeypatch):
    window = MainWindow(paths)
    qtbot.addWidget(window)
    assert window.screen("sync") is None  # nothing to run yet: the screen is made when needed

    def ask(cls, paths_, parent=None):
        shown = cls(paths_, parent)
        shown.auto_sync.setChecked(True)
        shown.auto_minutes.setValue(10)
        shown.accept()
        return True

    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(ask))
    window.preferences_action.trigger()
    sync = window.screen("sync")
    assert sync is not None and sync.auto.isChecked() and sync.minutes.value() == 10
    assert sync.auto_timer.isActive() and sync.auto_timer.interval() == 10 * 60_000
    assert window.statusBar().currentMessage() == "Preferences saved."

    sync.auto.setChecked(False)  # switched off on the Sync screen: Preferences show it off
    again = PreferencesDialog(paths)
    qtbot.addWidget(again)
    assert not again.auto_sync.isChecked()
    window.quit_app()


def test_auto_sync_on_at_start_runs_without_opening_the_sync_screen(qtbot, db, paths):
    preferences.set_auto_sync(True, 30)
    window = MainWindow(paths)
    qtbot.addWidget(window)
    sync = window.screen("sync")
    assert sync is not None and sync.auto_timer.isActive()
    assert window.stack.currentWidget() is window.screen("home")
    window.quit_app()


# --- the database ----------------------------------------------------------------------------


def test_the_database_in_use_and_the_folders_are_shown(dialog, db, paths):
    assert dialog.in_use.text() == db.database
    assert dialog.data_folder.text() == str(paths.data_dir)
    assert dialog.log_folder.text() == str(paths.log_dir)
    assert dialog.database_url.text() == ""
    assert "the database is the file in the data folder" in dialog.url_note.text()


def test_a_bad_database_url_is_refused_next_to_the_field_and_nothing_is_saved(qtbot, dialog, paths):
    type_text(dialog.database_url, "mysql://sklep/baza")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()  # OK refused
    assert dialog.url_error.isVisible()
    assert "PostgreSQL" in dialog.url_error.text()
    assert preferences.stored_database_url(paths) == ""
    dialog.database_url.clear()
    type_text(dialog.database_url, "postgresql://sprzedawca:tajne@serwer/sklep")
    assert "Leave the password out" in dialog.url_error.text()  # told as it is typed, once shown
    dialog.database_url.clear()
    type_text(dialog.database_url, "postgresql://sprzedawca@serwer:5432/sklep")
    assert not dialog.url_error.isVisible()
    assert dialog.url_note.text() == "The new database is opened at the next start of the app."
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert preferences.stored_database_url(paths) == "postgresql://sprzedawca@serwer:5432/sklep"


def test_the_url_belongs_to_its_data_folder(paths, tmp_path):
    preferences.store_database_url(paths, "postgresql://desk@serwer/sklep")
    other_shop = app_paths(tmp_path / "second-shop")
    assert preferences.stored_database_url(other_shop) == ""
    assert preferences.database_url_at_start(other_shop) == (None, "file")
    assert preferences.database_url_at_start(paths) == ("postgresql://desk@serwer/sklep", "preferences")
    preferences.store_database_url(paths, "")
    assert preferences.database_url_at_start(paths) == (None, "file")


def test_the_environment_variable_wins_and_its_password_is_not_shown(qtbot, db, paths, monkeypatch):
    preferences.store_database_url(paths, "postgresql://desk@serwer/sklep")
    monkeypatch.setenv("ACM_DATABASE_URL", "postgresql://ops:s3cret@db.local/acm")
    assert preferences.database_url_at_start(paths) == ("postgresql://ops:s3cret@db.local/acm", "environment")
    shown = PreferencesDialog(paths)
    qtbot.addWidget(shown)
    assert "ACM_DATABASE_URL" in shown.url_note.text()
    assert "s3cret" not in shown.url_note.text() and "ops:***@db.local" in shown.url_note.text()


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("", None),
        ("postgresql://desk@serwer:5432/sklep", None),
        ("postgres+pool://serwer/sklep", None),
        ("sqlite:////var/lib/acm/shop.sqlite3", None),
        ("postgresql://serwer", "Add the database's name"),
        ("postgresql:///sklep", "Add the server's name"),
        ("postgresql://desk@serwer:port/sklep", "cannot be read"),
        ("sqlite://", "Add the database file's path"),
        ("https://allegro.pl", "Use a PostgreSQL address"),
    ],
)
def test_database_url_rules(url, problem):
    found = url_problem(url)
    assert (found is None) if problem is None else (problem in found)


def test_the_app_opens_the_database_url_from_preferences_at_start(qtbot, paths, tmp_path):
    from ui.app import open_app_database

    other = tmp_path / "shared.sqlite3"
    preferences.store_database_url(paths, f"sqlite:///{other}")
    try:
        assert open_app_database(paths) is True
        assert Path(database.obj.database) == other and other.exists()
        assert not paths.database.exists()  # the data folder's own file was not made
    finally:
        database.close()
        database.initialize(None)


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_an_unreachable_url_from_preferences_asks_before_using_the_local_file(qtbot, paths, monkeypatch, answer):
    from ui.app import open_app_database

    preferences.store_database_url(paths, "postgresql://desk@127.0.0.1:1/sklep")
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda parent, title, text: asked.append(text) or answer)
    )
    try:
        opened = open_app_database(paths)
        assert "postgresql://desk@127.0.0.1:1/sklep" in asked[0] and str(paths.database) in asked[0]
        assert opened is (answer == QMessageBox.StandardButton.Yes)
        assert paths.database.exists() is opened
    finally:
        if database.obj is not None:  # refused: the unreachable server is never bound
            database.close()
        database.initialize(None)


# --- folders -----------------------------------------------------------------------------------


def test_open_the_log_folder(qtbot, dialog, paths, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    qtbot.mouseClick(dialog.open_logs_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.open_data_button, Qt.MouseButton.LeftButton)
    assert opened == [str(paths.log_dir), str(paths.data_dir)]


def test_cancel_keeps_the_settings(qtbot, dialog, paths):
    dialog.auto_sync.setChecked(True)
    type_text(dialog.database_url, "postgresql://desk@serwer/sklep")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not preferences.auto_sync_on()
    assert preferences.stored_database_url(paths) == ""


def test_preferences_are_in_the_settings_menu(qtbot, db, paths, monkeypatch):
    window = MainWindow(paths)
    qtbot.addWidget(window)
    calls = []
    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(lambda cls, p, parent=None: calls.append(p) or False))
    settings_menu = [a.menu() for a in window.menuBar().actions() if a.text() == "&Settings"][0]
    assert "&Preferences…" in [a.text() for a in settings_menu.actions()]
    window.preferences_action.trigger()
    assert calls == [paths]
    assert window.preferences_action.shortcut().toString() == "Ctrl+,"
    window.quit_app()


# --- About --------------------------------------------------------------------------------------


def test_about_lists_every_bundled_library_with_its_licence(qtbot):
    libraries = {lib.name.lower().replace("_", "-"): lib for lib in bundled_libraries()}
    for name in ("pyside6-essentials", "shiboken6", "zeep", "lxml", "requests", "keyring", "peewee", "platformdirs"):
        assert name in libraries, name
        assert libraries[name].licence and libraries[name].licence != "see the package"
    assert "LGPL-3.0" in libraries["pyside6-essentials"].licence
    assert libraries["peewee"].licence == "MIT"  # its metadata names none: the known licence is used
    assert "pytest" not in libraries and "hypothesis" not in libraries  # test tools are not shipped
    about = AboutDialog("0.1.0")
    qtbot.addWidget(about)
    text = about.text()
    assert "Allegro Channel Manager 0.1.0" in text
    assert "zeep" in text and "MIT" in text and "LGPL" in text
    assert "Python 3." in text


def test_a_licence_pasted_whole_is_read_from_the_classifiers():
    class Meta(dict):
        def get_all(self, key):
            return self.get(key + "[]")

    class Dist:
        metadata = Meta(
            {
                "Name": "longlicence",
                "License": "Copyright (c) 2021\nAll rights reserved.\nRedistribution and use ...",
                "Classifier[]": ["License :: OSI Approved :: BSD License", "Programming Language :: Python"],
            }
        )

    assert licence_of(Dist()) == "BSD License"


def test_without_package_metadata_about_still_names_the_libraries(monkeypatch):
    from importlib import metadata

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", missing)
    names = {lib.name: lib.licence for lib in bundled_libraries()}
    assert names["zeep"] == "MIT" and "LGPL-3.0-only" in names["pyside6-essentials"]


def test_the_allegro_application_is_kept_per_environment_with_the_secret_in_the_keyring(qtbot, dialog, paths):
    from core.allegro.rest.tokens import application

    sandbox = dialog.app_environment.findData("sandbox")
    dialog.app_environment.setCurrentIndex(sandbox)
    assert (dialog.client_id.text(), dialog.client_secret.text()) == ("SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")
    dialog.app_environment.setCurrentIndex(dialog.app_environment.findData("production"))
    assert dialog.client_id.text() == ""
    dialog.client_id.setText("my-desktop-app")
    dialog.client_secret.setText("s3cret-value")
    dialog.app_environment.setCurrentIndex(sandbox)  # switching keeps what was typed
    press_ok(qtbot, dialog)

    assert application("production", paths) == ("my-desktop-app", "s3cret-value")
    assert b"s3cret-value" not in paths.settings_file.read_bytes()
    assert application("sandbox", paths) == ("SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")
