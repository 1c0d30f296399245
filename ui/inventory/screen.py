"""Inventory: stock items with level, allocated and available per location; CSV in and out."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.listing_links import status_text
from core.choices import location_choices, location_name
from core.stock_admin import delete_items, linked_listings
from core.stock_csv import apply_import, export_csv, read_import
from core.stock_rows import item_detail, stock_rows
from ui.confirm_box import ConfirmBox
from ui.desk import DeskScreen
from ui.inventory.import_dialog import ImportPreviewDialog
from ui.inventory.item_dialog import ItemDialog
from ui.inventory.locations_dialog import LocationsDialog
from ui.keyboard import set_enabled
from ui.tables import (
    ALERT,
    MUTED,
    Column,
    ColumnFit,
    RowTableModel,
    finish,
    make_table,
    prepare,
)
from ui.workers import Worker
from ui.text import escape

ALL_LOCATIONS = -1


class StockModel(RowTableModel):
    LEVEL, ALLOCATED, AVAILABLE = 3, 4, 5

    def __init__(self, parent=None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("StockModel", "SKU"), width=130),
                Column(QCoreApplication.translate("StockModel", "Title"), width=330, stretch=True),
                Column(QCoreApplication.translate("StockModel", "Barcode"), width=120),
                Column(QCoreApplication.translate("StockModel", "Stock level"), numeric=True, tooltip=QCoreApplication.translate("StockModel", "Quantity counted in stock"), width=90),
                Column(QCoreApplication.translate("StockModel", "Allocated"), numeric=True, tooltip=QCoreApplication.translate("StockModel", "Held by open orders"), width=80),
                Column(QCoreApplication.translate("StockModel", "Available"), numeric=True, tooltip=QCoreApplication.translate("StockModel", "Stock level minus allocated"), width=80),
                Column(QCoreApplication.translate("StockModel", "Listings"), numeric=True, tooltip=QCoreApplication.translate("StockModel", "Listings linked to this item"), width=65),
            ],
            parent,
        )

    def foreground(self, row, column):
        if column == self.AVAILABLE and row[self.AVAILABLE + 1] < 0:
            return ALERT  # open orders need more than is in stock
        if column == self.AVAILABLE and row[self.AVAILABLE + 1] == 0:
            return MUTED
        return None

    def tooltip(self, row, column):
        if column == self.AVAILABLE and row[self.AVAILABLE + 1] < 0:
            return QCoreApplication.translate("StockModel", "Open orders need more than is in stock")
        return None


class InventoryScreen(DeskScreen):
    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(paths, "inventory", parent)
        self.job: Worker | None = None
        self._reselect: int | None = None
        layout = self.add_rows(
            StockModel(self), self._load_rows,
            self.tr("Filter by SKU, title or barcode (Ctrl+F)"), self.tr("Filter stock items"),
        )
        # a location reloads the rows (levels differ per location): not a row filter
        self.location = self.bar.add_choice(self.tr("&Location:"), "inventory_location")
        self.location.setMinimumContentsLength(14)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add item…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.locations_button = QPushButton(self.tr("L&ocations…"))
        self.import_button = QPushButton(self.tr("&Import CSV…"))
        self.export_button = QPushButton(self.tr("E&xport CSV…"))
        for button, slot, name in (
            (self.add_button, self.add_item, "add_item"),
            (self.edit_button, self.edit_item, "edit_item"),
            (self.delete_button, self.delete_selected, "delete_items"),
            (self.locations_button, self.edit_locations, "locations"),
            (self.import_button, self.import_csv, "import_csv"),
            (self.export_button, self.export_csv, "export_csv"),
        ):
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
            if button is self.delete_button:
                buttons.addSpacing(16)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.add_notice()

        self.table = make_table("stock_table", self.model, self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.doubleClicked.connect(lambda _index: self.edit_item())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.bar.lead_into(self.table)
        self.model.filtered.connect(self._update_count)
        self.model.modelReset.connect(self.show_detail)

        self.detail = QWidget()
        detail_layout = QHBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.detail_title = QLabel(self.tr("Select an item to see its stock per location."))
        self.detail_title.setObjectName("detail_title")
        self.detail_title.setWordWrap(True)
        left.addWidget(self.detail_title)
        self.per_location = self._small_table(
            "per_location", [self.tr("Location"), self.tr("Stock level"), self.tr("Allocated"), self.tr("Available")], 0
        )
        self.per_location.horizontalHeaderItem(2).setToolTip(self.tr("Held by open orders"))
        left.addWidget(self.per_location)
        detail_layout.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Linked listings:")))
        self.linked = self._small_table(
            "linked_listings", [self.tr("Channel"), self.tr("Offer"), self.tr("Status"), self.tr("Title")], 3
        )
        right.addWidget(self.linked)
        detail_layout.addLayout(right, 1)

        self.add_split(self.detail, 3, 1)

        bottom = QHBoxLayout()
        self.step = QLabel()
        self.step.setTextFormat(Qt.TextFormat.PlainText)
        self.step.setObjectName("inventory_step")
        self.progress = QProgressBar()
        self.progress.setObjectName("inventory_progress")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("inventory_cancel")
        self.cancel_button.clicked.connect(self.cancel_job)
        bottom.addWidget(self.step, 1)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)
        self._show_progress(False)

        self._shortcut(QKeySequence.StandardKey.New, self.add_item)
        self._shortcut(QKeySequence.StandardKey.Delete, self.delete_selected, self.table)
        self._shortcut("Return", self.edit_item, self.table)

        self.restore_state()
        self.fill_locations()
        self.location.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    # --- building ------------------------------------------------------------
    def _small_table(self, name: str, headers: list[str], stretch: int) -> QTableWidget:
        """A detail table: columns fit their header and rows, column `stretch` takes the rest."""
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        table.column_fit = ColumnFit(table, [Column(h, stretch=i == stretch) for i, h in enumerate(headers)], title_chars=12)
        return table

    def _shortcut(self, keys, slot, widget: QWidget | None = None) -> None:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False: slot())
        (widget or self).addAction(action)

    # --- loading -------------------------------------------------------------
    def location_id(self) -> int | None:
        value = self.location.currentData()
        return None if value in (None, ALL_LOCATIONS) else value

    def fill_locations(self) -> None:
        previous = self.location.currentData()
        if previous is None:
            previous = QSettings().value("inventory/location", ALL_LOCATIONS, type=int)
        self.location.blockSignals(True)
        self.location.clear()
        self.location.addItem(self.tr("All locations"), ALL_LOCATIONS)
        for loc in location_choices():
            self.location.addItem(loc.name + (self.tr(" (default)") if loc.is_default else ""), loc.id)
        index = self.location.findData(previous)
        self.location.setCurrentIndex(max(index, 0))
        self.location.blockSignals(False)

    def _load_rows(self):
        return prepare(stock_rows(self._loading_location))

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the rows on a worker thread; keeps (or moves) the selection."""
        self._reselect = select_id if select_id is not None else self.current_id()
        self._loading_location = self.location_id()
        self.count.setText(self.tr("Loading…"))
        self.loader.refresh()

    def _loaded(self, _count: int) -> None:
        self._update_count()
        if self._reselect is not None:
            self.select_id(self._reselect)

    def _update_count(self) -> None:
        self.bar.show_count(
            lambda n: self.tr("%1 item(s)", "", n), lambda n: self.tr("%1 of %2 item(s)", "", n), group_digits=True
        )

    # --- selection and detail ------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.row_id(r) for r in rows]

    def _update_buttons(self) -> None:
        chosen = bool(self.selected_ids())
        why = self.tr("Select a stock item first: click its row, or press Down from the filter box.")
        set_enabled(self.edit_button, chosen, why)
        set_enabled(self.delete_button, chosen, why)

    def show_detail(self) -> None:
        item_id = self.current_id()
        detail = item_detail(item_id) if item_id is not None else None
        self.per_location.setRowCount(0)
        self.linked.setRowCount(0)
        if detail is None:
            self.detail_title.setText(self.tr("Select an item to see its stock per location."))
            return
        self.detail_title.setText(f"<b>{escape(detail.sku)}</b> — {escape(detail.title)}")
        self.per_location.setRowCount(len(detail.locations))
        for r, line in enumerate(detail.locations):
            name = line.location + (self.tr(" (default)") if line.is_default else "")
            for c, value in enumerate((name, line.level, line.allocated, line.available)):
                cell = QTableWidgetItem(str(value))
                if c:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 3 and line.available < 0:
                    cell.setForeground(ALERT)
                self.per_location.setItem(r, c, cell)
        self.linked.setRowCount(len(detail.listings))
        for r, lst in enumerate(detail.listings):
            for c, value in enumerate((lst.channel, str(lst.offer_id), status_text(lst.status), lst.title)):
                self.linked.setItem(r, c, QTableWidgetItem(value))
        self.per_location.column_fit.fit_contents()
        self.linked.column_fit.fit_contents()

    # --- actions -------------------------------------------------------------
    def add_item(self) -> None:
        item = ItemDialog.ask(None, self)
        if item is not None:
            self.flash(self.tr("Added %1.").replace("%1", item.sku))
            self.refresh(select_id=item.id)

    def edit_item(self) -> None:
        item_id = self.current_id()
        if item_id is None:
            return
        item = ItemDialog.ask(item_id, self)
        if item is not None:
            self.flash(self.tr("Saved %1.").replace("%1", item.sku))
            self.refresh(select_id=item.id)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        skus = [self.model.row_data(self.model.row_of(i))[1] for i in ids]
        listings = [lst for item_id in ids for lst in linked_listings(item_id)]
        what = skus[0] if len(ids) == 1 else self.tr("%n stock item(s)", "", len(ids))
        details = ""
        if listings:
            shown = "\n".join(f"• {lst.offer_id} {lst.title} ({status_text(lst.status)})" for lst in listings[:15])
            more = "\n…" if len(listings) > 15 else ""
            details = (
                self.tr("Linked to %n listing(s), which will be unlinked and no longer kept in step with stock:", "", len(listings))
                + "\n"
                + shown
                + more
            )
        if not ConfirmBox.ask(
            self,
            self.tr("Delete stock items"),
            self.tr("Delete %1? This cannot be undone.").replace("%1", what),
            self.tr("Delete"),
            details,
        ):
            return
        deleted = delete_items(ids)
        self.flash(self.tr("Deleted %n item(s).", "", deleted))
        self.refresh()

    def edit_locations(self) -> None:
        if LocationsDialog.ask(self):
            self.fill_locations()
            self.refresh()

    # --- CSV -----------------------------------------------------------------
    def import_csv(self, path: str | None = None) -> None:
        if path is None:
            start = QSettings().value("inventory/csv_dir", str(Path.home()))
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import stock"), start, self.tr("CSV files (*.csv);;All files (*)"))
            if not path:
                return
        QSettings().setValue("inventory/csv_dir", str(Path(path).parent))
        self.run_job(
            self.tr("Checking %1").replace("%1", Path(path).name),
            lambda report, cancelled: read_import(path, None, report, cancelled),
            self._preview_ready,
        )

    def _preview_ready(self, preview) -> None:
        if not ImportPreviewDialog.ask(preview, self):
            self.flash(self.tr("Import cancelled; nothing was changed."))
            return
        self.run_job(
            self.tr("Importing"),
            lambda report, cancelled: apply_import(preview, report, cancelled),
            self._imported,
        )

    def _imported(self, result) -> None:
        self.flash(
            self.tr("Imported %n row(s): %1, %2.", "", result.rows)
            .replace("%1", self.tr("%n new item(s)", "", result.new_items))
            .replace("%2", self.tr("%n stock level(s) changed", "", result.changed_levels))
        )
        self.refresh()

    def export_csv(self, path: str | None = None) -> None:
        if path is None:
            start = QSettings().value("inventory/csv_dir", str(Path.home()))
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export stock"), str(Path(start) / "stock.csv"), self.tr("CSV files (*.csv)")
            )
            if not path:
                return
        name = location_name(self.location_id()) if self.location_id() else None
        self.run_job(
            self.tr("Exporting"),
            lambda report, cancelled: export_csv(path, name, report, cancelled),
            lambda count: self.flash(
                self.tr("Exported %n row(s) to %1.", "", count).replace("%1", str(path))
            ),
        )

    # --- background jobs -----------------------------------------------------
    def run_job(self, step: str, job, on_success) -> Worker | None:
        if self.job is not None and self.job.running:
            return None
        worker = Worker(job)
        self.job = worker
        worker.progress_changed.connect(self._progress)
        worker.succeeded.connect(on_success)
        worker.failed.connect(lambda message, error: self.show_error(message))
        # on_success may start the next job (import after its preview): only the last one hides the bar
        worker.finished.connect(lambda: self._show_progress(False) if self.job is worker else None)
        self.step.setText(step)
        self.progress.setRange(0, 0)
        self._show_progress(True)
        worker.start()
        return worker

    def cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.step.setText(self.tr("Cancelling…"))

    def _progress(self, step: str, done: int, total: int) -> None:
        self.step.setText(self.tr("%1: %2 of %3").replace("%1", step).replace("%2", str(done)).replace("%3", str(total)))
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _show_progress(self, running: bool) -> None:
        for widget in (self.step, self.progress, self.cancel_button):
            widget.setVisible(running)
        for button in (self.import_button, self.export_button):
            button.setEnabled(not running)

    def fill_choices(self) -> None:
        self.fill_locations()

    # --- state ---------------------------------------------------------------
    def save_state(self) -> None:
        super().save_state()
        QSettings().setValue("inventory/location", self.location.currentData())

    def shutdown(self) -> None:
        super().shutdown()
        if self.job is not None:
            finish(self.job)
