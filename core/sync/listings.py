"""Listings: refreshed from Allegro's My Allegro tabs, and the End and Relist rules.

End: a linked live listing with no available stock, if End Listings is on. Auctions
only with End Auctions; an auction with bids only with End Auctions with bids, and
then it is ended keeping its bids, which sells it to the top bidder.

Relist: a listing the app ended (pending relist) whose stock is back above zero,
ended less than 60 days ago, not struck off, with no live listing of the same title
on the account, if Relist Items is on. Past 60 days Allegro cannot relist it: it is
marked expired and never tried again.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from core.allegro.port import Offer, OfferFormat, OfferState
from core.db import database
from core.channels import ChannelOptions
from core.models import Listing, ListingStatus, StockItem, utcnow
from core.sync import bulk, drift
from core.sync.actions import Draft, new_local_id
from core.i18n import N_, _, n_

RELIST_WINDOW = timedelta(days=60)
LIVE = (ListingStatus.ACTIVE, ListingStatus.SCHEDULED)
# Statuses the app gave a listing that Allegro's tabs do not know about (all ended there).
APP_STATUSES = (
    ListingStatus.PENDING_RELIST,
    ListingStatus.STRUCK_OFF,
    ListingStatus.EXPIRED,
    ListingStatus.RELISTED,
    ListingStatus.ENDED,
)
# Allegro takes no "until sold out" auction; a relisted auction then runs this long.
AUCTION_FALLBACK_DAYS = 7
MAX_QUANTITY = 999  # doChangeQuantityItem's upper bound


def naive(moment: datetime | None) -> datetime | None:
    """Aware UTC -> naive UTC, as the database stores times."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


@dataclass(slots=True)
class ListingView:
    """The planning rules' view of one listing row."""

    id: int
    offer_id: str
    title: str
    format: str
    status: str
    quantity: int
    start_quantity: int
    sold_quantity: int
    bids: int
    ended_at: datetime | None
    ended_by_us: bool
    stock_item_id: int | None

    @property
    def live(self) -> bool:
        return self.status in LIVE

    @property
    def is_auction(self) -> bool:
        return self.format == OfferFormat.AUCTION


_VIEW_FIELDS = (
    Listing.id,
    Listing.offer_id,
    Listing.title,
    Listing.format,
    Listing.status,
    Listing.quantity,
    Listing.start_quantity,
    Listing.sold_quantity,
    Listing.bids,
    Listing.ended_at,
    Listing.ended_by_us,
    Listing.stock_item,
)


def snapshot(channel_id: int, listing_ids: Iterable[int] | None = None) -> list[ListingView]:
    """Every listing of the channel (or just `listing_ids`). Rows come straight from the
    cursor, skipping peewee's per-value conversion (docs/performance.md); only the end
    time is parsed."""
    parse = Listing.ended_at.python_value
    where = Listing.channel == channel_id
    if listing_ids is None:
        queries = [Listing.select(*_VIEW_FIELDS).where(where)]
    else:
        ids = sorted(set(listing_ids))
        queries = [
            Listing.select(*_VIEW_FIELDS).where(where & Listing.id.in_(ids[i : i + 900]))
            for i in range(0, len(ids), 900)
        ]
    return [
        ListingView(*row[:9], parse(row[9]) if row[9] is not None else None, bool(row[10]), row[11])
        for query in queries
        for row in database.execute(query)
    ]


# -- refresh ------------------------------------------------------------------------

_REFRESHED = (
    "title",
    "format",
    "status",
    "quantity",
    "start_quantity",
    "sold_quantity",
    "bids",
    "price",
    "end_time",
    "ended_at",
    "ended_by_us",
)


@dataclass
class RefreshResult:
    seen: int = 0
    new: int = 0
    changed: int = 0
    ended_elsewhere: int = 0  # were live, Allegro now shows them ended (sold out, time, by hand)
    drift: list = field(default_factory=list)  # (listing id, title, what changed outside the app): drift.py


@dataclass
class Refresh:
    """What compare() found: the rows to insert and update, not yet written."""

    result: RefreshResult
    inserts: list[dict]
    updates: list[tuple]


def stored_rows(channel_id: int) -> dict[int, tuple]:
    """Offer id -> the listing's row as refresh() compares it (raw: values are compared in
    a normal form, and unchanged ones written back as read)."""
    query = Listing.select(Listing.id, Listing.offer_id, *(getattr(Listing, name) for name in _REFRESHED)).where(
        Listing.channel == channel_id
    )
    return {row[1]: row for row in database.execute(query)}


