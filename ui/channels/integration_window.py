"""Settings → Channel Integration: the list of channels."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from core.models import Channel


class ChannelIntegrationWindow(QDialog):
    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("channel_integration")
        self.setWindowTitle(self.tr("Channel Integration"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("<b>Channels</b>")))
        top.addStretch(1)
        self.add_button = QPushButton(self.tr("Add New Channel"))
        self.add_button.setObjectName("add_new_channel")
        top.addWidget(self.add_button)
        layout.addLayout(top)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("channel_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("SubSource"), self.tr("Enabled"), self.tr("Inventory Sync"), self.tr("Last sync")]
        )
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        self.table.setRowCount(Channel.select().count())
