"""The config screen of one channel: every option, with the account on a second tab.

Options that depend on another are disabled, and shown unticked, until it is ticked;
what the seller had ticked comes back when the option they depend on is ticked again.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QSize, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import channels, secrets
from core.channels import ChannelConfig
from core.choices import location_choices, marked_default_location_id
from ui.channels.honest_save import checked_before_save
from ui.channels.guard_options import GUARD_TIPS, guard_labels, guard_spins
from ui.channels.integration_form import ERROR_STYLE, IntegrationForm, error_label, on_edit, recheck_errors
from ui.channels.message import Message, Role
from ui.channels.rest_form import RestAccountForm
from ui.counts import COUNTED
from ui.text import escape

TIPS = {
    "enabled": QT_TRANSLATE_NOOP("ChannelConfigScreen", "Sync this channel. Untick to leave it out of every sync without deleting it."),
    "inventory_sync": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "Keep the quantity of each linked Buy Now listing on Allegro equal to the stock available "
        "in this app (stock level minus what open orders hold)."
    ),
    "update_from_location": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "Unticked: stock is counted over all locations. Ticked: only the stock at the location "
        "chosen below counts."
    ),
    "location_id": QT_TRANSLATE_NOOP("ChannelConfigScreen", "The location whose stock is sent to Allegro."),
    "submit_tracking": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "Send the tracking numbers of shipped orders to Allegro. Allegro checks each number against "
        "the carrier's format, so only numbers that fit are sent; the others are listed for you."
    ),
    "sync_orders_from": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "Orders placed from this moment on are downloaded. It is set to the moment the channel was "
        "created; move it back to fetch earlier orders."
    ),
    "link_by_title": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "Link an order item to the stock item with exactly the same title when its listing is not "
        "linked. Relisting gives a listing a new id, so linking by title keeps such orders linked."
    ),
    "end_listings": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "End a linked listing when its available stock reaches zero. It moves to Pending Relist, "
        "so Relist Items can bring it back."
    ),
    "end_auctions": QT_TRANSLATE_NOOP("ChannelConfigScreen", "Also end auctions (not only Buy Now listings) whose stock reaches zero."),
    "end_auctions_with_bids": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "Also end auctions that have a bid. Careful: ending an auction with a live bid sells the "
        "item to the top bidder, which creates an order."
    ),
    "relist_items": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "Relist a listing that the app ended for zero stock once stock is back, if it ended less than "
        "60 days ago (Allegro's limit). A listing can be struck off in the inventory mapping screen "
        "so it is never relisted."
    ),
    "relist_duration": QT_TRANSLATE_NOOP("ChannelConfigScreen", "How long a relisted listing runs. Until sold out applies to Buy Now listings."),
    "relist_delay": QT_TRANSLATE_NOOP("ChannelConfigScreen", "Start relisted listings this many minutes later (at most 30 days)."),
    "no_manual_confirmation": QT_TRANSLATE_NOOP(
        "ChannelConfigScreen",
        "Ticked: ends and relists are sent without asking. Unticked: every sync first shows the "
        "listings to end and relist, and only those you confirm are sent."
    ),
}

TIPS.update(GUARD_TIPS)


def duration_text(days: int) -> str:
    if days == 0:
        return QCoreApplication.translate("ChannelConfigScreen", "Until sold out")
    return COUNTED.days(days)


class ChannelConfigScreen(QWidget):
    """`load(config)` / `to_config()`; Save at the top right stores it."""

    saved = Signal(int)
    back_requested = Signal()

    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("channel_config")
        self._base = ChannelConfig()
        self._remembered: dict[QCheckBox, bool] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}

        header = self._build_header()
        self._build_option_widgets()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("config_tabs")
        self.tabs.addTab(_scrolling(self._build_options_page()), self.tr("&Options"))
        self.tabs.addTab(self._build_account_page(), self.tr("A&ccount"))
        self.tabs.setAccessibleName(self.tr("Channel settings"))
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self._set_tab_order()
        self._connect_dependencies()
        QApplication.instance().focusChanged.connect(self._focus_changed)

    # --- building -----------------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        """Back, the title, Save at the top right; the line under it says what just happened."""
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setObjectName("config_back")
        self.back_button.setAccessibleName(self.tr("Back to the channel list"))
        self.back_button.setShortcut(QKeySequence("Alt+Left"))
        self.back_button.setToolTip(self.tr("Back to the channel list (Alt+Left)."))
        self.back_button.clicked.connect(self.leave)
        self.title = QLabel()
        self.title.setObjectName("config_title")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("config_save")
        self.save_button.setAccessibleName(self.tr("Save the channel"))
        self.save_button.setToolTip(self.tr("Save the channel's options and account (Ctrl+S)."))
        self.save_button.clicked.connect(self.save)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.save_button)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("config_message")
        self.message.setWordWrap(True)
        return header

    def _check(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setAccessibleName(text.replace("&", ""))
        box.setToolTip(self.tr(TIPS[name]))
        return box

    def _build_option_widgets(self) -> None:
        """Every option's widget, by its ChannelConfig name, in `option_widgets`."""
        check = self._check
        self.enabled = check("enabled", self.tr("Ena&bled"))
        self.inventory_sync = check("inventory_sync", self.tr("&Inventory Sync"))
        self.update_from_location = check("update_from_location", self.tr("Inventory Update From &Location"))
        self.location = QComboBox()
        self.location.setObjectName("location_id")
        # as wide as the longest location name, "(default)" included, never cut
        self.location.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.submit_tracking = check("submit_tracking", self.tr("Submit &Tracking Info"))
        self.sync_orders_from = QDateTimeEdit()
        self.sync_orders_from.setObjectName("sync_orders_from")
        self.sync_orders_from.setCalendarPopup(True)
        self.sync_orders_from.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.link_by_title = check("link_by_title", self.tr("Lin&k Order Item to Stock Item By Title"))
        self.end_listings = check("end_listings", self.tr("En&d Listings"))
        self.end_auctions = check("end_auctions", self.tr("&End Auctions"))
        self.end_auctions_with_bids = check("end_auctions_with_bids", self.tr("End Auctions &with bids"))
        self.relist_items = check("relist_items", self.tr("&Relist Items"))
        self.relist_duration = QComboBox()
        self.relist_duration.setObjectName("relist_duration")
        for days in channels.RELIST_DURATIONS:
            self.relist_duration.addItem(duration_text(days), days)
        self.relist_delay = QSpinBox()
        self.relist_delay.setObjectName("relist_delay")
        self.relist_delay.setRange(0, channels.MAX_RELIST_DELAY)
        self.relist_delay.setSuffix(self.tr(" minutes"))
        self.no_manual_confirmation = check("no_manual_confirmation", self.tr("&No Manual Confirmation"))
        self.option_widgets: dict[str, QWidget] = {
            "enabled": self.enabled,
            "inventory_sync": self.inventory_sync,
            "update_from_location": self.update_from_location,
            "location_id": self.location,
            "submit_tracking": self.submit_tracking,
            "sync_orders_from": self.sync_orders_from,
            "link_by_title": self.link_by_title,
            "end_listings": self.end_listings,
            "end_auctions": self.end_auctions,
            "end_auctions_with_bids": self.end_auctions_with_bids,
            "relist_items": self.relist_items,
            "relist_duration": self.relist_duration,
            "relist_delay": self.relist_delay,
            "no_manual_confirmation": self.no_manual_confirmation,
        }
        self.guard_spins = guard_spins()
        self.option_widgets.update(self.guard_spins)

    def _labelled(self) -> dict[str, tuple[str, str]]:
        """The options that sit beside a label: (label text, accessible name)."""
        return {
            "location_id": (self.tr("&Stock location"), self.tr("Stock location")),
            "sync_orders_from": (self.tr("S&ync Orders From"), self.tr("Sync Orders From")),
            "relist_duration": (self.tr("Relist Listing D&uration"), self.tr("Relist Listing Duration")),
            "relist_delay": (self.tr("Relist Listing Del&ay"), self.tr("Relist Listing Delay")),
            **guard_labels(),
        }

    def _add_option_row(self, form: QFormLayout, name: str, indent: int, labelled: dict) -> None:
        """One option with its red sentence under it, indented under the option it depends on."""
        widget = self.option_widgets[name]
        error = error_label(name)
        self.errors[name] = error
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.setContentsMargins(indent * 24, 0, 0, 0)
        cell.addWidget(widget)
        cell.addWidget(error)
        on_edit(widget, self._field_edited)
        if name not in labelled:
            form.addRow(cell)
            return
        text, accessible = labelled[name]
        label = QLabel(text)
        label.setObjectName(f"{name}_label")
        label.setBuddy(widget)
        label.setToolTip(self.tr(TIPS[name]))
        widget.setAccessibleName(accessible)
        widget.setToolTip(self.tr(TIPS[name]))
        self.labels[name] = label
        form.addRow(label, cell)

    def _option_box(self, title: str, rows) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        labelled = self._labelled()
        for name, indent in rows:
            self._add_option_row(form, name, indent, labelled)
        return box, form

    def _build_options_page(self) -> QWidget:
        """The Options tab: orders and stock, ending and relisting, the guards, the help panel."""
        stock_box, stock_form = self._option_box(self.tr("Orders and stock"), (
            ("enabled", 0), ("inventory_sync", 0), ("update_from_location", 0), ("location_id", 1),
            ("sync_orders_from", 0), ("link_by_title", 0), ("submit_tracking", 0),
        ))
        listing_box, _form = self._option_box(self.tr("Ending and relisting"), (
            ("end_listings", 0), ("end_auctions", 1), ("end_auctions_with_bids", 2), ("relist_items", 0),
            ("relist_duration", 1), ("relist_delay", 1), ("no_manual_confirmation", 0),
        ))
        guard_box, _form = self._option_box(
            self.tr("Guards: mass-end brake and stock buffers"), ((name, 0) for name in self.guard_spins)
        )
        guard_box.setObjectName("guards_box")
        self.no_locations = QLabel(self.tr("Add a location in the Inventory screen to choose one here."))
        self.no_locations.setObjectName("no_locations")
        self.no_locations.setWordWrap(True)
        self.no_locations.setVisible(False)
        stock_form.insertRow(4, self.no_locations)

        # Tooltips need a mouse; this panel tells keyboard users what the focused option does.
        self.help = QLabel(self.tr("Move to an option to read what it does."))
        self.help.setObjectName("option_help")
        self.help.setWordWrap(True)
        self.help.setFrameShape(QFrame.Shape.StyledPanel)
        self.help.setMargin(8)
        self.help.setMinimumHeight(64)
        self.help.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        page = QWidget()
        page.setObjectName("options_page")
        boxes = QHBoxLayout()
        boxes.addWidget(stock_box, 1)
        boxes.addWidget(listing_box, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(boxes)
        layout.addWidget(guard_box)
        layout.addWidget(self.help)
        layout.addStretch(1)
        return page

    def _build_account_page(self) -> QWidget:
        """The Account tab: the WebAPI form (login, password, key, version) or, for a REST
        channel, only what REST has (environment, connected account, Reconnect, Test)."""
        self.webapi_account = IntegrationForm(self.paths)
        self.rest_account = RestAccountForm(self.paths)
        self.account_stack = QStackedWidget()
        self.account_stack.setObjectName("account_stack")
        self.account_stack.addWidget(self.webapi_account)
        self.account_stack.addWidget(self.rest_account)
        for form in (self.webapi_account, self.rest_account):
            form.edited.connect(self._drop_stale_message)
            form.test_finished.connect(
                lambda outcome: self.say("") if outcome == "ok" and self.message.styleSheet() == ERROR_STYLE else None
            )
        self.webapi_account.version_accepted.connect(
            lambda _v: self.say(self.tr("Api Key Version updated on the Account tab. Save to keep it."))
        )
        self.rest_account.connected.connect(self._reconnected)
        page = QWidget()
        page.setObjectName("account_page")
        layout = QVBoxLayout(page)
        layout.addWidget(self.account_stack)
        return page

    def _set_tab_order(self) -> None:
        order = [
            self.enabled, self.inventory_sync, self.update_from_location, self.location,
            self.sync_orders_from, self.link_by_title, self.submit_tracking,
            self.end_listings, self.end_auctions, self.end_auctions_with_bids,
            self.relist_items, self.relist_duration, self.relist_delay, self.no_manual_confirmation,
            *self.guard_spins.values(),
        ]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def _connect_dependencies(self) -> None:
        """Options that wait for another: greyed out and unticked until it is ticked."""
        self._dependents: list[tuple[QCheckBox, QWidget]] = [
            (self.update_from_location, self.location),
            (self.end_listings, self.end_auctions),
            (self.end_auctions, self.end_auctions_with_bids),
            (self.relist_items, self.relist_duration),
            (self.relist_items, self.relist_delay),
        ]
        for parent_box, child in self._dependents:
            parent_box.toggled.connect(lambda on, p=parent_box, c=child: self._parent_toggled(p, c, on))

    @property
    def account(self) -> IntegrationForm | RestAccountForm:
        """The Account tab's form for the loaded channel's kind."""
        return self.account_stack.currentWidget()

    def _reconnected(self, login: str) -> None:
        self._base = replace(self._base, username=login)
        self.say(self.tr("Connected as %1. The new login is in the keyring.").replace("%1", login))

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and isinstance(new.parent(), QAbstractSpinBox):
            new = new.parent()  # the line edit inside a date or number box
        for name, widget in self.option_widgets.items():
            if widget is new:
                title = self.labels[name].text() if name in self.labels else widget.text()
                self.help.setText(f"<b>{escape(title.replace('&', ''))}</b>: {escape(self.tr(TIPS[name]))}")
                return

    # --- dependencies -------------------------------------------------------------------
    def _parent_toggled(self, parent_box: QCheckBox, child: QWidget, on: bool) -> None:
        applies = on and parent_box.isEnabled()
        if isinstance(child, QCheckBox):
            if applies:
                child.setEnabled(True)
                child.setChecked(self._remembered.pop(child, child.isChecked()))
            else:
                if child.isEnabled():
                    self._remembered[child] = child.isChecked()
                child.setChecked(False)
                child.setEnabled(False)
        else:
            child.setEnabled(applies and (child is not self.location or self.location.count() > 0))
        self._explain_dependents()

    def _apply_dependencies(self) -> None:
        for parent_box, child in self._dependents:
            applies = parent_box.isChecked() and parent_box.isEnabled()
            if child is self.location:
                applies = applies and self.location.count() > 0
            child.setEnabled(applies)
        self._explain_dependents()

    def _explain_dependents(self) -> None:
        """A greyed-out option says in its tooltip what it waits for."""
        names = {widget: name for name, widget in self.option_widgets.items()}
        for parent_box, child in self._dependents:
            tip = self.tr(TIPS[names[child]])
            if not child.isEnabled():
                if child is self.location and self.location.count() == 0:
                    why = self.tr("Add a location first: Inventory → Locations….")
                else:
                    why = self.tr("Available when “%1” is ticked.").replace("%1", parent_box.text().replace("&", ""))
                tip = f"{why}\n\n{tip}"
            child.setToolTip(tip)

    # --- load / to_config -------------------------------------------------------------------
    def _fill_locations(self, selected: int | None) -> None:
        self.location.clear()
        for location in location_choices():
            label = self.tr("%1 (default)").replace("%1", location.name) if location.is_default else location.name
            self.location.addItem(label, location.id)
        index = self.location.findData(selected) if selected is not None else -1
        if index < 0:
            default = marked_default_location_id()
            index = self.location.findData(default) if default else (0 if self.location.count() else -1)
        self.location.setCurrentIndex(index)
        # the layout may not squeeze the chosen location's name ("Magazyn Główny (domyślna)") off
        self.location.setMinimumWidth(min(self.location.sizeHint().width(), 420))
        self.no_locations.setVisible(self.location.count() == 0)

    def load(self, config: ChannelConfig, *, has_stored_password: bool = True) -> None:
        self._base = replace(config, password=None)
        self._remembered.clear()
        self.title.setText(self.tr("<b>%1</b> — Allegro.pl channel").replace("%1", escape(config.sub_source)))
        self.setWindowTitle(config.sub_source)
        form = self.rest_account if config.api == "rest" else self.webapi_account
        if self.account is not form:
            self.account.shutdown()  # a Test of the channel shown before is not this one's
        self.account_stack.setCurrentWidget(form)
        form.load(config, has_stored_password=has_stored_password)
        self._fill_locations(config.location_id)
        for name in ("enabled", "inventory_sync", "update_from_location", "submit_tracking",
                     "link_by_title", "end_listings", "end_auctions", "end_auctions_with_bids",
                     "relist_items", "no_manual_confirmation"):
            box: QCheckBox = self.option_widgets[name]
            box.blockSignals(True)
            box.setChecked(getattr(config, name))
            box.blockSignals(False)
        self.sync_orders_from.setDateTime(_to_qt(config.sync_orders_from))
        index = self.relist_duration.findData(config.relist_duration)
        self.relist_duration.setCurrentIndex(max(index, 0))
        self.relist_delay.setValue(config.relist_delay)
        for name, spin in self.guard_spins.items():
            spin.setValue(getattr(config, name))
        self._apply_dependencies()
        self.clear_errors()
        self.message.clear()

    def to_config(self) -> ChannelConfig:
        return replace(
            self.account.to_config(),
            enabled=self.enabled.isChecked(),
            inventory_sync=self.inventory_sync.isChecked(),
            update_from_location=self.update_from_location.isChecked(),
            # a location counts only while Inventory Update From Location is ticked
            location_id=(
                self.location.currentData()
                if self.update_from_location.isChecked() and self.location.count()
                else self._base.location_id
            ),
            submit_tracking=self.submit_tracking.isChecked(),
            sync_orders_from=_from_qt(self.sync_orders_from.dateTime()),
            link_by_title=self.link_by_title.isChecked(),
            end_listings=self.end_listings.isChecked(),
            end_auctions=self.end_auctions.isChecked(),
            end_auctions_with_bids=self.end_auctions_with_bids.isChecked(),
            relist_items=self.relist_items.isChecked(),
            relist_duration=self.relist_duration.currentData(),
            relist_delay=self.relist_delay.value(),
            no_manual_confirmation=self.no_manual_confirmation.isChecked(),
            **{name: spin.value() for name, spin in self.guard_spins.items()},
        )

    @property
    def channel_id(self) -> int | None:
        return self._base.id

    # --- errors and Save ------------------------------------------------------------------
    def show_errors(self, problems: dict[str, str]) -> list[str]:
        shown = []
        for name, label in self.errors.items():
            message = problems.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
            self.option_widgets[name].setAccessibleDescription(message)
            if message:
                shown.append(name)
        return shown

    def clear_errors(self) -> None:
        self.show_errors({})
        self.account.clear_errors()

    def _field_edited(self) -> None:
        """An option changed: its red sentence goes once it is right (the future date fixed),
        and "Not saved: correct the fields…" with the last of them."""
        if any(not label.isHidden() for label in self.errors.values()):
            recheck_errors(self.errors, self.option_widgets, channels.validate(self.to_config()))
        self._drop_stale_message()

    def _drop_stale_message(self) -> None:
        fields_fine = not self.account.has_errors() and all(label.isHidden() for label in self.errors.values())
        if fields_fine and self.message.text() == self.tr("Not saved: correct the fields marked in red."):
            self.say("")

    def save(self) -> bool:
        """Validate and store; on any problem nothing is stored and every field keeps its text."""
        config = self.to_config()
        problems = channels.validate(config)
        on_options = self.show_errors(problems)
        on_account = self.account.show_errors(problems)
        if problems:
            self.say(self.tr("Not saved: correct the fields marked in red."), error=True)
            if on_options:
                self.tabs.setCurrentIndex(0)
                self.option_widgets[on_options[0]].setFocus(Qt.FocusReason.OtherFocusReason)
            elif on_account:
                self.tabs.setCurrentIndex(1)
                self.account.focus_field(on_account[0])
            return False
        switched_on = config.enabled and not self._base.enabled
        if self.account.account_changed() or switched_on:  # asked when the account changed or it is enabled now
            config = checked_before_save(self, config, self.account.test_state())
            if config is None:
                self.say(self.tr("Not saved."), error=True)
                return False
        try:
            saved = channels.save(config)
        except secrets.KeyringUnavailable as error:
            self.say(error.message, error=True)
            Message.ask(Message(self, self.tr("Channel not saved"), error.message, icon=QMessageBox.Icon.Warning))
            return False
        except channels.ChannelInvalid as error:
            self.show_errors(error.errors)
            self.account.show_errors(error.errors)
            self.say(self.tr("Not saved: correct the fields marked in red."), error=True)
            return False
        self.load(saved, has_stored_password=True)
        self.say(self.tr("Saved."))
        self.saved.emit(saved.id)
        return True

    def has_unsaved_changes(self) -> bool:
        def comparable(config: ChannelConfig) -> ChannelConfig:
            return replace(config, sync_orders_from=config.sync_orders_from.replace(microsecond=0))

        return self.account.typed_password() or comparable(self.to_config()) != comparable(self._base)

    def leave(self) -> None:
        """Back to the list; unsaved changes are saved, dropped or kept, as the seller chooses."""
        if self.has_unsaved_changes():
            box = Message(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to “%1”?").replace("%1", self._base.sub_source),
                icon=QMessageBox.Icon.Question,
                buttons=(
                    ("save", self.tr("Save"), Role.AcceptRole),
                    ("discard", self.tr("Discard"), Role.DestructiveRole),
                    ("stay", self.tr("Keep editing"), Role.RejectRole),
                ),
                # after a failed Test, saving is not the easy way out
                default="stay" if self.account.test_state() == "failed" else "save",
            )
            answer = Message.ask(box)
            if answer == "save":
                if not self.save():
                    return
            elif answer == "discard":
                self.load(self._base, has_stored_password=self.account.has_stored_password)
            else:
                return
        self.back_requested.emit()

    def say(self, text: str, *, error: bool = False) -> None:
        """The line under the header: what just happened."""
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def shutdown(self) -> None:
        self.webapi_account.shutdown()
        self.rest_account.shutdown()


class _ScrollingPage(QScrollArea):
    """Asks for its page's whole size, but can shrink below it and scroll."""

    def sizeHint(self) -> QSize:
        page = self.widget()
        if page is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        hint = page.sizeHint()
        return QSize(hint.width() + frame + self.verticalScrollBar().sizeHint().width(), hint.height() + frame)


def _scrolling(page: QWidget) -> QScrollArea:
    """A tab's page that scrolls on a screen too low for it (1024×640) instead of growing the window."""
    area = _ScrollingPage()
    area.setObjectName(f"{page.objectName()}_scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


def _to_qt(moment: datetime) -> QDateTime:
    """A stored naive-UTC time as a QDateTime shown in local time."""
    utc = QDateTime.fromSecsSinceEpoch(int(moment.replace(tzinfo=UTC).timestamp()), QTimeZone.utc())
    return utc.toLocalTime()


def _from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC).replace(tzinfo=None)