def refresh(
    channel_id: int, offers: Iterable[Offer], now: datetime, existing: dict[int, tuple] | None = None
) -> RefreshResult:
    """Bring the channel's listings in line with Allegro's tabs, in one transaction.

    Statuses the app keeps (pending relist, struck off, expired, relisted) survive,
    since on Allegro those offers are simply ended. A live listing Allegro shows ended
    becomes `ended` (not by us): it sold out or ran its time, and is not relisted.
    `existing` is stored_rows() read earlier, if the caller read it before starting threads.
    """
    if existing is None:
        existing = stored_rows(channel_id)
    return store(compare(channel_id, offers, now, existing))


def store(found: Refresh) -> RefreshResult:
    """Write what compare() found, in one transaction."""
    with database.atomic():
        bulk.insert_many(Listing, found.inserts)
        bulk.update_many(Listing, (*_REFRESHED, "updated_at"), found.updates)
    found.result.new, found.result.changed = len(found.inserts), len(found.updates)
    return found.result


def compare(channel_id: int, offers: Iterable[Offer], now: datetime, existing: dict[int, tuple]) -> Refresh:
    """refresh()'s comparison, without the database: a sync runs it on the thread reading
    the listing pages, as they arrive, and stores what it found on its own thread."""
    result = RefreshResult()
    touched = utcnow()  # our clock; `now` is Allegro's, for when listings ended
    inserts: list[dict] = []
    updates: list[tuple] = []
    for offer in offers:
        result.seen += 1
        row = existing.get(offer.offer_id)
        live = offer.state in (OfferState.ACTIVE, OfferState.SCHEDULED)
        end_time = naive(offer.end_time)
        if row is None:
            inserts.append(_new_row(channel_id, offer, live, end_time, now, touched))
            continue
        update = _update(row, offer, live, end_time, now, touched, result)
        if update is not None:
            updates.append(update)
    return Refresh(result, inserts, updates)


def _remote_status(offer: Offer) -> str:
    return ListingStatus.SCHEDULED if offer.state == OfferState.SCHEDULED else ListingStatus.ACTIVE


def _new_row(channel_id: int, offer: Offer, live: bool, end_time, now: datetime, touched: datetime) -> dict:
    return {
        "channel": channel_id,
        "offer_id": offer.offer_id,
        "title": offer.title,
        "format": str(offer.format),
        "status": _remote_status(offer) if live else ListingStatus.ENDED,
        "quantity": offer.quantity,
        "start_quantity": offer.start_quantity,
        "sold_quantity": offer.sold_quantity,
        "bids": offer.bids,
        "price": offer.price,
        "end_time": end_time,
        "ended_at": None if live else (end_time or now),
        "ended_by_us": False,
        "updated_at": touched,
    }


def _update(row: tuple, offer: Offer, live: bool, end_time, now: datetime, touched: datetime, result: RefreshResult):
    """The stored row's new values when Allegro shows it otherwise, else None."""
    # Plain tuples and the cheapest comparisons first: this runs once per listing of the account.
    title, fmt, status, quantity, start_quantity, sold_quantity, bids, price, old_end, ended_at, by_us = row[2:]
    new_status, new_ended_at, new_by_us = status, ended_at, by_us
    if live:
        new_status = _remote_status(offer)
        if status not in LIVE:
            new_ended_at, new_by_us = None, False
    elif status in LIVE:
        new_status, new_ended_at, new_by_us = ListingStatus.ENDED, end_time or now, False
        result.ended_elsewhere += 1
    new_format = str(offer.format)
    same = (
        offer.quantity == quantity
        and offer.sold_quantity == sold_quantity
        and offer.start_quantity == start_quantity
        and offer.bids == bids
        and new_status == status
        and offer.title == title
        and new_format == fmt
        and _normal(offer.price) == _normal(price)
        and _normal(end_time) == _normal(old_end)
        and (new_ended_at is ended_at or _normal(new_ended_at) == _normal(ended_at))
        and (new_by_us is by_us or _normal(new_by_us) == _normal(by_us))
    )
    if same:
        return None
    elsewhere = drift.seen(row, offer, live, now)
    if elsewhere is not None:
        result.drift.append((row[0], offer.title, elsewhere))
    return (
        offer.title,
        new_format,
        new_status,
        offer.quantity,
        offer.start_quantity,
        offer.sold_quantity,
        offer.bids,
        offer.price,
        end_time,
        new_ended_at,
        new_by_us,
        touched,
        row[0],
    )


def _normal(value):
    """One form for a value read raw from the database and the same value from Allegro."""
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (float, Decimal)):
        return round(float(value), 2)
    return value


# -- the End rule ---------------------------------------------------------------------


