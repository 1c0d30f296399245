"""What Inventory, Listings and Orders share: a filter bar over a table whose rows load on a
worker thread, a notice line saying what just happened, and their columns (and the split
between table and detail, where there is one) remembered between runs."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ui.filter_bar import FilterBar
from ui.tables import ALERT, RowTableModel, TableLoader, restore_header, save_header


class DeskScreen(QWidget):
    """After this __init__ a screen calls `add_rows`, then adds its own widgets to the
    layout it returns. `name` is the screen's object name and the prefix of its settings
    and child names."""

    def __init__(self, paths, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.name = name
        self.setObjectName(name)
        self.splitter: QSplitter | None = None  # table above the detail, on screens that have one

    def add_rows(self, model: RowTableModel, load_rows, filter_text: str, filter_name: str) -> QVBoxLayout:
        """The model, its loader and the filter bar over it; returns the screen's layout."""
        self.model = model
        self.loader = TableLoader(self.model, load_rows, self)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(self.show_error)

        self.layout_ = QVBoxLayout(self)
        self.bar = FilterBar(self, self.name, self.model, filter_text, filter_name)
        self.filter, self.count = self.bar.filter, self.bar.count_label
        self.layout_.addLayout(self.bar)
        return self.layout_

    def add_notice(self) -> QLabel:
        """The line under the buttons that says what was done, or what went wrong; plain text
        because it names what sellers and buyers typed (SKUs, titles, file names)."""
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setObjectName(f"{self.name}_notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.layout_.addWidget(self.notice)
        return self.notice

    def add_split(self, detail: QWidget, table_stretch: int, detail_stretch: int) -> QSplitter:
        """The table above `detail`, the seller moving the line between them."""
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName(f"{self.name}_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, table_stretch)
        self.splitter.setStretchFactor(1, detail_stretch)
        self.layout_.addWidget(self.splitter, 1)
        return self.splitter

    # --- loading ---------------------------------------------------------------
    def fill_choices(self) -> None:
        """Refill the bar's choices (channels, locations) that other screens may have changed."""

    def refresh(self) -> None:
        self.loader.refresh()

    def _loaded(self, _count: int) -> None:
        """The rows are in; the screen counts them and selects again what was selected."""

    def showEvent(self, event) -> None:  # a sync or another screen changed the rows meanwhile
        super().showEvent(event)
        if self.model.total():
            self.fill_choices()
            self.refresh()

    # --- selection ---------------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def select_id(self, row_id: int) -> bool:
        """Select and show the row of `row_id`; False when no row has it."""
        row = self.model.row_of(row_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # --- messages and state ------------------------------------------------------
    def flash(self, text: str) -> None:
        self.notice.setStyleSheet("")
        self.notice.setText(text)
        self.notice.show()

    def show_error(self, text: str) -> None:
        self.notice.setStyleSheet(f"color: {ALERT.name()}; font-weight: bold")
        self.notice.setText(text)
        self.notice.show()

    def restore_state(self) -> None:
        if self.splitter is not None:
            state = QSettings().value(f"{self.name}/splitter")
            if state is not None:
                self.splitter.restoreState(state)
        restore_header(self.table, self.name)

    def save_state(self) -> None:
        if self.splitter is not None:
            QSettings().setValue(f"{self.name}/splitter", self.splitter.saveState())
        save_header(self.table, self.name)

    def shutdown(self) -> None:
        self.save_state()
        self.loader.shutdown()
