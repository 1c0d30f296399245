"""Orders: buyer, amount, items and their stock links, shipping and tracking numbers."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.i18n import _
from core.choices import channel_name, ships_from, submits_tracking
from core.states import OrderStatus, ShipmentState
from core.order_desk import (
    CHANNEL_ID,
    COLUMN_COUNT,
    LINK_TEXT,
    PAY_TYPE_TEXT,
    SHIPMENT_TEXT,
    STATUS,
    STATUS_TEXT,
    TRACKING_STATE,
    UNLINKED,
    link_order_item,
    order_detail,
    order_rows,
    pay_status_text,
)
from core.sync.orders import OrderError, ship_order
from core.sync.tracking import CARRIERS, OTHER, TrackingError, add_tracking, check, edit_tracking
from ui.confirm_box import ConfirmBox
from ui.desk import DeskScreen
from ui.keyboard import set_enabled
from ui.listings.link_dialog import LinkDialog
from ui.tables import (
    ALERT,
    MUTED,
    Column,
    ColumnFit,
    RowTableModel,
    display,
    hide_channel_column,
    make_table,
    prepare,
)
from ui.text import escape, plain_tooltip

OK_COLOR = "#1b5e20"
# The carriers Polish sellers use most come first; DPD has two ids at Allegro, 9 is the current one.
CARRIER_ORDER = [5, 9, 6, 15, 4, 2, 1, 10, 11, 12, 13, 14, 16, 17, 18, 3]

SHOW = [
    ("all", QT_TRANSLATE_NOOP("OrdersScreen", "All orders"), None),
    ("open", QT_TRANSLATE_NOOP("OrdersScreen", "Open"), lambda r: r[STATUS] == OrderStatus.OPEN),
    ("shipped", QT_TRANSLATE_NOOP("OrdersScreen", "Shipped"), lambda r: r[STATUS] == OrderStatus.SHIPPED),
    ("cancelled", QT_TRANSLATE_NOOP("OrdersScreen", "Cancelled"), lambda r: r[STATUS] == OrderStatus.CANCELLED),
    ("unlinked", QT_TRANSLATE_NOOP("OrdersScreen", "With unlinked items"), lambda r: r[UNLINKED] > 0),
    (
        "tracking",
        QT_TRANSLATE_NOOP("OrdersScreen", "Tracking problems"),
        lambda r: r[TRACKING_STATE] in (ShipmentState.REJECTED, ShipmentState.INVALID),
    ),
]


class OrdersModel(RowTableModel):
    TRACKING_COLUMN = 9

    def __init__(self, parent=None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("OrdersModel", "Date"), width=120),
                Column(QCoreApplication.translate("OrdersModel", "Channel"), width=100),
                Column(QCoreApplication.translate("OrdersModel", "Order"), numeric=True, tooltip=QCoreApplication.translate("OrdersModel", "Allegro's post-buy form id"), width=90),
                Column(QCoreApplication.translate("OrdersModel", "Buyer"), width=120),
                Column(QCoreApplication.translate("OrdersModel", "Items"), numeric=True, tooltip=QCoreApplication.translate("OrdersModel", "Pieces bought in the order"), width=45),
                Column(QCoreApplication.translate("OrdersModel", "Amount"), numeric=True, width=80),
                Column(QCoreApplication.translate("OrdersModel", "Currency"), width=60),
                Column(QCoreApplication.translate("OrdersModel", "Payment"), width=180),
                Column(QCoreApplication.translate("OrdersModel", "Status"), width=70),
                Column(QCoreApplication.translate("OrdersModel", "Tracking"), stretch=True),
            ],
            parent,
        )

    def foreground(self, row, column):
        if column == 4 and row[UNLINKED]:
            return ALERT
        if column == self.TRACKING_COLUMN and row[TRACKING_STATE] in (ShipmentState.REJECTED, ShipmentState.INVALID):
            return ALERT
        if row[STATUS] == OrderStatus.CANCELLED:
            return MUTED
        return None

    def tooltip(self, row, column):
        if column == 4 and row[UNLINKED]:
            return self.tr("%n item(s) not linked to stock: they hold no stock", "", row[UNLINKED])
        if column == self.TRACKING_COLUMN and row[self.TRACKING_COLUMN + 1]:
            return row[self.TRACKING_COLUMN + 1]  # whole, where a narrow window elides it
        return None


class OrdersScreen(DeskScreen):
    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(paths, "orders", parent)
        self.detail = None
        self._reselect: int | None = None
        # what was typed in the shipping fields per order, kept when another order is
        # looked at, so a number typed for one order never ships another
        self._drafts: dict[int, tuple[int, str, str]] = {}
        self._shown_order: int | None = None

        self.add_rows(
            OrdersModel(self), lambda: prepare(order_rows(), COLUMN_COUNT),
            self.tr("Filter by order, buyer, status or tracking number (Ctrl+F)"), self.tr("Filter orders"),
        )
        self.channel = self.bar.add_channel_choice(CHANNEL_ID)
        self.show_choice = self.bar.add_show_choice([(key, self.tr(text), keep) for key, text, keep in SHOW])
        self.add_notice()

        self.table = make_table("orders_table", self.model, self, sort=(0, Qt.SortOrder.DescendingOrder))
        self.table.column_fit.title_chars = 28  # tracking texts are long anyway: their tooltip holds them whole
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.model.modelReset.connect(self.show_detail)
        self.bar.lead_into(self.table)
        self.model.filtered.connect(self._update_count)

        self.add_split(self._build_detail(), 3, 2)
        self.restore_state()
        self.fill_channels()
        self.refresh()

    # --- building ------------------------------------------------------------
    def _build_detail(self) -> QWidget:
        box = QWidget()
        outer = QHBoxLayout(box)
        outer.setContentsMargins(0, 0, 0, 0)

        left = QVBoxLayout()
        self.heading = QLabel(self.tr("Select an order to see its items and shipping."))
        self.heading.setObjectName("order_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)  # buyer data in it goes through escape()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.heading)
        self.address = QLabel()
        self.address.setTextFormat(Qt.TextFormat.PlainText)  # buyer and Allegro text, shown as is
        self.address.setObjectName("order_address")
        self.address.setWordWrap(True)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.address)
        self.items = QTableWidget(0, 6)
        self.items.setObjectName("order_items")
        self.items.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Offer"), self.tr("Qty"), self.tr("Price"), self.tr("SKU"), self.tr("Link")]
        )
        self.items.verticalHeader().setVisible(False)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setTabKeyNavigation(False)
        self.items.horizontalHeaderItem(2).setToolTip(self.tr("Pieces bought"))
        self.items.horizontalHeaderItem(4).setToolTip(self.tr("The stock item it takes from"))
        self.items_fit = ColumnFit(self.items, [
            Column(self.tr("Title"), stretch=True), Column(self.tr("Offer")), Column(self.tr("Qty")),
            Column(self.tr("Price")), Column(self.tr("SKU"), width=160), Column(self.tr("Link")),
        ], title_chars=16)
        self.items.itemSelectionChanged.connect(self._update_item_buttons)
        self.items.doubleClicked.connect(lambda _i: self.link_item())
        left.addWidget(self.items, 1)
        item_buttons = QHBoxLayout()
        self.link_item_button = QPushButton(self.tr("&Link item to stock…"))
        self.link_item_button.setObjectName("link_order_item")
        self.link_item_button.clicked.connect(lambda: self.link_item())
        self.also_listing = QCheckBox(self.tr("Also link the listing"))
        self.also_listing.setObjectName("also_link_listing")
        self.also_listing.setToolTip(self.tr("Link the offer's listing too, so its next orders link themselves"))
        self.also_listing.setChecked(True)
        item_buttons.addWidget(self.link_item_button)
        item_buttons.addWidget(self.also_listing)
        item_buttons.addStretch(1)
        left.addLayout(item_buttons)
        outer.addLayout(left, 3)

        self.shipping = QGroupBox(self.tr("Shipping"))
        self.shipping.setObjectName("shipping")
        right = QVBoxLayout(self.shipping)
        form = QFormLayout()
        self.carrier = QComboBox()
        self.carrier.setObjectName("carrier")
        for carrier_id in CARRIER_ORDER:
            self.carrier.addItem(CARRIERS[carrier_id].name, carrier_id)
        self.carrier.addItem(self.tr("Other (name it)"), OTHER)
        last = QSettings().value("orders/carrier", 5, type=int)
        self.carrier.setCurrentIndex(max(self.carrier.findData(last), 0))
        self.carrier_name = QLineEdit()
        self.carrier_name.setObjectName("carrier_name")
        self.carrier_name.setPlaceholderText(self.tr("Carrier name"))
        self.tracking = QLineEdit()
        self.tracking.setObjectName("tracking_number")
        self.tracking.setPlaceholderText(self.tr("Tracking number"))
        self.check_label = QLabel()
        self.check_label.setTextFormat(Qt.TextFormat.PlainText)  # buyer and Allegro text, shown as is
        self.check_label.setObjectName("tracking_check")
        self.check_label.setWordWrap(True)
        carrier_label = QLabel(self.tr("&Carrier:"))
        carrier_label.setBuddy(self.carrier)
        name_label = QLabel(self.tr("Carr&ier name:"))
        name_label.setBuddy(self.carrier_name)
        number_label = QLabel(self.tr("&Tracking number:"))
        number_label.setBuddy(self.tracking)
        form.addRow(carrier_label, self.carrier)
        form.addRow(name_label, self.carrier_name)
        form.addRow(number_label, self.tracking)
        form.addRow("", self.check_label)
        right.addLayout(form)
        buttons = QHBoxLayout()
        self.ship_button = QPushButton(self.tr("&Mark shipped…"))
        self.ship_button.setObjectName("mark_shipped")
        self.ship_button.clicked.connect(lambda: self.mark_shipped())
        self.add_tracking_button = QPushButton(self.tr("&Add tracking number"))
        self.add_tracking_button.setObjectName("add_tracking")
        self.add_tracking_button.clicked.connect(lambda: self.add_tracking())
        self.save_tracking_button = QPushButton(self.tr("Save corr&ection"))
        self.save_tracking_button.setObjectName("save_tracking")
        self.save_tracking_button.setToolTip(self.tr("Change the selected tracking number; it is sent again at the next sync"))
        self.save_tracking_button.clicked.connect(lambda: self.save_tracking())
        for button in (self.ship_button, self.add_tracking_button, self.save_tracking_button):
            buttons.addWidget(button)
        right.addLayout(buttons)
        self.shipments = QTableWidget(0, 3)
        self.shipments.setObjectName("shipments")
        self.shipments.setHorizontalHeaderLabels([self.tr("Carrier"), self.tr("Tracking number"), self.tr("Allegro")])
        self.shipments.verticalHeader().setVisible(False)
        self.shipments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shipments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.shipments.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.shipments.setTabKeyNavigation(False)
        self.shipments.setWordWrap(True)
        self.shipments.horizontalHeader().setStretchLastSection(True)
        self.shipments.itemSelectionChanged.connect(self._shipment_selected)
        self.shipments.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.shipments.horizontalHeader().setStretchLastSection(False)
        right.addWidget(self.shipments, 1)
        self.shipment_reason = QLabel()
        self.shipment_reason.setTextFormat(Qt.TextFormat.PlainText)  # buyer and Allegro text, shown as is
        self.shipment_reason.setObjectName("shipment_reason")
        self.shipment_reason.setWordWrap(True)
        self.shipment_reason.setStyleSheet(f"color: {ALERT.name()}")
        self.shipment_reason.hide()
        right.addWidget(self.shipment_reason)
        outer.addWidget(self.shipping, 2)

        self.carrier.currentIndexChanged.connect(lambda _i: self._check_number())
        self.carrier_name.textChanged.connect(lambda _t: self._check_number())
        self.tracking.textChanged.connect(lambda _t: self._check_number())
        self._check_number()
        return box

    # --- loading -------------------------------------------------------------
    def fill_channels(self) -> None:
        hide_channel_column(self.table, 1)
        self.bar.fill_channels()

    def fill_choices(self) -> None:
        self.fill_channels()

    def refresh(self) -> None:
        current = self.current_id()
        self._reselect = current if current is not None else self._reselect
        self.loader.refresh()

    def _loaded(self, _count: int) -> None:
        self._update_count()
        if self._reselect is not None:
            self.select_order(self._reselect)
        self._reselect = None

    def _update_count(self) -> None:
        self.bar.show_count(lambda n: self.tr("%1 order(s)", "", n), lambda n: self.tr("%1 of %2 order(s)", "", n))

    # --- selection -----------------------------------------------------------
    def select_order(self, order_id: int) -> bool:
        return self.select_id(order_id)

    def _switch_drafts(self, order_id: int | None) -> None:
        if order_id == self._shown_order:
            return
        if self._shown_order is not None:
            if self.tracking.text().strip() or self.carrier_name.text().strip():
                self._drafts[self._shown_order] = (self.carrier_id(), self.carrier_name.text(), self.tracking.text())
            else:
                self._drafts.pop(self._shown_order, None)
        carrier, name, number = self._drafts.get(order_id, (self.carrier_id(), "", ""))
        self.carrier.setCurrentIndex(max(self.carrier.findData(carrier), 0))
        self.carrier_name.setText(name)
        self.tracking.setText(number)
        self._shown_order = order_id

    def show_detail(self) -> None:
        order_id = self.current_id()
        if order_id is None and self.loader.loading:
            return  # a reload in progress; the order is selected again when it ends
        self._switch_drafts(order_id)
        self.detail = order_detail(order_id) if order_id is not None else None
        detail = self.detail
        self.items.setRowCount(0)
        self.shipments.setRowCount(0)
        if detail is None:
            self.heading.setText(self.tr("Select an order to see its items and shipping."))
            self.address.clear()
            self._update_item_buttons()
            self._update_ship_buttons()
            return
        self._show_order(detail)
        self._fill_items(detail.items)
        self._fill_shipments(detail.shipments)
        self._show_reason()
        self._update_item_buttons()
        self._update_ship_buttons()
        problem = next((s for s in detail.shipments if s.state in (ShipmentState.REJECTED, ShipmentState.INVALID)), None)
        if problem is not None and not self.tracking.text().strip():  # a correction is what the seller came for
            self.shipments.selectRow(detail.shipments.index(problem))
        self._check_number()

    def _show_order(self, detail) -> None:
        """The heading (order, buyer, amount, payment) and the shipping address."""
        o = detail.order
        email = f" &lt;{escape(o.buyer_email)}&gt;" if o.buyer_email else ""
        # lupdate does not look inside f-strings: the words are translated first
        order_word, buyer_word, postage_word, payment_word = (
            self.tr("Order"), self.tr("Buyer"), self.tr("postage"), self.tr("payment")
        )
        self.heading.setText(
            f"<b>{escape(order_word)} {escape(o.form_id)}</b> · {escape(display(o.created_at))} · "
            f"{escape(detail.channel)} · <b>{escape(_(STATUS_TEXT.get(o.status, o.status)))}</b><br>"
            f"{escape(buyer_word)}: {escape(o.buyer_login)}{email} · {escape(display(o.amount))} {escape(o.currency)}"
            + (f" ({escape(postage_word)} {escape(display(o.postage_amount))})" if o.postage_amount else "")
            + f" · {escape(payment_word)}: {escape(pay_status_text(o.pay_status) or '—')}"
            + (f" ({escape(_(PAY_TYPE_TEXT.get(o.pay_type, o.pay_type)))})" if o.pay_type else "")
        )
        address = detail.address or self.tr("No shipping address given.")
        if o.message:
            address += "\n" + self.tr("Message from the buyer: %1").replace("%1", o.message)
        self.address.setText(address)

    def _fill_items(self, items) -> None:
        self.items.setRowCount(len(items))
        for r, line in enumerate(items):
            values = (line.title, str(line.offer_id), str(line.quantity), display(line.price), line.sku, _(LINK_TEXT.get(line.link_state, line.link_state)))
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, line.order_item_id)
                if c == 0:
                    cell.setToolTip(value)  # whole, where the narrow column elides it
                if c in (2, 3):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not line.linked:
                    cell.setForeground(ALERT)
                    cell.setToolTip(self.tr("Not linked to a stock item: it holds no stock. Link it with “Link item to stock…”."))
                self.items.setItem(r, c, cell)
        self.items_fit.fit_contents()

    def _fill_shipments(self, shipments) -> None:
        self.shipments.setRowCount(len(shipments))
        for r, s in enumerate(shipments):
            state = _(SHIPMENT_TEXT.get(s.state, s.state))
            for c, value in enumerate((s.carrier, s.number, state)):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, s.shipment_id)
                if s.state in (ShipmentState.REJECTED, ShipmentState.INVALID):
                    cell.setForeground(ALERT)
                elif s.state == ShipmentState.ACCEPTED:
                    cell.setForeground(Qt.GlobalColor.darkGreen)
                if s.reason:
                    cell.setToolTip(plain_tooltip(s.reason))
                self.shipments.setItem(r, c, cell)
        self.shipments.resizeColumnToContents(0)
        self.shipments.resizeColumnToContents(2)

    def _update_item_buttons(self) -> None:
        set_enabled(
            self.link_item_button,
            self.detail is not None and self.selected_item_id() is not None,
            self.tr("Select an order, then one of its items."),
        )

    def _update_ship_buttons(self) -> None:
        order = self.detail.order if self.detail else None
        pick = self.tr("Select an order first: click its row, or press Down from the filter box.")
        set_enabled(
            self.ship_button, order is not None and order.status == OrderStatus.OPEN,
            pick if order is None else self.tr("Only an open order can be marked shipped; this one is not open."),
        )
        set_enabled(
            self.add_tracking_button, order is not None and order.status == OrderStatus.SHIPPED,
            pick if order is None else self.tr("A tracking number is added to a shipped order; mark this one shipped first."),
        )
        shipment = self.selected_shipment()
        set_enabled(
            self.save_tracking_button, shipment is not None and shipment.editable,
            self.tr("Select a tracking number that Allegro rejected or that was not sent yet, then correct it.")
            if shipment is None else self.tr("Allegro has accepted this tracking number; it can no longer be changed."),
        )

    def selected_item_id(self) -> int | None:
        rows = self.items.selectionModel().selectedRows()
        if not rows:
            return None
        return self.items.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def selected_shipment(self):
        if self.detail is None:
            return None
        rows = self.shipments.selectionModel().selectedRows()
        if not rows:
            return None
        shipment_id = self.shipments.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((s for s in self.detail.shipments if s.shipment_id == shipment_id), None)

    def _show_reason(self) -> None:
        shipment = self.selected_shipment()
        if shipment is not None and shipment.reason:
            self.shipment_reason.setText(self.tr("Why: %1").replace("%1", shipment.reason))
            self.shipment_reason.show()
        else:
            self.shipment_reason.hide()

    def _shipment_selected(self) -> None:
        self._show_reason()
        shipment = self.selected_shipment()
        if shipment is not None and shipment.editable:
            # load it into the fields so a correction starts from what was sent
            index = self.carrier.findData(shipment.carrier_id)
            if index >= 0:
                self.carrier.setCurrentIndex(index)
            if shipment.carrier_id == OTHER:
                self.carrier_name.setText(shipment.carrier)
            self.tracking.setText(shipment.number)
        self._update_ship_buttons()

    # --- tracking ------------------------------------------------------------
    def carrier_id(self) -> int:
        return self.carrier.currentData()

    def _check_number(self) -> str | None:
        """Check the number as typed; the message shows next to the field."""
        other = self.carrier_id() == OTHER
        self.carrier_name.setEnabled(other)
        number = self.tracking.text().strip()
        if not number:
            self.check_label.setText(self.tr("Leave empty to ship without a tracking number."))
            self.check_label.setStyleSheet("")
            return None
        problem = check(self.carrier_id(), number, self.carrier_name.text())
        refused = self._refused(number)
        if problem:
            self.check_label.setText(problem)
            self.check_label.setStyleSheet(f"color: {ALERT.name()}")
        elif refused is not None:
            # the local check passes, but Allegro knows better: say so rather than "looks right"
            self.check_label.setText(self.tr("Allegro refused this number; correct it, then Save correction."))
            self.check_label.setStyleSheet(f"color: {ALERT.name()}")
        else:
            self.check_label.setText(self.tr("Looks right for %1.").replace("%1", self.carrier.currentText()))
            self.check_label.setStyleSheet(f"color: {OK_COLOR}")
        return problem

    def _refused(self, number: str):
        """The rejected shipment of this order with exactly this carrier and number, if any."""
        if self.detail is None:
            return None
        return next(
            (
                s
                for s in self.detail.shipments
                if s.state == ShipmentState.REJECTED and s.number == number and s.carrier_id == self.carrier_id()
            ),
            None,
        )

    def mark_shipped(self) -> None:
        if self.detail is None:
            return
        order = self.detail.order
        number = self.tracking.text().strip()
        if number and self._check_number():
            self.tracking.setFocus()
            return
        linked = [i for i in self.detail.items if i.linked]
        where = ships_from(order.channel_id) or self.tr("no location")
        details = (
            self.tr("%n linked item(s) are taken off stock at %2.", "", sum(i.quantity for i in linked)).replace("%2", where)
            if linked
            else self.tr("No item of this order is linked to stock, so no stock changes.")
        )
        if not number:
            details += "\n" + self.tr("No tracking number: you can add one later.")
        elif self._submits_tracking():
            details += "\n" + self.tr("Tracking number %1 (%2) goes to Allegro at the next sync.").replace("%1", number).replace("%2", self.carrier.currentText())
        else:
            details += "\n" + self._kept_here(number)
        if not ConfirmBox.ask(
            self,
            self.tr("Mark shipped"),
            self.tr("Mark order %1 shipped? This cannot be undone.").replace("%1", str(order.form_id)),
            self.tr("Mark shipped"),
            details,
        ):
            return
        try:
            ship_order(order.id, self.carrier_id() if number else None, number, self.carrier_name.text())
        except (OrderError, TrackingError) as e:
            self.show_error(e.message)
            return
        QSettings().setValue("orders/carrier", self.carrier_id())
        self.tracking.clear()
        self._drafts.pop(order.id, None)
        self.flash(self.tr("Order %1 is shipped.").replace("%1", str(order.form_id)))
        self.refresh()

    def add_tracking(self) -> None:
        if self.detail is None:
            return
        number = self.tracking.text().strip()
        problem = check(self.carrier_id(), number, self.carrier_name.text())
        if problem:
            self._check_number() if number else self.check_label.setText(problem)
            self.check_label.setStyleSheet(f"color: {ALERT.name()}")
            self.tracking.setFocus()
            return
        add_tracking(self.detail.order.id, self.carrier_id(), number, self.carrier_name.text())
        QSettings().setValue("orders/carrier", self.carrier_id())
        self.tracking.clear()
        if self._submits_tracking():
            self.flash(self.tr("Tracking number %1 added; it goes to Allegro at the next sync.").replace("%1", number))
        else:
            self.flash(self.tr("Tracking number %1 added.").replace("%1", number) + " " + self._kept_here(number))
        self.refresh()

    def save_tracking(self) -> None:
        shipment = self.selected_shipment()
        if shipment is None:
            return
        number = self.tracking.text().strip()
        problem = check(self.carrier_id(), number, self.carrier_name.text())
        if problem:
            self.check_label.setText(problem)
            self.check_label.setStyleSheet(f"color: {ALERT.name()}")
            self.tracking.setFocus()
            return
        try:
            row = edit_tracking(shipment.shipment_id, self.carrier_id(), number, self.carrier_name.text())
        except TrackingError as e:
            self.show_error(e.message)
            return
        if row.state == ShipmentState.REJECTED:
            self.show_error(self.tr("Allegro already refused exactly this number; change the number or the carrier."))
            return
        self.tracking.clear()
        if self._submits_tracking():
            self.flash(self.tr("Tracking number corrected; it goes to Allegro at the next sync."))
        else:
            self.flash(self.tr("Tracking number corrected.") + " " + self._kept_here(number))
        self.refresh()

    # The hint follows the channel's Submit Tracking Info: with it off, nothing is sent.
    def _submits_tracking(self) -> bool:
        return self.detail is not None and submits_tracking(self.detail.order.channel_id)

    def _kept_here(self, number: str) -> str:
        name = channel_name(self.detail.order.channel_id)
        return (
            self.tr("%1 is not sent to Allegro: Submit Tracking Info is off for %2. Tick it in the channel's options to send it.")
            .replace("%1", number)
            .replace("%2", name)
        )

    # --- linking items -------------------------------------------------------
    def link_item(self) -> None:
        order_item_id = self.selected_item_id()
        if order_item_id is None or self.detail is None:
            return
        line = next(i for i in self.detail.items if i.order_item_id == order_item_id)
        item_id = LinkDialog.ask(line.title, line.title, self)
        if item_id is None:
            return
        link_order_item(order_item_id, item_id, self.also_listing.isChecked())
        self.flash(self.tr("Linked “%1”.").replace("%1", line.title))
        self.refresh()

