"""Choose the stock item a listing sells: search by SKU or title."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core import inventory
from core.listing_links import search_items
from ui.keyboard import set_enabled
from ui.tables import Column, RowTableModel, make_table
from ui.text import escape


class ItemsModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(
            [Column(QCoreApplication.translate("ItemsModel", "SKU"), width=130), Column(QCoreApplication.translate("ItemsModel", "Title"), width=320), Column(QCoreApplication.translate("ItemsModel", "Available"), numeric=True)], parent
        )


class LinkDialog(QDialog):
    """Type to search; Enter or double-click links the highlighted item."""

    def __init__(self, listing_title: str, search: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen_id: int | None = None
        self.setObjectName("link_dialog")
        self.setWindowTitle(self.tr("Link listing to a stock item"))
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Listing: <b>%1</b>").replace("%1", escape(listing_title)))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        label = QLabel(self.tr("&Search by SKU or title:"))
        self.search = QLineEdit(search)
        self.search.setObjectName("link_search")
        self.search.setClearButtonEnabled(True)
        label.setBuddy(self.search)
        layout.addWidget(label)
        layout.addWidget(self.search)
        self.model = ItemsModel(self)
        self.table = make_table("link_results", self.model, self)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.table, 1)
        self.hint = QLabel()
        self.hint.setObjectName("link_hint")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox()
        self.link_button = self.buttons.addButton(self.tr("&Link"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.link_button.setObjectName("link_button")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # a search per keystroke at 100,000 items is wasted work; wait for a pause in typing
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.installEventFilter(self)
        self.run_search()

    def eventFilter(self, watched, event) -> bool:
        # arrows in the search field move through the results, so the keyboard never leaves it
        if watched is self.search and event.type() == event.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.table.setFocus()
                self.table.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    def run_search(self) -> None:
        self._timer.stop()
        items = search_items(self.search.text())
        numbers = inventory.availability(item_ids=[i.id for i in items]) if items else {}
        self.model.set_rows(
            [(i.id, i.sku, i.title, numbers.get(i.id, inventory.NOTHING).available) for i in items]
        )
        if items:
            self.table.selectRow(0)
        set_enabled(self.link_button, bool(items), self.tr("No stock item found: type part of its SKU or title."))
        if not self.search.text().strip():
            self.hint.setText(self.tr("Type part of a SKU or title."))
        elif not items:
            self.hint.setText(self.tr("No stock item matches."))
        else:
            self.hint.setText(self.tr("%n match(es).", "", len(items)))

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def accept(self) -> None:
        if self._timer.isActive():
            self.run_search()
        self.chosen_id = self.current_id()
        if self.chosen_id is not None:
            super().accept()

    @classmethod
    def ask(cls, listing_title: str, search: str = "", parent: QWidget | None = None) -> int | None:
        """The chosen stock item's id, or None. Tests replace this method."""
        dialog = cls(listing_title, search, parent)
        dialog.exec()
        return dialog.chosen_id
