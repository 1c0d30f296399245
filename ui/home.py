"""The overview: what is in the database at a glance, and where to start."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from core.models import Channel, Listing, Order, StockItem


class HomeScreen(QWidget):
    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("<h2>Allegro Channel Manager</h2>"))
        layout.addWidget(heading)
        intro = QLabel(
            self.tr(
                "Your stock and your Allegro.pl channels in one place. Add a channel under "
                "<b>Settings → Channel Integration</b>; the built-in Sandbox lets you try "
                "everything without an Allegro account."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.counts = QFormLayout()
        self.labels = {}
        for key, text in (
            ("channels", self.tr("Channels")),
            ("items", self.tr("Stock items")),
            ("listings", self.tr("Listings")),
            ("orders", self.tr("Orders")),
        ):
            value = QLabel("0")
            value.setObjectName(f"count_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = value
            self.counts.addRow(text + ":", value)
        layout.addLayout(self.counts)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        self.labels["channels"].setText(str(Channel.select().count()))
        self.labels["items"].setText(str(StockItem.select().count()))
        self.labels["listings"].setText(str(Listing.select().count()))
        self.labels["orders"].setText(str(Order.select().count()))

    def showEvent(self, event) -> None:  # counts change while other screens are used
        self.refresh()
        super().showEvent(event)
