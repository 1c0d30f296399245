"""/sale/offers and /sale/product-offers: list, read, edit (stock, publication), create."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from ..shop import AUCTION, AUCTION_DURATIONS, BUY_NOW_DURATIONS, ENDED, MAX_START_AHEAD
from . import views, world
from .errors import RestError
from .request import ANY, Request, check_shape

if TYPE_CHECKING:  # pragma: no cover
    from .app import RestFace

MONEY = {"amount": str, "currency": ("PLN",)}
_IGNORED = (
    "additionalMarketplaces",
    "additionalServices",
    "afterSalesServices",
    "attachments",
    "b2b",
    "compatibilityList",
    "contact",
    "delivery",
    "description",
    "discounts",
    "fundraisingCampaign",
    "images",
    "language",
    "location",
    "messageToSellerSettings",
    "parameters",
    "payments",
    "productSet",
    "sizeTable",
    "taxSettings",
)
OFFER_SHAPE = {
    **{key: ANY for key in _IGNORED},
    "name": str,
    "category": {"id": str},
    "external": {"id": str},
    "stock": {"available": int, "unit": ("UNIT", "PAIR", "SET")},
    "publication": {
        "status": ("INACTIVE", "ACTIVATING", "ACTIVE", "ENDED"),
        "duration": str,
        "startingAt": str,
        "republish": bool,
    },
    "sellingMode": {
        "format": ("BUY_NOW", "AUCTION", "ADVERTISEMENT"),
        "price": MONEY,
        "startingPrice": MONEY,
        "minimalPrice": MONEY,
    },
}
SORTS = {
    "sellingMode.price.amount": lambda o: o.price,
    "stock.sold": lambda o: o.sold_quantity,
    "stock.available": lambda o: o.remaining,
}
STATUSES = {"INACTIVE", "ACTIVATING", "ACTIVE", "ENDED"}
FORMATS = {"BUY_NOW", "AUCTION", "ADVERTISEMENT"}
_DURATION = re.compile(r"PT(\d{1,4})H|P(\d{1,3})D")


def _price_bound(req: Request, name: str) -> float | None:
    raw = req.one(name)
    if raw is None:
        return None
    try:
        return float(raw)
    except ValueError:
        raise RestError("VALIDATION_ERROR", path=name, details=f"{name} must be a number") from None


def search(face: "RestFace", req: Request):
    """GET /sale/offers (searchOffersUsingGET)."""
    limit = req.integer("limit", 20, 1, 1000)
    offset = req.integer("offset", 0, 0, 9_999_999)
    if offset + limit > 10_000_000:
        raise RestError("VALIDATION_ERROR", path="offset", details="offset + limit > 10000000")
    tests = _offer_tests(req)
    sort = req.one("sort")
    if sort is not None and sort.lstrip("-") not in SORTS:
        raise RestError("VALIDATION_ERROR", path="sort")
    shop = face.shop
    with shop.lock:
        shop.tick()
        now = shop.now()
        found = [o for o in shop.offers.values() if not world.archived(o, now) and all(t(o) for t in tests)]
        if sort is None:
            found.sort(key=lambda o: (o.start_time, o.id), reverse=True)  # newest first
        else:
            found.sort(key=SORTS[sort.lstrip("-")], reverse=sort.startswith("-"))
        page = [views.listing(o) for o in found[offset : offset + limit]]
    return 200, {"offers": page, "count": len(page), "totalCount": len(found)}


def _offer_tests(req: Request) -> list:
    """One test per filter the query gives (an offer is listed when it passes them all);
    a filter with a value Allegro would refuse raises VALIDATION_ERROR."""
    ids = set(req.many("offer.id"))
    statuses = set(req.many("publication.status"))
    formats = set(req.many("sellingMode.format"))
    if statuses - STATUSES:
        raise RestError("VALIDATION_ERROR", path="publication.status")
    if formats - FORMATS:
        raise RestError("VALIDATION_ERROR", path="sellingMode.format")
    externals = req.query.get("external.id", [])
    if len(externals) > 100 or any(len(e) > 100 for e in externals):
        raise RestError("VALIDATION_ERROR", path="external.id")
    name = (req.one("name") or "").lower()
    low = _price_bound(req, "sellingMode.price.amount.gte")
    high = _price_bound(req, "sellingMode.price.amount.lte")
    category = req.one("category.id")
    given = (
        (ids, lambda o: str(o.id) in ids),
        (statuses, lambda o: views.STATUS[o.state] in statuses),
        (formats, lambda o: ("AUCTION" if o.format == AUCTION else "BUY_NOW") in formats),
        (externals, lambda o: str(o.local_id) in externals),
        (name, lambda o: name in o.title.lower()),
        (low is not None, lambda o: not o.price < low),
        (high is not None, lambda o: not o.price > high),
        (category is not None, lambda o: str(o.category_id) == category),
    )
    return [test for wanted, test in given if wanted]


def read(face: "RestFace", req: Request):
    """GET /sale/product-offers/{offerId} (getProductOffer)."""
    shop = face.shop
    with shop.lock:
        shop.tick()
        now = shop.now()
        offer = world.find(shop, req.params["offerId"], now)
        return 200, views.product_offer(offer, now)


def edit(face: "RestFace", req: Request):
    """PATCH /sale/product-offers/{offerId}: stock first, then publication (FACTS §3.2, §4)."""
    body = req.json()
    check_shape(body, OFFER_SHAPE)
    stock = (body.get("stock") or {}).get("available")
    status = (body.get("publication") or {}).get("status")
    if status in ("INACTIVE", "ACTIVATING"):
        raise RestError(
            "InvalidJSONValue",
            path="publication.status",
            status=422,
            details="publication.status can be set to ACTIVE or ENDED",
        )
    shop = face.shop
    with shop.lock:
        shop.tick()
        now = shop.now()
        offer = world.find(shop, req.params["offerId"], now)
        if status == "ENDED":  # ending is applied even if other edited fields fail
            if offer.state != ENDED:
                world.end(shop, offer, now)
        if body.get("name") is not None:
            if not 1 <= len(body["name"]) <= 75:
                raise RestError(
                    "InvalidJSONValue",
                    path="name",
                    status=422,
                    details="name must have 1 to 75 characters",
                )
            offer.title = body["name"]
        if stock is not None:
            world.set_stock(shop, offer, stock, now, "stock.available")
        if status == "ACTIVE":
            world.activate(shop, offer, now)
        return 200, views.product_offer(offer, now)


def _days(raw: str | None, fmt: str) -> int:
    if raw is None:
        return 0 if fmt == "BUY_NOW" else 7
    match = _DURATION.fullmatch(raw)
    if match is None or (match.group(1) and int(match.group(1)) % 24):
        raise RestError(
            "InvalidJSONValue",
            path="publication.duration",
            status=422,
            details="duration must be whole days in ISO 8601, e.g. PT72H or P10D",
        )
    days = int(match.group(1)) // 24 if match.group(1) else int(match.group(2))
    allowed = AUCTION_DURATIONS | {1} if fmt == "AUCTION" else BUY_NOW_DURATIONS - {0, 99}
    if days not in allowed:
        raise RestError(
            "InvalidJSONValue",
            path="publication.duration",
            status=422,
            details=f"{raw} is not an allowed duration for {fmt}",
        )
    return days


def parse_time(raw: str, path: str) -> int:
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise RestError(
            "InvalidJSONValue", path=path, details="expected an ISO 8601 date-time"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return int(moment.timestamp())


def create(face: "RestFace", req: Request):
    """POST /sale/product-offers: a new offer, published at once (or at startingAt)."""
    body = req.json()
    check_shape(body, OFFER_SHAPE)
    mode = body.get("sellingMode") or {}
    fmt = _format_of(mode)
    for key in ("stock", "name"):
        if body.get(key) is None:
            raise RestError("MissingJSONProperty", path=key, status=422)
    price = _price_of(mode, fmt)
    quantity = body["stock"].get("available")
    if quantity is None or quantity < 1 or (fmt == "AUCTION" and quantity != 1):
        raise RestError("AvailableStockMustEqualToOneOrBeGreaterThanOne", path="stock.available")
    if not 1 <= len(body["name"]) <= 75:
        raise RestError(
            "InvalidJSONValue", path="name", status=422, details="name must have 1 to 75 characters"
        )
    publication = body.get("publication") or {}
    days = _days(publication.get("duration"), fmt)
    category = (body.get("category") or {}).get("id") or "0"
    if not category.isdigit() or len(category) > 9:
        raise RestError("InvalidJSONValue", path="category.id", status=422)
    shop = face.shop
    with shop.lock:
        shop.tick()
        now = shop.now()
        start = _start_of(publication, now)
        offer = world.create(
            shop, body["name"], fmt, price, quantity, days, int(category), start, now
        )
        return 201, views.product_offer(offer, now)


def _format_of(mode: dict) -> str:
    fmt = mode.get("format") or "BUY_NOW"
    if fmt == "ADVERTISEMENT":
        raise RestError(
            "InvalidJSONValue",
            path="sellingMode.format",
            status=422,
            details="the sandbox sells BUY_NOW and AUCTION offers",
        )
    return fmt


def _price_of(mode: dict, fmt: str) -> float:
    """The buy-now price, or an auction's starting price: a positive decimal string."""
    price_key = "startingPrice" if fmt == "AUCTION" else "price"
    price_raw = (mode.get(price_key) or {}).get("amount")
    if price_raw is None:
        raise RestError("MissingJSONProperty", path=f"sellingMode.{price_key}", status=422)
    try:
        price = float(price_raw)
    except ValueError:
        price = -1.0
    if not 0 < price < 100_000_000:
        raise RestError(
            "InvalidJSONValue",
            path=f"sellingMode.{price_key}.amount",
            status=422,
            details='the amount must be a positive decimal string, e.g. "12.50"',
        )
    return price


def _start_of(publication: dict, now: int) -> int:
    """Now, or publication.startingAt when it is later (at most 30 days ahead)."""
    if not publication.get("startingAt"):
        return now
    start = max(now, parse_time(publication["startingAt"], "publication.startingAt"))
    if start - now > MAX_START_AHEAD:
        raise RestError(
            "InvalidJSONValue",
            path="publication.startingAt",
            status=422,
            details="at most 30 days ahead",
        )
    return start
