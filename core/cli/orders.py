"""`main.py orders list|show|ship|link-item`: the Orders screen, scripted.

An order is named by Allegro's order (post-buy form) number, as the screen shows it; add
--channel when two channels have the same number. Shipping and tracking numbers go
through the same core code as the screen (core.sync.orders.ship_order,
core.sync.tracking): a number that fails the carrier's format is refused before anything
changes, and an accepted one goes to Allegro at the next sync with Submit Tracking Info on.
"""
from __future__ import annotations

from core.cli.common import (
    FAILED,
    Refused,
    action,
    actions,
    add_json,
    command_parser,
    confirm,
    err,
    offer_id,
    order_number,
    print_json,
    print_table,
    run,
)
from core.i18n import _, n_
from core.inventory import order_location_id
from core.listing_links import LinkError, find_item
from core.models import Channel, Location, Order, OrderItem, OrderStatus, ShipmentState
from core.order_desk import (
    LINK_TEXT,
    PAY_TYPE_TEXT,
    SHIPMENT_TEXT,
    STATUS_TEXT,
    link_order_item,
    order_detail,
    order_rows,
)
from core.sync.orders import OrderError, ship_order
from core.sync.tracking import CARRIERS, OTHER, TrackingError, add_tracking, check, edit_tracking

STATUSES = (OrderStatus.OPEN, OrderStatus.SHIPPED, OrderStatus.CANCELLED)
OTHER_WORDS = {"other", "inny", "inne", "0"}


def _parser():
    parser = command_parser(
        "orders",
        "Orders imported from Allegro: list them, show one, ship it with a tracking number, link its items to stock.",
        ["main.py orders list --status open", "main.py orders ship 3100000001 --carrier InPost --tracking 620000000000000000000001"],
    )
    sub = actions(parser)
    lst = action(
        sub,
        "list",
        "orders, newest first",
        ["main.py orders list --channel MyShop --status open --unlinked", "main.py orders list --json"],
    )
    lst.add_argument("--channel", metavar="NAME", help="only this channel (its SubSource)")
    lst.add_argument("--status", choices=STATUSES, help="only orders with this status")
    lst.add_argument("--unlinked", action="store_true", help="only orders with an item not linked to stock")
    add_json(lst)

    show = action(
        sub,
        "show",
        "one order: items and their links, address, shipments and Allegro's verdict",
        ["main.py orders show 3100000001", "main.py orders show 3100000001 --json"],
    )
    show.add_argument("order", type=order_number, help="Allegro's order number")
    show.add_argument("--channel", metavar="NAME")
    add_json(show)

    ship = action(
        sub,
        "ship",
        "mark an open order shipped; add or correct a tracking number",
        [
            "main.py orders ship 3100000001 --carrier InPost --tracking 620000000000000000000001 --yes",
            "main.py orders ship 3100000001 --carrier \"Poczta Polska\" --tracking RR123456789PL",
            "main.py orders ship 3100000001 --carrier DPD --tracking 1234567890123U --correct 1234567890123",
        ],
        description="An open order is marked shipped (its linked items leave the stock level; this cannot be "
        "undone, so a terminal is asked and --yes confirms without one). For an order already shipped, "
        "--tracking adds another number, and --correct OLD replaces the number OLD that was refused or not "
        "sent yet. Carriers: " + ", ".join(sorted({c.name for c in CARRIERS.values()})) + ", or other with "
        "--carrier-name.",
    )
    ship.add_argument("order", type=order_number, help="Allegro's order number")
    ship.add_argument("--channel", metavar="NAME")
    ship.add_argument("--carrier", help="the carrier's name (InPost, DPD, …), Allegro's operator id, or other")
    ship.add_argument("--carrier-name", default="", help="the carrier's name when --carrier is other")
    ship.add_argument("--tracking", metavar="NUMBER", default="", help="the tracking number")
    ship.add_argument("--correct", metavar="OLD", help="replace this tracking number of a shipped order")
    ship.add_argument("--yes", action="store_true", help="mark shipped without asking")

    link = action(
        sub,
        "link-item",
        "link an order item to a stock item by hand",
        ["main.py orders link-item 3100000001 7100000001 KUB-1", "main.py orders link-item 3100000001 7100000001 --unlink"],
        description="Links the item of the given offer in the order to the stock item with the SKU. As on the "
        "screen, the offer's listing is linked too when it has no link yet (--order-only leaves it).",
    )
    link.add_argument("order", type=order_number, help="Allegro's order number")
    link.add_argument("offer_id", type=offer_id, help="the offer id of the order's item")
    link.add_argument("sku", nargs="?", help="the stock item's SKU")
    link.add_argument("--unlink", action="store_true", help="unlink the item instead")
    link.add_argument("--order-only", action="store_true", help="do not link the listing too")
    link.add_argument("--channel", metavar="NAME")
    return parser


