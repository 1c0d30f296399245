"""The Listings screen's rows: every listing of every channel, its status and stock link.

One pass over the listings joined to their channel and stock item, plus one
availability query per distinct channel stock location and one title index for the
exact-title suggestions, whatever the number of listings.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN

from core import inventory
from core.channels import ChannelOptions, options_of
from core.listing_links import LINKABLE, suggest, status_text, titles_index
from core.models import Channel, Listing, ListingStatus, StockItem, utcnow
from core.sync import drift
from core.sync import listings as sync_listings
from core.sync.guards import at_risk
from core.sync.listings import MAX_QUANTITY
from core.sync.stock import quantity_draft, stock_location_id, where_text
from core.i18n import N_, _

FORMATS = {"buy_now": N_("Buy now"), "auction": N_("Auction")}

# Shown: offer id, title, format, quantity, bids, status, sku, available, suggestion,
# channel. After them the stock item's title (matched by the filter, shown as the SKU's
# tooltip), then hidden: status code, channel id, suggestion state ("exact" |
# "ambiguous" | ""), stock item id, suggested item id, format code, oversell risk (bool,
# core/sync/guards.py), what changed on Allegro outside the app (core/sync/drift.py).
COLUMN_COUNT = 10
STOCK_TITLE = COLUMN_COUNT + 1
SEARCHED = COLUMN_COUNT + 1  # columns the filter matches
STATUS, CHANNEL_ID, SUGGESTION, ITEM_ID, SUGGESTED_ITEM, FORMAT, RISK, CHANGED = range(COLUMN_COUNT + 2, COLUMN_COUNT + 10)


def listing_rows(now: datetime | None = None) -> list[tuple]:
    now = now or utcnow()
    channels = {c.id: options_of(c) for c in Channel.select()}
    where = {cid: stock_location_id(c) for cid, c in channels.items()}
    available = {loc: inventory.availability(location=loc) for loc in set(where.values())}
    query = (
        Listing.select(
            Listing.id,
            Listing.channel,
            Listing.offer_id,
            Listing.title,
            Listing.format,
            Listing.quantity,
            Listing.bids,
            Listing.status,
            Listing.ended_at,
            Listing.stock_item,
            StockItem.sku,
            StockItem.title,
            Listing.changed_elsewhere,
        )
        .join(StockItem, JOIN.LEFT_OUTER, on=(Listing.stock_item == StockItem.id))
        .order_by(Listing.id)
        .tuples()
    )
    raw = list(query.iterator())
    unlinked = [(r[0], r[3]) for r in raw if r[9] is None and r[7] in LINKABLE]
    suggestions = suggest(unlinked, titles_index()) if unlinked else {}
    return [_row(r, channels, available[where[r[1]]], suggestions, now) for r in raw]


def _row(raw: tuple, channels: dict, available: dict, suggestions: dict, now: datetime) -> tuple:
    """One listing's row as the Listings screen shows it (see the columns above)."""
    lid, cid, offer_id, title, fmt, qty, bids, status, ended_at, item_id, sku, item_title, elsewhere = raw
    avail = None if item_id is None else available.get(item_id, inventory.NOTHING).available
    suggestion = suggestions.get(lid)
    state = "" if suggestion is None else ("exact" if suggestion.exact else "ambiguous")
    risk = at_risk(status, item_id, avail, channels[cid].inventory_sync)
    shown_status = status_text(status, ended_at, now)
    if risk:
        shown_status += " · " + _("oversell risk")
    changed = drift.shown(elsewhere) if elsewhere else ""
    if changed:
        shown_status += " · " + _("changed on Allegro")
    return (
        lid,
        offer_id,
        title,
        _(FORMATS.get(fmt, fmt)),
        qty,
        bids,
        shown_status,
        sku or "",
        avail,
        suggestion.text if suggestion else "",
        channels[cid].sub_source,
        item_title or "",
        status,
        cid,
        state,
        item_id,
        suggestion.items[0][0] if suggestion is not None and suggestion.exact else None,
        fmt,
        risk,
        changed,
    )


# --- what the next sync would do with each listing ------------------------------------


@dataclass(frozen=True, slots=True)
class NextSync:
    """What the next sync would do with one listing: `action` is "quantity", "end", "relist" or
    "" (nothing); `quantity` is what would be sent to Allegro (None when nothing is sent)."""

    action: str
    quantity: int | None
    why: str
    available: int | None


def next_sync(channel: Channel | ChannelOptions, now: datetime | None = None) -> dict[int, NextSync]:
    """Listing id -> what the next sync would do with it, by the planning rules themselves
    (core.sync.listings.end_draft and relist_draft, core.sync.stock.quantity_draft) tried in
    the sync's order: End, else Quantity, else Relist, one relist per title. Reads only."""
    now = now or utcnow()
    channel = channel if isinstance(channel, ChannelOptions) else options_of(channel)
    views = sync_listings.snapshot(channel.id)
    location_id = stock_location_id(channel)
    linked = Listing.select(Listing.stock_item).where((Listing.channel == channel.id) & Listing.stock_item.is_null(False))
    avail = inventory.availability(location_id, linked)
    where = where_text(channel)
    live_titles = {v.title for v in views if v.live}
    out: dict[int, NextSync] = {}
    for view in views:
        have = avail.get(view.stock_item_id, inventory.NOTHING).available if view.stock_item_id is not None else None
        out[view.id] = _not_synced(channel, view, have) or _by_the_rules(channel, view, have, where, now, live_titles)
    return out


def _not_synced(channel: ChannelOptions, view, have: int | None) -> NextSync | None:
    """Why the sync leaves this listing alone whatever its stock, or None."""
    if not channel.enabled:
        return NextSync("", None, _("the channel is disabled"), have)
    if view.stock_item_id is None:
        return NextSync("", None, _("not linked to a stock item"), None)
    if not channel.inventory_sync:
        return NextSync("", None, _("Inventory Sync is off"), have)
    return None


def _by_the_rules(channel: ChannelOptions, view, have: int, where: str, now: datetime, live_titles: set[str]) -> NextSync:
    skipped = ""
    for rule in (
        lambda: sync_listings.end_draft(view, have, channel, where),
        lambda: quantity_draft(view, have, where),
        lambda: sync_listings.relist_draft(view, have, channel, now, live_titles),
    ):
        outcome = rule()
        if isinstance(outcome, sync_listings.Skipped):
            skipped = skipped or _(outcome.why)
        elif outcome is not None:
            sent = outcome.params.get("quantity") if outcome.kind == "quantity" else (0 if outcome.kind == "end" else None)
            if outcome.kind == "relist":
                live_titles.add(view.title)
            return NextSync(outcome.kind, sent, outcome.reason, have)
    return NextSync("", None, skipped or _nothing_why(view, have), have)


def _nothing_why(view, available: int) -> str:
    """Why no rule acts on a linked listing, in the seller's words."""
    if view.live and view.is_auction:
        return _("an auction's quantity is not changed")
    if view.live and view.quantity == min(available, MAX_QUANTITY):
        return _("Allegro already shows {n}").format(n=view.quantity)
    if view.status == ListingStatus.PENDING_RELIST and available <= 0:
        return _("ended for no stock; waits for stock")
    if not view.live:
        return _("not live on Allegro")
    return _("nothing to change")
