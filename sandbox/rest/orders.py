"""/order/*: the event journal, checkout forms, carriers, shipments and fulfillment.

Checkout forms are the shop's post-buy forms under UUIDs (the form's number is kept in
the UUID's low bits), events are the shop's journal in Allegro's words, and a shipment
is a package on the form: added through either face, seen through both.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import uuid
from typing import TYPE_CHECKING

from .. import tracking
from ..sessions import SELLER_ID
from ..shop import (
    EVENT_CANCEL,
    EVENT_DEAL,
    EVENT_FORM,
    EVENT_PAID,
    MAX_PACKAGES_PER_FORM,
    SHIPMENTS,
    ControlError,
    Event,
    Form,
    Package,
    Shop,
)
from .errors import RestError
from .request import ANY, Request, check_shape
from .views import MARKETPLACE, iso, money

if TYPE_CHECKING:  # pragma: no cover
    from .app import RestFace

DAY = 86400
EVENTS_KEPT = 60 * DAY
# FACTS §5.1: READY_FOR_PROCESSING often comes twice (same data, same occurredAt, another
# id); the sandbox sends every one twice so clients must key on checkoutForm.id.
DUPLICATE_READY_EVENTS = True
FORM_TAG, LINE_TAG, PAYMENT_TAG, METHOD_TAG, SHIPMENT_TAG = (
    0x3F0C2A11,
    0x1E7A0C55,
    0x7A1B2C3D,
    0x0DE11FE2,
    0x5417A9E1,
)
EVENT_TYPES = (
    "BOUGHT",
    "FILLED_IN",
    "READY_FOR_PROCESSING",
    "BUYER_CANCELLED",
    "FULFILLMENT_STATUS_CHANGED",
    "AUTO_CANCELLED",
)
_SHOP_TYPE = {
    EVENT_DEAL: "BOUGHT",
    EVENT_FORM: "FILLED_IN",
    EVENT_PAID: "READY_FOR_PROCESSING",
    EVENT_CANCEL: "BUYER_CANCELLED",
}
FULFILLMENT = (
    "NEW",
    "PROCESSING",
    "READY_FOR_SHIPMENT",
    "READY_FOR_PICKUP",
    "SENT",
    "PICKED_UP",
    "CANCELLED",
    "SUSPENDED",
    "RETURNED",
)
FORM_STATUSES = ("BOUGHT", "FILLED_IN", "READY_FOR_PROCESSING", "CANCELLED")

# REST carrier id -> (name, SOAP operator id, waybill pattern). Operator 0 = "other".
CARRIERS: dict[str, tuple[str, int, re.Pattern[str] | None]] = {
    "ALLEGRO": ("Allegro Delivery", 0, re.compile(r"AD[A-Z0-9]{6,30}")),
    "DHL": ("DHL", 4, None),
    "DPD": ("DPD", 7, None),
    "FEDEX": ("FedEx", 10, None),
    "GLS": ("GLS", 2, None),
    "INPOST": ("InPost", 5, None),
    "POCZTA_POLSKA": ("Poczta Polska", 6, None),
    "POCZTEX": ("Pocztex", 15, None),
    "UPS": ("UPS", 1, None),
    "TNT": ("TNT Express", 11, None),
    "DB_SCHENKER": ("DB Schenker", 12, None),
    "RABEN": ("Raben", 13, None),
    "GEIS": ("GEIS", 14, None),
    "PATRON_SERVICE": ("Patron Service", 18, None),
    "OTHER": ("Inny przewoźnik", 0, None),
}
_OPERATOR_CARRIER = {op: cid for cid, (_, op, _) in CARRIERS.items() if op}
_OPERATOR_CARRIER[9] = "DPD"
# The spec's 409 "waybill used in too many orders" names no number: the sandbox's reading.
MAX_ORDERS_PER_WAYBILL = 10
WAYBILL_SHAPE = {"carrierId": str, "waybill": str, "carrierName": str, "lineItems": [{"id": str}]}
FULFILLMENT_SHAPE = {"status": str, "shipmentSummary": ANY, "provider": ANY}


# -- ids ---------------------------------------------------------------------------------
def tagged(tag: int, number: int) -> str:
    return str(uuid.UUID(int=(tag << 96) | number))


def untag(tag: int, raw: str) -> int | None:
    try:
        value = uuid.UUID(raw).int
    except ValueError:
        return None
    return value & ((1 << 96) - 1) if value >> 96 == tag else -1


def revision(form: Form) -> str:
    state = f"{form.paid}|{form.cancelled_at}|{len(form.packages)}|{form.fulfillment}"
    return hashlib.sha1(state.encode()).hexdigest()[:10]


def _form(shop: Shop, raw_id: str) -> Form:
    number = untag(FORM_TAG, raw_id)
    if number is None:
        raise RestError("InvalidCheckoutFormIdException", path="id")
    form = shop.forms.get(number)
    if form is None or form.merged_into is not None:
        raise RestError(
            "CheckoutFormNotFoundException", details=f"Checkout form {raw_id} not found"
        )
    return form


# -- views -------------------------------------------------------------------------------
def status(form: Form) -> str:
    if form.cancelled_at is not None:
        return "CANCELLED"
    return "READY_FOR_PROCESSING" if form.paid or form.cod else "FILLED_IN"


def _names(full_name: str) -> tuple[str, str]:
    first, _, last = full_name.partition(" ")
    return first, last or first


def _buyer_ref(shop: Shop, buyer_id: int) -> dict:
    buyer = shop.buyers[buyer_id]
    return {"id": str(buyer.id), "email": buyer.email, "login": buyer.login, "guest": False}


def _line_items(shop: Shop, form: Form) -> list[dict]:
    items = []
    for deal_id in form.deal_ids:
        deal = shop.deals[deal_id]
        offer = shop.offers.get(deal.offer_id)
        item = {
            "id": tagged(LINE_TAG, deal.id),
            "offer": {"id": str(deal.offer_id), "name": offer.title if offer else ""},
            "quantity": deal.quantity,
            "originalPrice": money(deal.price),
            "price": money(deal.price),
            "boughtAt": iso(deal.time),
        }
        if offer is not None and offer.local_id is not None:
            item["offer"]["external"] = {"id": str(offer.local_id)}
        items.append(item)
    return items


def _shipment(form: Form, index: int, package: Package) -> dict:
    carrier = _OPERATOR_CARRIER.get(package.operator_id, "OTHER")
    if carrier == "OTHER" and package.operator_name == CARRIERS["ALLEGRO"][0]:
        carrier = "ALLEGRO"
    answer = {
        "id": tagged(SHIPMENT_TAG, (form.id << 16) | index),
        "waybill": package.package_id,
        "carrierId": carrier,
        "lineItems": [{"id": tagged(LINE_TAG, d)} for d in form.deal_ids],
        "createdAt": iso(package.added_at),
    }
    if carrier == "OTHER":
        answer["carrierName"] = package.operator_name
    return answer


def checkout_form(shop: Shop, form: Form) -> dict:
    buyer = shop.buyers[form.buyer_id]
    first, last = _names(buyer.full_name)
    method = next(s for s in SHIPMENTS if s[0] == form.shipment_id)
    payment = {
        "id": tagged(PAYMENT_TAG, form.id),
        "type": "CASH_ON_DELIVERY" if form.cod else "ONLINE",
    }
    if not form.cod:
        payment["provider"] = "P24"
    if form.paid:
        payment["finishedAt"] = iso(form.paid_at)
        payment["paidAmount"] = money(form.amount)
    answer = {
        "id": tagged(FORM_TAG, form.id),
        "messageToSeller": form.message,
        "buyer": {
            **_buyer_ref(shop, buyer.id),
            "firstName": first,
            "lastName": last,
            "phoneNumber": buyer.phone,
            "address": {
                "street": buyer.street,
                "city": buyer.city,
                "postCode": buyer.postcode,
                "countryCode": "PL",
            },
        },
        "payment": payment,
        "status": status(form),
        "fulfillment": {
            "status": form.fulfillment,
            "shipmentSummary": {"lineItemsSent": "ALL" if form.packages else "NONE"},
            "provider": {"id": "SELLER"},
        },
        "delivery": {
            "address": {
                "firstName": first,
                "lastName": last,
                "street": buyer.street,
                "city": buyer.city,
                "zipCode": buyer.postcode,
                "countryCode": "PL",
                "phoneNumber": buyer.phone,
            },
            "method": {"id": tagged(METHOD_TAG, method[0]), "name": method[1]},
            "cost": money(form.postage),
            "smart": False,
            "calculatedNumberOfPackages": 1,
        },
        "invoice": {"required": bool(buyer.nip)},
        "lineItems": _line_items(shop, form),
        "surcharges": [],
        "marketplace": {"id": MARKETPLACE},
        "summary": {"totalToPay": money(form.amount)},
        "updatedAt": iso(_updated_at(form)),
        "revision": revision(form),
    }
    if buyer.company:
        answer["buyer"]["companyName"] = buyer.company
        answer["delivery"]["address"]["companyName"] = buyer.company
    return answer


# -- events --------------------------------------------------------------------------------
def _rest_events(shop: Shop, event: Event) -> list[tuple[int, str]]:
    """(REST id, type) of what one journal event shows as; ids keep the journal's order."""
    kind = _SHOP_TYPE[event.type]
    out = [(event.id * 10, kind)]
    form = shop.forms.get(event.form_id)
    if kind == "FILLED_IN" and form is not None and form.cod:
        out.append((event.id * 10 + 1, "READY_FOR_PROCESSING"))  # cash on delivery: ready now
    if DUPLICATE_READY_EVENTS and out[-1][1] == "READY_FOR_PROCESSING":
        out.append((event.id * 10 + 2, "READY_FOR_PROCESSING"))
    return out