def main(argv: list[str], paths) -> int:
    return run(_parser(), argv, paths, {"list": _list, "show": _show, "ship": _ship, "link-item": _link_item})


def _channel_id(name: str | None) -> int | None:
    if name is None:
        return None
    wanted = name.strip().casefold()
    for channel_id, sub_source in Channel.select(Channel.id, Channel.sub_source).tuples():
        if sub_source.casefold() == wanted:
            return channel_id
    raise Refused(_("There is no channel called “{name}”.").format(name=name.strip()))


def find_order(form_id: str, channel: str | None) -> Order:
    query = Order.select().where(Order.form_id == form_id)
    channel_id = _channel_id(channel)
    if channel_id is not None:
        query = query.where(Order.channel == channel_id)
    found = list(query)
    if not found:
        raise Refused(_("There is no order {order}.").format(order=form_id))
    if len(found) > 1:
        names = ", ".join(sorted(o.channel.sub_source for o in found))
        raise Refused(_("Order {order} is in several channels ({names}); say which with --channel.").format(order=form_id, names=names))
    return found[0]


# --- list -------------------------------------------------------------------------------


def order_list_records(channel_id: int | None, status: str | None, unlinked: bool) -> list[dict]:
    """The Orders screen's rows (core.order_desk.order_rows), filtered, as `--json` prints them."""
    records = []
    raw_pay = dict(Order.select(Order.id, Order.pay_status).tuples())  # the rows carry it in the app's language
    for (
        oid, created, channel, form_id, buyer, items, amount, currency, pay_status, _status_text, tracking,
        status_code, row_channel_id, unlinked_items, tracking_state,
    ) in order_rows():
        if channel_id is not None and row_channel_id != channel_id:
            continue
        if (status is not None and status_code != status) or (unlinked and not unlinked_items):
            continue
        records.append(
            {
                "order": form_id,
                "channel": channel,
                "created_at": created,
                "buyer": buyer,
                "items": items,
                "amount": amount,
                "currency": currency,
                "pay_status": raw_pay.get(oid, pay_status),
                "status": status_code,
                "unlinked_items": unlinked_items,
                "tracking": tracking or None,
                "tracking_state": tracking_state or None,
            }
        )
    return records


def _list(args, paths) -> int:
    records = order_list_records(_channel_id(args.channel), args.status, args.unlinked)
    if args.json:
        print_json(records)
        return 0
    header = (_("DATE"), _("CHANNEL"), _("ORDER"), _("BUYER"), _("ITEMS"), _("AMOUNT"), _("STATUS"), _("UNLINKED"), _("TRACKING"))
    print_table(
        header,
        [
            (
                f"{r['created_at']:%Y-%m-%d %H:%M}" if r["created_at"] else "",
                r["channel"],
                r["order"],
                r["buyer"],
                r["items"],
                f"{r['amount']:.2f} {r['currency']}",
                _(STATUS_TEXT.get(r["status"], r["status"])),
                r["unlinked_items"] or "",
                r["tracking"] or "—",
            )
            for r in records
        ],
        free_last=True,
    )
    print(n_("{n} order.", "{n} orders.", len(records)).format(n=len(records)))
    return 0


# --- show -------------------------------------------------------------------------------


