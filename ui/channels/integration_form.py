"""The Integration screen: the Allegro account of a channel, its Test, and Save.

`IntegrationForm` holds the account fields (SubSource, Username, Password, Api Key,
Api Key Version, Default Currency, environment) and the Test button; the config
screen embeds it as its Account tab. `IntegrationScreen` is the form as a page of its
own, with Back and Save, for a new channel.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
from core.allegro import environments
from core.allegro.errors import VersionKeyMismatch
from core.channels import ChannelConfig
from ui.channels.message import Message, Role
from ui.workers import Worker, error_message

# The fields Test needs; SubSource and currency do not matter to Allegro's login.
TEST_FIELDS = ("username", "password", "api_key", "api_key_version", "environment")

ENVIRONMENTS = (
    ("sandbox", QT_TRANSLATE_NOOP("IntegrationForm", "Sandbox — the built-in Allegro emulator on this computer")),
    ("production", QT_TRANSLATE_NOOP("IntegrationForm", "Production — Allegro.pl")),
    ("custom", QT_TRANSLATE_NOOP("IntegrationForm", "Custom WebAPI address")),
)

ERROR_STYLE = "color: #b3261e;"


def error_label(name: str) -> QLabel:
    """The red sentence under a field; hidden while the field is fine."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName(f"{name}_error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def on_edit(widget: QWidget, slot) -> None:
    """Call `slot()` whenever the seller changes the field, whatever kind of field it is."""
    for signal in ("textChanged", "dateTimeChanged", "valueChanged", "currentIndexChanged", "toggled"):
        if hasattr(widget, signal):
            getattr(widget, signal).connect(lambda *_: slot())
            return


def recheck_errors(errors: dict[str, QLabel], widgets: dict[str, QWidget], problems: dict[str, str]) -> bool:
    """After an edit: each red sentence shown is updated to `problems` (fresh from validation)
    and goes once its field is right; none is added while typing. True when none is left."""
    for name, label in errors.items():
        if label.isHidden():
            continue
        message = problems.get(name, "")
        label.setText(message)
        label.setVisible(bool(message))
        widgets[name].setAccessibleDescription(message)
    return all(label.isHidden() for label in errors.values())


def _test_job(report, cancelled, config: ChannelConfig, password: str, paths, timeout: float):
    report(QCoreApplication.translate("IntegrationForm", "Testing"), 0, 0)
    return channels.check_connection(config, password, paths, timeout=timeout)


