"""Target quantities: what each linked buy-now listing should offer, and when to push it.

The target is the available stock (level − allocated) at the channel's location, or
over all locations, capped at Allegro's 999. It is pushed only when it differs from
what Allegro shows, and never above available. Zero is not a quantity Allegro takes:
that is the End rule's business (listings.py).
"""
from __future__ import annotations

from core.channels import ChannelOptions
from core.models import Location
from core.sync.actions import Draft
from core.sync.listings import MAX_QUANTITY, ListingView
from core.i18n import _


def where_text(channel: ChannelOptions) -> str:
    """'at Warehouse A' or 'over all locations', for reasons shown to the seller."""
    if channel.update_from_location and channel.location_id:
        location = Location.get_or_none(Location.id == channel.location_id)
        if location is not None:
            return _("at {location}").format(location=location.name)
    return _("over all locations")


def stock_location_id(channel: ChannelOptions) -> int | None:
    """The location whose stock feeds the channel, or None for all locations summed."""
    return channel.location_id if channel.update_from_location and channel.location_id else None


def quantity_draft(listing: ListingView, available: int, where: str, listable: int | None = None) -> Draft | None:
    """A quantity push for a linked live buy-now listing whose Allegro quantity differs.

    `listable` is what the channel's stock buffers leave of `available` (buffers.py)."""
    if not listing.live or listing.stock_item_id is None or listing.is_auction:
        return None
    target = min(available if listable is None else listable, MAX_QUANTITY)
    if target <= 0 or target == listing.quantity:
        return None
    return Draft(
        kind="quantity",
        reason=_("Available {n} {where}; Allegro shows {quantity}").format(n=available, where=where, quantity=listing.quantity),
        listing_id=listing.id,
        params={
            "offer_id": listing.offer_id,
            "quantity": target,
            "sold": listing.sold_quantity,
            "was": listing.quantity,
        },
    )
