"""Checkout forms read 100 a call: GET /order/checkout-forms over the purchase window the
journal's events show, instead of one GET /order/checkout-forms/{id} a form (FACTS §5.2).

The events carry each line item's `boughtAt`; the list filters on a form's latest one
(`lineItems.boughtAt.gte/lte`), so the forms a batch of events names are found in pages of
that window, oldest first. Whatever the pages do not return (a form merged into another,
a form bought outside the window, one whose purchase time no event showed) is read by its
id, so a merged form still answers 404. A page also keeps the forms of the window the
journal named but the caller has not asked for yet: the next batch gets them without a call. Forms are keyed by the caller's own ids, whatever
their type; only their UUIDs go to Allegro.
"""
from __future__ import annotations

import bisect
import math
import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Generic, TypeVar

from core.allegro.rest import answers
from core.allegro.rest.http import Answer, SentNoAnswer

Key = TypeVar("Key", bound=Hashable)
Request = Callable[..., Answer]  # RestTransport.request: (method, path, params=...) -> Answer

LIST_PATH = "/order/checkout-forms"
PAGE_SIZE = 100  # the most the list gives a call (limit 1..100)
MARGIN = timedelta(seconds=1)  # Allegro writes milliseconds; the window covers the rounding
# Purchases further apart than this start another window: the list between them would be
# forms read before (a late payment of an old purchase), not the ones asked for.
WINDOW_GAP = timedelta(hours=1)


class FormPages:
    """Each checkout form's latest line item purchase and revision, as the journal's events
    show them, and the forms read in pages. A page also keeps the forms the journal named
    that are not asked for yet (the sync asks 100 at a time); they are handed out later
    without another call while their revision is still the one the latest event showed."""

    def __init__(self) -> None:
        self._times: dict[str, datetime] = {}
        self._revisions: dict[str, str] = {}
        self._by_time: list[tuple[datetime, str]] = []  # (purchase, form), kept sorted
        self._handed: set[str] = set()  # read and handed out since their last event
        self._ahead: dict[str, dict] = {}  # read in a page before they were asked for
        self._lock = threading.Lock()  # notes and the cache
        self._paging = threading.Lock()  # one window at a time: a page read serves the next batch

    def note(self, form_uuid: str, line_items: list, revision=None) -> None:
        bought = [answers.time_of(item.get("boughtAt")) for item in line_items if isinstance(item, dict)]
        bought = [moment for moment in bought if moment is not None]
        with self._lock:
            self._handed.discard(form_uuid)  # a new event: the form is to be read again
            if revision:
                self._revisions[form_uuid] = str(revision)
            if not bought or self._times.get(form_uuid) == max(bought):
                return
            self._times[form_uuid] = max(bought)  # the latest event tells what the form holds now
            bisect.insort(self._by_time, (max(bought), form_uuid))

    def get(self, form_uuid: str) -> datetime | None:
        with self._lock:
            return self._times.get(form_uuid)

    def read(self, request: Request, wanted: Mapping[Key, str]) -> FormsRead[Key]:
        """The checkout forms `wanted` (caller's key → form UUID), each once: in pages of
        their purchase window where that is fewer calls, the rest by id. Raises as a lost
        or refused answer does (the engine runs the sync again)."""
        found: dict[str, dict] = {}
        with self._paging:
            for form_uuid in dict.fromkeys(wanted.values()):
                body = self._cached(form_uuid)
                if body is not None:
                    found[form_uuid] = body
            for window in _windows([u for u in wanted.values() if u not in found], self):
                found.update(self._page_through(request, window))
        result: FormsRead[Key] = FormsRead()
        for key, form_uuid in wanted.items():
            body = found.get(form_uuid)
            if body is None:
                body = _read_one(request, form_uuid)
                if body is None:
                    result.missing.append(key)
                    continue
                found[form_uuid] = body
            result.forms.append((key, body))
        with self._lock:
            self._handed.update(found)
        return result

    def _cached(self, form_uuid: str) -> dict | None:
        with self._lock:
            body = self._ahead.pop(form_uuid, None)
            latest = self._revisions.get(form_uuid)
        if body is not None and latest and str(body.get("revision") or "") == latest:
            return body
        return None

    def _named_between(self, first: datetime, last: datetime, asked: set[str]) -> set[str]:
        """Forms the journal named, bought in [first, last], not asked now nor handed out yet."""
        with self._lock:
            low = bisect.bisect_left(self._by_time, (first, ""))
            rows = self._by_time[low:bisect.bisect_right(self._by_time, (last, "\uffff"))]
            return {u for moment, u in rows if self._times.get(u) == moment and u not in asked
                    and u not in self._handed and u not in self._ahead}

    def _page_through(self, request: Request, window: _Window) -> dict[str, dict]:
        """The window's asked forms, oldest purchase first, while the pages left cost no
        more calls than reading the still-missing ones (asked or named ahead) by id."""
        first, last = window.first - MARGIN, window.last + MARGIN
        ahead = self._named_between(first, last, window.uuids)
        params = {
            "lineItems.boughtAt.gte": _stamp(first),
            "lineItems.boughtAt.lte": _stamp(last),
            "sort": "lineItems.boughtAt",
            "limit": PAGE_SIZE,
        }
        found: dict[str, dict] = {}
        offset = 0
        while True:
            page = _get(request, LIST_PATH, {**params, "offset": offset})
            rows = [row for row in page.get("checkoutForms") or [] if isinstance(row, dict)]
            for row in rows:
                form_uuid = str(row.get("id"))
                if form_uuid in window.uuids:
                    found[form_uuid] = row
                elif form_uuid in ahead:
                    ahead.discard(form_uuid)
                    with self._lock:
                        self._ahead[form_uuid] = row
            offset += len(rows)
            left = len(window.uuids) - len(found) + len(ahead)
            pages_left = math.ceil(max(_integer(page.get("totalCount")) - offset, 0) / PAGE_SIZE)
            if not rows or left == 0 or pages_left == 0 or pages_left > left:
                return found