class IntegrationForm(QWidget):
    """Account fields + Test. `load(config)` / `to_config()` over a ChannelConfig."""

    test_finished = Signal(str)  # "ok", "failed", "cancelled" or "invalid", after any message was shown
    version_accepted = Signal(int)
    edited = Signal()  # the seller changed a field (its red sentence, if any, was checked again)

    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("integration_form")
        self.test_timeout = 20.0
        self._base = ChannelConfig()
        self._has_stored_password = False
        self._worker: Worker | None = None
        self._custom_address = ""
        self.abandoned_workers: list[Worker] = []  # cancelled Tests still finishing in the background
        self._last_test: tuple[str, tuple] | None = None  # (outcome, the account fields it tested)
        self._testing_key: tuple = ()
        self.test_finished.connect(lambda outcome: setattr(self, "_last_test", (outcome, self._testing_key)))

        self.sub_source = QLineEdit()
        self.sub_source.setMaxLength(100)
        self.sub_source.setPlaceholderText("MyAllegroChannel")
        self.username = QLineEdit()
        self.username.setMaxLength(254)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key = QLineEdit()
        self.api_key.setMaxLength(100)
        self.api_key_version = QLineEdit()
        self.api_key_version.setPlaceholderText(self.tr("for example 1505"))
        self.currency = QComboBox()
        for code in currencies.CODES:
            self.currency.addItem(currencies.label(code), code)
        self.environment = QComboBox()
        for key, text in ENVIRONMENTS:
            self.environment.addItem(self.tr(text), key)
        self.address = QLineEdit()
        self.address.setMaxLength(500)
        self.demo_button = QPushButton(self.tr("Fill in the demo account"))
        self.demo_button.setObjectName("demo_account")
        self.demo_button.setAccessibleName(self.tr("Fill in the Sandbox demo account"))
        self.demo_button.setToolTip(
            self.tr(
                "The Sandbox comes with a demo shop: login sandbox-seller, password sandbox-pass-1, "
                "WebAPI key SANDBOX-WEBAPI-KEY."
            )
        )
        self.demo_button.clicked.connect(self.fill_demo_account)

        self.fields: dict[str, QWidget] = {
            "sub_source": self.sub_source,
            "username": self.username,
            "password": self.password,
            "api_key": self.api_key,
            "api_key_version": self.api_key_version,
            "currency": self.currency,
            "environment": self.environment,
            "address": self.address,
        }
        for name, widget in self.fields.items():
            widget.setObjectName(name)
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows = (
            ("sub_source", self.tr("Su&bSource"), self.tr("SubSource"),
             self.tr("The name this channel appears as in the app, its orders and reports, e.g. MyAllegroChannel.")),
            ("username", self.tr("&Username"), self.tr("Username"),
             self.tr("Your Allegro login (1–16 characters) or the e-mail address you log in with.")),
            ("password", self.tr("&Password"), self.tr("Password"),
             self.tr("Your Allegro password. It is kept in the system keyring, never in the app's database or logs.")),
            ("api_key", self.tr("Api &Key"), self.tr("Api Key"),
             self.tr("The WebAPI key generated in My Allegro → WebAPI.")),
            ("api_key_version", self.tr("Api Key &Version"), self.tr("Api Key Version"),
             self.tr("Allegro's current version key, a whole number. Test tells you when Allegro has moved on "
                     "and offers the current one.")),
            ("currency", self.tr("&Default Currency"), self.tr("Default Currency"),
             self.tr("The currency given to orders and the channel when Allegro names none.")),
            ("environment", self.tr("E&nvironment"), self.tr("Environment"),
             self.tr("Sandbox: the built-in emulator with a demo shop, started when needed. Production: the real "
                     "Allegro.pl. Custom: a WebAPI address of your own, such as a sandbox run with main.py sandbox.")),
            ("address", self.tr("WebAPI &address"), self.tr("WebAPI address"),
             self.tr("The service address used for this environment.")),
        )
        for name, text, accessible, tip in rows:
            label = QLabel(text)
            label.setObjectName(f"{name}_label")
            label.setBuddy(self.fields[name])
            label.setToolTip(tip)
            self.labels[name] = label
            widget = self.fields[name]
            widget.setAccessibleName(accessible)
            widget.setToolTip(tip)
            error = error_label(name)
            self.errors[name] = error
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            if name == "environment":
                cell.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
            cell.addWidget(error)
            form.addRow(label, cell)
            on_edit(widget, self._field_edited)

        self.test_button = QPushButton(self.tr("&Test"))
        self.test_button.setObjectName("test_button")
        self.test_button.setAccessibleName(self.tr("Test the connection to Allegro"))
        self.test_button.setToolTip(self.tr("Ask Allegro whether it accepts the Api Key Version and the login."))
        self.test_button.clicked.connect(self.start_test)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_test")
        self.cancel_button.setAccessibleName(self.tr("Stop waiting for the Test"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_test)
        self.busy = QProgressBar()
        self.busy.setObjectName("test_busy")
        self.busy.setAccessibleName(self.tr("Testing"))
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # Allegro's messages
        self.status.setObjectName("test_status")
        self.status.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.cancel_button)
        test_row.addWidget(self.busy)
        test_row.addWidget(self.status, 1)
        form.addRow("", test_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addStretch(1)

        order = [*self.fields.values()]
        order.insert(order.index(self.address), self.demo_button)
        order += [self.test_button, self.cancel_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

        self.environment.currentIndexChanged.connect(self._environment_changed)
        self._environment_changed()

    # --- load / to_config -------------------------------------------------------------
    def load(self, config: ChannelConfig, *, has_stored_password: bool = False) -> None:
        """Show `config`; with a stored password the Password field may stay empty."""
        self._base = replace(config, password=None)
        self._has_stored_password = has_stored_password
        self.sub_source.setText(config.sub_source)
        self.username.setText(config.username)
        self.password.clear()
        self.password.setPlaceholderText(
            self.tr("Kept in the keyring — type a new one to change it") if has_stored_password else ""
        )
        self.api_key.setText(config.api_key)
        self.api_key_version.setText(config.api_key_version)
        index = self.currency.findData(config.currency)
        self.currency.setCurrentIndex(max(index, 0))
        if config.environment in (channels.SANDBOX, channels.PRODUCTION):
            self.environment.setCurrentIndex(self.environment.findData(config.environment))
            self._custom_address = ""
        else:
            self._custom_address = config.environment
            self.environment.setCurrentIndex(self.environment.findData("custom"))
        self._environment_changed()
        self.clear_errors()
        self.status.clear()
        self._last_test = None

    def to_config(self) -> ChannelConfig:
        """What the form shows, over the loaded config (its id and options)."""
        kind = self.environment.currentData()
        environment = self.address.text().strip() if kind == "custom" else kind
        return replace(
            self._base,
            sub_source=self.sub_source.text(),
            username=self.username.text(),
            password=self.password.text() or None,
            api_key=self.api_key.text(),
            api_key_version=self.api_key_version.text(),
            currency=self.currency.currentData(),
            environment=environment,
        )

    @property
    def has_stored_password(self) -> bool:
        return self._has_stored_password

    def typed_password(self) -> bool:
        """Whether a new password was typed (an unsaved change of its own)."""
        return bool(self.password.text())

    def _account_key(self) -> tuple:
        config = self.to_config()
        return (config.username.strip(), config.password or "", config.api_key.strip(), config.api_key_version.strip(), config.environment.strip())

    def test_state(self) -> str:
        """"ok" when the last Test of the fields as they are now passed, "failed" when it
        failed, "untested" when there was none (or the account fields changed since)."""
        if self._last_test is None or self._last_test[1] != self._account_key():
            return "untested"
        return {"ok": "ok", "failed": "failed"}.get(self._last_test[0], "untested")

    def account_changed(self) -> bool:
        """Whether the account fields differ from the loaded channel's (a new password counts)."""
        base = self._base
        return self._account_key() != (base.username.strip(), "", base.api_key.strip(), base.api_key_version.strip(), base.environment.strip())

    # --- errors next to the fields ----------------------------------------------------------
    def show_errors(self, problems: dict[str, str]) -> list[str]:
        """Show each problem under its field; returns the fields of this form that have one."""
        routed = dict(problems)
        if self.environment.currentData() == "custom" and "environment" in routed:
            routed["address"] = routed.pop("environment")  # the address is what is wrong
        shown = []
        for name, label in self.errors.items():
            message = routed.get(name, "")
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

    def current_problems(self) -> dict[str, str]:
        """What validation says of the fields now (the address carries the environment's)."""
        problems = channels.validate(self.to_config(), new_password_needed=not self._has_stored_password)
        if self.environment.currentData() == "custom" and "environment" in problems:
            problems["address"] = problems.pop("environment")
        return problems

    def _field_edited(self) -> None:
        if self.has_errors():
            recheck_errors(self.errors, self.fields, self.current_problems())
        if self.status.text() == self.tr("Correct the fields marked in red, then Test again.") and not self.has_errors():
            self.status.clear()
        self.edited.emit()

    def focus_field(self, name: str) -> None:
        widget = self.fields.get(name)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- environment ----------------------------------------------------------------------
    def _environment_changed(self, *_args) -> None:
        kind = self.environment.currentData()
        custom = kind == "custom"
        if not custom and not self.address.isReadOnly():  # leaving Custom: remember its address
            self._custom_address = self.address.text()
        self.address.setReadOnly(not custom)
        if kind == "production":
            self.address.setText(environments.PRODUCTION_URL)
            self.address.setPlaceholderText("")
        elif kind == "sandbox":
            self.address.setText("")
            self.address.setPlaceholderText(self.tr("Started on this computer when needed"))
        else:
            self.address.setText(self._custom_address)
            self.address.setPlaceholderText(self.tr("https://… or http://127.0.0.1:PORT/service.php"))
        self.demo_button.setVisible(kind == "sandbox")

    def fill_demo_account(self) -> None:
        from core.allegro import local_sandbox

        self.username.setText(local_sandbox.demo_account().username)
        self.password.setText(local_sandbox.demo_account().password)
        self.api_key.setText(local_sandbox.demo_account().api_key)
        if not self.api_key_version.text().strip():
            self.api_key_version.setText(str(local_sandbox.demo_version_key()))
        if not self.sub_source.text().strip():
            self.sub_source.setText("AllegroSandbox")

    # --- Test -----------------------------------------------------------------------------
    @property
    def testing(self) -> bool:
        return self._worker is not None

    def start_test(self) -> None:
        if self.testing:
            return
        self._testing_key = self._account_key()  # what this Test's outcome speaks for
        config = self.to_config()
        problems = channels.validate(
            config, taken_names=set(), new_password_needed=not self._has_stored_password
        )
        problems = {k: v for k, v in problems.items() if k in TEST_FIELDS}
        self.show_errors(problems)
        if problems:
            self.focus_field(next(f for f in TEST_FIELDS if f in problems))
            self.status.setText(self.tr("Correct the fields marked in red, then Test again."))
            self.test_finished.emit("invalid")
            return
        password = config.password
        if not password:
            try:
                password = channels.stored_password(config.id) if config.id is not None else None
            except secrets.KeyringUnavailable as error:
                self._tell(self.tr("Test"), error.message, QMessageBox.Icon.Warning)
                self.test_finished.emit("failed")
                return
            if not password:
                self.show_errors({"password": self.tr("The keyring has no password for this channel. Type it again.")})
                self.focus_field("password")
                self.test_finished.emit("invalid")
                return
        worker = Worker(_test_job, config, password, self.paths, self.test_timeout)
        worker.succeeded.connect(lambda outcome, w=worker: self._test_succeeded(w, outcome))
        worker.failed.connect(lambda message, error, w=worker: self._test_failed(w, message, error))
        self._worker = worker
        self._set_busy(True)
        where = config.environment
        if config.environment == channels.PRODUCTION:
            where = environments.PRODUCTION_URL
        if config.environment == channels.SANDBOX:
            self.status.setText(self.tr("Testing with the Sandbox…"))
        else:
            self.status.setText(self.tr("Testing with %1…").replace("%1", where))
        worker.start()

    def cancel_test(self) -> None:
        """Stop waiting: the Test's answer, whenever it comes, is ignored."""
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
        if busy:
            self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.cancel_button.hasFocus() or self.focusWidget() is None:
            self.test_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _test_succeeded(self, worker: Worker, outcome) -> None:
        if worker is not self._worker:
            return
        self._worker = None
        self._set_busy(False)
        self.status.setText(self.tr("OK: Allegro accepted the Api Key Version and the login."))
        self._tell(
            self.tr("Test"),
            "OK",
            QMessageBox.Icon.Information,
            details=self.tr("Allegro at %1 accepted Api Key Version %2 and the login of %3.")
            .replace("%1", str(outcome.url))
            .replace("%2", str(outcome.version_key))
            .replace("%3", self.username.text().strip()),
        )
        self.test_finished.emit("ok")

    def _test_failed(self, worker: Worker, message: str, error: object) -> None:
        if worker is not self._worker:
            return
        self._worker = None
        self._set_busy(False)
        if isinstance(error, VersionKeyMismatch):
            self.status.setText(self.tr("Allegro's Api Key Version has changed."))
            box = Message(
                self,
                self.tr("Test"),
                error.message,
                icon=QMessageBox.Icon.Question,
                buttons=(
                    ("use", self.tr("Use %1").replace("%1", str(error.current)), Role.AcceptRole),
                    ("keep", self.tr("Keep what I typed"), Role.RejectRole),
                ),
                default="use",
            )
            if Message.ask(box) == "use":
                self.use_version_key(error.current)
        else:
            self.status.setText(error_message(error) if error is not None else message)
            self._tell(self.tr("Test failed"), error_message(error) if error is not None else message, QMessageBox.Icon.Warning)
        self.test_finished.emit("failed")

    def use_version_key(self, value: int) -> None:
        self.api_key_version.setText(str(value))
        self.show_errors({})
        self.status.setText(self.tr("Api Key Version set to %1. Test again, or Save to keep it.").replace("%1", str(value)))
        self.version_accepted.emit(value)

    def _tell(self, title: str, text: str, icon, details: str = "") -> None:
        Message.ask(Message(self, title, text, icon=icon, details=details))

    def shutdown(self) -> None:
        """Stop waiting for a running Test (the window is closing)."""
        self.cancel_test()


class IntegrationScreen(QWidget):
    """A new channel's Integration screen: Back, the form, Save at the top right."""

    saved = Signal(int)  # the new channel's id
    back_requested = Signal()

    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("integration_screen")
        self.form = IntegrationForm(paths)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setObjectName("integration_back")
        self.back_button.setAccessibleName(self.tr("Back to Add New Channel"))
        self.back_button.setShortcut(QKeySequence("Alt+Left"))
        self.back_button.setToolTip(self.tr("Back to Add New Channel (Alt+Left). What you typed stays here."))
        self.back_button.clicked.connect(self.back_requested)
        title = QLabel(self.tr("<b>Allegro.pl integration</b>"))
        title.setObjectName("integration_title")
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("integration_save")
        self.save_button.setAccessibleName(self.tr("Save the channel"))
        self.save_button.setToolTip(self.tr("Save the channel (Ctrl+S); the password goes to the system keyring."))
        self.save_button.clicked.connect(self.save)
        save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.save)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(title, 1)
        header.addWidget(self.save_button)
        intro = QLabel(
            self.tr(
                "Connect an Allegro account. Fill in the fields, press Test to check them with Allegro, "
                "then Save. The options of the channel come next."
            )
        )
        intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("integration_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addWidget(self.form, 1)
        # the banner speaks of the red fields or of a failed save: it goes with them
        self.form.edited.connect(lambda: self.message.clear() if not self.form.has_errors() else None)
        self.form.test_finished.connect(lambda outcome: self.message.clear() if outcome == "ok" else None)
        QWidget.setTabOrder(self.back_button, self.form.sub_source)
        QWidget.setTabOrder(self.form.cancel_button, self.save_button)

    def start_new(self) -> None:
        """A blank form for a new channel (Sandbox, PLN, Sync Orders From now)."""
        self.form.load(ChannelConfig())
        self.message.clear()

    def save(self) -> None:
        config = replace(self.form.to_config(), sync_orders_from=ChannelConfig().sync_orders_from)
        problems = channels.validate(config)
        shown = self.form.show_errors(problems)
        if problems:
            self.message.setText(self.tr("The channel was not saved: correct the fields marked in red."))
            if shown:
                self.form.focus_field(shown[0])
            return
        from ui.channels.honest_save import checked_before_save

        config = checked_before_save(self, config, self.form.test_state())
        if config is None:
            self.message.setText(self.tr("The channel was not saved."))
            return
        try:
            saved = channels.save(config)
        except secrets.KeyringUnavailable as error:
            self.message.setText(error.message)
            Message.ask(Message(self, self.tr("Channel not saved"), error.message, icon=QMessageBox.Icon.Warning))
            return
        except channels.ChannelInvalid as error:  # another window took the name meanwhile
            self.form.show_errors(error.errors)
            self.message.setText(self.tr("The channel was not saved: correct the fields marked in red."))
            return
        self.message.clear()
        self.saved.emit(saved.id)