@dataclass
class Skipped:
    """A listing the rules would have acted on but an option forbids; told to the seller."""

    why: str
    title: str


def end_draft(
    listing: ListingView, available: int, channel: ChannelOptions, where: str, listable: int | None = None
) -> Draft | Skipped | None:
    """An End action for a linked live listing with nothing available (nothing `listable`
    after the channel's stock buffers), or why not."""
    if not listing.live or listing.stock_item_id is None or (available if listable is None else listable) > 0:
        return None
    if not channel.end_listings:
        return Skipped(N_("no stock, but End Listings is off"), listing.title)
    with_bids = listing.is_auction and listing.bids > 0
    if listing.is_auction and not channel.end_auctions:
        return Skipped(N_("auction with no stock, but End Auctions is off"), listing.title)
    if with_bids and not channel.end_auctions_with_bids:
        return Skipped(N_("auction with bids and no stock, but End Auctions with bids is off"), listing.title)
    reason = _("Available {n} {where}").format(n=max(available, 0), where=where)
    if with_bids:
        reason += "; " + n_(
            "ending it sells it to the top bidder ({n} bid)", "ending it sells it to the top bidder ({n} bids)", listing.bids
        ).format(n=listing.bids)
    return Draft(
        kind="end",
        reason=reason,
        listing_id=listing.id,
        params={
            "offer_id": listing.offer_id,
            "cancel_bids": False,  # keeping bids sells to the top bidder; cancelling is not offered
            "bids": listing.bids,
            "format": listing.format,
            "available": available,
        },
    )


# -- the Relist rule ------------------------------------------------------------------


def expire_old(channel_id: int, now: datetime) -> int:
    """Pending-relist listings past Allegro's 60-day window become expired."""
    return (
        Listing.update(status=ListingStatus.EXPIRED, updated_at=utcnow())
        .where(
            (Listing.channel == channel_id)
            & (Listing.status == ListingStatus.PENDING_RELIST)
            & Listing.ended_at.is_null(False)
            & (Listing.ended_at <= now - RELIST_WINDOW)
        )
        .execute()
    )


def relist_draft(
    listing: ListingView,
    available: int,
    channel: ChannelOptions,
    now: datetime,
    live_titles: set[str],
    listable: int | None = None,
) -> Draft | Skipped | None:
    """A Relist action for a listing the app ended whose stock is back (something `listable`
    after the channel's stock buffers), or why not."""
    if listing.status != ListingStatus.PENDING_RELIST or not listing.ended_by_us:
        return None
    if listing.stock_item_id is None or (available if listable is None else listable) <= 0 or listing.ended_at is None:
        return None
    age = now - listing.ended_at
    if age >= RELIST_WINDOW:
        return None  # expire_old marks it
    if not channel.relist_items:
        return Skipped(N_("back in stock, but Relist Items is off"), listing.title)
    if listing.title in live_titles:
        return Skipped(N_("back in stock, but a live listing with the same title exists"), listing.title)
    duration = channel.relist_duration
    days = round(age.total_seconds() / 86400)
    if days == 0:
        reason = _("Back in stock: {available}; ended today").format(available=available)
    else:
        reason = n_(
            "Back in stock: {available}; ended {n} day ago", "Back in stock: {available}; ended {n} days ago", days
        ).format(available=available, n=days)
    if listing.is_auction and duration in (0, 99):
        duration = AUCTION_FALLBACK_DAYS
        reason += "; " + _("an auction cannot run until sold out, so it runs {n} days").format(n=duration)
    days_left = max((RELIST_WINDOW - age).days, 0)
    return Draft(
        kind="relist",
        reason=reason,
        listing_id=listing.id,
        params={
            "offer_id": listing.offer_id,
            "local_id": new_local_id(),
            "duration_days": duration,
            "available": available,
            "ended_at": listing.ended_at.isoformat(),
            "days_left": days_left,
        },
    )


def relist_start(now: datetime, delay_minutes: int) -> datetime | None:
    """When a relist sent at `now` starts: after the channel's Relist Listing Delay, else at once.
    Fixed when the relist is first sent (the seller may confirm it long after planning)."""
    return now + timedelta(minutes=delay_minutes) if delay_minutes > 0 else None


def stock_names(item_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """Item id -> (sku, title), for showing actions."""
    ids = sorted(set(item_ids))
    out: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), 900):
        for item_id, sku, title in (
            StockItem.select(StockItem.id, StockItem.sku, StockItem.title)
            .where(StockItem.id.in_(ids[start : start + 900]))
            .tuples()
        ):
            out[item_id] = (sku, title)
    return out
