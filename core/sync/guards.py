"""Guards that keep a seller from losing money by accident.

**Oversell risk.** A linked live listing whose available stock is 0 or less, on a channel
with Inventory Sync, can be bought on Allegro with nothing to send. Unless an end is on its
way, it is at risk: its end was declined or refused, it is an auction with bids and End
Auctions with bids is off, or End Listings (End Auctions) is off. The risk is worked out
from the stock as it is now, so the Listings screen, the Overview, `listings list` and the
run's notes agree; every sync proposes the end again while the stock stays at nothing.

**Brakes.** One run that would end more of a channel's live listings than the larger of
`mass_end_percent` % and `mass_end_count` listings (defaults 20 % and 50) is held before
anything is ended: the ends wait for the seller even with No Manual Confirmation on, and
`main.py sync` ends none of them without `--allow-mass-end`. A run that would lower more
than the larger of half the channel's live buy-now listings and `mass_end_count` to 1 (the
least Allegro takes), the mark of an empty or wrong stock file, holds those quantities the
same way.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from core import inventory
from core.channels import ChannelOptions, options_of
from core.db import database
from core.models import ActionKind, ActionState, Channel, Listing, PlannedAction, utcnow
from core.sync.actions import Draft
from core.sync.listings import LIVE, ListingView
from core.sync.stock import stock_location_id
from core.i18n import _, n_

NOTE_TITLES = 10
HELD = "held by a brake"  # PlannedAction.result of a held action, until it is decided
QUANTITY_FLOOR = 1  # the least quantity Allegro takes; 0 is an end


# -- oversell risk ----------------------------------------------------------------------


def at_risk(status: str, stock_item_id: int | None, available: int | None, inventory_sync: bool) -> bool:
    """Whether a listing row is live on Allegro with nothing available to send."""
    return bool(inventory_sync) and status in LIVE and stock_item_id is not None and available is not None and available <= 0


@dataclass(frozen=True, slots=True)
class Risk:
    listing_id: int
    offer_id: str
    title: str
    available: int
    why: str  # in the seller's words


def _linked_live(channel: ChannelOptions):
    return Listing.select(Listing.stock_item).where(
        (Listing.channel == channel.id) & Listing.status.in_(LIVE) & Listing.stock_item.is_null(False)
    )


def _items_with_nothing(channel: ChannelOptions) -> set[int]:
    """The stock items of the channel's linked live listings with nothing available."""
    avail = inventory.availability(stock_location_id(channel), _linked_live(channel))
    items = {item for (item,) in database.execute(_linked_live(channel))}
    return {item for item in items if avail.get(item, inventory.NOTHING).available <= 0}


def oversell_risks(channel: ChannelOptions | Channel | int) -> list[Risk]:
    """The channel's listings at oversell risk now, each with why it is not being ended."""
    channel = channel if isinstance(channel, ChannelOptions) else options_of(channel)
    if not channel.inventory_sync:
        return []
    empty = sorted(_items_with_nothing(channel))
    if not empty:
        return []
    avail = inventory.availability(stock_location_id(channel), empty)
    rows = []
    for start in range(0, len(empty), 500):
        rows += list(
            Listing.select(Listing.id, Listing.offer_id, Listing.title, Listing.format, Listing.bids, Listing.stock_item)
            .where(
                (Listing.channel == channel.id)
                & Listing.status.in_(LIVE)
                & Listing.stock_item.in_(empty[start : start + 500])
            )
            .tuples()
        )
    rows.sort(key=lambda r: (r[2], r[1]))
    risky = [(r, avail.get(r[5], inventory.NOTHING).available) for r in rows]
    last_end = _last_ends([r[0] for r, _have in risky])
    return [
        Risk(r[0], r[1], r[2], have, _why(channel, r[3] == "auction", r[4], last_end.get(r[0])))
        for r, have in risky
    ]


