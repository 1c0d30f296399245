"""Tracking numbers: a local check of each carrier's format, entry and editing, upload planning.

A number that fails the local check is never sent (state `invalid`, with the reason).
One Allegro rejects is `rejected` with Allegro's reason and is sent again only after
the seller edits it. Allegro never published its checks; the patterns below are the
carriers' own public formats, so a number refused here would be refused by Allegro.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.db import database
from core.models import Order, OrderStatus, Shipment, ShipmentState, utcnow
from core.sync.actions import Draft
from core.i18n import _

OTHER = 0  # operatorId 0: another carrier, named in carrier_name
_GENERIC = r"[A-Z0-9][A-Z0-9-]{5,29}"  # capitals, as Allegro takes them (tests hold it to the sandbox's)


@dataclass(frozen=True, slots=True)
class Carrier:
    id: int
    name: str
    pattern: re.Pattern[str]
    example: str


# Allegro's operatorIds [FACTS §10] with the carriers' public number formats.
CARRIERS: dict[int, Carrier] = {
    c.id: c
    for c in (
        Carrier(1, "UPS", re.compile(r"1Z[0-9A-Z]{16}"), "1Z999AA10123456784"),
        Carrier(2, "GLS", re.compile(r"\d{11}|[0-9A-Z]{8}"), "12345678901"),
        Carrier(3, "Ruch", re.compile(_GENERIC), "RUCH123456"),
        Carrier(4, "DHL", re.compile(r"\d{10,11}|JJD\d{18,21}"), "1234567890"),
        Carrier(5, "InPost", re.compile(r"\d{24}"), "620000000000000000000001"),
        Carrier(6, "Poczta Polska", re.compile(r"00\d{18}|[A-Z]{2}\d{9}PL"), "RR123456789PL"),
        Carrier(7, "DPD", re.compile(r"\d{13}[A-Z]?|\d{14}"), "1234567890123U"),
        Carrier(9, "DPD", re.compile(r"\d{13}[A-Z]?|\d{14}"), "1234567890123U"),
        Carrier(10, "FedEx", re.compile(r"\d{12}|\d{15}|\d{20}|\d{22}"), "123456789012"),
        Carrier(11, "TNT Express", re.compile(r"GE\d{9}[A-Z]{2}|\d{9}"), "GE123456789WW"),
        Carrier(12, "DB Schenker", re.compile(_GENERIC), "PLWAW123456"),
        Carrier(13, "Raben", re.compile(_GENERIC), "RAB1234567"),
        Carrier(14, "GEIS", re.compile(_GENERIC), "GEIS123456"),
        Carrier(15, "Pocztex", re.compile(r"00\d{18}|PX\d{10}"), "PX1234567890"),
        Carrier(16, "DTS", re.compile(_GENERIC), "DTS1234567"),
        Carrier(17, "PEKAES", re.compile(_GENERIC), "PEK1234567"),
        Carrier(18, "Patron Service", re.compile(_GENERIC), "PAT1234567"),
    )
}
_OTHER_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9/-]{3,39}")


class TrackingError(Exception):
    """A refused tracking entry; `message` is for the seller."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def carrier_name(carrier_id: int, given: str = "") -> str:
    if carrier_id == OTHER:
        return given.strip()
    carrier = CARRIERS.get(carrier_id)
    return carrier.name if carrier else given.strip()


def check(carrier_id: int | None, number: str, name: str = "") -> str | None:
    """Why this number cannot go to Allegro for this carrier, or None when it looks right."""
    if not number:
        return _("Enter a tracking number.")
    if carrier_id is None:
        return _("Choose the carrier.")
    if carrier_id == OTHER:
        if not name.strip():
            return _("Name the carrier: Allegro needs a carrier name for “Other”.")
        if not _OTHER_PATTERN.fullmatch(number):
            return _("{number} does not look like a tracking number (4–40 letters, digits, / or -).").format(number=number)
        return None
    carrier = CARRIERS.get(carrier_id)
    if carrier is None:
        return _("Allegro does not know this carrier.")
    if not carrier.pattern.fullmatch(number):
        return _("{number} is not a {carrier} tracking number (for example {example}).").format(
            number=number, carrier=carrier.name, example=carrier.example
        )
    return None


def _state_for(carrier_id, number, name) -> tuple[str, str]:
    problem = check(carrier_id, number, name)
    return (ShipmentState.INVALID, problem) if problem else (ShipmentState.PENDING, "")


