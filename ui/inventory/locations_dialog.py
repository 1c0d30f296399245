"""Locations: add, rename, set the default, delete an empty one."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.choices import location_choices, location_name
from core.stock_admin import (
    LOCATION_MAX,
    StockError,
    ValidationError,
    add_location,
    delete_location,
    rename_location,
    set_default_location,
)
from ui.confirm_box import ConfirmBox
from ui.keyboard import set_enabled
from ui.tables import ALERT


class LocationsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locations_dialog")
        self.setWindowTitle(self.tr("Locations"))
        self.setMinimumSize(420, 320)
        self.changed = False
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("locations")
        self.list.setAccessibleName(self.tr("Locations"))
        self.list.currentItemChanged.connect(self._selected)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Name:"))
        self.name = QLineEdit()
        self.name.setObjectName("location_name")
        self.name.setMaxLength(LOCATION_MAX)
        label.setBuddy(self.name)
        row.addWidget(label)
        row.addWidget(self.name, 1)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName("location_error")
        self.error.setStyleSheet(f"color: {ALERT.name()}")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add"))
        self.rename_button = QPushButton(self.tr("&Rename"))
        self.default_button = QPushButton(self.tr("Set as de&fault"))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        for button, slot in (
            (self.add_button, self.add),
            (self.rename_button, self.rename),
            (self.default_button, self.make_default),
            (self.delete_button, self.delete),
        ):
            button.clicked.connect(slot)
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.name.returnPressed.connect(self.add)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        self.list.clear()
        for location in location_choices():
            text = location.name + (self.tr("  (default)") if location.is_default else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, location.id)
            self.list.addItem(item)
            if location.id == select:
                self.list.setCurrentItem(item)
        self._selected()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selected(self, *_args) -> None:
        chosen = self.selected_id() is not None
        for button in (self.rename_button, self.default_button, self.delete_button):
            set_enabled(button, chosen, self.tr("Select a location in the list first."))

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _ok(self) -> None:
        self.error.hide()
        self.changed = True

    def add(self) -> None:
        try:
            location = add_location(self.name.text())
        except ValidationError as e:
            self._fail(e.message)
            return
        self._ok()
        self.name.clear()
        self.refresh(location.id)

    def rename(self) -> None:
        location_id = self.selected_id()
        if location_id is None:
            return
        try:
            rename_location(location_id, self.name.text())
        except ValidationError as e:
            self._fail(e.message)
            return
        self._ok()
        self.name.clear()
        self.refresh(location_id)

    def make_default(self) -> None:
        location_id = self.selected_id()
        if location_id is not None:
            set_default_location(location_id)
            self._ok()
            self.refresh(location_id)

    def delete(self) -> None:
        location_id = self.selected_id()
        if location_id is None:
            return
        name = location_name(location_id) or ""
        if not ConfirmBox.ask(
            self,
            self.tr("Delete location"),
            self.tr("Delete the location %1?").replace("%1", name),
            self.tr("Delete"),
            self.tr("Only an empty location can be deleted. A channel that syncs from it will need another location."),
        ):
            return
        try:
            delete_location(location_id)
        except StockError as e:
            self._fail(e.message)
            return
        self._ok()
        self.refresh()

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> bool:
        """Show the dialog; True when anything changed. Tests replace this method."""
        dialog = cls(parent)
        dialog.exec()
        return dialog.changed
