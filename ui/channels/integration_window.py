"""Settings → Channel Integration: the channel list, and the screens it leads to.

One window holds four screens, one at a time: the channel list, Add New Channel, the
Integration screen of a new channel, and the config screen of a saved one. Leaving a
screen never clears what was typed on it.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import channels, secrets
from core.channel_rows import channel_contents
from ui.channels.add_channel import AddChannelScreen
from ui.channels.config import ChannelConfigScreen
from ui.channels.integration_form import IntegrationScreen
from ui.channels.rest_form import RestIntegrationScreen
from ui.channels.list_model import ENABLED, INVENTORY_SYNC, SUB_SOURCE, ChannelListModel
from ui.channels.message import Message, Role
from ui.keyboard import set_enabled


class ChannelIntegrationWindow(QDialog):
    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("channel_integration")
        self.setWindowTitle(self.tr("Channel Integration"))
        self.resize(960, 600)

        self.model = ChannelListModel(self)
        self.list_page = self._build_list_page()
        self.add_page = AddChannelScreen()
        self.integration_page = IntegrationScreen(paths)
        self.config_page = ChannelConfigScreen(paths)
        self.rest_page = RestIntegrationScreen(paths)
        self.stack = QStackedWidget()
        for page in (self.list_page, self.add_page, self.integration_page, self.config_page, self.rest_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.resize(960, self._opening_height())

        self.add_page.back_requested.connect(self.show_list)
        self.add_page.integrate_requested.connect(self.open_integration)
        self.integration_page.back_requested.connect(self.open_add_channel)
        self.integration_page.saved.connect(self._new_channel_saved)
        self.rest_page.back_requested.connect(self.open_add_channel)
        self.rest_page.saved.connect(self._new_rest_channel_saved)
        self.config_page.back_requested.connect(self.show_list)
        self.config_page.saved.connect(lambda _id: self.model.refresh())
        self._integration_started = False
        self.show_list()

    def _opening_height(self) -> int:
        """Tall enough for the config screen's options without scrolling, where the screen allows."""
        screen = self.screen().availableGeometry().height() if self.screen() is not None else 600
        return max(600, min(self.sizeHint().height(), screen - 60))

    # --- the channel list -------------------------------------------------------------
    def _build_list_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("channel_list")
        title = QLabel(self.tr("<b>Channels</b>"))
        self.add_button = QPushButton(self.tr("&Add New Channel"))
        self.add_button.setObjectName("add_new_channel")
        self.add_button.setAccessibleName(self.tr("Add New Channel"))
        self.add_button.setToolTip(self.tr("Connect another Allegro account."))
        self.add_button.clicked.connect(self.open_add_channel)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.add_button)

        self.table = QTableView()
        self.table.setObjectName("channel_table")
        self.table.setAccessibleName(self.tr("Channels"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SUB_SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        self.table.doubleClicked.connect(lambda index: self.open_config(self.model.channel_id(index.row())))
        open_action = QAction(self.tr("Configure"), self.table)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self.configure_selected)
        self.table.addAction(open_action)
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.configure_button = QPushButton(self.tr("&Configure…"))
        self.configure_button.setObjectName("configure_channel")
        self.configure_button.setToolTip(self.tr("Open the selected channel's options (or double-click it, or press Enter)."))
        self.configure_button.clicked.connect(self.configure_selected)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setObjectName("delete_channel")
        self.delete_button.setToolTip(self.tr("Delete the selected channel and its password in the keyring."))
        self.delete_button.clicked.connect(self.delete_selected)
        self.hint = QLabel()
        self.hint.setObjectName("list_hint")
        self.hint.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.configure_button)
        bottom.addWidget(self.delete_button)

        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        QWidget.setTabOrder(self.add_button, self.table)
        QWidget.setTabOrder(self.table, self.configure_button)
        QWidget.setTabOrder(self.configure_button, self.delete_button)
        return page

    def _update_buttons(self, *_args) -> None:
        if self.model.rowCount():
            self.hint.setText(self.tr("Double-click a channel, or press Enter, to change its options."))
        else:
            self.hint.setText(self.tr("No channels yet. Press Add New Channel to connect an Allegro account."))
        selected = self.selected_channel_id() is not None
        why = self.tr("Select a channel in the list first.")
        set_enabled(self.configure_button, selected, why)
        set_enabled(self.delete_button, selected, why)

    def selected_channel_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.channel_id(rows[0].row())

    def select_channel(self, channel_id: int) -> None:
        row = self.model.row_of(channel_id)
        if row is not None:
            self.table.selectRow(row)

    def show_list(self) -> None:
        current = self.selected_channel_id()
        self.model.refresh()
        if current is not None:
            self.select_channel(current)
        elif self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()
        self.stack.setCurrentWidget(self.list_page)
        self.setWindowTitle(self.tr("Channel Integration"))
        self.table.setFocus()

    def changeEvent(self, event) -> None:
        # A sync elsewhere may have changed the last sync times meanwhile.
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self.stack.currentWidget() is self.list_page:
            current = self.selected_channel_id()
            self.model.refresh()
            if current is not None:
                self.select_channel(current)
        super().changeEvent(event)

    # --- the other screens ----------------------------------------------------------------
    def open_add_channel(self) -> None:
        self.stack.setCurrentWidget(self.add_page)
        self.setWindowTitle(self.tr("Channel Integration — Add New Channel"))
        self.add_page.integrate_buttons["allegro_rest"].setFocus()

    def open_integration(self, kind: str = "allegro") -> None:
        if kind == "allegro_rest":
            self.stack.setCurrentWidget(self.rest_page)
            self.setWindowTitle(self.tr("Channel Integration — Allegro.pl integration"))
            self.rest_page.sub_source.setFocus()
            return
        if not self._integration_started:  # keep what was typed when coming back
            self.integration_page.start_new()
            self._integration_started = True
        self.stack.setCurrentWidget(self.integration_page)
        self.setWindowTitle(self.tr("Channel Integration — Allegro.pl integration"))
        self.integration_page.form.sub_source.setFocus()

    def _new_channel_saved(self, channel_id: int) -> None:
        self._integration_started = False
        self.model.refresh()
        self.open_config(channel_id)
        self.config_page.say(self.tr("Channel saved. Choose its options, then Save."))

    def _new_rest_channel_saved(self, channel_id: int) -> None:
        self.rest_page.start_new()
        self.show_list()  # behind the dialog, which still says whom it connected
        self.select_channel(channel_id)

    def open_config(self, channel_id: int) -> None:
        if self.config_page.channel_id != channel_id or self.stack.currentWidget() is not self.config_page:
            config = channels.load(channel_id)
            try:
                has_password = channels.stored_password(channel_id) is not None
            except secrets.KeyringUnavailable:
                has_password = False
            self.config_page.load(config, has_stored_password=has_password)
        self.config_page.tabs.setCurrentIndex(0)
        self.stack.setCurrentWidget(self.config_page)
        self.setWindowTitle(self.tr("Channel Integration — %1").replace("%1", self.config_page.to_config().sub_source))
        self.config_page.enabled.setFocus()

    def configure_selected(self) -> None:
        channel_id = self.selected_channel_id()
        if channel_id is not None:
            self.open_config(channel_id)

    def delete_selected(self) -> bool:
        channel_id = self.selected_channel_id()
        if channel_id is None:
            return False
        row = channel_contents(channel_id)
        orders, listings = row.orders, row.listings
        details = self.tr("Its password is removed from the keyring. Nothing changes on Allegro.")
        if orders or listings:
            details = (
                self.tr(
                    "Its %1 and %2 are removed from this app, and its password "
                    "from the keyring. Nothing changes on Allegro."
                )
                .replace("%1", self.tr("%n order(s)", "", orders))
                .replace("%2", self.tr("%n listing(s)", "", listings))
            )
        box = Message(
            self,
            self.tr("Delete channel"),
            self.tr("Delete the channel “%1”?").replace("%1", row.sub_source),
            icon=QMessageBox.Icon.Warning,
            details=details,
            buttons=(("delete", self.tr("Delete"), Role.DestructiveRole), ("cancel", self.tr("Cancel"), Role.RejectRole)),
            default="cancel",
        )
        if Message.ask(box) != "delete":
            return False
        try:
            channels.delete(channel_id)
        except secrets.KeyringUnavailable as error:
            Message.ask(Message(self, self.tr("Channel not deleted"), error.message, icon=QMessageBox.Icon.Warning))
            return False
        self.model.refresh()
        self._update_buttons()
        return True

    def toggle(self, channel_id: int, column: int) -> None:
        """Flip Enabled or Inventory Sync of a channel, as a click on its box does."""
        assert column in (ENABLED, INVENTORY_SYNC)
        row = self.model.row_of(channel_id)
        index = self.model.index(row, column)
        on = self.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        self.model.setData(index, Qt.CheckState.Unchecked if on else Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    def hideEvent(self, event) -> None:
        # Closed or Escape (not minimised): stop waiting for a Test, so no answer pops up over nothing.
        if not event.spontaneous():
            self.integration_page.form.shutdown()
            self.config_page.shutdown()
            self.rest_page.shutdown()
        super().hideEvent(event)