def _last_ends(listing_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Listing id -> (state, result) of its latest End action."""
    out: dict[int, tuple[str, str]] = {}
    for start in range(0, len(listing_ids), 500):
        chunk = listing_ids[start : start + 500]
        for listing_id, state, result in (
            PlannedAction.select(PlannedAction.listing, PlannedAction.state, PlannedAction.result)
            .where(PlannedAction.listing.in_(chunk) & (PlannedAction.kind == ActionKind.END))
            .order_by(PlannedAction.id)
            .tuples()
        ):
            out[listing_id] = (state, result)
    return out


def _why(channel: ChannelOptions, auction: bool, bids: int, last_end: tuple[str, str] | None) -> str:
    if not channel.end_listings:
        return _("End Listings is off")
    if auction and not channel.end_auctions:
        return _("an auction, and End Auctions is off")
    if auction and bids > 0 and not channel.end_auctions_with_bids:
        return _("an auction with bids, and End Auctions with bids is off")
    if last_end is not None:
        state, result = last_end
        if state == ActionState.REJECTED:
            return _("its end was declined")
        if state == ActionState.PROPOSED and result == HELD:
            return _("its end was held by the mass-end brake")
        if state == ActionState.PROPOSED:
            return _("its end waits for confirmation")
        if state == ActionState.FAILED:
            return _("Allegro refused the end: {why}").format(why=result)
    return _("the next sync proposes ending it")


def risk_note(risks: Sequence[Risk]) -> str:
    """The run's note about listings at oversell risk, with their titles."""
    shown = "; ".join(
        _("“{title}” (available {n}: {why})").format(title=r.title, n=r.available, why=r.why) for r in risks[:NOTE_TITLES]
    )
    return (
        n_(
            "{n} listing is live on Allegro with nothing available to send (oversell risk): ",
            "{n} listings are live on Allegro with nothing available to send (oversell risk): ",
            len(risks),
        ).format(n=len(risks))
        + shown
        + ("…" if len(risks) > NOTE_TITLES else "")
    )


def risk_counts() -> dict[int, int]:
    """Channel id -> how many of its listings are at oversell risk now (for the Overview)."""
    counts = {}
    for channel in Channel.select().where(Channel.inventory_sync == True):  # noqa: E712
        empty = sorted(_items_with_nothing(options_of(channel)))
        n = 0
        for start in range(0, len(empty), 500):
            n += (
                Listing.select()
                .where(
                    (Listing.channel == channel.id)
                    & Listing.status.in_(LIVE)
                    & Listing.stock_item.in_(empty[start : start + 500])
                )
                .count()
            )
        counts[channel.id] = n
    return counts


# -- brakes -------------------------------------------------------------------------------


@dataclass
class Hold:
    """Actions one brake held, and the sentence that says why."""

    kind: str  # ActionKind.END | ActionKind.QUANTITY
    action_ids: list[int] = field(default_factory=list)
    count: int = 0
    live: int = 0
    limit: int = 0
    message: str = ""


def mass_end_limit(channel: ChannelOptions, live: int) -> int:
    """The most listings one run may end without asking: the larger of the two options."""
    return max(math.ceil(live * channel.mass_end_percent / 100), channel.mass_end_count)


def quantity_drop_limit(channel: ChannelOptions, live_buy_now: int) -> int:
    return max(math.ceil(live_buy_now / 2), channel.mass_end_count)


def brakes(channel: ChannelOptions, ids: Sequence[int], drafts: Sequence[Draft], views: Iterable[ListingView]) -> list[Hold]:
    """The holds this plan trips (nothing stored yet)."""
    live = live_buy_now = 0
    for view in views:
        if view.live:
            live += 1
            live_buy_now += not view.is_auction
    holds = []
    ends = [i for i, d in zip(ids, drafts, strict=True) if d.kind == ActionKind.END]
    limit = mass_end_limit(channel, live)
    if len(ends) > limit:
        holds.append(
            Hold(
                ActionKind.END,
                ends,
                len(ends),
                live,
                limit,
                _(
                    "This sync would end {n} of the {live} live listings of {channel} ({share} %), more than the "
                    "mass-end brake allows in one run ({limit}: {percent} % of the live listings or {count}, whichever "
                    "is larger). A wrong or empty stock import looks like this, so nothing has been ended."
                ).format(
                    n=len(ends),
                    live=live,
                    channel=channel.sub_source,
                    share=round(100 * len(ends) / live) if live else 100,
                    limit=limit,
                    percent=channel.mass_end_percent,
                    count=channel.mass_end_count,
                ),
            )
        )
    drops = [
        i
        for i, d in zip(ids, drafts, strict=True)
        if d.kind == ActionKind.QUANTITY and d.params["quantity"] <= QUANTITY_FLOOR < d.params.get("was", 0)
    ]
    limit = quantity_drop_limit(channel, live_buy_now)
    if len(drops) > limit:
        holds.append(
            Hold(
                ActionKind.QUANTITY,
                drops,
                len(drops),
                live_buy_now,
                limit,
                _(
                    "This sync would lower {n} of the {live} live buy-now listings of {channel} to a quantity of 1 "
                    "at once, more than the brake allows in one run ({limit}: half of them or {count}, whichever is "
                    "larger). A wrong or empty stock import looks like this, so those quantities have not been sent."
                ).format(n=len(drops), live=live_buy_now, channel=channel.sub_source, limit=limit, count=channel.mass_end_count),
            )
        )
    return holds


def hold(holds: Sequence[Hold]) -> None:
    """Store the held actions as waiting for the seller (also with No Manual Confirmation)."""
    ids = sorted({i for h in holds for i in h.action_ids})
    now = utcnow()
    with database.atomic():
        for start in range(0, len(ids), 500):
            PlannedAction.update(state=ActionState.PROPOSED, result=HELD, updated_at=now).where(
                PlannedAction.id.in_(ids[start : start + 500])
            ).execute()