def _form_id_at(shop: Shop, index: int) -> int:
    """The form an event belonged to when it happened (a merge moves deals, not history).

    A deal's event names no form; the form event written right after it does."""
    event = shop.events[index]
    if event.form_id:
        return event.form_id
    following = shop.events[index + 1] if index + 1 < len(shop.events) else None
    if following is not None and following.deal_id == event.deal_id and following.form_id:
        return following.form_id
    return shop.deals[event.deal_id].form_id


def _event_view(shop: Shop, event: Event, form_id: int, rest_id: int, kind: str) -> dict:
    form = shop.forms.get(form_id)
    order = {
        "seller": {"id": str(SELLER_ID)},
        "buyer": _buyer_ref(shop, event.buyer_id),
        "lineItems": [],
        "marketplace": {"id": MARKETPLACE},
    }
    if form is not None:
        order["checkoutForm"] = {"id": tagged(FORM_TAG, form.id), "revision": revision(form)}
        order["lineItems"] = _line_items(shop, form)
    return {"id": str(rest_id), "type": kind, "occurredAt": iso(event.time), "order": order}


def events(face: RestFace, req: Request):
    """GET /order/events: events after ``from`` (an event id), of the last 60 days."""
    limit = req.integer("limit", 100, 1, 1000, status=422)
    raw_from = req.one("from")
    if raw_from is not None and not re.fullmatch(r"\d{1,18}", raw_from):
        raise RestError("VALIDATION_ERROR", path="from", status=422)
    after = int(raw_from) if raw_from is not None else -1
    types = set(req.many("type"))
    if types - set(EVENT_TYPES):
        raise RestError("VALIDATION_ERROR", path="type", status=422)
    shop = face.shop
    with shop.lock:
        shop.tick()
        oldest = shop.now() - EVENTS_KEPT
        start = bisect.bisect_left(shop._event_ids, max(after, 0) // 10)
        found = []
        for index in range(start, len(shop.events)):
            event = shop.events[index]
            if event.time < oldest:
                continue
            for rest_id, kind in _rest_events(shop, event):
                if rest_id > after and (not types or kind in types):
                    found.append(_event_view(shop, event, _form_id_at(shop, index), rest_id, kind))
            if len(found) >= limit:
                break
        return 200, {"events": found[:limit]}


def event_stats(face: RestFace, req: Request):
    shop = face.shop
    with shop.lock:
        shop.tick()
        now = shop.now()
        last = shop.events[-1] if shop.events else None
        if last is None or last.time < now - EVENTS_KEPT:
            return 200, {"latestEvent": {"id": "0", "occurredAt": iso(now)}}
        rest_id, _ = _rest_events(shop, last)[-1]
        return 200, {"latestEvent": {"id": str(rest_id), "occurredAt": iso(last.time)}}


# -- checkout forms ---------------------------------------------------------------------------
def _time_bound(req: Request, name: str) -> int | None:
    from .offers import parse_time

    raw = req.one(name)
    return None if raw is None else parse_time(raw, name)


def _bought_at(shop: Shop, form: Form) -> int:
    """The form's latest line item bought date: what `lineItems.boughtAt` filters and sorts by."""
    return max((shop.deals[d].time for d in form.deal_ids), default=form.created_at)


def _updated_at(form: Form) -> int:
    """The form's last modification (its `updatedAt`)."""
    moments = (form.created_at, form.paid_at, form.cancelled_at, *(p.added_at for p in form.packages))
    return max(m for m in moments if m is not None)


def list_forms(face: RestFace, req: Request):
    """GET /order/checkout-forms: newest purchase first by default."""
    limit = req.integer("limit", 100, 1, 100, status=422)
    offset = req.integer("offset", 0, 0, 10_000_000, status=422)
    statuses = set(req.many("status"))
    if statuses - set(FORM_STATUSES):
        raise RestError("VALIDATION_ERROR", path="status")
    fulfillment = set(req.many("fulfillment.status"))
    login = req.one("buyer.login")
    bounds = {
        field: (_time_bound(req, f"{field}.gte"), _time_bound(req, f"{field}.lte"))
        for field in ("lineItems.boughtAt", "updatedAt")
    }
    sort = req.one("sort") or "-lineItems.boughtAt"
    if sort.lstrip("-") not in ("lineItems.boughtAt", "updatedAt"):
        raise RestError("VALIDATION_ERROR", path="sort")
    shop = face.shop
    with shop.lock:
        shop.tick()
        found = []
        for form in shop.forms.values():
            if form.merged_into is not None:
                continue
            if statuses and status(form) not in statuses:
                continue
            if fulfillment and form.fulfillment not in fulfillment:
                continue
            if login and shop.buyers[form.buyer_id].login != login:
                continue
            moments = {"lineItems.boughtAt": _bought_at(shop, form), "updatedAt": _updated_at(form)}
            if any(
                (since is not None and moments[field] < since) or (until is not None and moments[field] > until)
                for field, (since, until) in bounds.items()
            ):
                continue
            found.append((moments[sort.lstrip("-")], form.id, form))
        found.sort(key=lambda row: row[:2], reverse=sort.startswith("-"))
        page = [checkout_form(shop, f) for _, _, f in found[offset : offset + limit]]
        return 200, {"checkoutForms": page, "count": len(page), "totalCount": len(found)}


def read_form(face: RestFace, req: Request):
    shop = face.shop
    with shop.lock:
        shop.tick()
        return 200, checkout_form(shop, _form(shop, req.params["id"]))


# -- carriers, shipments, fulfillment -------------------------------------------------------------
def carriers(face: RestFace, req: Request):
    return 200, {"carriers": [{"id": cid, "name": name} for cid, (name, _, _) in CARRIERS.items()]}


def shipments(face: RestFace, req: Request):
    shop = face.shop
    with shop.lock:
        form = _form(shop, req.params["id"])
        return 200, {"shipments": [_shipment(form, i, p) for i, p in enumerate(form.packages)]}


def add_shipment(face: RestFace, req: Request):
    """POST /order/checkout-forms/{id}/shipments with the per-carrier waybill checks."""
    body = req.json()
    check_shape(body, WAYBILL_SHAPE)
    operator, name, waybill = _checked_waybill(body)
    shop = face.shop
    if waybill in shop.refused_packages:  # refused_packages: set by the control
        raise RestError("CarrierWaybillValidationException")
    with shop.lock:
        form = _form(shop, req.params["id"])
        own = {tagged(LINE_TAG, d) for d in form.deal_ids}
        if any(item.get("id") not in own for item in body.get("lineItems") or []):
            raise RestError("LineItemNotFoundException", path="lineItems")
        for index, package in enumerate(form.packages):
            if package.operator_id == operator and package.package_id == waybill:
                return 201, _shipment(form, index, package)  # the same number again: no copy
        _check_room_for(shop, form, operator, waybill)
        form.packages.append(Package(operator, name, waybill, shop.now()))
        shop.changes += 1
        return 201, _shipment(form, len(form.packages) - 1, form.packages[-1])


def _checked_waybill(body: dict) -> tuple[int, str, str]:
    """(operator, carrier name, waybill) of a shipment, the number checked by its carrier's format."""
    for key in ("carrierId", "waybill"):
        if body.get(key) is None:
            raise RestError("MissingJSONProperty", path=key)
    carrier_id, waybill = body["carrierId"], body["waybill"]
    if carrier_id not in CARRIERS:
        raise RestError("CarrierIdValidationException", path="carrierId")
    if not waybill or len(waybill) > 64 or waybill != waybill.strip():
        raise RestError("WaybillValidationException", path="waybill")
    name, operator, pattern = CARRIERS[carrier_id]
    if carrier_id == "OTHER":
        name = body.get("carrierName") or ""
        if not name.strip() or len(name) > 30:
            raise RestError("CarrierNameValidationException", path="carrierName")
    if operator == 0:
        valid = (pattern or tracking._OTHER_FORMAT).fullmatch(waybill) is not None
    else:
        valid = tracking.check(operator, waybill, None) == tracking.OPERATOR_OK
    if not valid:
        raise RestError("CarrierWaybillValidationException")
    return operator, name, waybill


def _check_room_for(shop: Shop, form: Form, operator: int, waybill: str) -> None:
    """A form takes a limited number of shipments, a waybill a limited number of forms."""
    if len(form.packages) >= MAX_PACKAGES_PER_FORM:
        raise RestError("TooManyShipmentsException")
    elsewhere = sum(
        1
        for other in shop.forms.values()
        if other is not form
        and any(p.package_id == waybill and p.operator_id == operator for p in other.packages)
    )
    if elsewhere >= MAX_ORDERS_PER_WAYBILL:
        raise RestError("WaybillUsedTooManyTimesException", path="waybill")


def set_fulfillment(face: RestFace, req: Request):
    body = req.json()
    check_shape(body, FULFILLMENT_SHAPE)
    value = body.get("status")
    if value not in FULFILLMENT or value == "RETURNED":
        raise RestError("FulfillmentStatusValidationException", path="status")
    wanted = req.one("checkoutForm.revision")
    shop = face.shop
    with shop.lock:
        form = _form(shop, req.params["id"])
        if wanted is not None and wanted != revision(form):
            raise RestError("OutdatedRevisionException")
        form.fulfillment = value
        shop.changes += 1
    return 204, None


# -- control ---------------------------------------------------------------------------------------
def merge_forms(shop: Shop, form_ids) -> dict:
    """Control: the buyer paid several forms at once; they become one new checkout form."""
    if (
        not isinstance(form_ids, list)
        or len(form_ids) < 2
        or not all(type(i) is int for i in form_ids)
        or len(set(form_ids)) != len(form_ids)
    ):
        raise ControlError("form_ids must list two or more different form ids.", 400)
    with shop.lock:
        shop.tick()
        forms = []
        for form_id in form_ids:
            form = shop.forms.get(form_id)
            if form is None:
                raise ControlError(f"There is no post-buy form {form_id}.", 404)
            if form.merged_into is not None or form.cancelled_at is not None or form.paid:
                raise ControlError(f"Form {form_id} is merged, cancelled or paid already.")
            forms.append(form)
        if len({f.buyer_id for f in forms}) != 1:
            raise ControlError("Only forms of one buyer can be merged.")
        now = shop.now()
        first = forms[0]
        merged = Form(
            id=shop._new_id("form"),
            buyer_id=first.buyer_id,
            deal_ids=[d for f in forms for d in f.deal_ids],
            amount=round(sum(f.amount - f.postage for f in forms) + first.postage, 2),
            postage=first.postage,
            shipment_id=first.shipment_id,
            pay_type=first.pay_type,
            paid=False,
            created_at=now,
        )
        shop.forms[merged.id] = merged
        for form in forms:
            form.merged_into = merged.id
        for deal_id in merged.deal_ids:
            shop.deals[deal_id].form_id = merged.id
        if not merged.cod:
            shop._pay(merged, now)
        shop.changes += 1
        return {
            "form_id": merged.id,
            "checkout_form_id": tagged(FORM_TAG, merged.id),
            "merged": [
                {"form_id": f.id, "checkout_form_id": tagged(FORM_TAG, f.id)} for f in forms
            ],
        }
