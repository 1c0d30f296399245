"""Allegro's REST answers read into the port's values: offers, checkout forms, task
reports and error bodies. Anything that cannot be read is InvalidResponse."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from core.allegro.errors import (
    AllegroError,
    InvalidRequest,
    InvalidResponse,
    LoginRejected,
)
from core.allegro.outcomes import Outcome
from core.allegro.port import (
    Address,
    FinishResult,
    FormItem,
    Offer,
    OfferFormat,
    OfferState,
    PostBuyForm,
    QuantityResult,
)
from core.allegro.rest.http import Answer
from core.i18n import N_

STATES = {"ACTIVE": OfferState.ACTIVE, "ACTIVATING": OfferState.SCHEDULED}


def task_error(task: dict) -> tuple[str, str]:
    """A FAIL task's first error: (code, the seller-facing message)."""
    errors = task.get("errors") or []
    first = errors[0] if errors and isinstance(errors[0], dict) else {}
    return str(first.get("code") or "FAIL"), str(first.get("userMessage") or first.get("message") or task.get("message") or "")


def first_error(answer: Answer) -> tuple[str, str]:
    errors = answer.errors()
    if not errors:
        return f"HTTP_{answer.status}", ""
    first = errors[0]
    return str(first.get("code") or f"HTTP_{answer.status}"), str(first.get("userMessage") or first.get("message") or "")


def reason(answer: Answer) -> str:
    code, message = first_error(answer)
    return f"{code}: {message}" if message else code


def error_of(answer: Answer, operation: str) -> AllegroError:
    """The error a read that did not answer 200 with a JSON object stops the sync with."""
    code, message = first_error(answer)
    if answer.status in (401, 403):
        return LoginRejected(code, message, message=N_("Allegro refused this channel's login; connect it again."))
    if answer.status == 200:
        return InvalidResponse(operation, "not a JSON object")
    return InvalidRequest(code, message)


def time_of(value) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def money(value) -> Decimal:
    try:
        return Decimal(str((value or {}).get("amount") or "0"))
    except (InvalidOperation, AttributeError):
        return Decimal(0)


def integer(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def offer_id(value) -> str:
    """An offer id as Allegro gives it: a number, sent as a string (or, by some, a number)."""
    text = str(value).strip()
    if not text or not text.isascii() or not text.isdigit():
        raise ValueError(f"offer id {value!r}")
    return text


def is_uuid(value: str) -> bool:
    """Checkout forms are UUIDs; anything else never names one (and never goes into a path)."""
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def offer(row: dict) -> Offer:
    """An offer of GET /sale/offers (or /sale/product-offers/{id})."""
    try:
        selling = row.get("sellingMode") or {}
        fmt = OfferFormat.AUCTION if selling.get("format") == "AUCTION" else OfferFormat.BUY_NOW
        stock = row.get("stock") or {}
        available, sold = int(stock.get("available") or 0), int(stock.get("sold") or 0)
        publication = row.get("publication") or {}
        state = STATES.get(publication.get("status")) or (OfferState.SOLD if sold else OfferState.NOT_SOLD)
        return Offer(
            offer_id=offer_id(row["id"]),
            title=str(row.get("name") or ""),
            format=fmt,
            state=state,
            quantity=available,
            start_quantity=available + sold,
            sold_quantity=sold,
            bids=int((row.get("saleInfo") or {}).get("biddersCount") or 0),
            price=money(selling.get("price") or selling.get("startingPrice")),
            start_time=time_of(publication.get("startedAt") or publication.get("startingAt")),
            end_time=time_of(publication.get("endedAt") or publication.get("endingAt")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidResponse("GET /sale/offers", f"an offer that cannot be read: {error}") from None


def form(form_id: str, body: dict) -> PostBuyForm:
    """A checkout form (GET /order/checkout-forms/{id}) as the port's post-buy form."""
    buyer = body.get("buyer") or {}
    delivery = body.get("delivery") or {}
    payment = body.get("payment") or {}
    items, bought = _line_items(body.get("lineItems") or [])
    total = (body.get("summary") or {}).get("totalToPay") or {}
    cancelled = body.get("status") == "CANCELLED"
    return PostBuyForm(
        form_id=form_id,
        buyer_id=integer(buyer.get("id")),
        buyer_login=str(buyer.get("login") or ""),
        buyer_email=str(buyer.get("email") or ""),
        items=items,
        amount=money(total),
        postage_amount=money(delivery.get("cost")),
        pay_type=str(payment.get("type") or ""),
        pay_status="PAID" if payment.get("finishedAt") else str(body.get("status") or ""),
        created_at=min(bought) if bought else None,
        cancelled_at=(time_of(body.get("updatedAt")) or datetime.now(UTC)) if cancelled else None,
        address=_address(delivery.get("address") or {}),
        message=str(body.get("messageToSeller") or ""),
        currency=str(total.get("currency") or "") or None,
    )


def _line_items(lines: list) -> tuple[tuple[FormItem, ...], list[datetime]]:
    """The form's items, and when each was bought."""
    items, bought = [], []
    for line in lines:
        price = money(line.get("price"))
        quantity = integer(line.get("quantity"))
        item = line.get("offer") or {}
        items.append(FormItem(str(item.get("id") or ""), str(item.get("name") or ""), quantity, price, price * quantity))
        when = time_of(line.get("boughtAt"))
        if when:
            bought.append(when)
    return tuple(items), bought


def _address(address: dict) -> Address:
    return Address(
        full_name=" ".join(filter(None, (address.get("firstName"), address.get("lastName")))),
        company=str(address.get("companyName") or ""),
        street=str(address.get("street") or ""),
        postcode=str(address.get("zipCode") or ""),
        city=str(address.get("city") or ""),
        country=str(address.get("countryCode") or ""),
        phone=str(address.get("phoneNumber") or ""),
    )

# A command's outcome for one offer: DONE with its task, REFUSED, or UNKNOWN.
def quantity_result(offer_id: str, value: int, outcome: Outcome, task: dict | None, reason: str) -> QuantityResult:
    if outcome is Outcome.DONE and task and task.get("status") == "SUCCESS":
        return QuantityResult(offer_id, ok=True, quantity_left=value)
    if outcome is Outcome.DONE and task and task.get("status") == "FAIL":
        code, message = task_error(task)
        return QuantityResult(offer_id, ok=False, error_code=code, message=message)
    if outcome is Outcome.REFUSED:
        return QuantityResult(offer_id, ok=False, error_code="REFUSED", message=reason)
    # A FIXED value is harmless to send again, but it may still land: the sync reads it back.
    return QuantityResult(offer_id, ok=False, error_code="UNKNOWN", message=reason, may_land_late=True)


def finish_result(offer_id: str, outcome: Outcome, task: dict | None, reason: str) -> FinishResult:
    if outcome is Outcome.DONE and task and task.get("status") == "SUCCESS":
        return FinishResult(offer_id, ok=True)
    if outcome is Outcome.DONE and task and task.get("status") == "FAIL":
        code, message = task_error(task)
        return FinishResult(offer_id, ok=False, error_code=code, message=message)
    if outcome is Outcome.REFUSED:
        return FinishResult(offer_id, ok=False, error_code="REFUSED", message=reason)
    return FinishResult(offer_id, ok=False, error_code="UNKNOWN", message=reason, unknown=True)
