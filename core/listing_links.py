"""The inventory mapping: which stock item each listing sells, and pending relists.

A listing's quantity is only kept in step with stock once it is linked to a stock
item. Links are made by hand (search by SKU or title), or suggested where the
listing's title equals exactly one stock item's title; a title shared by several
items is shown as ambiguous and never guessed. A pending-relist listing can be
struck off (never relisted) and reinstated.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from core.db import database
from core.models import Channel, Listing, ListingStatus, StockItem, id_order, utcnow
from core.sync.listings import RELIST_WINDOW  # one window for the sync and the seller's reinstate

# Listings that may still sell or come back; relisted ones are kept only as history.
LINKABLE = (
    ListingStatus.ACTIVE,
    ListingStatus.ENDED,
    ListingStatus.PENDING_RELIST,
    ListingStatus.STRUCK_OFF,
    ListingStatus.EXPIRED,
    ListingStatus.SCHEDULED,
)
from core.i18n import _, n_


class LinkError(Exception):
    """A refused mapping change, in the seller's words."""

    @property
    def message(self) -> str:
        return str(self)


def title_key(title: str) -> str:
    """Titles match exactly, as the sync's "Link Order Item to Stock Item By Title" does,
    so a suggestion here and a link made by the sync never disagree."""
    return title


# --- finding ------------------------------------------------------------------


def find_listing(offer_id: str, channel: str | None = None) -> Listing:
    """The listing with this offer id (in one channel when given)."""
    query = Listing.select(Listing, Channel).join(Channel).where(Listing.offer_id == offer_id)
    if channel is not None:
        query = query.where(Channel.sub_source == channel)
    found = list(query)
    if not found:
        if channel:
            raise LinkError(_("There is no listing with offer id {offer} in channel {channel}.").format(offer=offer_id, channel=channel))
        raise LinkError(_("There is no listing with offer id {offer}.").format(offer=offer_id))
    if len(found) > 1:
        names = ", ".join(sorted(lst.channel.sub_source for lst in found))
        raise LinkError(_("Offer id {offer} is in several channels ({names}); say which with --channel.").format(offer=offer_id, names=names))
    return found[0]


def find_item(sku: str) -> StockItem:
    item = StockItem.get_or_none(StockItem.sku == sku.strip())
    if item is None:
        raise LinkError(_("There is no stock item with SKU {sku}.").format(sku=sku.strip()))
    return item


def search_items(text: str, limit: int = 50) -> list[StockItem]:
    """Stock items whose SKU or title contains the text; exact SKU first."""
    text = text.strip()
    if not text:
        return []
    exact = list(StockItem.select().where(StockItem.sku == text))
    rest = (
        StockItem.select()
        .where(StockItem.sku.contains(text) | StockItem.title.contains(text))
        .where(StockItem.sku != text)
        .order_by(StockItem.title, StockItem.sku)
        .limit(limit - len(exact))
    )
    return exact + list(rest)


# --- linking ------------------------------------------------------------------


def link(listing_id: int, item_id: int | None) -> int | None:
    """Link a listing to a stock item (None unlinks). Returns the previous item id, for undo."""
    listing = Listing.get_by_id(listing_id)
    if item_id is not None and listing.status == ListingStatus.RELISTED:
        raise LinkError(_("This offer was relisted under a new id; link the new listing instead."))
    previous = listing.stock_item_id
    Listing.update(stock_item=item_id, updated_at=utcnow()).where(Listing.id == listing_id).execute()
    return previous


def unlink(listing_id: int) -> int | None:
    return link(listing_id, None)


def link_offer(offer_id: str, sku: str, channel: str | None = None) -> Listing:
    listing = find_listing(offer_id, channel)
    item = find_item(sku)
    link(listing.id, item.id)
    return Listing.get_by_id(listing.id)


def unlink_offer(offer_id: str, channel: str | None = None) -> Listing:
    listing = find_listing(offer_id, channel)
    unlink(listing.id)
    return Listing.get_by_id(listing.id)


# --- exact-title suggestions ----------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """What an unlinked listing's title matches: one item, several (ambiguous) or none."""

    listing_id: int
    items: tuple[tuple[int, str], ...]  # (item id, sku)

    @property
    def exact(self) -> bool:
        return len(self.items) == 1

    @property
    def ambiguous(self) -> bool:
        return len(self.items) > 1

    @property
    def text(self) -> str:
        if self.exact:
            return _("Exact title: {sku}").format(sku=self.items[0][1])
        if self.ambiguous:
            skus = ", ".join(s for _sku_id, s in self.items[:3]) + ("…" if len(self.items) > 3 else "")
            count = len(self.items)
            return n_("Ambiguous: {n} item ({skus})", "Ambiguous: {n} items ({skus})", count).format(n=count, skus=skus)
        return ""


