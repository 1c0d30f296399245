"""zeep answers -> the port's plain dataclasses.

WebAPI arrays come back as objects holding an `.item` list, or as None when empty;
optional numbers may be absent. Everything here tolerates that and refuses what
breaks the contract (a missing id, a wrong type) with `Malformed`, which the adapter
turns into InvalidResponse naming the operation.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from core.allegro import port
from core.allegro.port import OfferFormat, OfferState

try:
    from zoneinfo import ZoneInfo

    WARSAW: Any = ZoneInfo("Europe/Warsaw")
except Exception:  # no tz database on this machine: see _warsaw()
    WARSAW = None

# ItemPriceStruct.priceType on the seller's tabs. Allegro never documented the codes;
# the buyer tabs use 1 = Buy Now and 2 = current bid, and the sandbox follows that,
# with 3 = starting price and 4 = reserve price for auctions.
PRICE_BUY_NOW = 1
PRICE_AUCTION_TYPES = frozenset({2, 3, 4, 5})

# ItemInfo.itEndingInfo: 1 = running, 2 = ended on time, 3 = ended early by the seller.
ENDING_RUNNING = 1

# Bounds of what a sane answer holds: ids and counts are xsd:long (64 bits; the database
# cannot store more), and no text the app reads (titles, logins, addresses, a buyer's
# message) comes anywhere near MAX_TEXT characters. Past them the answer is refused,
# never stored.
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1
MAX_TEXT = 10_000


class Malformed(ValueError):
    """An answer that does not fit the contract."""


def items(value: Any) -> list[Any]:
    """An `ArrayOfX` (object with .item), a list, or None -> a list."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    inner = field(value, "item")
    if inner is None:
        return []
    if isinstance(inner, (list, tuple)):
        return list(inner)
    return [inner]


def part(answer: Any, name: str) -> Any:
    """A named part of an operation's answer.

    zeep hands back a response with a single part as that part's value (a list, a
    struct, None), and one with several parts as an object; accept both.
    """
    if answer is None or isinstance(answer, (list, tuple, str, int, float)):
        return answer
    value = field(answer, name)
    if value is not None:
        return value
    try:
        names = list(answer)  # a CompoundValue iterates over its field names
    except TypeError:
        return None
    return None if name in names else answer


def field(obj: Any, name: str) -> Any:
    """A struct's field by name (zeep object or dict); None when absent."""
    if obj is None:
        return None
    if isinstance(obj, dict):
        return obj.get(name)
    try:
        return obj[name]  # zeep CompoundValue supports both; [] avoids attribute quirks
    except (KeyError, TypeError, IndexError):
        return getattr(obj, name, None)


def long_value(value: Any, name: str) -> int:
    """`value` as an xsd:long; Malformed when it is not a number or out of range."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Malformed(f"{name} is not a number: {str(value)[:40]!r}") from None
    if not LONG_MIN <= number <= LONG_MAX:
        raise Malformed(f"{name} is out of range: {str(value)[:40]}…")
    return number


def required_int(obj: Any, name: str) -> int:
    value = field(obj, name)
    if value is None or isinstance(value, bool):
        raise Malformed(f"{name} is missing")
    return long_value(value, name)


def opt_int(obj: Any, name: str, default: int = 0) -> int:
    value = field(obj, name)
    if value is None:
        return default
    return long_value(value, name)


def checked_text(value: str, name: str) -> str:
    """`value`, unless it is longer than any text the app reads (then Malformed)."""
    if len(value) > MAX_TEXT:
        raise Malformed(f"{name} is {len(value):,} characters long")
    return value


def opt_str(obj: Any, name: str) -> str:
    value = field(obj, name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Malformed(f"{name} is not text")
    return checked_text(value, name)


def money(value: Any) -> Decimal:
    """WebAPI amounts are xsd:float; round to grosze through the shortest repr."""
    if value is None:
        return Decimal("0.00")
    try:
        return Decimal(repr(float(value))).quantize(Decimal("0.01"))
    except (TypeError, ValueError, InvalidOperation):
        raise Malformed(f"not an amount: {str(value)[:40]!r}") from None


def unix_time(value: Any) -> datetime | None:
    if value in (None, 0, "0"):
        return None
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        raise Malformed(f"not a time: {str(value)[:40]!r}") from None


def _warsaw(naive: datetime) -> datetime:
    """Allegro wrote form dates in Polish local time; make them UTC."""
    if WARSAW is not None:
        return naive.replace(tzinfo=WARSAW).astimezone(UTC)
    # No tz database (a bare Windows): the EU rule, summer time from the last Sunday of
    # March to the last Sunday of October, 01:00 UTC.
    def last_sunday(month: int) -> datetime:
        day = datetime(naive.year, month, 31)
        return day - timedelta(days=(day.weekday() + 1) % 7)

    summer = last_sunday(3) + timedelta(hours=2) <= naive < last_sunday(10) + timedelta(hours=3)
    return (naive - timedelta(hours=2 if summer else 1)).replace(tzinfo=UTC)


def text_time(value: Any) -> datetime | None:
    """Post-buy form dates are strings ("2019-05-01 12:00:00", Polish time), or empty."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo else _warsaw(value)
    text = str(value).strip()
    if not text or text.startswith("0000"):
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise Malformed(f"not a date: {text[:40]!r}") from None
    return parsed.astimezone(UTC) if parsed.tzinfo else _warsaw(parsed)


