"""The bar above a big table: filter text, labelled choices (channel, "show") and the row count.

It is a layout, not a widget, so a screen adds it with `addLayout` and its widgets sit
in the screen exactly where the hand-built rows of Inventory, Listings and Orders put
them (same geometry, same tab order).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from core.choices import channel_choices
from ui.keyboard import down_into
from ui.tables import RowTableModel

ALL_CHANNELS = ""  # the channel choice's data for "All channels"

Keep = Callable[[tuple], bool]


def refill_channel_choice(choice: QComboBox, channels, first: tuple[str, object] | None = None) -> None:
    """`channels` as the choice's items, after `first` (text, data) if given; the one chosen
    stays chosen, and no signal says the choice changed."""
    current = choice.currentData()
    choice.blockSignals(True)
    choice.clear()
    if first is not None:
        choice.addItem(*first)
    for channel in channels:
        choice.addItem(channel.sub_source, channel.id)
    choice.setCurrentIndex(max(choice.findData(current), 0))
    choice.blockSignals(False)


class FilterBar(QHBoxLayout):
    """Filter box (Ctrl+F) and count, with choices added in between.

    `name` prefixes the object names: "<name>_filter", "<name>_channel", "<name>_show",
    "<name>_count". The screen passes its own placeholder and accessible name, translated
    in its own context.
    """

    def __init__(
        self, screen: QWidget, name: str, model: RowTableModel, placeholder: str, accessible_name: str
    ) -> None:
        super().__init__()
        self.name = name
        self.model = model
        self.channel: QComboBox | None = None
        self.show_choice: QComboBox | None = None
        self._channel_column = 0
        self._keeps: dict[str, Keep | None] = {}

        self.filter = QLineEdit()
        self.filter.setObjectName(f"{name}_filter")
        self.filter.setPlaceholderText(placeholder)
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(accessible_name)
        self.filter.textChanged.connect(model.set_filter)
        self.addWidget(self.filter, 3)
        self.count_label = QLabel()
        self.count_label.setObjectName(f"{name}_count")
        self.addWidget(self.count_label)

        # on the screen, so Ctrl+F works from anywhere in it (the table, the detail pane)
        action = QAction(screen)
        action.setShortcut(QKeySequence("Ctrl+F"))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False: (self.filter.setFocus(), self.filter.selectAll()))
        screen.addAction(action)

    def lead_into(self, table) -> None:
        """Down in the filter box moves into `table`, the rows it filters."""
        down_into(self.filter, table)

    def add_choice(self, label: str, object_name: str) -> QComboBox:
        """A labelled drop-down (its label's mnemonic focuses it), before the count."""
        buddy = QLabel(label)
        choice = QComboBox()
        choice.setObjectName(object_name)
        buddy.setBuddy(choice)
        at = self.indexOf(self.count_label)
        self.insertWidget(at, buddy)
        self.insertWidget(at + 1, choice, 1)
        return choice

    # --- channel and "show": a row filter on the model --------------------------
    def add_channel_choice(self, column: int) -> QComboBox:
        """Rows whose item `column` (a row index, the id is item 0) is the chosen channel's id."""
        self._channel_column = column
        self.channel = self.add_choice(self.tr("Cha&nnel:"), f"{self.name}_channel")
        self.channel.currentIndexChanged.connect(lambda _i: self.apply_choice())
        return self.channel

    def add_show_choice(self, kinds: Sequence[tuple[str, str, Keep | None]], current: str | None = None) -> QComboBox:
        """Kinds of rows to show: (key, translated text, keep or None for all); `current` a key."""
        self.show_choice = self.add_choice(self.tr("Sho&w:"), f"{self.name}_show")
        for key, text, keep in kinds:
            self.show_choice.addItem(text, key)
            self._keeps[key] = keep
        if current is not None:
            self.show_choice.setCurrentIndex(max(self.show_choice.findData(current), 0))
        self.show_choice.currentIndexChanged.connect(lambda _i: self.apply_choice())
        return self.show_choice

    def fill_channels(self) -> None:
        """The channels as they are now; the one chosen stays chosen (no re-filter)."""
        refill_channel_choice(
            self.channel, channel_choices(), (self.tr("All channels"), ALL_CHANNELS)
        )

    def apply_choice(self) -> None:
        channel_id = self.channel.currentData() if self.channel is not None else None
        keep = self._keeps.get(self.show_choice.currentData()) if self.show_choice is not None else None
        if channel_id in (ALL_CHANNELS, None):
            self.model.set_row_filter(keep)
        else:
            column = self._channel_column
            self.model.set_row_filter(lambda r: r[column] == channel_id and (keep is None or keep(r)))

    # --- count -------------------------------------------------------------------
    def show_count(self, all_text: Callable[[int], str], some_text: Callable[[int], str], group_digits: bool = False) -> None:
        """`all_text(total)` ("%1 orders") when nothing is filtered out, else `some_text(total)`
        ("%1 of %2 orders"): each a tr() with the count, so the noun takes its plural form;
        %1 is the number shown, %2 the total."""
        shown, total = self.model.rowCount(), self.model.total()
        number = (lambda n: f"{n:,}".replace(",", "\u00a0")) if group_digits else str
        if shown == total:
            self.count_label.setText(all_text(total).replace("%1", number(total)))
        else:
            self.count_label.setText(some_text(total).replace("%1", number(shown)).replace("%2", number(total)))
