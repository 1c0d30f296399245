"""Stock level, allocated and available, per location or summed over all of them.

    availability()              -> {item_id: Availability(level, allocated)} summed over locations
    availability(location=loc)  -> the same at one location
    availability_by_location()  -> {item_id: {location_id: Availability}}

Allocated = the quantity of linked order items of open orders. An order is fulfilled
from its channel's location (the one chosen with "Inventory Update From Location"),
otherwise from the default location, so that is where it allocates and, once shipped,
where its stock is taken off. Every function is one or two grouped queries, so the
Inventory screen and the sync stay fast at 100,000 stock items.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from peewee import JOIN, Query, fn

from core.db import database
from core.models import Channel, Location, Order, OrderItem, OrderStatus, StockLevel

# SQLite allows 32766 bound parameters; stay far below for other databases too.
_IN_CHUNK = 900
_WHOLE_TABLE_ABOVE = 2000


@dataclass(frozen=True, slots=True)
class Availability:
    level: int = 0
    allocated: int = 0

    @property
    def available(self) -> int:
        """Level minus allocated. Negative when open orders need more than is in stock."""
        return self.level - self.allocated

    @property
    def sellable(self) -> int:
        """What may be offered for sale: never below zero."""
        return max(self.level - self.allocated, 0)


NOTHING = Availability()


def _location_id(location) -> int | None:
    if location is None:
        return None
    return location if isinstance(location, int) else location.id


def default_location_id() -> int | None:
    """The default location, or the first one when none is marked default."""
    row = Location.select(Location.id).order_by(Location.is_default.desc(), Location.id).tuples().first()
    return row[0] if row else None


def order_location_ids() -> dict[int, int | None]:
    """Channel id -> the location its orders are fulfilled from."""
    default = default_location_id()
    out: dict[int, int | None] = {}
    for channel_id, from_location, location_id in Channel.select(
        Channel.id, Channel.update_from_location, Channel.location
    ).tuples():
        out[channel_id] = location_id if from_location and location_id else default
    return out


def order_location_id(channel: Channel) -> int | None:
    """The location an order of `channel` is fulfilled from."""
    if channel.update_from_location and channel.location_id:
        return channel.location_id
    return default_location_id()


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _IN_CHUNK):
        yield ids[start : start + _IN_CHUNK]


def _restricted(query_for, item_ids: Iterable[int] | None):
    """Run query_for(ids_or_None) over all items, or over `item_ids` in chunks.

    Rows come straight from the database cursor: these queries return only integers,
    and skipping peewee's per-value conversion makes 100,000 rows several times faster.
    """
    if item_ids is None:
        yield from database.execute(query_for(None))
        return
    if isinstance(item_ids, Query):  # a subquery: the database picks the items by its indexes
        yield from database.execute(query_for(item_ids))
        return
    ids = set(item_ids)
    if len(ids) > _WHOLE_TABLE_ABOVE:
        # many ids: one pass over everything beats dozens of long IN lists
        yield from (row for row in database.execute(query_for(None)) if row[0] in ids)
        return
    for chunk in _chunks(sorted(ids)):
        yield from database.execute(query_for(chunk))


def levels(location=None, item_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Stock level per item: at `location`, or summed over all locations."""
    location_id = _location_id(location)

    def query(ids):
        q = StockLevel.select(StockLevel.item, fn.SUM(StockLevel.quantity)).group_by(StockLevel.item)
        if location_id is not None:
            q = q.where(StockLevel.location == location_id)
        if ids is not None:
            q = q.where(StockLevel.item.in_(ids))
        return q

    return {item_id: int(total or 0) for item_id, total in _restricted(query, item_ids)}


def levels_by_location(item_ids: Iterable[int] | None = None) -> dict[int, dict[int, int]]:
    """Item id -> {location id: level}."""

    def query(ids):
        q = StockLevel.select(StockLevel.item, StockLevel.location, StockLevel.quantity)
        if ids is not None:
            q = q.where(StockLevel.item.in_(ids))
        return q

    out: dict[int, dict[int, int]] = defaultdict(dict)
    for item_id, location_id, quantity in _restricted(query, item_ids):
        out[item_id][location_id] = quantity
    return dict(out)