# -- offers ---------------------------------------------------------------------------


def _prices(struct: Any) -> dict[int, Decimal]:
    prices: dict[int, Decimal] = {}
    for entry in items(field(struct, "itemPrice")):
        prices[opt_int(entry, "priceType")] = money(field(entry, "priceValue"))
    return prices


def offer_from_list(struct: Any, state: OfferState) -> port.Offer:
    """One row of doGetMySellItems / doGetMySoldItems / doGetMyNotSoldItems / doGetMyFutureItems."""
    return offer_from_values(
        state,
        offer_id=required_int(struct, "itemId"),
        title=opt_str(struct, "itemTitle"),
        prices=_prices(struct),
        start_quantity=opt_int(struct, "itemStartQuantity"),
        sold=opt_int(struct, "itemSoldQuantity"),
        bids=opt_int(struct, "itemBiddersCounter"),
        start_time=unix_time(field(struct, "itemStartTime")),
        end_time=unix_time(field(struct, "itemEndTime")),
    )


def offer_from_values(
    state: OfferState,
    *,
    offer_id: int,
    title: str,
    prices: dict[int, Decimal],
    start_quantity: int,
    sold: int,
    bids: int,
    start_time: datetime | None,
    end_time: datetime | None,
) -> port.Offer:
    """A My Allegro row from its values, however they were read (a struct, or core.allegro.offer_lists)."""
    auction = bool(PRICE_AUCTION_TYPES & prices.keys()) or bids > 0
    if auction:
        price = next((prices[t] for t in (2, 3) if t in prices), prices.get(PRICE_BUY_NOW, Decimal("0.00")))
    else:
        price = prices.get(PRICE_BUY_NOW, next(iter(prices.values()), Decimal("0.00")))
    return port.Offer(
        offer_id=offer_id,
        title=title,
        format=OfferFormat.AUCTION if auction else OfferFormat.BUY_NOW,
        state=state,
        quantity=max(start_quantity - sold, 0),
        start_quantity=start_quantity,
        sold_quantity=sold,
        bids=bids,
        price=price,
        start_time=start_time,
        end_time=end_time,
    )


def offer_from_info(struct: Any, now: datetime | None = None) -> port.Offer:
    """One ItemInfoStruct of doGetItemsInfo (whatever tab the offer is on)."""
    info = field(struct, "itemInfo")
    if info is None:
        raise Malformed("itemInfo is missing")
    start_quantity = opt_int(info, "itStartingQuantity")
    left = opt_int(info, "itQuantity")
    sold = max(start_quantity - left, 0)
    bids = opt_int(info, "itBidCount")
    auction = money(field(info, "itStartingPrice")) > 0 or bids > 0 or opt_int(info, "itBuyNowActive", 1) == 0
    start_time = unix_time(field(info, "itStartingTime"))
    running = opt_int(info, "itEndingInfo", ENDING_RUNNING) == ENDING_RUNNING
    now = now or datetime.now(UTC)
    if running:
        state = OfferState.SCHEDULED if start_time and start_time > now else OfferState.ACTIVE
    else:
        state = OfferState.SOLD if sold > 0 else OfferState.NOT_SOLD
    price_field = "itPrice" if auction else "itBuyNowPrice"
    price = money(field(info, price_field))
    if price == 0:
        price = money(field(info, "itBuyNowPrice" if auction else "itPrice"))
    return port.Offer(
        offer_id=required_int(info, "itId"),
        title=opt_str(info, "itName"),
        format=OfferFormat.AUCTION if auction else OfferFormat.BUY_NOW,
        state=state,
        quantity=left,
        start_quantity=start_quantity,
        sold_quantity=sold,
        bids=bids,
        price=price,
        start_time=start_time,
        end_time=unix_time(field(info, "itEndingTime")),
    )


