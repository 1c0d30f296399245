"""The Add New Channel screen: the channels the app can integrate, each with Integrate."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# kind -> (name, what it is). Allegro.pl over the REST API comes first: it is the current one.
CHANNEL_KINDS = {
    "allegro_rest": (
        "Allegro.pl",
        QT_TRANSLATE_NOOP(
            "AddChannelScreen",
            "Poland's largest marketplace, through Allegro's current REST API. Connect with Allegro: approve "
            "the app on allegro.pl, no password is typed here. Downloads orders, keeps listing quantities in "
            "step with your stock, ends and relists listings, sends tracking numbers.",
        ),
    ),
    "allegro": (
        QT_TRANSLATE_NOOP("AddChannelScreen", "Allegro.pl WebAPI (legacy)"),
        QT_TRANSLATE_NOOP(
            "AddChannelScreen",
            "Poland's largest marketplace. Downloads orders, keeps listing quantities in step with your "
            "stock, ends listings that run out and relists them when stock returns, sends tracking numbers.\n"
            "No account at hand? Keep the Sandbox environment on the next screen to try it all on the "
            "built-in demo shop.",
        ),
    ),
}


class AddChannelScreen(QWidget):
    integrate_requested = Signal(str)  # the channel kind
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add_channel")
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setObjectName("add_channel_back")
        self.back_button.setAccessibleName(self.tr("Back to the channel list"))
        self.back_button.setShortcut(QKeySequence("Alt+Left"))
        self.back_button.setToolTip(self.tr("Back to the channel list (Alt+Left)."))
        self.back_button.clicked.connect(self.back_requested)
        title = QLabel(self.tr("<b>Add New Channel</b>"))
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(title, 1)
        intro = QLabel(self.tr("Choose the channel to connect, then press Integrate."))
        intro.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(intro)
        self.integrate_buttons: dict[str, QPushButton] = {}
        for kind, (name, description) in CHANNEL_KINDS.items():
            layout.addWidget(self._card(kind, name, description))
        layout.addStretch(1)

    def _card(self, kind: str, name: str, description: str) -> QFrame:
        card = QFrame()
        card.setObjectName(f"channel_kind_{kind}")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(f"<b>{self.tr(name)}</b>")
        text = QLabel(self.tr(description))
        text.setWordWrap(True)
        # one mnemonic each: Alt+I the current Allegro.pl, Alt+W the legacy WebAPI
        button = QPushButton(self.tr("&Integrate") if kind == "allegro_rest" else self.tr("Integrate (&WebAPI)"))
        button.setObjectName(f"integrate_{kind}")
        button.setAccessibleName(self.tr("Integrate %1").replace("%1", self.tr(name)))
        button.setToolTip(self.tr("Connect an %1 account.").replace("%1", self.tr(name)))
        button.clicked.connect(lambda _=False, k=kind: self.integrate_requested.emit(k))
        self.integrate_buttons[kind] = button
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(text)
        row = QHBoxLayout(card)
        row.addLayout(words, 1)
        row.addWidget(button)
        return card
