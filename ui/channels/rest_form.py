"""The Allegro.pl (REST) channel's account: what exists on Allegro's REST API, nothing else.

`RestIntegrationScreen` adds a channel: SubSource, Default Currency, environment, and
Connect with Allegro; the channel is saved once Allegro approved the application.
`RestAccountForm` is a saved REST channel's Account tab: SubSource, Default Currency, the
environment and the account it is connected as, Reconnect with Allegro, and Test (GET /me).
A REST channel has no username, password, Api Key or Api Key Version to fill in.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import channels, currencies, secrets
from core.allegro.environments import (
    REST_ALLEGRO_SANDBOX,
    REST_PRODUCTION,
    REST_SANDBOX,
    InvalidAddress,
    check_rest_environment,
    rest_endpoints,
)
from core.allegro.errors import AllegroError
from core.allegro.rest.tokens import application
from core.channel_rows import add_rest_channel, name_taken, reconnect_rest_channel, rest_account_login, rest_connected
from core.channels import ChannelConfig
from ui.channels.connect_dialog import ConnectDialog
from ui.channels.integration_form import error_label, on_edit, recheck_errors
from ui.channels.message import Message
from ui.workers import Worker, error_message

ADDRESS = "address"


class RestIntegrationScreen(QWidget):
    saved = Signal(int)  # the new channel's id
    back_requested = Signal()

    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("rest_integration")
        self.dialog: ConnectDialog | None = None
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back to Add New Channel"))
        self.back_button.setShortcut(QKeySequence("Alt+Left"))
        self.back_button.clicked.connect(self.back_requested)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(QLabel(self.tr("<b>Allegro.pl integration</b>")), 1)

        self.sub_source = QLineEdit()
        self.sub_source.setMaxLength(100)
        self.sub_source.setPlaceholderText(self.tr("for example MyAllegroChannel"))
        self.currency = QComboBox()
        for code in currencies.CODES:
            self.currency.addItem(currencies.label(code), code)
        self.currency.setCurrentIndex(max(self.currency.findData("PLN"), 0))
        self.environment = QComboBox()
        self.environment.addItem(self.tr("Allegro (allegro.pl)"), REST_PRODUCTION)
        self.environment.addItem(self.tr("Allegro's own sandbox (allegrosandbox.pl)"), REST_ALLEGRO_SANDBOX)
        self.environment.addItem(self.tr("Built-in Sandbox (demo shop on this computer)"), REST_SANDBOX)
        self.environment.addItem(self.tr("Another address…"), ADDRESS)
        self.address = QLineEdit()
        self.address.setPlaceholderText("https://")
        self.address.setEnabled(False)
        self.environment.currentIndexChanged.connect(
            lambda _i: self.address.setEnabled(self.environment.currentData() == ADDRESS)
        )
        form = QFormLayout()
        form.addRow(self.tr("&SubSource"), self.sub_source)
        form.addRow(self.tr("&Default Currency"), self.currency)
        form.addRow(self.tr("&Environment"), self.environment)
        form.addRow(self.tr("Add&ress"), self.address)
        self.connect_button = QPushButton(self.tr("&Connect with Allegro"))
        self.connect_button.setObjectName("connect_with_allegro_button")
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.connect_with_allegro)
        self.note = QLabel(self.tr(
            "Connect with Allegro shows a code and opens allegro.pl: log in there as the seller and approve "
            "the application. The app keeps the login in the system keyring, never your password."))
        self.note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("rest_problem")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.connect_button)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def start_new(self) -> None:
        self.sub_source.clear()
        self.problem.clear()

    def chosen_environment(self) -> str:
        kind = self.environment.currentData()
        return self.address.text() if kind == ADDRESS else kind

    def _problems(self) -> list[str]:
        problems = []
        name = self.sub_source.text().strip()
        if not name:
            problems.append(self.tr("Enter a SubSource: the name this channel appears as."))
        elif name_taken(name):
            problems.append(self.tr("Another channel is already called “%1”. Choose a different SubSource.").replace("%1", name))
        try:
            check_rest_environment(self.chosen_environment())
        except InvalidAddress as error:
            problems.append(error.message)
        return problems

    def connect_with_allegro(self) -> ConnectDialog | None:
        """Check the form, then open the Connect dialog (returned, already begun)."""
        problems = self._problems()
        if problems:
            self.problem.setText("\n".join(problems))
            return None
        environment = check_rest_environment(self.chosen_environment())
        try:
            endpoints = rest_endpoints(environment, self.paths)
            client_id, client_secret = application(environment, self.paths)
        except (AllegroError, secrets.KeyringUnavailable) as error:
            self.problem.setText(error.message)
            return None
        except (ValueError, OSError) as error:
            self.problem.setText(str(error))
            return None
        self.problem.clear()
        self.dialog = ConnectDialog(endpoints, client_id, client_secret, self)
        self.dialog.connected.connect(lambda token, login: self._save(environment, token, login))
        self.dialog.show()
        self.dialog.begin()
        return self.dialog

    def _save(self, environment: str, token: dict, login: str) -> None:
        try:
            channel_id = add_rest_channel(
                self.sub_source.text().strip(), login, self.currency.currentData(), environment, self.paths, token
            )
        except (AllegroError, secrets.KeyringUnavailable) as error:
            self.problem.setText(error.message)
            return
        self.saved.emit(channel_id)

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.shutdown()


def environment_text(environment: str) -> str:
    """A REST environment as the seller chose it in the integration form."""
    names = {
        REST_PRODUCTION: QCoreApplication.translate("RestIntegrationScreen", "Allegro (allegro.pl)"),
        REST_ALLEGRO_SANDBOX: QCoreApplication.translate(
            "RestIntegrationScreen", "Allegro's own sandbox (allegrosandbox.pl)"),
        REST_SANDBOX: QCoreApplication.translate(
            "RestIntegrationScreen", "Built-in Sandbox (demo shop on this computer)"),
    }
    return names.get(environment, environment)


def _who_am_i_job(report, cancelled, channel_id: int, paths):
    """GET /me for a saved REST channel: the login of the account its tokens reach."""
    report(QCoreApplication.translate("RestAccountForm", "Testing"), 0, 0)
    return rest_account_login(channel_id, paths)


class RestAccountForm(QWidget):
    """A saved REST channel's Account tab. `load(config)` / `to_config()` as IntegrationForm."""

    test_finished = Signal(str)  # "ok", "failed" or "cancelled", after any message was shown
    edited = Signal()
    connected = Signal(str)  # the login a Reconnect reached (its tokens are in the keyring)

    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("rest_account_form")
        self._base = ChannelConfig(api="rest")
        self._worker: Worker | None = None
        self._last_test = "untested"
        self.abandoned_workers: list[Worker] = []
        self.dialog: ConnectDialog | None = None
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._build_fields(form)
        self._build_connection(form)
        self._build_test(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.note)  # under the form: a form row does not grow with wrapped text
        layout.addStretch(1)

    # --- building -------------------------------------------------------------------------
    def _build_fields(self, form: QFormLayout) -> None:
        self.sub_source = QLineEdit()
        self.sub_source.setMaxLength(100)
        self.currency = QComboBox()
        for code in currencies.CODES:
            self.currency.addItem(currencies.label(code), code)
        rows = (
            ("sub_source", self.sub_source, self.tr("Su&bSource"), self.tr("SubSource"),
             self.tr("The name this channel appears as in the app, its orders and reports, e.g. MyAllegroChannel.")),
            ("currency", self.currency, self.tr("&Default Currency"), self.tr("Default Currency"),
             self.tr("The currency given to orders and the channel when Allegro names none.")),
        )
        for name, widget, text, accessible, tip in rows:
            widget.setObjectName(f"rest_{name}")
            widget.setAccessibleName(accessible)
            widget.setToolTip(tip)
            label = QLabel(text)
            label.setBuddy(widget)
            label.setToolTip(tip)
            self.fields[name] = widget
            self.errors[name] = error_label(f"rest_{name}")
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(self.errors[name])
            form.addRow(label, cell)
            on_edit(widget, self._field_edited)

    def _build_connection(self, form: QFormLayout) -> None:
        self.environment = QLabel()
        self.environment.setObjectName("rest_environment")
        self.environment.setTextFormat(Qt.TextFormat.PlainText)
        self.environment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.environment.setToolTip(self.tr(
            "Where this channel's Allegro account lives. To sell through another environment, add a new "
            "channel for it."))
        form.addRow(QLabel(self.tr("Environment:")), self.environment)  # read only: no buddy
        self.login = QLabel()
        self.login.setObjectName("rest_login")
        self.login.setTextFormat(Qt.TextFormat.PlainText)
        self.login.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(QLabel(self.tr("Connected as:")), self.login)
        self.connect_button = QPushButton(self.tr("&Reconnect with Allegro…"))
        self.connect_button.setObjectName("reconnect_with_allegro")
        self.connect_button.setToolTip(self.tr(
            "Shows a code and opens allegro.pl: log in there as the seller and approve the application. "
            "Needed when Allegro ended the connection, or to connect another account."))
        self.connect_button.clicked.connect(self.reconnect)
        self.note = QLabel(self.tr(
            "A REST channel signs in by Allegro's approval page: the app keeps the login in the system "
            "keyring, never your password. There is no WebAPI key or version to keep up to date."))
        self.note.setObjectName("rest_account_note")
        self.note.setWordWrap(True)
        connect_row = QHBoxLayout()
        connect_row.addWidget(self.connect_button)
        connect_row.addStretch(1)
        form.addRow(QLabel(), connect_row)

    def _build_test(self, form: QFormLayout) -> None:
        self.test_button = QPushButton(self.tr("&Test"))
        self.test_button.setObjectName("rest_test_button")
        self.test_button.setAccessibleName(self.tr("Test the connection to Allegro"))
        self.test_button.setToolTip(self.tr("Ask Allegro which account this channel's login reaches (GET /me)."))
        self.test_button.clicked.connect(self.start_test)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("rest_cancel_test")
        self.cancel_button.setAccessibleName(self.tr("Stop waiting for the Test"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_test)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("rest_test_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        for widget in (self.test_button, self.cancel_button, self.busy):
            row.addWidget(widget)
        row.addWidget(self.status, 1)
        form.addRow(QLabel(), row)

    # --- load / to_config -----------------------------------------------------------------
    def load(self, config: ChannelConfig, *, has_stored_password: bool = False) -> None:
        self._base = replace(config, password=None)
        self.sub_source.setText(config.sub_source)
        self.currency.setCurrentIndex(max(self.currency.findData(config.currency), 0))
        self.environment.setText(environment_text(config.environment))
        self._show_login(config.username)
        self.clear_errors()
        self.status.clear()
        self._last_test = "untested"

    def _show_login(self, login: str) -> None:
        try:
            connected = self._base.id is not None and self._has_tokens()
        except secrets.KeyringUnavailable as error:
            self.login.setText(error.message)
            return
        if connected:
            self.login.setText(login or self.tr("an Allegro account (Test says which)"))
            self.connect_button.setText(self.tr("&Reconnect with Allegro…"))
        else:
            self.login.setText(self.tr("Not connected: use Connect with Allegro."))
            self.connect_button.setText(self.tr("&Connect with Allegro…"))

    def _has_tokens(self) -> bool:
        return rest_connected(self._base.id)

    def to_config(self) -> ChannelConfig:
        """The loaded channel with the name and currency shown; its OAuth connection stays as it is."""
        return replace(self._base, sub_source=self.sub_source.text(), currency=self.currency.currentData())

    @property
    def has_stored_password(self) -> bool:
        return False  # a REST channel has tokens, not a password

    def typed_password(self) -> bool:
        return False

    def test_state(self) -> str:
        return self._last_test

    def account_changed(self) -> bool:
        return False  # the connection changes only by Reconnect, which is stored at once

    # --- errors -------------------------------------------------------------------------
    def show_errors(self, problems: dict[str, str]) -> list[str]:
        shown = []
        for name, label in self.errors.items():
            message = problems.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
            self.fields[name].setAccessibleDescription(message)
            if message:
                shown.append(name)
        return shown

    def clear_errors(self) -> None:
        self.show_errors({})

    def has_errors(self) -> bool:
        return any(not label.isHidden() for label in self.errors.values())

    def focus_field(self, name: str) -> None:
        widget = self.fields.get(name)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _field_edited(self) -> None:
        if self.has_errors():
            recheck_errors(self.errors, self.fields, channels.validate(self.to_config()))
        self.edited.emit()

    # --- Reconnect ----------------------------------------------------------------------
    def reconnect(self) -> ConnectDialog | None:
        """Open Connect with Allegro for this channel (returned, already begun); its new
        login replaces the old one in the keyring as soon as Allegro approves."""
        environment = self._base.environment
        try:
            endpoints = rest_endpoints(environment, self.paths)
            client_id, client_secret = application(environment, self.paths)
        except (AllegroError, secrets.KeyringUnavailable) as error:
            self.status.setText(error.message)
            return None
        except (ValueError, OSError) as error:
            self.status.setText(str(error))
            return None
        self.dialog = ConnectDialog(endpoints, client_id, client_secret, self)
        self.dialog.connected.connect(self._connected)
        self.dialog.show()
        self.dialog.begin()
        return self.dialog

    def _connected(self, token: dict, login: str) -> None:
        try:
            stored = reconnect_rest_channel(self._base.id, self.paths, token, login)
        except (AllegroError, secrets.KeyringUnavailable) as error:
            self.status.setText(error.message)
            self._last_test = "failed"
            return
        if not stored:
            self.status.setText(self.tr("This channel was deleted meanwhile; nothing was stored."))
            return
        self._base = replace(self._base, username=login)
        self._show_login(login)
        self.status.setText(self.tr("Connected as %1.").replace("%1", login))
        self._last_test = "ok"
        self.connected.emit(login)

    # --- Test ---------------------------------------------------------------------------
    @property
    def testing(self) -> bool:
        return self._worker is not None

    def start_test(self) -> None:
        if self.testing or self._base.id is None:
            return
        worker = Worker(_who_am_i_job, self._base.id, self.paths)
        worker.succeeded.connect(lambda login, w=worker: self._test_succeeded(w, login))
        worker.failed.connect(lambda message, error, w=worker: self._test_failed(w, message, error))
        self._worker = worker
        self._set_busy(True)
        self.status.setText(self.tr("Asking Allegro which account this channel reaches…"))
        worker.start()

    def cancel_test(self) -> None:
        worker, self._worker = self._worker, None
        if worker is None:
            return
        worker.cancel()
        self.abandoned_workers.append(worker)
        worker.finished.connect(lambda w=worker: self.abandoned_workers.remove(w))
        self._set_busy(False)
        self.status.setText(self.tr("Test cancelled."))
        self.test_finished.emit("cancelled")

    def _set_busy(self, busy: bool) -> None:
        self.test_button.setEnabled(not busy)
        self.test_button.setText(self.tr("Testing…") if busy else self.tr("&Test"))
        self.cancel_button.setVisible(busy)
        self.busy.setVisible(busy)

    def _test_succeeded(self, worker: Worker, login: str) -> None:
        if worker is not self._worker:
            return
        self._worker = None
        self._set_busy(False)
        text = self.tr("OK: connected to Allegro as %1.").replace("%1", login)
        self.status.setText(text)
        self._last_test = "ok"
        Message.ask(Message(self, self.tr("Test"), "OK", icon=QMessageBox.Icon.Information, details=text))
        self.test_finished.emit("ok")

    def _test_failed(self, worker: Worker, message: str, error: object) -> None:
        if worker is not self._worker:
            return
        self._worker = None
        self._set_busy(False)
        text = error_message(error) if error is not None else message
        self.status.setText(text)
        self._last_test = "failed"
        Message.ask(Message(self, self.tr("Test failed"), text, icon=QMessageBox.Icon.Warning))
        self.test_finished.emit("failed")

    def shutdown(self) -> None:
        self.cancel_test()
        if self.dialog is not None:
            self.dialog.shutdown()
