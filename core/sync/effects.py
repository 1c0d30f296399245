"""What a completed action changes locally. Each function runs inside the transaction
that marks the action done, so the local state and the journal never disagree.
The frequent ones take a whole batch, written with one executemany per table."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from core.models import ActionState, Listing, ListingStatus, ShipmentState, utcnow
from core.sync import actions, bulk, tracking
from core.i18n import _


def quantities_set(done: Sequence[tuple[int, int | None, int, int]]) -> None:
    """(action id, listing id, quantity left, sold) of quantity changes Allegro made."""
    now = utcnow()
    bulk.update_many(
        Listing,
        ("quantity", "start_quantity", "updated_at"),
        [(quantity, quantity + sold, now, listing_id) for _, listing_id, quantity, sold in done if listing_id],
    )
    actions.mark_many([(action_id, ActionState.DONE, "", None) for action_id, *_ in done])


def ended(done: Sequence[tuple[int, int | None, dict]], when: datetime) -> None:
    """(action id, listing id, params) of listings the app ended: pending relist, with the time they ended."""
    now = utcnow()
    bulk.update_many(
        Listing,
        ("status", "ended_at", "ended_by_us", "updated_at"),
        [(ListingStatus.PENDING_RELIST, when, True, now, listing_id) for _, listing_id, _ in done if listing_id],
    )
    actions.mark_many(
        [(action_id, ActionState.DONE, "", {**p, "ended_at": when.isoformat()}) for action_id, _, p in done]
    )


def relisted(action_id: int, listing_id: int, new_offer_id: str, scheduled: bool, params: dict) -> int:
    """The new offer takes over the old one's link; the old row stays as history.

    Returns the new listing's id.
    """
    return relisted_many([(action_id, listing_id, new_offer_id, scheduled, params)])[0]


def relisted_many(done: Sequence[tuple[int, int, int, bool, dict]]) -> list[int]:
    """(action id, listing id, new offer id, scheduled, params) of relists Allegro made: each
    new offer takes over its old one's link, the old rows stay as history. A few statements
    for a whole batch, not a few per listing.

    Returns the new listings' ids, in the order of `done`.
    """
    if not done:
        return []
    old = {row.id: row for row in _in_chunks(Listing.select(), Listing.id, [d[1] for d in done])}
    now = utcnow()
    # REST resumes a buy-now offer under its own id: the same row is live again, no history row.
    same = [d for d in done if old[d[1]].offer_id == d[2]]
    bulk.update_many(
        Listing,
        ("status", "ended_at", "ended_by_us", "updated_at"),
        [(ListingStatus.SCHEDULED if d[3] else ListingStatus.ACTIVE, None, False, now, d[1]) for d in same],
    )
    bulk.update_many(
        Listing, ("status", "updated_at"), [(ListingStatus.RELISTED, now, d[1]) for d in done if d not in same]
    )

    def new_ids() -> dict[tuple[int, int], int]:
        query = Listing.select(Listing.channel, Listing.offer_id, Listing.id)
        return {(ch, offer): i for ch, offer, i in _in_chunks(query.tuples(), Listing.offer_id, [d[2] for d in done])}

    seen = new_ids()  # already on Allegro's tabs
    inserts, updates = [], []
    for _action_id, listing_id, new_offer_id, scheduled, _params in done:
        row = old[listing_id]
        key = (row.channel_id, new_offer_id)
        if row.offer_id == new_offer_id:
            continue
        if key in seen:
            updates.append((row.stock_item_id, row.offer_id, now, seen[key]))
            continue
        seen[key] = -1  # inserted below; never twice
        # A relist copies the offer, with its initial quantity and no sales.
        inserts.append(
            {
                "channel": row.channel_id,
                "offer_id": new_offer_id,
                "title": row.title,
                "format": row.format,
                "status": ListingStatus.SCHEDULED if scheduled else ListingStatus.ACTIVE,
                "quantity": row.start_quantity,
                "start_quantity": row.start_quantity,
                "sold_quantity": 0,
                "bids": 0,
                "price": row.price,
                "stock_item": row.stock_item_id,
                "previous_offer_id": row.offer_id,
                "updated_at": now,
            }
        )
    bulk.update_many(Listing, ("stock_item", "previous_offer_id", "updated_at"), updates)
    bulk.insert_many(Listing, inserts)
    ids = new_ids()
    actions.mark_many(
        [
            (action_id, ActionState.DONE, "", {**params, "new_offer_id": new_offer_id, "scheduled": scheduled})
            for action_id, _, new_offer_id, scheduled, params in done
        ]
    )
    return [ids[(old[listing_id].channel_id, new_offer_id)] for _, listing_id, new_offer_id, _, _ in done]


def _in_chunks(query, field, values: Sequence[int], size: int = 900):
    for start in range(0, len(values), size):
        yield from query.where(field.in_(list(values[start : start + size])))


def expired(action_id: int, listing_id: int | None, message: str) -> None:
    if listing_id is not None:
        Listing.update(status=ListingStatus.EXPIRED, updated_at=utcnow()).where(Listing.id == listing_id).execute()
    actions.mark(action_id, ActionState.FAILED, message)


def tracking_answer(
    action_id: int, shipment_id: int | None, number: str, added, wrong_carrier, wrong_number, reasons=None
) -> str:
    """Record Allegro's verdict on one number; returns the shipment's new state. `reasons`
    holds Allegro's own sentence per refused number, shown instead of ours when given."""
    told = (reasons or {}).get(number)
    if number in added:
        state, reason = ShipmentState.ACCEPTED, ""
        actions.mark(action_id, ActionState.DONE)
    elif number in wrong_carrier:
        state, reason = ShipmentState.REJECTED, told or _("Allegro refused the carrier for this number.")
        actions.mark(action_id, ActionState.FAILED, reason)
    elif number in wrong_number:
        state, reason = ShipmentState.REJECTED, told or _("Allegro says this number does not match the carrier's format.")
        actions.mark(action_id, ActionState.FAILED, reason)
    else:  # Allegro answered without naming it (a known WebAPI quirk): send it again next time
        state, reason = ShipmentState.PENDING, ""
        actions.mark(action_id, ActionState.FAILED, _("Allegro did not confirm this number; it is sent again next sync."))
    if shipment_id is not None:
        tracking.mark_sent(shipment_id, state, reason)
    return state
