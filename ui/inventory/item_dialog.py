"""Add or edit a stock item: SKU, title, barcode and a quantity per location."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.choices import location_choices
from core.stock_admin import BARCODE_MAX, QUANTITY_MAX, SKU_MAX, TITLE_MAX, ItemDraft, ValidationError, save_item
from ui.tables import ALERT


class ItemDialog(QDialog):
    """Build it, fill it, press Save; it stays open with the problems shown when saving fails."""

    def __init__(self, item_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id = item_id
        self.saved_item = None  # the stored item (core.stock_admin.save_item's answer) once saved
        self.setObjectName("item_dialog")
        self.setWindowTitle(self.tr("New stock item") if item_id is None else self.tr("Edit stock item"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.sku = QLineEdit()
        self.sku.setObjectName("sku")
        self.sku.setMaxLength(SKU_MAX)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.title_edit.setMaxLength(TITLE_MAX)
        self.barcode = QLineEdit()
        self.barcode.setObjectName("barcode")
        self.barcode.setMaxLength(BARCODE_MAX)
        self.errors: dict[str, QLabel] = {}
        self._add_field(form, self.tr("&SKU:"), self.sku, "sku")
        self._add_field(form, self.tr("&Title:"), self.title_edit, "title")
        self._add_field(form, self.tr("&Barcode:"), self.barcode, "barcode")
        self.levels: dict[int, QSpinBox] = {}
        locations = location_choices()
        if locations:
            form.addRow(QLabel(self.tr("<b>Stock level</b>")))
        for location in locations:
            spin = QSpinBox()
            spin.setObjectName(f"level_{location.id}")
            spin.setRange(0, QUANTITY_MAX)
            spin.setAccessibleName(self.tr("Stock level at %1").replace("%1", location.name))
            self.levels[location.id] = spin
            label = location.name + (self.tr(" (default)") if location.is_default else "") + ":"
            self._add_field(form, label, spin, f"level:{location.id}")
        layout.addLayout(form)
        self.general_error = QLabel()
        self.general_error.setTextFormat(Qt.TextFormat.PlainText)
        self.general_error.setObjectName("general_error")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(f"color: {ALERT.name()}")
        self.general_error.hide()
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if item_id is not None:
            self.load(ItemDraft.of_item(item_id))

    def _add_field(self, form: QFormLayout, text: str, widget: QWidget, key: str) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        error = QLabel()
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(f"color: {ALERT.name()}")
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        form.addRow(label, widget)
        form.addRow("", error)

    def load(self, draft: ItemDraft) -> None:
        self.sku.setText(draft.sku)
        self.title_edit.setText(draft.title)
        self.barcode.setText(draft.barcode)
        for location_id, spin in self.levels.items():
            spin.setValue(draft.levels.get(location_id, 0))

    def to_draft(self) -> ItemDraft:
        return ItemDraft(
            self.sku.text(),
            self.title_edit.text(),
            self.barcode.text(),
            {location_id: spin.value() for location_id, spin in self.levels.items()},
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        first = next((k for k in ("sku", "title", "barcode") if k in problems), None)
        if first == "sku":
            self.sku.setFocus()
        elif first == "title":
            self.title_edit.setFocus()

    def save(self) -> None:
        """Save and close; on a problem keep everything typed and say what is wrong."""
        self.general_error.hide()
        try:
            self.saved_item = save_item(self.to_draft(), self.item_id)
        except ValidationError as e:
            self.show_problems(e.problems)
            return
        except Exception as e:  # a database error: the seller keeps what they typed
            self.show_problems({})
            self.general_error.setText(self.tr("Not saved: %1").replace("%1", str(e)))
            self.general_error.show()
            return
        self.accept()

    @classmethod
    def ask(cls, item_id: int | None = None, parent: QWidget | None = None):
        """The saved item, or None when cancelled. Tests replace this method."""
        dialog = cls(item_id, parent)
        dialog.exec()
        return dialog.saved_item