def titles_index() -> dict[str, list[tuple[int, str]]]:
    """Stock item title -> every (id, sku) with that title."""
    index: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for item_id, sku, title in StockItem.select(StockItem.id, StockItem.sku, StockItem.title).tuples().iterator():
        index[title_key(title)].append((item_id, sku))
    return index


def suggest(listings: list[tuple[int, str]], index: dict[str, list[tuple[int, str]]] | None = None) -> dict[int, Suggestion]:
    """Suggestions for (listing id, title) pairs of unlinked listings."""
    index = titles_index() if index is None else index
    out = {}
    for listing_id, title in listings:
        items = index.get(title_key(title))
        if items:
            out[listing_id] = Suggestion(listing_id, tuple(sorted(items, key=lambda i: i[1])))
    return out


@dataclass
class AutoLinkReport:
    linked: list[tuple[Listing, str]] = field(default_factory=list)  # (listing, sku)
    ambiguous: list[tuple[Listing, tuple[str, ...]]] = field(default_factory=list)
    unmatched: list[Listing] = field(default_factory=list)


def auto_link_exact_title(channel: str | None = None, dry_run: bool = False) -> AutoLinkReport:
    """Link every unlinked listing whose title matches exactly one stock item; report the rest."""
    query = Listing.select(Listing, Channel).join(Channel).where(
        Listing.stock_item.is_null() & Listing.status.in_(LINKABLE)
    )
    if channel is not None:
        if not Channel.select().where(Channel.sub_source == channel).exists():
            raise LinkError(_("There is no channel called {name}.").format(name=channel))
        query = query.where(Channel.sub_source == channel)
    listings = list(query.order_by(Listing.title, *id_order(Listing.offer_id)))
    found = suggest([(lst.id, lst.title) for lst in listings])
    report = AutoLinkReport()
    with database.atomic():
        for listing in listings:
            suggestion = found.get(listing.id)
            if suggestion is None:
                report.unmatched.append(listing)
            elif suggestion.ambiguous:
                report.ambiguous.append((listing, tuple(s for _sku_id, s in suggestion.items)))
            else:
                item_id, sku = suggestion.items[0]
                if not dry_run:
                    link(listing.id, item_id)
                report.linked.append((listing, sku))
    return report


# --- pending relist -----------------------------------------------------------


def relist_days_left(ended_at: datetime | None, now: datetime | None = None) -> int | None:
    """Whole days left of Allegro's 60-day relist window (0 on the last day)."""
    if ended_at is None:
        return None
    now = now or utcnow()
    left = ended_at + RELIST_WINDOW - now
    return max(left.days, -1)


def strike_off(listing_id: int) -> None:
    """A pending-relist listing will never be relisted (until reinstated)."""
    listing = Listing.get_by_id(listing_id)
    if listing.status != ListingStatus.PENDING_RELIST:
        raise LinkError(_("Only a listing waiting for relist can be struck off."))
    Listing.update(status=ListingStatus.STRUCK_OFF, updated_at=utcnow()).where(Listing.id == listing_id).execute()


def reinstate(listing_id: int) -> str:
    """Undo a strike-off; past Allegro's window the listing is expired instead. Returns the new status."""
    listing = Listing.get_by_id(listing_id)
    if listing.status != ListingStatus.STRUCK_OFF:
        raise LinkError(_("Only a struck-off listing can be reinstated."))
    days = relist_days_left(listing.ended_at)
    status = ListingStatus.EXPIRED if days is not None and days < 0 else ListingStatus.PENDING_RELIST
    Listing.update(status=status, updated_at=utcnow()).where(Listing.id == listing_id).execute()
    return status


def status_text(status: str, ended_at: datetime | None = None, now: datetime | None = None) -> str:
    """The status as the seller reads it, with the relist window's days left."""
    if status == ListingStatus.PENDING_RELIST:
        days = relist_days_left(ended_at, now)
        if days is None:
            return _("Pending relist")
        if days < 0:
            return _("Pending relist (window closed)")
        return n_("Pending relist ({n} day left)", "Pending relist ({n} days left)", days).format(n=days)
    return {
        ListingStatus.ACTIVE: _("Live"),
        ListingStatus.ENDED: _("Ended"),
        ListingStatus.STRUCK_OFF: _("Struck off"),
        ListingStatus.EXPIRED: _("Expired"),
        ListingStatus.RELISTED: _("Relisted (history)"),
        ListingStatus.SCHEDULED: _("Scheduled"),
    }.get(status, status)
