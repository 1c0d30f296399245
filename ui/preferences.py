"""Settings → Preferences: language, auto-sync, where the database is, the log folder.

Everything is kept in QSettings but the database URL, which the headless commands need
too: core/settings.py keeps it in the data folder. Auto-sync is the same setting the Sync
screen shows (`AUTO_SYNC_KEY`, `AUTO_SYNC_MINUTES_KEY`). The database URL applies from the
next start, and only to the data folder it was set for, so a second shop kept with
--data-dir never opens the first shop's database by surprise.
"""
from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core import settings as core_settings
from core.allegro.environments import REST_ALLEGRO_SANDBOX, REST_PRODUCTION, REST_SANDBOX
from core.allegro.rest.tokens import NoApplication, application, store_application
from core.store import database_in_use as open_database_named, url_problem
from core.secrets import KeyringUnavailable
from core.paths import DATABASE_URL_ENV
from ui import i18n

# Shared with the Sync screen's own auto-sync controls (ui/sync/screen.py): one setting, two places.
AUTO_SYNC_KEY = "sync/auto"  # bool, off by default
AUTO_SYNC_MINUTES_KEY = "sync/auto_minutes"  # int
AUTO_SYNC_MINUTES_DEFAULT = 15
AUTO_SYNC_MINUTES_RANGE = (5, 24 * 60)
ERROR_STYLE = "color: #b00020"


# --- the settings, for the rest of the app ------------------------------------------


def auto_sync_on() -> bool:
    return QSettings().value(AUTO_SYNC_KEY, False, type=bool)


def auto_sync_minutes() -> int:
    """Minutes between automatic syncs (whether or not auto-sync is on)."""
    low, high = AUTO_SYNC_MINUTES_RANGE
    try:
        minutes = int(QSettings().value(AUTO_SYNC_MINUTES_KEY, AUTO_SYNC_MINUTES_DEFAULT))
    except (TypeError, ValueError):
        return AUTO_SYNC_MINUTES_DEFAULT
    return min(max(minutes, low), high)


def set_auto_sync(on: bool, minutes: int) -> None:
    settings = QSettings()
    settings.setValue(AUTO_SYNC_KEY, bool(on))
    settings.setValue(AUTO_SYNC_MINUTES_KEY, int(minutes))


# The database URL lives in the data folder (core/settings.py): headless commands read it too.
stored_database_url = core_settings.stored_database_url
store_database_url = core_settings.store_database_url
database_url_at_start = core_settings.database_url_at_start


def shown_url(url: str) -> str:
    """The URL with any password replaced by ***, fit to show on screen."""
    try:
        parts = urlsplit(url)
        if parts.password:
            netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
            return urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        pass
    return url


def database_in_use(paths) -> str:
    """What the app has open now: the SQLite file's path, or the server's address."""
    return open_database_named(paths.database)


# --- the dialog ------------------------------------------------------------------------



def path_field(path, name: str) -> QLineEdit:
    """A folder path to read and copy: read-only and frameless, it scrolls when longer than
    the room (a label would be cut, or wrap into a height it is not given)."""
    field = QLineEdit(str(path))
    field.setObjectName(name)
    field.setReadOnly(True)
    field.setFrame(False)
    field.setToolTip(str(path))
    field.setCursorPosition(0)
    field.setStyleSheet("QLineEdit { background: transparent; }")
    return field


