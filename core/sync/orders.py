"""Orders: read from Allegro's deals journal, stored once per post-buy form, linked to stock.

The journal is read from the channel's cursor (the first run from Sync Orders From).
Forms named by its events are fetched 25 at a time, and each batch is stored in the
same transaction that moves the cursor past the events it covers: a run stopped at
any point re-reads from a cursor that matches what is stored, and the unique
(channel, form id) keeps an order from ever being stored twice.

Order items link to a stock item through the listing's link, else (with Link Order
Item to Stock Item By Title) through an exact title. A title matching several stock
items is not guessed: the item stays unlinked as `ambiguous` and is reported.
Linked items of open orders allocate stock (core/inventory.py); shipping an order
takes its items off the stock level.
"""
from __future__ import annotations

import queue
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from core import inventory
from core.allegro.port import Marketplace, PostBuyForm
from core.db import database
from core.models import Channel, LinkState, Listing, Order, OrderItem, OrderStatus, StockItem, id_order, utcnow
from core.sync import bulk
from core.sync.listings import naive
from core.i18n import _

FORMS_BATCH = 25  # forms a call, unless the marketplace says it reads more (`forms_per_call`)
FETCH_AHEAD = 3  # form calls at once beside the journal's own
# dealEventType: 1 deal created (no form yet), 2 form filled, 3 form cancelled, 4 paid.
FORM_EVENTS = (2, 3, 4)
UNLINKED_STATES = (LinkState.UNLINKED, LinkState.AMBIGUOUS)


