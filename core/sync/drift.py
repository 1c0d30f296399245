"""Changes made elsewhere: listings changed on allegro.pl, by another tool, or ended by
Allegro or the seller, found when a sync reads the listings.

On every read each listing is compared with what the app last set or saw:

- **quantity**: a live buy-now listing should show what the app last set less what was
  sold since; anything else was changed outside the app. The app's quantity wins: the
  sync sets it back (with the usual reason) and notes the change.
- **title**: a different title is noted and kept (the app does not write titles).
- **ended**: a live listing Allegro shows ended while items were left (buy now) or before
  its end time (auction) was ended by someone else. The app never relists it.
- **relisted elsewhere**: a new live offer whose title equals exactly one listing the app
  ended and waits to relist is adopted: it takes over that listing's stock link and the
  old one becomes history, as after the app's own relist. A title matching several is
  noted, for linking by hand.

What the last read found is kept on the listing (`changed_elsewhere`, JSON) for the
Listings screen until the next read, and told in the run's notes.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from core.allegro.port import Offer
from core.db import database
from core.models import Listing, ListingStatus, utcnow
from core.sync import bulk
from core.i18n import _, n_

NOTE_TITLES = 10
LIVE = (ListingStatus.ACTIVE, ListingStatus.SCHEDULED)


def seen(row: tuple, offer: Offer, live: bool, now: datetime) -> dict | None:
    """What changed outside the app between a stored listing row (listings.stored_rows())
    and the offer as Allegro shows it now (`now`: Allegro's time); None when nothing did."""
    title, fmt, status, quantity, _start, sold = row[2:8]
    changes: dict = {}
    if offer.title != title:
        changes["title"] = [title, offer.title]
    if status in LIVE:
        if live and fmt == "buy_now":
            expected = quantity - (offer.sold_quantity - sold)
            if offer.quantity != expected:
                changes["quantity"] = [expected, offer.quantity]
        elif not live:
            # the end it was due to have, as last seen live (an ended offer shows when it ended)
            due = Listing.end_time.python_value(row[10]) if row[10] is not None else None
            early = due is None or due > now
            if (offer.quantity > 0 if fmt == "buy_now" else True) and early:
                changes["ended"] = True
    return changes or None


def describe(changes: dict) -> str:
    """One listing's changes in the seller's words: "quantity 5 → 9 changed on Allegro"."""
    parts = []
    if "quantity" in changes:
        before, after = changes["quantity"]
        parts.append(_("quantity {before} → {after} changed on Allegro").format(before=before, after=after))
    if "title" in changes:
        before, after = changes["title"]
        parts.append(_("title “{before}” → “{after}” changed on Allegro").format(before=before, after=after))
    if changes.get("ended"):
        parts.append(_("ended on Allegro outside the app; it will not be relisted by the app"))
    if "relisted_from" in changes:
        parts.append(_("relisted on Allegro outside the app from offer {offer}; linked as its relist").format(offer=changes["relisted_from"]))
    return "; ".join(parts)


def shown(stored: str) -> str:
    """The Listings screen's text for a listing's stored `changed_elsewhere`."""
    if not stored:
        return ""
    try:
        return describe(json.loads(stored))
    except (ValueError, TypeError):
        return ""


def after_refresh(channel_id: int, found: list[tuple[int, str, dict]], inserts: Sequence[dict]) -> tuple[list[str], int]:
    """Store what the read found changed elsewhere, adopt relists made elsewhere; returns
    (notes for the run, listings changed elsewhere)."""
    adopted, ambiguous = _adopt_relists(channel_id, inserts)
    changed = list(found) + adopted
    now = utcnow()
    with database.atomic():
        Listing.update(changed_elsewhere="", changed_elsewhere_at=None).where(
            (Listing.channel == channel_id) & (Listing.changed_elsewhere != "")
        ).execute()
        bulk.update_many(
            Listing,
            ("changed_elsewhere", "changed_elsewhere_at"),
            [(json.dumps(changes, sort_keys=True, ensure_ascii=False), now, listing_id) for listing_id, _t, changes in changed],
        )
    notes = []
    if changed:
        notes.append(
            n_(
                "{n} listing was changed outside the app: ",
                "{n} listings were changed outside the app: ",
                len(changed),
            ).format(n=len(changed))
            + "; ".join(f"“{title}”: {describe(changes)}" for _id, title, changes in changed[:NOTE_TITLES])
            + ("…" if len(changed) > NOTE_TITLES else "")
            + ". "
            + _("The app's quantities win and are sent again; listings ended elsewhere are not relisted.")
        )
    for title, offer_id, n in ambiguous:
        notes.append(
            _(
                "“{title}” (offer {offer}) is new on Allegro and its title matches {n} listings waiting for relist; "
                "link it by hand on the Listings screen."
            ).format(title=title, offer=offer_id, n=n)
        )
    return notes, len(changed)


def _adopt_relists(channel_id: int, inserts: Sequence[dict]) -> tuple[list[tuple[int, str, dict]], list[tuple[str, int, int]]]:
    new = [row for row in inserts if row["status"] in LIVE]
    if not new:
        return [], []
    pending: dict[str, list[tuple[int, int, int | None]]] = {}
    for listing_id, title, offer_id, item_id in (
        Listing.select(Listing.id, Listing.title, Listing.offer_id, Listing.stock_item)
        .where(
            (Listing.channel == channel_id)
            & (Listing.status == ListingStatus.PENDING_RELIST)
            & (Listing.ended_by_us == True)  # noqa: E712 - peewee
            & Listing.title.in_(sorted({row["title"] for row in new}))
        )
        .tuples()
    ):
        pending.setdefault(title, []).append((listing_id, offer_id, item_id))
    new_titles = [row["title"] for row in new]
    adopted, ambiguous = [], []
    now = utcnow()
    with database.atomic():
        for row in new:
            matches = pending.get(row["title"], [])
            if not matches:
                continue
            if len(matches) > 1 or new_titles.count(row["title"]) > 1:
                ambiguous.append((row["title"], row["offer_id"], len(matches)))
                continue
            old_id, old_offer, item_id = matches[0]
            new_row = Listing.get((Listing.channel == channel_id) & (Listing.offer_id == row["offer_id"]))
            Listing.update(stock_item=item_id, previous_offer_id=old_offer, updated_at=now).where(
                Listing.id == new_row.id
            ).execute()
            Listing.update(status=ListingStatus.RELISTED, updated_at=now).where(Listing.id == old_id).execute()
            adopted.append((new_row.id, row["title"], {"relisted_from": old_offer}))
    return adopted, ambiguous