class PreferencesDialog(QDialog):
    """Build it, change its fields, press OK (or call `accept()`): the settings are saved.

    OK is refused while the database URL is not usable; the problem shows under the field.
    """

    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)

        # Language
        language_box = QGroupBox(self.tr("Language"))
        language_layout = QVBoxLayout(language_box)
        language_form = QFormLayout()
        language_layout.addLayout(language_form)
        self.language = QComboBox()
        self.language.setObjectName("language")
        system_name = i18n.NATIVE_NAMES[i18n.system_language()]
        self.language.addItem(self.tr("Follow the system (%1)").replace("%1", system_name), i18n.SYSTEM)
        for code in i18n.LANGUAGES:
            self.language.addItem(i18n.NATIVE_NAMES[code], code)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setToolTip(self.tr("The language of the app's windows and messages."))
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        language_form.addRow(language_label, self.language)
        self.language_note = QLabel(self.tr(
            "The windows change to the new language when you press OK (while a sync runs, from the next start)."
        ))
        self.language_note.setObjectName("language_note")
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        language_layout.addWidget(self.language_note)
        layout.addWidget(language_box)

        # Sync
        sync_box = QGroupBox(self.tr("Sync"))
        sync_layout = QVBoxLayout(sync_box)
        auto_row = QHBoxLayout()
        self.auto_sync = QCheckBox(self.tr("Sync all enabled channels &automatically every"))
        self.auto_sync.setObjectName("auto_sync")
        self.auto_sync.setToolTip(
            self.tr(
                "Off by default. Orders come in and quantities go out on their own; listings to end or "
                "relist wait for your confirmation unless the channel has No Manual Confirmation."
            )
        )
        self.auto_minutes = QSpinBox()
        self.auto_minutes.setObjectName("auto_minutes")
        self.auto_minutes.setRange(*AUTO_SYNC_MINUTES_RANGE)
        self.auto_minutes.setSuffix(self.tr(" min"))
        self.auto_minutes.setAccessibleName(self.tr("Minutes between automatic syncs"))
        self.auto_sync.toggled.connect(self.auto_minutes.setEnabled)
        auto_row.addWidget(self.auto_sync)
        auto_row.addWidget(self.auto_minutes)
        auto_row.addStretch(1)
        sync_layout.addLayout(auto_row)
        auto_note = QLabel(
            self.tr(
                "When several computers share one database, turn this on on one of them only. "
                "Closing the window keeps auto-sync running next to the clock (system tray)."
            )
        )
        auto_note.setWordWrap(True)
        sync_layout.addWidget(auto_note)
        layout.addWidget(sync_box)

        # Database
        database_box = QGroupBox(self.tr("Database"))
        database_form = QFormLayout(database_box)
        self.in_use = QLabel(database_in_use(paths))
        self.in_use.setTextFormat(Qt.TextFormat.PlainText)  # paths and addresses, shown as typed
        self.in_use.setObjectName("database_in_use")
        self.in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.in_use.setWordWrap(True)
        self.in_use.setAccessibleName(self.tr("Database in use"))
        database_form.addRow(self.tr("In use now:"), self.in_use)
        folder_row = QHBoxLayout()
        self.data_folder = path_field(paths.data_dir, "data_folder")
        folder_row.addWidget(self.data_folder, 1)
        self.open_data_button = QPushButton(self.tr("Open &data folder"))
        self.open_data_button.setObjectName("open_data_folder")
        self.open_data_button.setAutoDefault(False)
        self.open_data_button.clicked.connect(lambda: self.open_folder(paths.data_dir))
        folder_row.addWidget(self.open_data_button)
        database_form.addRow(self.tr("Data folder:"), folder_row)
        self.database_url = QLineEdit()
        self.database_url.setObjectName("database_url")
        self.database_url.setPlaceholderText("postgresql://user@server:5432/shop")
        self.database_url.setAccessibleName(self.tr("Database URL"))
        self.database_url.setClearButtonEnabled(True)
        self.database_url.setToolTip(
            self.tr(
                "To share one PostgreSQL database between several desks, enter its address here. "
                "Leave it empty to keep the database file in the data folder."
            )
        )
        url_label = QLabel(self.tr("Database &URL:"))
        url_label.setBuddy(self.database_url)
        database_form.addRow(url_label, self.database_url)
        self.url_error = QLabel()
        self.url_error.setTextFormat(Qt.TextFormat.PlainText)
        self.url_error.setObjectName("database_url_error")
        self.url_error.setStyleSheet(ERROR_STYLE)
        self.url_error.setWordWrap(True)
        self.url_error.setVisible(False)
        self.url_note = QLabel()
        self.url_note.setTextFormat(Qt.TextFormat.PlainText)
        self.url_note.setObjectName("database_url_note")
        self.url_note.setWordWrap(True)
        # One row under the field for both, so a hidden error leaves no gap.
        under_url = QWidget()
        under_layout = QVBoxLayout(under_url)
        under_layout.setContentsMargins(0, 0, 0, 0)
        under_layout.addWidget(self.url_error)
        under_layout.addWidget(self.url_note)
        under_layout.addStretch(1)
        database_form.addRow("", under_url)
        layout.addWidget(database_box)

        # The Allegro application (REST channels): Client ID in settings, Secret in the keyring
        app_box = QGroupBox(self.tr("Allegro application"))
        app_form = QFormLayout(app_box)
        app_note = QLabel(self.tr(
            "REST channels connect through your application at Allegro: register a desktop application once "
            "at apps.developer.allegro.pl (it runs without a browser) and paste its Client ID and Secret here. "
            "The built-in Sandbox has its demo application filled in."))
        app_note.setWordWrap(True)
        app_form.addRow(app_note)
        self.app_environment = QComboBox()
        self.app_environment.setObjectName("app_environment")
        self.app_environment.addItem(self.tr("Allegro (allegro.pl)"), REST_PRODUCTION)
        self.app_environment.addItem(self.tr("Allegro's own sandbox (allegrosandbox.pl)"), REST_ALLEGRO_SANDBOX)
        self.app_environment.addItem(self.tr("Built-in Sandbox"), REST_SANDBOX)
        app_form.addRow(self.tr("&For:"), self.app_environment)
        self.client_id = QLineEdit()
        self.client_id.setObjectName("client_id")
        app_form.addRow(self.tr("Client &ID:"), self.client_id)
        self.client_secret = QLineEdit()
        self.client_secret.setObjectName("client_secret")
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        app_form.addRow(self.tr("Client &Secret:"), self.client_secret)
        self.app_error = QLabel()
        self.app_error.setObjectName("app_error")
        self.app_error.setStyleSheet(ERROR_STYLE)
        self.app_error.setWordWrap(True)
        self.app_error.setVisible(False)
        app_form.addRow(self.app_error)
        layout.addWidget(app_box)
        self._apps: dict[str, tuple[str, str]] = {}
        self._apps_loaded: dict[str, tuple[str, str]] = {}
        self._app_shown = REST_PRODUCTION

        # Logs
        logs_box = QGroupBox(self.tr("Logs"))
        logs_row = QHBoxLayout(logs_box)
        self.log_folder = path_field(paths.log_dir, "log_folder")
        logs_row.addWidget(self.log_folder, 1)
        self.open_logs_button = QPushButton(self.tr("Open the lo&g folder"))
        self.open_logs_button.setObjectName("open_log_folder")
        self.open_logs_button.setAutoDefault(False)
        self.open_logs_button.clicked.connect(lambda: self.open_folder(paths.log_dir))
        logs_row.addWidget(self.open_logs_button)
        layout.addWidget(logs_box)

        layout.addStretch(1)  # spare height goes below the groups, not into them
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._told = False
        self.load()
        self.language.currentIndexChanged.connect(self._language_changed)
        self.database_url.textChanged.connect(self._url_changed)
        self.app_environment.currentIndexChanged.connect(lambda _i: self._show_app())

    # --- load / save ---------------------------------------------------------------------
    def load(self) -> None:
        self._select(self.language, i18n.stored_choice())
        self.auto_sync.setChecked(auto_sync_on())
        self.auto_minutes.setValue(auto_sync_minutes())
        self.auto_minutes.setEnabled(self.auto_sync.isChecked())
        self.database_url.setText(stored_database_url(self.paths))
        self._update_url_note()
        for environment in (REST_PRODUCTION, REST_ALLEGRO_SANDBOX, REST_SANDBOX):
            try:
                pair = application(environment, self.paths)
            except (NoApplication, KeyringUnavailable):
                pair = ("", "")
            self._apps[environment] = self._apps_loaded[environment] = pair
        self._app_shown = self.app_environment.currentData()
        self.client_id.setText(self._apps[self._app_shown][0])
        self.client_secret.setText(self._apps[self._app_shown][1])

    def _show_app(self) -> None:
        """Keep what was typed for the environment shown, then show the chosen one's."""
        self._apps[self._app_shown] = (self.client_id.text().strip(), self.client_secret.text().strip())
        self._app_shown = self.app_environment.currentData()
        client_id, secret = self._apps.get(self._app_shown, ("", ""))
        self.client_id.setText(client_id)
        self.client_secret.setText(secret)

    def save_applications(self) -> str | None:
        """Store the changed Client IDs and Secrets; the seller's sentence when the keyring refuses."""
        self._show_app()
        for environment, pair in self._apps.items():
            if pair == self._apps_loaded.get(environment):
                continue
            try:
                store_application(environment, self.paths, *pair)
            except KeyringUnavailable as error:
                return error.message
            self._apps_loaded[environment] = pair
        return None

    def save(self) -> None:
        i18n.store_choice(self.language.currentData())
        set_auto_sync(self.auto_sync.isChecked(), self.auto_minutes.value())
        store_database_url(self.paths, self.database_url.text())

    def problem(self) -> str | None:
        return url_problem(self.database_url.text())

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self._told = True
            self.url_error.setText(problem)
            self.url_error.setVisible(True)
            self.database_url.setFocus()
            return
        app_problem = self.save_applications()
        if app_problem:
            self.app_error.setText(app_problem)
            self.app_error.setVisible(True)
            return
        self.save()
        super().accept()

    # --- actions -------------------------------------------------------------------------
    @staticmethod
    def open_folder(folder) -> bool:
        """Show a folder in the system's file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _language_changed(self) -> None:
        self.language_note.setVisible(self.language.currentData() != i18n.stored_choice())

    def _url_changed(self) -> None:
        problem = self.problem()
        # Check as typed only after OK was refused once; clear the message as soon as it is fixed.
        if self._told:
            self.url_error.setText(problem or "")
            self.url_error.setVisible(bool(problem))
        self._update_url_note()

    def _update_url_note(self) -> None:
        from_env = os.environ.get(DATABASE_URL_ENV, "").strip()
        if from_env:
            text = self.tr(
                "The %1 environment variable is set (%2); it is used instead of this field."
            ).replace("%1", DATABASE_URL_ENV).replace("%2", shown_url(from_env))
        elif self.database_url.text().strip() != stored_database_url(self.paths):
            text = self.tr("The new database is opened at the next start of the app.")
        elif self.database_url.text().strip():
            text = self.tr("Leave it empty to go back to the database file in the data folder (from the next start).")
        else:
            text = self.tr(
                "Empty: the database is the file in the data folder. To share one PostgreSQL database "
                "between several computers, enter its address; it is used from the next start."
            )
        self.url_note.setText(text)

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    @classmethod
    def ask(cls, paths, parent: QWidget | None = None) -> bool:
        """Show Preferences modally; True when the seller saved them. Tests replace this."""
        return cls(paths, parent).exec() == QDialog.DialogCode.Accepted
