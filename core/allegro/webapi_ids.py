"""The port's ids (text) to the WebAPI's numbers and back, at WebApiMarketplace's edge.

Everything behind the edge (reads, changes, SOAP) keeps the WebAPI's int ids and compares
them as numbers; everything the engine gets back carries them as decimal text.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from core.allegro.errors import AllegroError, InvalidRequest, OutcomeUnknown
from core.allegro.port import FormItem, JournalDeal, Offer, PostBuyForm
from core.i18n import N_

ID_FIELDS = ("offer_id", "form_id", "new_offer_id", "event_id", "deal_id", "transaction_id")
NOT_ONE = {
    "offer": N_("“{value}” is not an offer number of Allegro's WebAPI."),
    "form": N_("“{value}” is not an order number of Allegro's WebAPI."),
    "event": N_("“{value}” is not a position in Allegro's WebAPI deals journal."),
}


def number(value: str | int, kind: str) -> int:
    """The WebAPI number of a port id; a value that is not one is refused, never sent."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit():
        raise InvalidRequest(
            "WEBAPI_NOT_AN_ID",
            message=NOT_ONE[kind],
            params={"value": text},
        )
    return int(text)


def numbers(values: Iterable[str | int], kind: str) -> list[int]:
    return [number(v, kind) for v in values]


def text(value: int | None) -> str:
    """A WebAPI number as the port carries it; 0 (none) is ""."""
    return str(value) if value else ""


def _out(obj: Any) -> Any:
    changes = {f: text(getattr(obj, f)) for f in ID_FIELDS if hasattr(obj, f) and isinstance(getattr(obj, f), int)}
    if getattr(obj, "offer_id", 1) is None:
        changes.pop("offer_id", None)
    if "new_offer_id" in changes and not changes["new_offer_id"]:
        changes["new_offer_id"] = None
    return dataclasses.replace(obj, **changes) if changes else obj


def offer_out(offer: Offer) -> Offer:
    return _out(offer)


def deal_out(deal: JournalDeal) -> JournalDeal:
    return _out(deal)


def form_out(form: PostBuyForm) -> PostBuyForm:
    items: tuple[FormItem, ...] = tuple(_out(i) for i in form.items)
    return dataclasses.replace(_out(form), items=items)


def result_out(result: Any) -> Any:
    return _out(result)


def results_out(results: Iterable[Any]) -> list[Any]:
    return [_out(r) for r in results]


def requests_in(requests: Iterable[Any]) -> list[Any]:
    """Change requests (QuantityChange, FinishRequest, RelistRequest) with WebAPI numbers."""
    return [dataclasses.replace(r, offer_id=number(r.offer_id, "offer")) for r in requests]


@contextmanager
def outcomes_out() -> Iterator[None]:
    """An OutcomeUnknown from behind the edge names its offers and forms, and carries what
    it completed, in the port's text ids."""
    try:
        yield
    except AllegroError as error:
        if isinstance(error, OutcomeUnknown):
            error.offer_ids = tuple(text(i) for i in error.offer_ids)
            error.form_ids = tuple(text(i) for i in error.form_ids)
        completed = getattr(error, "completed", None)
        if completed:
            error.completed = tuple(_out(r) for r in completed)
        raise