def order_record(detail) -> dict:
    """One order as `orders show --json` prints it (docs/cli.md)."""
    o = detail.order
    return {
        "order": o.form_id,
        "channel": detail.channel,
        "created_at": o.created_at,
        "status": o.status,
        "buyer": o.buyer_login,
        "buyer_email": o.buyer_email,
        "amount": o.amount,
        "postage_amount": o.postage_amount,
        "currency": o.currency,
        "pay_type": o.pay_type,
        "pay_status": o.pay_status,
        "message": o.message,
        "address": {
            "name": o.ship_name,
            "company": o.ship_company,
            "street": o.ship_street,
            "postcode": o.ship_postcode,
            "city": o.ship_city,
            "country": o.ship_country,
            "phone": o.ship_phone,
        },
        "items": [
            {
                "offer_id": i.offer_id,
                "title": i.title,
                "quantity": i.quantity,
                "price": i.price,
                "sku": i.sku or None,
                "link": i.link_state,
            }
            for i in detail.items
        ],
        "shipments": [
            {
                "carrier": s.carrier,
                "carrier_id": s.carrier_id,
                "tracking_number": s.number,
                "state": s.state,
                "reason": s.reason or None,
                "sent_at": s.sent_at,
            }
            for s in detail.shipments
        ],
    }


def _show(args, paths) -> int:
    detail = order_detail(find_order(args.order, args.channel).id)
    if args.json:
        print_json(order_record(detail))
        return 0
    o = detail.order
    pay = _(PAY_TYPE_TEXT[o.pay_type]) if o.pay_type in PAY_TYPE_TEXT else o.pay_type
    print(_("Order {order} ({channel}), {status}").format(order=o.form_id, channel=detail.channel, status=_(STATUS_TEXT.get(o.status, o.status))))
    print(_("Placed: {time}").format(time=f"{o.created_at:%Y-%m-%d %H:%M} UTC" if o.created_at else "—"))
    print(_("Buyer: {login} {email}").format(login=o.buyer_login, email=o.buyer_email).rstrip())
    print(
        _("Amount: {amount} {currency} (postage {postage}); payment: {pay}, {status}").format(
            amount=f"{o.amount:.2f}", currency=o.currency, postage=f"{o.postage_amount:.2f}", pay=pay or "—", status=o.pay_status or "—"
        )
    )
    if o.message:
        print(_("Message from the buyer: {text}").format(text=o.message))
    print()
    print(_("Items:"))
    print_table(
        (_("OFFER ID"), _("QTY"), _("PRICE"), _("SKU"), _("LINK"), _("TITLE")),
        [(i.offer_id, i.quantity, f"{i.price:.2f}", i.sku or "-", _(LINK_TEXT.get(i.link_state, i.link_state)), i.title) for i in detail.items],
        free_last=True,
    )
    print()
    print(_("Ship to:"))
    for line in detail.address.splitlines() or ["—"]:
        print("  " + line)
    print()
    print(_("Shipments:"))
    if not detail.shipments:
        print("  " + _("none"))
    for s in detail.shipments:
        verdict = _(SHIPMENT_TEXT.get(s.state, s.state))
        line = f"  {s.carrier} {s.number}: {verdict}"
        if s.reason and s.state in (ShipmentState.REJECTED, ShipmentState.INVALID):
            line += f" — {s.reason}"
        if s.sent_at:
            line += " (" + _("sent {time} UTC").format(time=f"{s.sent_at:%Y-%m-%d %H:%M}") + ")"
        print(line)
    return 0


# --- ship -------------------------------------------------------------------------------


def carrier_id(text: str | None) -> int | None:
    """Allegro's operator id for a carrier as typed; -1 for one Allegro does not know (the check says so)."""
    if text is None:
        return None
    word = text.strip().casefold()
    if word in OTHER_WORDS:
        return OTHER
    if word.isdigit():
        return int(word)
    for carrier in CARRIERS.values():  # by name; DPD's first id, as the screen lists it
        if carrier.name.casefold() == word:
            return carrier.id
    return -1


