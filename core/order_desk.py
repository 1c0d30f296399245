"""The Orders screen's data: order rows, one order's detail, linking an order item by hand.

Shipping and tracking numbers are the sync's business (core.sync.orders.ship_order,
core.sync.tracking); this module only reads them back for the seller.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from peewee import JOIN, Case, fn

from core.db import database
from core.models import (
    Channel,
    LinkState,
    Listing,
    Order,
    OrderItem,
    OrderStatus,
    Shipment,
    ShipmentState,
    StockItem,
)
from core.i18n import N_, _

# English; shown through core.i18n._() (the texts are looked up when shown, in the app's language).
STATUS_TEXT = {OrderStatus.OPEN: N_("Open"), OrderStatus.SHIPPED: N_("Shipped"), OrderStatus.CANCELLED: N_("Cancelled")}
SHIPMENT_TEXT = {
    ShipmentState.PENDING: N_("waiting for the next sync"),
    ShipmentState.SENDING: N_("being sent"),
    ShipmentState.ACCEPTED: N_("accepted by Allegro"),
    ShipmentState.REJECTED: N_("rejected by Allegro"),
    ShipmentState.INVALID: N_("not sent: wrong format"),
}
# A pending number of a channel whose Submit Tracking Info is off waits for nothing.
NOT_SUBMITTED = N_("not sent: Submit Tracking Info is off")
# Allegro's postBuyFormPayType codes as a seller says them; unknown codes are shown as they come.
PAY_TYPE_TEXT = {
    "co": N_("online payment"),
    "ai": N_("instalments"),
    "collect_on_delivery": N_("cash on delivery"),
    "wire_transfer": N_("bank transfer"),
}
# Allegro's postBuyFormPayStatus comes in Polish whatever the seller reads; shown in the
# app's language (unknown ones as they come).
PAY_STATUS_TEXT = {
    "Rozpoczęta": N_("Started"),
    "Zakończona": N_("Paid"),
    "Anulowana": N_("Payment cancelled"),
    "Odrzucona": N_("Rejected"),
    "Wycofana": N_("Withdrawn"),
    "Płatność przy odbiorze": N_("Cash on delivery"),
}


def pay_status_text(status: str) -> str:
    """Allegro's payment status in the app's language."""
    return _(PAY_STATUS_TEXT[status]) if status in PAY_STATUS_TEXT else status


LINK_TEXT = {
    LinkState.LISTING: N_("via listing"),
    LinkState.TITLE: N_("by title"),
    LinkState.MANUAL: N_("by hand"),
    LinkState.UNLINKED: N_("Unlinked"),
    LinkState.AMBIGUOUS: N_("Ambiguous title"),
}

# Shown: date, channel, order (form id), buyer, items, amount, currency, payment, status,
# tracking. Hidden after them: status code, channel id, unlinked item count, last
# shipment state.
COLUMN_COUNT = 10
STATUS, CHANNEL_ID, UNLINKED, TRACKING_STATE = range(COLUMN_COUNT + 1, COLUMN_COUNT + 5)


class OrderDeskError(Exception):
    @property
    def message(self) -> str:
        return str(self)


def shipment_text(state: str, carrier: str, number: str, reason: str = "") -> str:
    text = f"{carrier} {number}: {_(SHIPMENT_TEXT.get(state, state))}".strip()
    return f"{text} — {reason}" if reason and state in (ShipmentState.REJECTED, ShipmentState.INVALID) else text


def order_rows() -> list[tuple]:
    channels = dict(Channel.select(Channel.id, Channel.sub_source).tuples())
    submitting = {cid for (cid,) in Channel.select(Channel.id).where(Channel.submit_tracking == True).tuples()}  # noqa: E712
    counts: dict[int, tuple[int, int]] = {}
    for order_id, items, unlinked in (
        OrderItem.select(
            OrderItem.order,
            fn.SUM(OrderItem.quantity),
            fn.SUM(Case(None, [(OrderItem.stock_item.is_null(), 1)], 0)),
        )
        .group_by(OrderItem.order)
        .tuples()
    ):
        counts[order_id] = (int(items or 0), int(unlinked or 0))
    last: dict[int, tuple[str, str, str, str]] = {}
    for order_id, state, carrier, number, reason in (
        Shipment.select(Shipment.order, Shipment.state, Shipment.carrier_name, Shipment.tracking_number, Shipment.reason)
        .order_by(Shipment.id)
        .tuples()
    ):
        last[order_id] = (state, carrier, number, reason)  # the newest wins
    rows = []
    for oid, created, cid, form_id, buyer, amount, currency, pay_status, status in (
        Order.select(
            Order.id,
            Order.created_at,
            Order.channel,
            Order.form_id,
            Order.buyer_login,
            Order.amount,
            Order.currency,
            Order.pay_status,
            Order.status,
        )
        .order_by(Order.created_at.desc())
        .tuples()
        .iterator()
    ):
        items, unlinked = counts.get(oid, (0, 0))
        shipment = last.get(oid)
        rows.append(
            (
                oid,
                created,
                channels.get(cid, ""),
                form_id,
                buyer,
                items,
                amount if isinstance(amount, Decimal) else Decimal(str(amount or 0)),
                currency,
                pay_status_text(pay_status),
                _(STATUS_TEXT.get(status, status)),
                (
                    ""
                    if not shipment
                    else f"{shipment[1]} {shipment[2]}: {_(NOT_SUBMITTED)}".strip()
                    if shipment[0] == ShipmentState.PENDING and cid not in submitting
                    else shipment_text(*shipment)
                ),
                status,
                cid,
                unlinked,
                shipment[0] if shipment else "",
            )
        )
    return rows


@dataclass(frozen=True)
class ItemLine:
    order_item_id: int
    offer_id: str
    title: str
    quantity: int
    price: Decimal
    stock_item_id: int | None
    sku: str
    link_state: str

    @property
    def linked(self) -> bool:
        return self.stock_item_id is not None


@dataclass(frozen=True)
class ShipmentLine:
    shipment_id: int
    carrier_id: int
    carrier: str
    number: str
    state: str
    reason: str
    sent_at: datetime | None

    @property
    def editable(self) -> bool:
        return self.state in (ShipmentState.PENDING, ShipmentState.REJECTED, ShipmentState.INVALID)


@dataclass(frozen=True)
class OrderDetail:
    order: Order
    channel: str
    items: list[ItemLine]
    shipments: list[ShipmentLine]

    @property
    def address(self) -> str:
        o = self.order
        lines = [o.ship_name, o.ship_company, o.ship_street, f"{o.ship_postcode} {o.ship_city}".strip(), o.ship_country]
        if o.ship_phone:
            lines.append(f"tel. {o.ship_phone}")
        return "\n".join(line for line in lines if line)


def order_detail(order_id: int) -> OrderDetail | None:
    order = Order.get_or_none(Order.id == order_id)
    if order is None:
        return None
    items = [
        ItemLine(oid, offer, title, qty, price, item_id, sku or "", state)
        for oid, offer, title, qty, price, item_id, sku, state in (
            OrderItem.select(
                OrderItem.id,
                OrderItem.offer_id,
                OrderItem.title,
                OrderItem.quantity,
                OrderItem.price,
                OrderItem.stock_item,
                StockItem.sku,
                OrderItem.link_state,
            )
            .join(StockItem, JOIN.LEFT_OUTER, on=(OrderItem.stock_item == StockItem.id))
            .where(OrderItem.order == order_id)
            .order_by(OrderItem.id)
            .tuples()
        )
    ]
    shipments = [
        ShipmentLine(s.id, s.carrier_id, s.carrier_name, s.tracking_number, s.state, s.reason, s.sent_at)
        for s in Shipment.select().where(Shipment.order == order_id).order_by(Shipment.id)
    ]
    return OrderDetail(order, order.channel.sub_source, items, shipments)


def link_order_item(order_item_id: int, stock_item_id: int | None, link_listing: bool = False) -> tuple[int | None, str]:
    """Link an order item to a stock item by hand (None unlinks).

    With `link_listing`, the channel's unlinked listing of the same offer is linked too,
    so later orders of that offer link themselves. Returns the previous (item, state).
    """
    with database.atomic():
        row = OrderItem.get_by_id(order_item_id)
        previous = (row.stock_item_id, row.link_state)
        state = LinkState.MANUAL if stock_item_id is not None else LinkState.UNLINKED
        OrderItem.update(stock_item=stock_item_id, link_state=state).where(OrderItem.id == order_item_id).execute()
        if link_listing and stock_item_id is not None:
            order = Order.get_by_id(row.order_id)
            Listing.update(stock_item=stock_item_id).where(
                (Listing.channel == order.channel_id) & (Listing.offer_id == row.offer_id) & Listing.stock_item.is_null()
            ).execute()
    return previous


def restore_order_item(order_item_id: int, previous: tuple[int | None, str]) -> None:
    """Put back what link_order_item returned (undo)."""
    item_id, state = previous
    OrderItem.update(stock_item=item_id, link_state=state).where(OrderItem.id == order_item_id).execute()