def add_tracking(order: Order | int, carrier_id: int | None, number: str, name: str = "") -> Shipment:
    """Attach a tracking number to an order. It goes to Allegro on the next sync if it passes the check."""
    number = (number or "").strip()
    order_id = order if isinstance(order, int) else order.id
    state, reason = _state_for(carrier_id, number, name)
    with database.atomic():
        duplicate = Shipment.get_or_none(
            (Shipment.order == order_id) & (Shipment.tracking_number == number) & (Shipment.carrier_id == carrier_id)
        )
        if duplicate is not None:
            return duplicate
        return Shipment.create(
            order=order_id,
            carrier_id=carrier_id if carrier_id is not None else -1,
            carrier_name=carrier_name(carrier_id, name) if carrier_id is not None else name.strip(),
            tracking_number=number,
            state=state,
            reason=reason,
        )


def edit_tracking(shipment: Shipment | int, carrier_id: int | None, number: str, name: str = "") -> Shipment:
    """Change a tracking number or carrier. A rejected or invalid one is sent again after this."""
    shipment_id = shipment if isinstance(shipment, int) else shipment.id
    number = (number or "").strip()
    with database.atomic():
        row = Shipment.get_by_id(shipment_id)
        if row.state == ShipmentState.ACCEPTED:
            raise TrackingError(_("Allegro has already accepted this tracking number; add a new one instead."))
        if row.state == ShipmentState.SENDING:
            raise TrackingError(_("This tracking number is being sent to Allegro right now; try again after the sync."))
        changed = (row.carrier_id, row.tracking_number, row.carrier_name) != (
            carrier_id,
            number,
            carrier_name(carrier_id, name) if carrier_id is not None else name.strip(),
        )
        if not changed and row.state == ShipmentState.REJECTED:
            return row  # Allegro refused exactly this; only a change is worth sending
        state, reason = _state_for(carrier_id, number, name)
        row.carrier_id = carrier_id if carrier_id is not None else -1
        row.carrier_name = carrier_name(carrier_id, name) if carrier_id is not None else name.strip()
        row.tracking_number = number
        row.state, row.reason = state, reason
        row.sent_at = None
        row.save()
        return row


def plan_uploads(channel_id: int) -> list[Draft]:
    """Tracking actions for shipped orders' pending numbers.

    Pending numbers are checked again here, so a format rule that tightened since
    entry still keeps a bad number from being sent.
    """
    rows = list(
        Shipment.select(Shipment, Order.form_id)
        .join(Order)
        .where(
            (Order.channel == channel_id)
            & (Order.status == OrderStatus.SHIPPED)
            & (Shipment.state == ShipmentState.PENDING)
        )
        .order_by(Shipment.id)
    )
    drafts = []
    newly_invalid = []
    for shipment in rows:
        carrier_id = shipment.carrier_id if shipment.carrier_id >= 0 else None
        problem = check(carrier_id, shipment.tracking_number, shipment.carrier_name)
        if problem:
            newly_invalid.append((shipment.id, problem))
            continue
        drafts.append(
            Draft(
                kind="tracking",
                reason=f"{carrier_name(carrier_id, shipment.carrier_name)} {shipment.tracking_number}",
                shipment_id=shipment.id,
                params={
                    "form_id": shipment.order.form_id,
                    "carrier_id": carrier_id,
                    "tracking_number": shipment.tracking_number,
                    "carrier_name": shipment.carrier_name if carrier_id == OTHER else "",
                },
            )
        )
    if newly_invalid:
        with database.atomic():
            for shipment_id, problem in newly_invalid:
                Shipment.update(state=ShipmentState.INVALID, reason=problem).where(Shipment.id == shipment_id).execute()
    return drafts


def invalid_notes(channel_id: int) -> list[str]:
    """Numbers that failed the local check and wait for the seller to correct them."""
    rows = (
        Shipment.select(Shipment.tracking_number, Shipment.reason, Order.form_id)
        .join(Order)
        .where(
            (Order.channel == channel_id)
            & (Order.status == OrderStatus.SHIPPED)
            & (Shipment.state == ShipmentState.INVALID)
        )
        .tuples()
    )
    rows = list(rows)
    notes = [
        _("Tracking number {number} (order {order}) not sent: {why}").format(number=number, order=form_id, why=reason)
        for number, reason, form_id in rows[:10]
    ]
    if len(rows) > 10:
        notes.append(_("…and {n} more tracking numbers wait for a correction.").format(n=len(rows) - 10))
    return notes


def invalid_count(channel_id: int) -> int:
    return (
        Shipment.select()
        .join(Order)
        .where(
            (Order.channel == channel_id)
            & (Order.status == OrderStatus.SHIPPED)
            & (Shipment.state == ShipmentState.INVALID)
        )
        .count()
    )


def mark_sent(shipment_id: int, state: str, reason: str = "") -> None:
    fields = {"state": state, "reason": reason}
    if state in (ShipmentState.ACCEPTED, ShipmentState.REJECTED):
        fields["sent_at"] = utcnow()
    Shipment.update(**fields).where(Shipment.id == shipment_id).execute()