# -- journal and forms ----------------------------------------------------------------


def journal_deal(struct: Any) -> port.JournalDeal:
    event_time = unix_time(field(struct, "dealEventTime"))
    if event_time is None:
        raise Malformed("dealEventTime is missing")
    return port.JournalDeal(
        event_id=required_int(struct, "dealEventId"),
        event_type=required_int(struct, "dealEventType"),
        event_time=event_time,
        deal_id=opt_int(struct, "dealId"),
        transaction_id=opt_int(struct, "dealTransactionId"),
        offer_id=required_int(struct, "dealItemId"),
        buyer_id=opt_int(struct, "dealBuyerId"),
        quantity=opt_int(struct, "dealQuantity"),
    )


_COUNTRIES = {1: "PL"}


def address(struct: Any) -> port.Address:
    if struct is None:
        return port.Address()
    country = field(struct, "postBuyFormAdrCountry")
    return port.Address(
        full_name=opt_str(struct, "postBuyFormAdrFullName"),
        company=opt_str(struct, "postBuyFormAdrCompany"),
        street=opt_str(struct, "postBuyFormAdrStreet"),
        postcode=opt_str(struct, "postBuyFormAdrPostcode"),
        city=opt_str(struct, "postBuyFormAdrCity"),
        country=_COUNTRIES.get(int(country), str(country)) if country not in (None, 0) else "",
        phone=opt_str(struct, "postBuyFormAdrPhone"),
    )


def post_buy_form(struct: Any) -> port.PostBuyForm:
    form_items = tuple(
        port.FormItem(
            offer_id=required_int(item, "postBuyFormItId"),
            title=opt_str(item, "postBuyFormItTitle"),
            quantity=opt_int(item, "postBuyFormItQuantity"),
            price=money(field(item, "postBuyFormItPrice")),
            amount=money(field(item, "postBuyFormItAmount")),
        )
        for item in items(field(struct, "postBuyFormItems"))
    )
    shipping = field(struct, "postBuyFormShipmentAddress")
    if shipping is None:
        shipping = field(struct, "postBuyFormGdAddress")
    return port.PostBuyForm(
        form_id=required_int(struct, "postBuyFormId"),
        buyer_id=opt_int(struct, "postBuyFormBuyerId"),
        buyer_login=opt_str(struct, "postBuyFormBuyerLogin"),
        buyer_email=opt_str(struct, "postBuyFormBuyerEmail"),
        items=form_items,
        amount=money(field(struct, "postBuyFormAmount")),
        postage_amount=money(field(struct, "postBuyFormPostageAmount")),
        pay_type=opt_str(struct, "postBuyFormPayType"),
        pay_status=opt_str(struct, "postBuyFormPayStatus"),
        created_at=text_time(field(struct, "postBuyFormDateInit")),
        cancelled_at=text_time(field(struct, "postBuyFormDateCancel")),
        address=address(shipping),
        message=opt_str(struct, "postBuyFormMsgToSeller"),
        packages=tuple(
            port.Package(
                carrier_id=opt_int(parcel, "postBuyFormOperatorId"),
                tracking_number=opt_str(parcel, "postBuyFormPackageId"),
                carrier_name=opt_str(parcel, "postBuyFormOperatorName"),
            )
            for parcel in items(field(struct, "postBuyFormShipmentTracking"))
        ),
    )


def id_list(value: Any) -> list[int]:
    return [long_value(entry, "id") for entry in items(value)]


def str_list(value: Any) -> tuple[str, ...]:
    return tuple(checked_text(str(entry), "text") for entry in items(value) if entry is not None)


def unique(values: Iterable[Any]) -> list[Any]:
    """Keep the first of each value, in order."""
    seen: set[Any] = set()
    out = []
    for value in values:
        if value not in seen:
            seen.add(value)
            out.append(value)
    return out


def unique_by(values: Iterable[Any], key: Any) -> list[Any]:
    """Keep the first value of each key, in order."""
    seen: set[Any] = set()
    out = []
    for value in values:
        k = key(value)
        if k not in seen:
            seen.add(k)
            out.append(value)
    return out
