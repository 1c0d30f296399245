"""The CSV import preview: what the file would change, or every invalid row and why."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.stock_csv import ImportPreview
from ui.keyboard import set_enabled
from ui.tables import ALERT, Column, RowTableModel, make_table


class ProblemsModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([Column(QCoreApplication.translate("ProblemsModel", "Line"), numeric=True, width=60), Column(QCoreApplication.translate("ProblemsModel", "SKU"), width=140), Column(QCoreApplication.translate("ProblemsModel", "Problem"))], parent)

    def foreground(self, row, column):
        return ALERT if column == 2 else None


class RowsModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("RowsModel", "Line"), numeric=True, width=60),
                Column(QCoreApplication.translate("RowsModel", "SKU"), width=140),
                Column(QCoreApplication.translate("RowsModel", "Title"), width=260),
                Column(QCoreApplication.translate("RowsModel", "Location"), width=140),
                Column(QCoreApplication.translate("RowsModel", "Quantity"), numeric=True),
            ],
            parent,
        )


class ImportPreviewDialog(QDialog):
    """Accepting applies the import; with invalid rows only Cancel is possible."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setObjectName("import_preview")
        self.setWindowTitle(self.tr("Import stock from %1").replace("%1", preview.path.name))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        self.summary = QLabel(preview.summary())
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # the file's name and cells
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        if preview.problems:
            self.summary.setStyleSheet(f"color: {ALERT.name()}; font-weight: bold")
        layout.addWidget(self.summary)
        if preview.ignored_columns:
            ignored = QLabel(
                self.tr("Columns not used: %1").replace("%1", ", ".join(preview.ignored_columns))
            )
            ignored.setTextFormat(Qt.TextFormat.PlainText)  # the file's own column names
            ignored.setObjectName("ignored_columns")
            layout.addWidget(ignored)
        if preview.problems:
            self.model: RowTableModel = ProblemsModel(self)
            self.model.set_rows([(p.line, p.line, p.sku, p.text) for p in preview.problems])
            caption = self.tr("Invalid rows (fix them in the file and import it again):")
        else:
            self.model = RowsModel(self)
            self.model.set_rows([(r.line, r.line, r.sku, r.title, r.location, r.quantity) for r in preview.rows])
            caption = self.tr("Rows to import:")
        layout.addWidget(QLabel(caption))
        self.table = make_table("import_rows", self.model, self)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("&Import %n row(s)", "", len(preview.rows)), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("import_button")
        set_enabled(self.import_button, preview.ok, self.tr("Nothing is imported while rows are invalid: fix them in the file and import it again."))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.import_button if preview.ok else self.cancel_button).setDefault(True)

    def accept(self) -> None:
        if self.preview.ok:
            super().accept()

    @classmethod
    def ask(cls, preview: ImportPreview, parent: QWidget | None = None) -> bool:
        """True when the seller accepted the import. Tests replace this method."""
        return cls(preview, parent).exec() == QDialog.DialogCode.Accepted