@dataclass
class FormsRead(Generic[Key]):
    """The forms found (in the order asked) and the ones that answered 404 (merged away)."""

    forms: list[tuple[Key, dict]] = field(default_factory=list)
    missing: list[Key] = field(default_factory=list)


@dataclass
class _Window:
    uuids: set[str]
    first: datetime
    last: datetime


def _windows(uuids, bought: FormPages) -> list[_Window]:
    """The asked forms with a known purchase, grouped where purchases follow each other;
    a form alone in its group is cheaper read by id."""
    timed = sorted((moment, u) for u in dict.fromkeys(uuids) if (moment := bought.get(u)) is not None)
    groups: list[list[tuple[datetime, str]]] = []
    for moment, form_uuid in timed:
        if groups and moment - groups[-1][-1][0] <= WINDOW_GAP:
            groups[-1].append((moment, form_uuid))
        else:
            groups.append([(moment, form_uuid)])
    return [_Window({u for _, u in g}, g[0][0], g[-1][0]) for g in groups if len(g) > 1]


def _read_one(request: Request, form_uuid: str) -> dict | None:
    """GET /order/checkout-forms/{id}; None when Allegro no longer has it (merged: 404)."""
    try:
        answer = request("GET", f"{LIST_PATH}/{form_uuid}")
    except SentNoAnswer as lost:
        raise lost.error from None
    if answer.status == 404:
        return None
    if answer.status != 200 or not isinstance(answer.body, dict):
        raise answers.error_of(answer, "GET /order/checkout-forms/{id}")
    return answer.body


def _get(request: Request, path: str, params: dict) -> dict:
    try:
        answer = request("GET", path, params=params)
    except SentNoAnswer as lost:
        raise lost.error from None
    if answer.status != 200 or not isinstance(answer.body, dict):
        raise answers.error_of(answer, f"GET {path}")
    return answer.body


def _integer(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _stamp(moment: datetime) -> str:
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
