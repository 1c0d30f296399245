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


def relisted(action_id: int, listing_id: int, new_offer_id: int, scheduled: bool, params: dict) -> int:
    """The new offer takes over the old one's link; the old row stays as history.

    Returns the new listing's id.
    """
    old = Listing.get_by_id(listing_id)
    now = utcnow()
    Listing.update(status=ListingStatus.RELISTED, updated_at=now).where(Listing.id == listing_id).execute()
    status = ListingStatus.SCHEDULED if scheduled else ListingStatus.ACTIVE
    existing = Listing.get_or_none((Listing.channel == old.channel_id) & (Listing.offer_id == new_offer_id))
    if existing is not None:  # already seen on Allegro's tabs
        Listing.update(stock_item=old.stock_item_id, previous_offer_id=old.offer_id, updated_at=now).where(
            Listing.id == existing.id
        ).execute()
        new_id = existing.id
    else:
        # A relist copies the offer, with its initial quantity and no sales.
        new_id = Listing.insert(
            channel=old.channel_id,
            offer_id=new_offer_id,
            title=old.title,
            format=old.format,
            status=status,
            quantity=old.start_quantity,
            start_quantity=old.start_quantity,
            sold_quantity=0,
            bids=0,
            price=old.price,
            stock_item=old.stock_item_id,
            previous_offer_id=old.offer_id,
            updated_at=now,
        ).execute()
    actions.mark(action_id, ActionState.DONE, params={**params, "new_offer_id": new_offer_id, "scheduled": scheduled})
    return new_id


def expired(action_id: int, listing_id: int | None, message: str) -> None:
    if listing_id is not None:
        Listing.update(status=ListingStatus.EXPIRED, updated_at=utcnow()).where(Listing.id == listing_id).execute()
    actions.mark(action_id, ActionState.FAILED, message)


def tracking_answer(action_id: int, shipment_id: int | None, number: str, added, wrong_carrier, wrong_number) -> str:
    """Record Allegro's verdict on one number; returns the shipment's new state."""
    if number in added:
        state, reason = ShipmentState.ACCEPTED, ""
        actions.mark(action_id, ActionState.DONE)
    elif number in wrong_carrier:
        state, reason = ShipmentState.REJECTED, _("Allegro refused the carrier for this number.")
        actions.mark(action_id, ActionState.FAILED, reason)
    elif number in wrong_number:
        state, reason = ShipmentState.REJECTED, _("Allegro says this number does not match the carrier's format.")
        actions.mark(action_id, ActionState.FAILED, reason)
    else:  # Allegro answered without naming it (a known WebAPI quirk): send it again next time
        state, reason = ShipmentState.PENDING, ""
        actions.mark(action_id, ActionState.FAILED, _("Allegro did not confirm this number; it is sent again next sync."))
    if shipment_id is not None:
        tracking.mark_sent(shipment_id, state, reason)
    return state
