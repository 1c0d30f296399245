"""Quantity changes that may land late, watched until they can no longer overwrite a newer one.

A quantity change whose answer never came (a timeout, a dropped connection, a fault that
proves nothing) may still be carried out by Allegro later — after the app has sent a newer
quantity for the same offer, which it would then overwrite. Such changes are marked with
the time until which they are watched; their offers are read back at the end of the run
and at the start of every run while watched, and a quantity Allegro shows that is not the
one the app set last is reported and set again from the stock.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.allegro.port import Marketplace, OfferState
from core.db import database
from core.models import ActionKind, ActionState, Listing, PlannedAction, utcnow
from core.sync import bulk
from core.i18n import _

# Longer than any answer Allegro gives late: a write still unheard of by then is taken as lost.
WATCH = timedelta(minutes=10)
_KEY = "late_write_watch_until"
_LIVE = (OfferState.ACTIVE, OfferState.SCHEDULED)


@dataclass(frozen=True, slots=True)
class Landed:
    """A watched offer whose quantity on Allegro is not the one the app set last."""

    listing_id: int
    offer_id: str
    title: str
    believed: int  # items left, as the app set them
    shown: int  # items left on Allegro


def watch(quantity_actions: Sequence[PlannedAction], now: datetime) -> None:
    """Watch these quantity changes' offers: an attempt of theirs may still land."""
    ids = [a.id for a in quantity_actions if a.kind == ActionKind.QUANTITY]
    if not ids:
        return
    until = (now + WATCH).isoformat()
    rows = []
    for action_id, raw in PlannedAction.select(PlannedAction.id, PlannedAction.params).where(PlannedAction.id.in_(ids)).tuples():
        params = json.loads(raw or "{}")
        params[_KEY] = until
        rows.append((json.dumps(params, sort_keys=True, default=str), action_id))
    with database.atomic():
        bulk.update_many(PlannedAction, ("params",), rows)


def watched(channel_id: int, now: datetime) -> dict[int, int]:
    """Listing id -> offer id of the changes still watched; those past their time are let go."""
    found: dict[int, int] = {}
    expired = []
    query = (
        PlannedAction.select(PlannedAction.id, PlannedAction.listing, PlannedAction.params)
        .where(
            (PlannedAction.channel == channel_id)
            & (PlannedAction.kind == ActionKind.QUANTITY)
            & PlannedAction.params.contains(_KEY)
        )
        .tuples()
    )
    for action_id, listing_id, raw in query:
        params = json.loads(raw or "{}")
        if datetime.fromisoformat(params[_KEY]) <= now:
            params.pop(_KEY)
            expired.append((json.dumps(params, sort_keys=True, default=str), action_id))
        elif listing_id is not None:
            found[listing_id] = params["offer_id"]
    if expired:
        with database.atomic():
            bulk.update_many(PlannedAction, ("params",), expired)
    return found


def landed_over(marketplace: Marketplace, channel_id: int, now: datetime) -> list[Landed]:
    """Read the watched offers back; where Allegro's quantity is not the app's, store
    Allegro's (so the stock rules plan it again) and return them. Offers whose own change
    is still unresolved (`sending`) are left to recovery."""
    offers_of = watched(channel_id, now)
    unresolved = {
        listing_id
        for (listing_id,) in PlannedAction.select(PlannedAction.listing)
        .where(
            (PlannedAction.channel == channel_id)
            & (PlannedAction.kind == ActionKind.QUANTITY)
            & (PlannedAction.state == ActionState.SENDING)
        )
        .tuples()
    }
    wanted = {lid: oid for lid, oid in offers_of.items() if lid not in unresolved}
    if not wanted:
        return []
    rows = {row.id: row for row in Listing.select().where(Listing.id.in_(list(wanted)))}
    offers = {o.offer_id: o for o in marketplace.offers_by_id(sorted(set(wanted.values())))}
    landed, updates = [], []
    stamp = utcnow()
    for listing_id, offer_id in sorted(wanted.items()):
        row, offer = rows.get(listing_id), offers.get(offer_id)
        if row is None or offer is None or offer.state not in _LIVE or row.offer_id != offer_id:
            continue
        if offer.start_quantity == row.start_quantity:
            continue  # what the app set last is what Allegro holds
        landed.append(Landed(listing_id, offer_id, row.title, row.quantity, offer.quantity))
        updates.append((offer.quantity, offer.start_quantity, offer.sold_quantity, stamp, listing_id))
    with database.atomic():
        bulk.update_many(Listing, ("quantity", "start_quantity", "sold_quantity", "updated_at"), updates)
    return landed


def note_landed(marketplace: Marketplace, channel_id: int, now: datetime, tally) -> list[Landed]:
    """landed_over(), each one noted in the run's `tally` (a run_record.Tally)."""
    landed = landed_over(marketplace, channel_id, now)
    for found in landed:
        tally.notes.append(
            _(
                "A late change landed on Allegro over the quantity of “{title}”: it showed {shown} "
                "where the app expected {believed}; it is set from the stock again."
            ).format(title=found.title, shown=found.shown, believed=found.believed)
        )
    if landed:
        tally.counts["late_writes_corrected"] += len(landed)
    return landed