def _allocated_rows(item_ids):
    """(item id, channel id, quantity) of linked items of open orders."""

    def query(ids):
        q = (
            OrderItem.select(OrderItem.stock_item, Order.channel, fn.SUM(OrderItem.quantity))
            .join(Order, JOIN.INNER, on=(OrderItem.order == Order.id))
            .where((Order.status == OrderStatus.OPEN) & OrderItem.stock_item.is_null(False))
            .group_by(OrderItem.stock_item, Order.channel)
        )
        if ids is not None:
            q = q.where(OrderItem.stock_item.in_(ids))
        return q

    return _restricted(query, item_ids)


def allocated(location=None, item_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Quantity held by open orders per item: at `location`, or in total."""
    location_id = _location_id(location)
    where = order_location_ids() if location_id is not None else {}
    out: dict[int, int] = defaultdict(int)
    for item_id, channel_id, quantity in _allocated_rows(item_ids):
        if location_id is None or where.get(channel_id) == location_id:
            out[item_id] += int(quantity or 0)
    return dict(out)


def availability(location=None, item_ids: Iterable[int] | Query | None = None) -> dict[int, Availability]:
    """Item id -> Availability at `location`, or summed over all locations.

    `item_ids` may also be a query selecting item ids (say, the items a channel's listings
    link to), which the database then uses as a subquery. Items with neither stock nor
    open orders are left out: use `.get(item_id, NOTHING)`.
    """
    ids = None if item_ids is None else item_ids if isinstance(item_ids, Query) else list(item_ids)
    with database.atomic():  # one snapshot: levels and allocations seen at the same moment
        level = levels(location, ids)
        held = allocated(location, ids)
    return {
        item_id: Availability(level.get(item_id, 0), held.get(item_id, 0))
        for item_id in level.keys() | held.keys()
    }


def availability_by_location(item_ids: Iterable[int] | None = None) -> dict[int, dict[int, Availability]]:
    """Item id -> {location id: Availability}, for the Inventory screen."""
    ids = None if item_ids is None else list(item_ids)
    with database.atomic():
        per_location = levels_by_location(ids)
        where = order_location_ids()
        held: dict[int, dict[int | None, int]] = defaultdict(lambda: defaultdict(int))
        for item_id, channel_id, quantity in _allocated_rows(ids):
            held[item_id][where.get(channel_id)] += int(quantity or 0)
    out: dict[int, dict[int, Availability]] = {}
    for item_id in per_location.keys() | held.keys():
        at = per_location.get(item_id, {})
        holds = held.get(item_id, {})
        out[item_id] = {
            location_id: Availability(at.get(location_id, 0), holds.get(location_id, 0))
            for location_id in (at.keys() | {k for k in holds if k is not None})
        }
    return out


def take_off(order: Order) -> dict[int, int]:
    """Take a shipped order's linked items off the stock level at its location.

    Returns {item_id: quantity taken}. Call inside the transaction that marks the
    order shipped. A level may go below zero when more was sold than was counted in:
    hiding that would hide an oversell.
    """
    location_id = order_location_id(order.channel)
    taken: dict[int, int] = defaultdict(int)
    for item_id, quantity in (
        OrderItem.select(OrderItem.stock_item, OrderItem.quantity)
        .where((OrderItem.order == order.id) & OrderItem.stock_item.is_null(False))
        .tuples()
    ):
        taken[item_id] += quantity
    if location_id is None or not taken:
        return dict(taken)
    existing = {
        item_id
        for (item_id,) in StockLevel.select(StockLevel.item)
        .where((StockLevel.location == location_id) & StockLevel.item.in_(list(taken)))
        .tuples()
    }
    for item_id, quantity in taken.items():
        if item_id in existing:
            StockLevel.update(quantity=StockLevel.quantity - quantity).where(
                (StockLevel.item == item_id) & (StockLevel.location == location_id)
            ).execute()
        else:
            StockLevel.insert(item=item_id, location=location_id, quantity=-quantity).execute()
    return dict(taken)
