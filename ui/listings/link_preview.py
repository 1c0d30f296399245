"""What "Link all exact matches" will link, shown before it links: counts per channel, the
ambiguous titles left out, offers that appear in several channels, and the list itself."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from ui.tables import ALERT

from core.listing_rows import SUGGESTED_ITEM
from core.stock_rows import skus as skus_of

OFFER, TITLE, CHANNEL_NAME = 1, 2, 10  # columns of core.listing_rows rows


class LinkPreview(QDialog):
    def __init__(self, rows: Sequence[tuple], ambiguous: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("link_preview")
        self.setWindowTitle(self.tr("Link all exact matches"))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        self.heading = QLabel(
            self.tr("Link %n listing(s), each to the one stock item with exactly its title?", "", len(rows))
        )
        self.heading.setObjectName("link_preview_heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        per_channel = Counter(r[CHANNEL_NAME] for r in rows)
        counts = ", ".join(f"{name}: {n}" for name, n in sorted(per_channel.items()))
        details = self.tr("By channel: %1.").replace("%1", counts)
        if ambiguous:
            details += " " + self.tr("%n ambiguous title(s) are left for linking by hand.", "", ambiguous)
        self.counts = QLabel(details)
        self.counts.setObjectName("link_preview_counts")
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        offers = Counter(r[OFFER] for r in rows)
        twice = sum(1 for n in offers.values() if n > 1)
        self.warning = QLabel(
            self.tr(
                "%n offer(s) appear in more than one channel: the same Allegro account seems to be added twice, "
                "and its listings would be linked twice.", "", twice
            )
        )
        self.warning.setObjectName("link_preview_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {ALERT.name()}; font-weight: bold")
        self.warning.setVisible(twice > 0)
        layout.addWidget(self.warning)
        self.list = QListWidget()
        self.list.setObjectName("link_preview_list")
        self.list.setAccessibleName(self.tr("Listings to link"))
        ids = sorted({r[SUGGESTED_ITEM] for r in rows})
        skus = skus_of(ids)
        for r in rows:
            self.list.addItem(f"{r[OFFER]}  {r[TITLE]}  →  {skus.get(r[SUGGESTED_ITEM], '')}  ({r[CHANNEL_NAME]})")
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        self.link_button = buttons.addButton(
            self.tr("&Link %n listing(s)", "", len(rows)), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.link_button.setObjectName("link_preview_link")
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, rows: Sequence[tuple], ambiguous: int, parent: QWidget | None = None) -> bool:
        """True when the seller links them. Tests replace this method or `exec`."""
        return cls(rows, ambiguous, parent).exec() == QDialog.DialogCode.Accepted
