"""The Allegro.pl (REST) integration form: SubSource, Default Currency, environment, and
Connect with Allegro. The channel is saved once Allegro approved the application."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import currencies, secrets
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
from core.channel_rows import add_rest_channel, name_taken
from ui.channels.connect_dialog import ConnectDialog

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
