"""The shop's offers as Allegro's REST JSON: dates, money, listing and product-offer views."""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache

from ..shop import ACTIVE, AUCTION, ENDED, SCHEDULED, Offer

STATUS = {ACTIVE: "ACTIVE", ENDED: "ENDED", SCHEDULED: "ACTIVATING"}
ENDED_BY = {"seller": "USER", "time": "EXPIRATION", "sold_out": "EMPTY_STOCK"}
MARKETPLACE = "allegro-pl"


@lru_cache(maxsize=65536)
def iso(ts: int | None) -> str | None:
    """A sandbox time as Allegro writes it: 2026-03-03T10:00:00.000Z."""
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def money(amount: float) -> dict:
    return {"amount": f"{amount:.2f}", "currency": "PLN"}


def selling_mode(offer: Offer) -> dict:
    if offer.format == AUCTION:
        return {"format": "AUCTION", "startingPrice": money(offer.price)}
    return {"format": "BUY_NOW", "price": money(offer.price)}


def duration(offer: Offer) -> str | None:
    return None if offer.until_sold_out else f"PT{offer.duration_days * 24}H"


def listing(offer: Offer) -> dict:
    """OfferListingDto (GET /sale/offers)."""
    top = offer.highest_bid
    publication = {"status": STATUS[offer.state]}
    if offer.state == SCHEDULED:
        publication["startingAt"] = iso(offer.start_time)
    else:
        publication["startedAt"] = iso(offer.start_time)
    if offer.state == ENDED:
        publication["endedAt"] = iso(offer.ended_at)
    elif not offer.until_sold_out:
        publication["endingAt"] = iso(offer.end_time)
    publication["marketplaces"] = {"base": {"id": MARKETPLACE}, "additional": []}
    view = {
        "id": str(offer.id),
        "name": offer.title,
        "category": {"id": str(offer.category_id)},
        "sellingMode": selling_mode(offer),
        "saleInfo": {
            "currentPrice": money(top.amount) if top else None,
            "biddersCount": len({b.buyer_id for b in offer.bids}),
        },
        "stock": {"available": offer.remaining, "sold": offer.sold_quantity},
        "stats": {"watchersCount": offer.watchers, "visitsCount": offer.views},
        "publication": publication,
    }
    if offer.format != AUCTION:
        del view["saleInfo"]
    elif top is None:
        del view["saleInfo"]["currentPrice"]
    if offer.local_id is not None:
        view["external"] = {"id": str(offer.local_id)}
    return view


def product_offer(offer: Offer, now: int) -> dict:
    """SaleProductOfferResponseV1 (GET/PATCH/POST /sale/product-offers)."""
    publication = {
        "status": STATUS[offer.state],
        "republish": False,
        "startingAt": iso(offer.start_time),
        "marketplaces": {"base": {"id": MARKETPLACE}, "additional": []},
    }
    if duration(offer) is not None:
        publication["duration"] = duration(offer)
    if offer.state != ENDED and not offer.until_sold_out:
        publication["endingAt"] = iso(offer.end_time)
    if offer.state == ENDED:
        publication["endedBy"] = ENDED_BY.get(offer.ended_by, "USER")
    view = {
        "id": str(offer.id),
        "name": offer.title,
        "category": {"id": str(offer.category_id)},
        "sellingMode": selling_mode(offer),
        "stock": {"available": offer.remaining, "unit": "UNIT"},
        "publication": publication,
        "language": "pl-PL",
        "createdAt": iso(offer.start_time),
        "updatedAt": iso(now),
        "validation": {"errors": [], "warnings": [], "validatedAt": iso(offer.start_time)},
    }
    if offer.local_id is not None:
        view["external"] = {"id": str(offer.local_id)}
    return view