class OrderError(Exception):
    """A refused change to an order; `message` is for the seller."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass
class OrdersResult:
    events: int = 0
    imported: int = 0
    updated: int = 0
    cancelled: int = 0
    relinked: int = 0
    forms_fetched: int = 0
    cancelled_after_shipping: list[int] = field(default_factory=list)  # form ids


class Stop(Exception):
    """Raised by import_orders when cancelled; what was stored stays stored."""


# -- linking ----------------------------------------------------------------------------


class Linker:
    """Finds the stock item of order items: listing link first, then exact title."""

    def __init__(self, channel: Channel) -> None:
        self.channel_id = channel.id
        self.by_title = channel.link_by_title

    def link(self, pairs: Iterable[tuple[int, str]]) -> dict[tuple[int, str], tuple[int | None, str]]:
        """(offer id, title) -> (stock item id or None, LinkState)."""
        pairs = list(set(pairs))
        offer_ids = sorted({offer_id for offer_id, _ in pairs})
        mapped: dict[int, int] = {}
        for start in range(0, len(offer_ids), 900):
            for offer_id, item_id in (
                Listing.select(Listing.offer_id, Listing.stock_item)
                .where(
                    (Listing.channel == self.channel_id)
                    & Listing.offer_id.in_(offer_ids[start : start + 900])
                    & Listing.stock_item.is_null(False)
                )
                .tuples()
            ):
                mapped[offer_id] = item_id
        by_title: dict[str, list[int]] = defaultdict(list)
        if self.by_title:
            titles = sorted({title for offer_id, title in pairs if offer_id not in mapped and title})
            for start in range(0, len(titles), 900):
                for item_id, title in (
                    StockItem.select(StockItem.id, StockItem.title)
                    .where(StockItem.title.in_(titles[start : start + 900]))
                    .tuples()
                ):
                    if title in titles:  # exact, even where the database compares loosely
                        by_title[title].append(item_id)
        out = {}
        for offer_id, title in pairs:
            if offer_id in mapped:
                out[(offer_id, title)] = (mapped[offer_id], LinkState.LISTING)
            elif self.by_title and len(by_title.get(title, ())) == 1:
                out[(offer_id, title)] = (by_title[title][0], LinkState.TITLE)
            elif self.by_title and len(by_title.get(title, ())) > 1:
                out[(offer_id, title)] = (None, LinkState.AMBIGUOUS)
            else:
                out[(offer_id, title)] = (None, LinkState.UNLINKED)
        return out


def relink(channel: Channel) -> int:
    """Try again to link the unlinked items of the channel's open orders (a listing may
    have been linked since). Returns how many got linked."""
    rows = list(
        OrderItem.select(OrderItem.id, OrderItem.offer_id, OrderItem.title, OrderItem.link_state)
        .join(Order)
        .where(
            (Order.channel == channel.id)
            & (Order.status == OrderStatus.OPEN)
            & OrderItem.link_state.in_(UNLINKED_STATES)
        )
        .tuples()
    )
    if not rows:
        return 0
    links = Linker(channel).link((offer_id, title) for _, offer_id, title, _ in rows)
    changes = [
        (links[(offer_id, title)][0], links[(offer_id, title)][1], item_id)
        for item_id, offer_id, title, state in rows
        if links[(offer_id, title)][1] != state
    ]
    with database.atomic():
        bulk.update_many(OrderItem, ("stock_item", "link_state"), changes)
    return sum(1 for stock_id, _, _ in changes if stock_id is not None)


def unlinked_items(channel_id: int, limit: int | None = None) -> list[tuple[int, int, str, str]]:
    """(form id, offer id, title, link state) of unlinked items of open orders."""
    query = (
        OrderItem.select(Order.form_id, OrderItem.offer_id, OrderItem.title, OrderItem.link_state)
        .join(Order)
        .where(
            (Order.channel == channel_id)
            & (Order.status == OrderStatus.OPEN)
            & OrderItem.link_state.in_(UNLINKED_STATES)
        )
        .order_by(*id_order(Order.form_id))
    )
    if limit:
        query = query.limit(limit)
    return list(query.tuples())


# -- storing forms ------------------------------------------------------------------------


def _order_fields(form: PostBuyForm, channel: Channel) -> dict:
    address = form.address
    return {
        "buyer_id": form.buyer_id,
        "buyer_login": form.buyer_login[:100],
        "buyer_email": form.buyer_email[:254],
        "created_at": naive(form.created_at),
        "amount": form.amount,
        "postage_amount": form.postage_amount,
        "currency": (form.currency or channel.currency or "PLN")[:3],
        "pay_type": form.pay_type[:50],
        "pay_status": form.pay_status[:50],
        "ship_name": address.full_name[:255],
        "ship_company": address.company[:255],
        "ship_street": address.street[:255],
        "ship_postcode": address.postcode[:20],
        "ship_city": address.city[:100],
        "ship_country": address.country[:100],
        "ship_phone": address.phone[:50],
        "message": form.message,
    }


def store_forms(channel: Channel, forms: list[PostBuyForm], since: datetime | None, result: OrdersResult) -> None:
    """Insert new orders with their linked items, update known ones. Call inside db.atomic()."""
    if not forms:
        return
    ids = [form.form_id for form in forms]
    known = {
        form_id: (order_id, status)
        for order_id, form_id, status in Order.select(Order.id, Order.form_id, Order.status)
        .where((Order.channel == channel.id) & Order.form_id.in_(ids))
        .tuples()
    }
    new_forms = []
    for form in forms:
        fields = _order_fields(form, channel)
        if form.form_id in known:
            _update_order(form, fields, *known[form.form_id], result)
            continue
        created = naive(form.created_at)
        if since is not None and created is not None and created < since:
            continue  # before Sync Orders From
        new_forms.append((form, fields))
    if new_forms:
        _insert_orders(channel, new_forms, result)


def _update_order(form: PostBuyForm, fields: dict, order_id: int, status: str, result: OrdersResult) -> None:
    if form.cancelled and status == OrderStatus.OPEN:
        fields["status"] = OrderStatus.CANCELLED
        result.cancelled += 1
    elif form.cancelled and status == OrderStatus.SHIPPED:
        result.cancelled_after_shipping.append(form.form_id)
    Order.update(**fields).where(Order.id == order_id).execute()
    result.updated += 1


def _insert_orders(channel: Channel, new_forms: list[tuple[PostBuyForm, dict]], result: OrdersResult) -> None:
    """New orders, then their items with the stock items they are linked to."""
    now = utcnow()
    rows = []
    for form, fields in new_forms:
        status = OrderStatus.CANCELLED if form.cancelled else OrderStatus.OPEN
        rows.append({**fields, "channel": channel.id, "form_id": form.form_id, "status": status, "imported_at": now})
        result.imported += 1
        result.cancelled += form.cancelled
    bulk.insert_many(Order, rows)
    order_ids = dict(
        Order.select(Order.form_id, Order.id)
        .where((Order.channel == channel.id) & Order.form_id.in_([f.form_id for f, _ in new_forms]))
        .tuples()
    )
    links = Linker(channel).link((item.offer_id, item.title) for form, _ in new_forms for item in form.items)
    items = []
    for form, _ in new_forms:
        for item in form.items:
            stock_id, state = links[(item.offer_id, item.title)]
            items.append(
                {
                    "order": order_ids[form.form_id],
                    "offer_id": item.offer_id,
                    "title": item.title[:255],
                    "quantity": item.quantity,
                    "price": item.price,
                    "stock_item": stock_id,
                    "link_state": state,
                }
            )
    bulk.insert_many(OrderItem, items)


class OrderFeed:
    """The deals journal from the channel's cursor, with the post-buy forms it names, read
    on threads of its own so the reading can start early (beside the listing pages).

    Journal pages can only be read one after another (each starts after the last event
    of the one before); the forms they name are fetched meanwhile, as many a call as the
    marketplace reads at once (`forms_per_call`: 25 on the WebAPI, 100 on REST), up to
    `fetch_ahead` calls at once. `batches()` hands them over in journal order, each with the last event it covers. Nothing here touches the
    database. Always `close()` a feed (import_orders does).
    """

    def __init__(self, channel: Channel, marketplace: Marketplace, fetch_ahead: int = FETCH_AHEAD) -> None:
        self.cursor = channel.journal_cursor
        self.since = naive(channel.sync_orders_from) if self.cursor is None else None
        self.events = 0
        self._marketplace = marketplace
        self._forms_batch = getattr(marketplace, "forms_per_call", FORMS_BATCH)
        self._queue: queue.Queue = queue.Queue(maxsize=AHEAD)
        self._closed = threading.Event()
        self._fetcher = ThreadPoolExecutor(max_workers=max(fetch_ahead, 1), thread_name_prefix="forms")
        self._thread = threading.Thread(target=self._read, name="journal", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        pending: dict[int, None] = {}  # form ids in journal order, not sent for yet
        covered = self.cursor  # the last event whose forms are in `pending` or sent for
        try:
            for page in self._marketplace.journal(self.cursor):
                for event in page:
                    self.events += 1
                    wanted = (
                        event.event_type in FORM_EVENTS
                        and event.transaction_id
                        and (self.since is None or naive(event.event_time) >= self.since)
                    )
                    if wanted and event.transaction_id not in pending:
                        if len(pending) == self._forms_batch:
                            self._send(pending, covered)
                        pending[event.transaction_id] = None
                    covered = event.event_id
                if self._closed.is_set():
                    return
            self._send(pending, covered)
            self._put((_END, None))
        except _Closed:
            return
        except BaseException as error:  # handed over in order, after what was read before it
            try:
                self._put((_FAILED, error))
            except _Closed:
                return

    def _send(self, pending: dict[int, None], upto: int | None) -> None:
        ids = list(pending)
        pending.clear()
        future = self._fetcher.submit(self._marketplace.post_buy_forms, ids) if ids else _resolved([])
        self._put((future, upto))

    def _put(self, item) -> None:
        while not self._closed.is_set():  # a consumer far behind holds the reading back
            try:
                self._queue.put(item, timeout=0.05)
                return
            except queue.Full:
                continue
        raise _Closed()

    def batches(self) -> Iterator[tuple[list[PostBuyForm], int | None]]:
        """(forms, last event covered) in journal order; raises the first failure where it happened."""
        while True:
            first, second = self._queue.get()
            if first is _END:
                return
            if first is _FAILED:
                raise second
            yield first.result(), second  # a failed fetch raises here: nothing after it is handed over

    def next_ready(self) -> tuple[list[PostBuyForm], int | None] | None:
        """The next batch if it has arrived well, else None; never waits."""
        if not self.has_ready():
            return None
        future, upto = self._queue.get_nowait()
        return future.result(), upto

    def has_ready(self) -> bool:
        """The next batch has arrived well (so storing it with the ones before costs no waiting)."""
        with self._queue.mutex:
            head = self._queue.queue[0] if self._queue.queue else None
        if head is None or not isinstance(head[0], Future) or not head[0].done():
            return False
        return not head[0].cancelled() and head[0].exception() is None  # a failure ends the group first

    def close(self) -> None:
        """Stop reading; wait for the threads (a call in flight ends by its timeout at worst)."""
        self._closed.set()
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item[0], Future):
                item[0].cancel()
        self._thread.join()
        self._fetcher.shutdown(wait=True, cancel_futures=True)


class _Closed(Exception):
    pass


_END, _FAILED = object(), object()
STORE_AT_ONCE = 200  # forms per transaction when they have arrived already
# Form batches read ahead of storing them (5,000 forms, a few MB): the whole journal of a
# busy day is read while the listings are.
AHEAD = 200


class OrderImport:
    """Stores what an OrderFeed hands over, on the caller's thread (the one with the database).

    Each group of forms is stored together with the cursor position it covers, in journal
    order, so a run stopped at any point re-reads from a cursor that matches what is
    stored. Groups are what has arrived, up to STORE_AT_ONCE forms per transaction.
    """

    def __init__(
        self,
        channel: Channel,
        feed: OrderFeed,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.channel, self.feed = channel, feed
        self.progress, self.cancelled = progress, cancelled
        self.result = OrdersResult()

    def store_arrived(self) -> None:
        """Store the batches that have arrived, without waiting for more."""
        forms: list[PostBuyForm] = []
        upto = None
        while len(forms) < STORE_AT_ONCE and (batch := self.feed.next_ready()) is not None:
            forms += batch[0]
            upto = batch[1]
        if upto is not None:
            self._store(forms, upto)

    def finish(self) -> OrdersResult:
        """Wait for the rest of the journal and its forms, and store them."""
        forms: list[PostBuyForm] = []
        for batch, upto in self.feed.batches():
            forms += batch
            if len(forms) < STORE_AT_ONCE and self.feed.has_ready():
                continue
            self._store(forms, upto)
            forms = []
        self.result.events = self.feed.events
        return self.result

    def _store(self, forms: list[PostBuyForm], upto: int | None) -> None:
        channel = self.channel
        self.result.forms_fetched += len(forms)
        # A form named again later in the journal (paid after it was filled) is in two
        # batches: one group stores it once, as it was fetched last.
        forms = list({form.form_id: form for form in forms}.values())
        with database.atomic():
            store_forms(channel, forms, self.feed.since, self.result)
            if upto is not None and upto != channel.journal_cursor:
                Channel.update(journal_cursor=upto).where(Channel.id == channel.id).execute()
                channel.journal_cursor = upto
        if self.progress:
            self.progress(self.result.imported + self.result.updated)
        if self.cancelled and self.cancelled():
            raise Stop()


def import_orders(
    channel: Channel,
    marketplace: Marketplace,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    feed: OrderFeed | None = None,
) -> OrdersResult:
    """Store the forms the journal names, from the channel's cursor (see OrderFeed and
    OrderImport). `feed` is one started earlier; by default one is started here."""
    feed = feed or OrderFeed(channel, marketplace)
    try:
        return OrderImport(channel, feed, progress, cancelled).finish()
    finally:
        feed.close()


def _resolved(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


# -- shipping ----------------------------------------------------------------------------


def ship_order(order: Order | int, carrier_id: int | None = None, tracking_number: str = "", carrier_name: str = ""):
    """Mark an open order shipped: its linked items leave the stock level, and the tracking
    number (if given) goes to Allegro on the next sync. Returns the Shipment or None."""
    from core.sync import tracking  # tracking imports nothing from here; keep the edge one-way at import time

    order_id = order if isinstance(order, int) else order.id
    with database.atomic():
        row = Order.get_by_id(order_id)
        if row.status == OrderStatus.SHIPPED:
            raise OrderError(_("This order is already shipped."))
        if row.status == OrderStatus.CANCELLED:
            raise OrderError(_("This order was cancelled by the buyer; it cannot be shipped."))
        updated = (
            Order.update(status=OrderStatus.SHIPPED)
            .where((Order.id == order_id) & (Order.status == OrderStatus.OPEN))
            .execute()
        )
        if updated != 1:
            raise OrderError(_("This order changed meanwhile; look at it again."))
        inventory.take_off(row)
        if tracking_number:
            return tracking.add_tracking(order_id, carrier_id, tracking_number, carrier_name)
    return None
