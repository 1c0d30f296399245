"""What the REST face changes in the shared shop, with Allegro's REST rules.

Every function expects ``shop.lock`` held and the shop ticked; they raise RestError.
The SOAP face sees each change at once: it is the same Offer.
"""

from __future__ import annotations

from ..shop import (
    ACTIVE,
    AUCTION,
    BUY_NOW,
    DAY,
    ENDED,
    RELIST_WINDOW,
    SCHEDULED,
    UNTIL_SOLD_OUT_CYCLE,
    Offer,
    Shop,
)
from .errors import RestError

ARCHIVE_AFTER = RELIST_WINDOW  # ended offers are archived 60 days after they end
MAX_STOCK = 999_999
# FACTS §11.5: how PATCH stock 0 ends an offer. The sandbox shows stock 0 and EMPTY_STOCK.
ENDED_BY_ZERO_STOCK = "sold_out"


def archived(offer: Offer, now: int) -> bool:
    return (
        offer.state == ENDED
        and offer.ended_at is not None
        and now - offer.ended_at >= ARCHIVE_AFTER
    )


def find(shop: Shop, raw_id: str, now: int) -> Offer:
    """The offer with this id, or 404 OfferNotFoundException (unknown or archived)."""
    offer = shop.offers.get(int(raw_id)) if raw_id.isdigit() and len(raw_id) < 19 else None
    if offer is None or archived(offer, now):
        raise RestError("OfferNotFoundException", details=f"Offer {raw_id} not found")
    return offer


def set_stock(shop: Shop, offer: Offer, available: int, now: int, path: str) -> None:
    """Items left := available; 0 ends an active offer (EMPTY_STOCK)."""
    if available < 0:
        raise RestError("AvailableStockMustEqualToZeroOrBeGreaterThanZero", path=path)
    if available > MAX_STOCK:
        raise RestError(
            "InvalidJSONValue",
            path=path,
            status=422,
            details=f"stock.available may be at most {MAX_STOCK}",
        )
    if offer.bids:
        raise RestError("OfferConflictException")
    if available == 0 and offer.state != ENDED:
        offer.start_quantity = offer.sold_quantity
        shop._end(offer, ENDED_BY_ZERO_STOCK, now, keep_bids=True)
    else:
        offer.start_quantity = offer.sold_quantity + available
    shop.changes += 1


def end(shop: Shop, offer: Offer, now: int) -> None:
    """End an offer as its seller; an auction with bids sells to the top bidder (as SOAP)."""
    if offer.state == ENDED:
        raise RestError("OfferAlreadyEnded", status=422, message="The offer has already ended")
    shop._end(offer, "seller", now, keep_bids=True)
    shop.changes += 1


def activate(shop: Shop, offer: Offer, now: int, at: int | None = None) -> None:
    """Resume an ended buy-now offer under its own id (or schedule it for ``at``)."""
    if offer.state in (ACTIVE, SCHEDULED) and at is None:
        return
    if offer.format == AUCTION:
        raise RestError("AuctionCannotBeActivatedException")
    if offer.state == ENDED and now - offer.ended_at >= RELIST_WINDOW:
        raise RestError("OfferActivationWindowExpiredException")
    if offer.remaining < 1:
        raise RestError("AvailableStockMustEqualToOneOrBeGreaterThanOne", path="stock.available")
    start = now if at is None or at <= now else at
    cycle = UNTIL_SOLD_OUT_CYCLE if offer.until_sold_out else offer.duration_days * DAY
    offer.ended_at = None
    offer.ended_by = None
    offer.hidden = False
    offer.start_time = start
    offer.end_time = start + cycle
    if start > now:
        offer.state = SCHEDULED
        shop._schedule(start, "start", offer.id)
    else:
        offer.state = ACTIVE
    shop._schedule(offer.end_time, "end", offer.id)
    shop.changes += 1


def create(
    shop: Shop,
    name: str,
    fmt: str,
    price: float,
    quantity: int,
    duration_days: int,
    category_id: int,
    start: int,
    now: int,
) -> Offer:
    """A new offer (how an auction is listed again over REST)."""
    offer = shop.create_offer(
        name,
        BUY_NOW if fmt == "BUY_NOW" else AUCTION,
        price,
        quantity,
        start,
        duration_days,
        category_id,
        now=now,
    )
    shop.changes += 1
    return offer