def _ship(args, paths) -> int:
    order = find_order(args.order, args.channel)
    number = args.tracking.strip()
    carrier = carrier_id(args.carrier)
    if number or args.carrier is not None or args.correct:
        problem = check(carrier, number, args.carrier_name)  # the screen's check of the number as typed
        if problem:
            raise Refused(problem, _("Nothing was changed."))
    if args.correct is not None:
        return _correct(order, args.correct.strip(), carrier, number, args.carrier_name)
    if order.status == OrderStatus.SHIPPED and number:
        add_tracking(order.id, carrier, number, args.carrier_name)
        print(_("Tracking number {number} added; it goes to Allegro at the next sync.").format(number=number))
        return 0
    if order.status == OrderStatus.OPEN and not _confirm_shipping(order, args.yes):
        err(_("The order was not marked shipped."))
        return FAILED
    try:
        ship_order(order.id, carrier if number else None, number, args.carrier_name)
    except (OrderError, TrackingError) as error:
        raise Refused(error.message, status=FAILED) from None
    print(_("Order {order} is shipped.").format(order=order.form_id))
    if number:
        _say_tracking_goes(order, number, carrier, args.carrier_name)
    return 0


def _confirm_shipping(order: Order, yes: bool) -> bool:
    """Says what leaves stock, then asks (or takes --yes) whether to mark the open order shipped."""
    linked = [i for i in order_detail(order.id).items if i.linked]
    if linked:
        location = Location.get_or_none(Location.id == order_location_id(order.channel))
        pieces = sum(i.quantity for i in linked)
        err(
            n_(
                "{n} linked item is taken off stock at {location}.",
                "{n} linked items are taken off stock at {location}.",
                pieces,
            ).format(n=pieces, location=location.name if location else _("no location"))
        )
    else:
        err(_("No item of this order is linked to stock, so no stock changes."))
    return confirm(_("Mark order {order} shipped? This cannot be undone.").format(order=order.form_id), yes, "--yes")


def _say_tracking_goes(order: Order, number: str, carrier: int | None, carrier_name: str) -> None:
    shown_carrier = CARRIERS[carrier].name if carrier in CARRIERS else carrier_name.strip()
    print(_("Tracking number {number} ({carrier}) goes to Allegro at the next sync.").format(number=number, carrier=shown_carrier))
    if not order.channel.submit_tracking:
        print(
            _("Submit Tracking Info is off for {channel}: turn it on with main.py channel set {channel} --submit-tracking on.").format(
                channel=order.channel.sub_source
            )
        )


def _correct(order: Order, old: str, carrier: int | None, number: str, name: str) -> int:
    detail = order_detail(order.id)
    shipment = next((s for s in detail.shipments if s.number == old), None)
    if shipment is None:
        raise Refused(_("Order {order} has no tracking number {number}.").format(order=order.form_id, number=old))
    try:
        row = edit_tracking(shipment.shipment_id, carrier, number, name)
    except TrackingError as error:
        raise Refused(error.message, status=FAILED) from None
    if row.state == ShipmentState.REJECTED:
        raise Refused(_("Allegro already refused exactly this number; change the number or the carrier."), status=FAILED)
    print(_("Tracking number corrected; it goes to Allegro at the next sync."))
    return 0


# --- link-item ----------------------------------------------------------------------------


def _link_item(args, paths) -> int:
    order = find_order(args.order, args.channel)
    if args.unlink == bool(args.sku):
        raise Refused(_("Give the SKU to link to, or --unlink."))
    item = OrderItem.get_or_none((OrderItem.order == order.id) & (OrderItem.offer_id == args.offer_id))
    if item is None:
        raise Refused(_("Order {order} has no item of offer {offer}.").format(order=order.form_id, offer=args.offer_id))
    if args.unlink:
        link_order_item(item.id, None)
        print(_("Unlinked “{title}” in order {order}.").format(title=item.title, order=order.form_id))
        return 0
    try:
        stock_item = find_item(args.sku)
    except LinkError as error:
        raise Refused(error.message) from None
    link_order_item(item.id, stock_item.id, link_listing=not args.order_only)
    print(_("Linked “{title}” in order {order} to {sku}.").format(title=item.title, order=order.form_id, sku=stock_item.sku))
    return 0
