"""RestMarketplace: the engine's port over Allegro's REST API (FACTS §9).

Ids are Allegro's own values (offer numbers, checkout form and line item UUIDs, event
ids), as the port carries them. Each command's UUID
is in the ledger (rest/ledger.py) BEFORE it is sent; after a lost answer or a crash its
report is read by that id, and only a command Allegro never received (404) goes again.
A shipment whose answer was lost is looked for among the form's shipments.
"""
from __future__ import annotations

import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from core.allegro.batching import chunks
from core.allegro.errors import AllegroError, InvalidRequest, InvalidResponse, OutcomeUnknown
from core.allegro.outcomes import Outcome, of_http_status
from core.allegro.port import (
    FinishRequest,
    FinishResult,
    JournalDeal,
    LoginInfo,
    Offer,
    OfferFormat,
    OfferState,
    Package,
    PostBuyForm,
    Progress,
    QuantityChange,
    QuantityResult,
    RelistRequest,
    RelistResult,
    TrackingResult,
    VerifiedOffer,
)
from core.allegro.rest import answers
from core.allegro.rest.form_pages import PAGE_SIZE as FORMS_PAGE
from core.allegro.rest.form_pages import FormPages
from core.allegro.rest.http import Answer, RestTransport, SentNoAnswer, TokenSource
from core.allegro.rest.ledger import CommandLedger, LedgerEntry, MemoryLedger
from core.allegro.rest.vocabulary import EVENT_TYPES, OPERATOR_CARRIERS, OTHER_NAMES
from core.i18n import N_, _

MAX_COMMAND_OFFERS = 1000  # offers in one quantity or publication command (FACTS §3.1, §4)
PAGE = 1000  # offers a page of GET /sale/offers
COMMAND_PATHS = {"quantity": "/sale/offer-quantity-change-commands", "publication": "/sale/offer-publication-commands"}
REPORT_POLL = 0.25  # seconds between reads of a command's report
REPORT_WAIT = 120.0  # how long a command's tasks may stay NEW before the outcome is unknown

EVENTS_PAGE = 1000
Settled = tuple[Outcome, "dict | None", str]  # an offer's outcome, its task, the reason


class RestMarketplace:
    """The Marketplace port over REST. `tokens` has access_token() and refreshed(rejected)."""

    forms_per_call = FORMS_PAGE  # the engine asks for checkout forms a page at a time

    def __init__(
        self,
        api_base: str,
        tokens: TokenSource,
        *,
        timeout: float = 30.0,
        ledger: CommandLedger | None = None,
        report_wait: float = REPORT_WAIT,
        sleep: Callable[[float], None] = time.sleep,
        transport=None,
    ) -> None:
        self.http = RestTransport(api_base, tokens, timeout=timeout, sleep=sleep, transport=transport)
        self.ledger = ledger or MemoryLedger()
        self.report_wait = report_wait
        self.merged_away: list[str] = []  # form ids that answered 404 (merged into another)
        self.checkout_forms = FormPages()  # each form's purchase time from the events: forms are read in pages
        self._carriers: set[str] | None = None
        self.sleep = sleep

    @property
    def calls(self) -> int:
        return self.http.calls

    def close(self) -> None:
        self.http.close()

    # -- reads ------------------------------------------------------------------------------
    def _read(self, path: str, params=None) -> dict:
        return self._get(path, params).body

    def _get(self, path: str, params=None) -> Answer:
        """A GET that answered 200 with a JSON object; anything else stops the sync."""
        try:
            answer = self.http.request("GET", path, params=params)
        except SentNoAnswer as lost:
            raise lost.error from None
        if answer.status != 200 or not isinstance(answer.body, dict):
            raise answers.error_of(answer, f"GET {path}")
        return answer

    def current_version_key(self) -> int:
        """REST has no Api Key Version: always 0, which the engine never has to follow."""
        return 0

    def login(self) -> LoginInfo:
        """GET /me: the account, and Allegro's time from the answer's Date header."""
        answer = self._get("/me")
        try:
            server_time = parsedate_to_datetime(answer.headers.get("date", "")).astimezone(UTC)
        except (TypeError, ValueError):
            server_time = None
        try:
            return LoginInfo(user_id=int(answer.body["id"]), version_key=0, server_time=server_time)
        except (KeyError, TypeError, ValueError):
            raise InvalidResponse("GET /me", "no account id") from None

    def account_login(self) -> str:
        """The login of the account the token belongs to (GET /me)."""
        return str(self._read("/me").get("login") or "")

    def offers(self, states: Iterable[OfferState] = (OfferState.ACTIVE,)) -> Iterator[Offer]:
        wanted = set(states)
        statuses = []
        if OfferState.ACTIVE in wanted:
            statuses.append("ACTIVE")
        if OfferState.SCHEDULED in wanted:
            statuses.append("ACTIVATING")
        if wanted & {OfferState.SOLD, OfferState.NOT_SOLD}:
            statuses.append("ENDED")
        if not statuses:
            return
        offset = 0
        while True:
            page = self._read(
                "/sale/offers", [("limit", PAGE), ("offset", offset)] + [("publication.status", s) for s in statuses]
            )
            rows = page.get("offers") or []
            for row in rows:
                offer = answers.offer(row)
                if offer.state in wanted:
                    yield offer
            offset += len(rows)
            if not rows or offset >= int(page.get("totalCount") or 0):
                return

    def offers_by_id(self, offer_ids: Iterable[str]) -> list[Offer]:
        ids = list(dict.fromkeys(str(i) for i in offer_ids))
        found: list[Offer] = []
        for chunk in chunks(ids, 100):  # keeps the query string short
            page = self._read("/sale/offers", {"offer.id": ",".join(map(str, chunk)), "limit": PAGE})
            found.extend(answers.offer(row) for row in page.get("offers") or [])
        return found

    def journal(self, start: str | None) -> Iterator[list[JournalDeal]]:
        """/order/events after event `start` (Allegro's event id), one JournalDeal a line item."""
        after = start or None
        while True:
            params = {"limit": EVENTS_PAGE}
            if after:
                params["from"] = after
            events = self._read("/order/events", params).get("events") or []
            page = [deal for event in events for deal in self._deals(event)]
            if page:
                yield page
            if len(events) < EVENTS_PAGE:
                return
            after = str(events[-1]["id"])

    def _deals(self, event: dict) -> list[JournalDeal]:
        try:
            event_id = str(event["id"])
            kind = EVENT_TYPES.get(event.get("type"), 0)
            order = event.get("order") or {}
            form = (order.get("checkoutForm") or {}).get("id")
            form_id = str(form) if form else ""
            buyer = answers.integer((order.get("buyer") or {}).get("id"))
            when = answers.time_of(event.get("occurredAt")) or datetime.now(UTC)
            items = order.get("lineItems") or []
            if form:
                self.checkout_forms.note(str(form), items, (order.get("checkoutForm") or {}).get("revision"))
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidResponse("GET /order/events", str(error)) from None
        if not items:  # an event with no line items still moves the cursor
            return [JournalDeal(event_id, kind, when, "", form_id, "", buyer, 0)]
        return [
            JournalDeal(
                event_id=event_id,
                event_type=kind,
                event_time=when,
                deal_id=str(item.get("id") or ""),
                transaction_id=form_id,
                offer_id=str((item.get("offer") or {}).get("id") or ""),
                buyer_id=buyer,
                quantity=answers.integer(item.get("quantity")),
            )
            for item in items
        ]

    def post_buy_forms(self, form_ids: Iterable[str]) -> list[PostBuyForm]:
        """Checkout forms, in pages of their purchase window where that is fewer calls
        (rest/form_pages.py). A form merged into another answers 404: left out (its
        purchases come again under the new form's events), and noted in `merged_away`.
        An id that is not a checkout form's UUID is never sent: Allegro knows no such form."""
        wanted = {f: f for f in dict.fromkeys(str(i) for i in form_ids) if answers.is_uuid(f)}
        read = self.checkout_forms.read(self.http.request, wanted)
        self.merged_away.extend(read.missing)
        return [answers.form(form_id, body) for form_id, body in read.forms]

    def verify(self, local_ids: Iterable[int]) -> list[VerifiedOffer]:  # localIds are WebAPI-only
        return [VerifiedOffer(local_id=i, offer_id=None, listed=-1) for i in local_ids]

    # -- commands -----------------------------------------------------------------------------
    def _commands(self, kind: str, target: str, offer_ids: list[str], body_of: Callable[[list[str]], dict]) -> dict[str, Settled]:
        """Each offer's outcome of `target` by commands of `kind` (≤1000 offers), open ledger entries first."""
        settled = self._settle_open(kind, target, offer_ids, body_of)
        todo = [i for i in offer_ids if i not in settled]
        for chunk in chunks(todo, MAX_COMMAND_OFFERS):
            outcome, tasks, reason = self._send(kind, target, chunk, body_of(chunk))
            settled.update({i: (outcome, tasks.get(i), reason) for i in chunk})
        return settled

    def _settle_open(self, kind: str, target: str, offer_ids: list[str], body_of) -> dict[str, Settled]:
        """Open entries of these offers: the same target is read (sent again under its id on 404)."""
        wanted, settled = set(offer_ids), {}
        for entry in self.ledger.unsettled(kind):
            overlap = [i for i in entry.offer_ids if i in wanted and i not in settled]
            if not overlap:
                continue
            same = entry.target == target
            outcome, tasks, reason = self.read_command(kind, entry.command_id, wait=same)
            if same and outcome is Outcome.REFUSED and set(entry.offer_ids) <= wanted:
                ids = list(entry.offer_ids)
                outcome, tasks, reason = self._send(kind, target, ids, body_of(ids), entry.command_id)
                overlap = ids
            elif outcome is not Outcome.UNKNOWN:
                self.ledger.settle(entry.command_id)
            if same and outcome is not Outcome.REFUSED:
                settled.update({i: (outcome, tasks.get(i), reason) for i in overlap})
        return settled

    def _send(self, kind: str, target: str, chunk: list[str], body: dict, command_id: str | None = None) -> tuple[Outcome, dict[str, dict], str]:
        """PUT one command under an id in the ledger, then read its tasks. A lost answer with no
        command behind it (404) goes again under the same id: Allegro refuses a reused id (409)."""
        fresh = command_id is None
        if command_id is None:
            command_id = str(uuid.uuid4())
            self.ledger.record(LedgerEntry(kind, command_id, tuple(chunk), target))
        for attempt in (1, 2):
            try:
                answer = self.http.request("PUT", f"{COMMAND_PATHS[kind]}/{command_id}", body=body)
            except SentNoAnswer:
                answer = None
            except AllegroError as error:  # nothing left (connection refused), or a 429 we gave up on
                if fresh and attempt == 1:
                    self.ledger.settle(command_id)
                    return Outcome.REFUSED, {}, error.message
                return Outcome.UNKNOWN, {}, error.message
            lost = answer is None or answer.status >= 500
            sent_before = answer is not None and answer.status == 409  # an earlier try under this id arrived
            if not (lost or sent_before) and answer.status not in (200, 201):
                self.ledger.settle(command_id)
                return of_http_status(answer.status), {}, answers.reason(answer)
            outcome, tasks, reason = self.read_command(kind, command_id)
            if outcome is Outcome.REFUSED and lost and attempt == 1:
                continue
            if outcome is Outcome.REFUSED and (lost or sent_before or not fresh):
                outcome = Outcome.UNKNOWN  # it may still be on its way: the ledger keeps it open
            if outcome is not Outcome.UNKNOWN:
                self.ledger.settle(command_id)
            return outcome, tasks, reason
        raise AssertionError("unreachable")
    def read_command(self, kind: str, command_id: str, wait: bool = True) -> tuple[Outcome, dict[str, dict], str]:
        """A command's tasks by its id: what a lost answer or a crash is settled with.
        404 is REFUSED (Allegro never got it); tasks still NEW are read again while `wait`."""
        waited = 0.0
        while True:
            outcome, tasks, reason = self._tasks(kind, command_id)
            if outcome is not Outcome.DONE:
                return outcome, tasks, reason
            if all(t.get("status") in ("SUCCESS", "FAIL") for t in tasks.values()):
                return Outcome.DONE, tasks, ""
            if not wait or waited >= self.report_wait:
                return Outcome.UNKNOWN, {}, _not_said()
            self.sleep(REPORT_POLL)
            waited += REPORT_POLL

    def _tasks(self, kind: str, command_id: str) -> tuple[Outcome, dict[str, dict], str]:
        """Every task page of a command (no summary call)."""
        tasks: dict[str, dict] = {}
        offset = 0
        while True:
            try:
                page = self.http.request(
                    "GET", f"{COMMAND_PATHS[kind]}/{command_id}/tasks", params={"limit": 1000, "offset": offset}
                )
            except (SentNoAnswer, AllegroError):
                return Outcome.UNKNOWN, {}, _not_said()
            if page.status == 404:
                return Outcome.REFUSED, {}, "the command never reached Allegro"
            if page.status != 200 or not isinstance(page.body, dict):
                return Outcome.UNKNOWN, {}, _not_said()
            rows = page.body.get("tasks") or []
            for task in rows:
                try:
                    tasks[str(task["offer"]["id"])] = task
                except (KeyError, TypeError, ValueError):
                    continue
            offset += len(rows)
            if len(rows) < 1000 or offset >= 1000:
                return Outcome.DONE, tasks, ""

    def change_quantities(self, changes: Iterable[QuantityChange], progress: Progress | None = None) -> list[QuantityResult]:
        """Offers that get the same value share a command (≤1000 each); 0 ends the offer by PATCH."""
        changes = [replace(c, offer_id=str(c.offer_id)) for c in changes]
        by_value: dict[int, list[str]] = defaultdict(list)
        results: list[QuantityResult] = []
        for change in changes:
            if change.quantity_left < 1:
                results.append(self._patch_stock(change.offer_id, 0))
            else:
                by_value[change.quantity_left].append(change.offer_id)
        for value, ids in by_value.items():
            settled = self._commands("quantity", str(value), ids, lambda chunk, v=value: _quantity_body(chunk, v))
            results.extend(answers.quantity_result(i, value, *settled[i]) for i in ids)
            if progress:
                progress(len(results), len(changes))
        return results

    def _patch_stock(self, offer_id: str, value: int) -> QuantityResult:
        try:
            answer = self.http.request("PATCH", f"/sale/product-offers/{offer_id}", body={"stock": {"available": value}})
        except SentNoAnswer:
            return QuantityResult(offer_id, ok=False, error_code="UNKNOWN", message="no answer", may_land_late=True)
        if answer.status in (200, 202):
            return QuantityResult(offer_id, ok=True, quantity_left=value)
        code, message = answers.first_error(answer)
        return QuantityResult(offer_id, ok=False, error_code=code, message=message)

    def finish(self, requests: Iterable[FinishRequest], progress: Progress | None = None) -> list[FinishResult]:
        return self._publish("END", [str(r.offer_id) for r in requests], progress)

    def _publish(self, action: str, ids: list[str], progress: Progress | None, start_at=None) -> list[FinishResult]:
        publication = {"action": action}
        if start_at is not None:
            publication["scheduledFor"] = start_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        target = f"{action}@{publication['scheduledFor']}" if start_at is not None else action
        settled = self._commands(
            "publication", target, ids, lambda chunk: {"publication": publication, "offerCriteria": _criteria(chunk)}
        )
        results = [answers.finish_result(i, *settled[i]) for i in ids]
        if progress:
            progress(len(results), len(ids))
        return results

    def relist(self, requests: Iterable[RelistRequest], progress: Progress | None = None) -> list[RelistResult]:
        """Buy-now offers: stock first when sold out (1; the engine then sets the stock's
        quantity), then ACTIVATE under the same id. Auctions: a new offer from the old one's data."""
        requests = [replace(r, offer_id=str(r.offer_id)) for r in requests]
        if not requests:
            return []
        known = {o.offer_id: o for o in self.offers_by_id(r.offer_id for r in requests)}
        results: list[RelistResult] = []
        buy_now = []
        for r in requests:
            if r.offer_id not in known:
                results.append(RelistResult(r.offer_id, r.local_id, ok=False, error_code="OfferNotFoundException",
                                            message="Allegro archived this offer (ended more than 60 days ago)."))
            elif known[r.offer_id].format is OfferFormat.AUCTION:
                results.append(self._relist_auction(r))
            else:
                buy_now.append(r)
        results += self._activate(buy_now, {r.offer_id for r in buy_now if known[r.offer_id].quantity < 1})
        if progress:
            progress(len(results), len(requests))
        return results

    def _activate(self, requests: list[RelistRequest], sold_out: set[str]) -> list[RelistResult]:
        """Stock 1 for the sold-out ones (the engine then sets the stock's quantity), then
        ACTIVATE, one command a start time; an offer whose stock was not set is not activated."""
        stocked = self._commands("quantity", "1", sorted(sold_out), lambda chunk: _quantity_body(chunk, 1)) if sold_out else {}
        results, ready = [], []
        for r in requests:
            stock = answers.quantity_result(r.offer_id, 1, *stocked[r.offer_id]) if r.offer_id in stocked else None
            if stock is None or stock.ok:
                ready.append(r)
            else:
                results.append(RelistResult(r.offer_id, r.local_id, ok=False, error_code=stock.error_code,
                                            message=stock.message, unknown=stock.may_land_late))
        for start_at in dict.fromkeys(r.start_at for r in ready):
            group = {r.offer_id: r for r in ready if r.start_at == start_at}
            results += [RelistResult(done.offer_id, group[done.offer_id].local_id, ok=done.ok,
                                     new_offer_id=done.offer_id if done.ok else None, scheduled=bool(start_at),
                                     error_code=done.error_code, message=done.message, unknown=done.unknown)
                        for done in self._publish("ACTIVATE", list(group), None, start_at)]
        return results

    def _relist_auction(self, request: RelistRequest) -> RelistResult:
        old = self._read(f"/sale/product-offers/{request.offer_id}")
        body = {k: old[k] for k in ("name", "category", "sellingMode", "stock", "productSet", "delivery", "location",
                                    "images", "description", "parameters", "payments", "external")
                if old.get(k) is not None}
        if request.duration_days:
            body["publication"] = {"duration": f"PT{request.duration_days * 24}H"}
        try:
            answer = self.http.request("POST", "/sale/product-offers", body=body)
        except SentNoAnswer:
            return RelistResult(request.offer_id, request.local_id, ok=False, unknown=True, error_code="UNKNOWN")
        if answer.status in (200, 201, 202) and isinstance(answer.body, dict) and answer.body.get("id"):
            return RelistResult(request.offer_id, request.local_id, ok=True, new_offer_id=str(answer.body["id"]))
        code, message = answers.first_error(answer)
        return RelistResult(request.offer_id, request.local_id, ok=False, error_code=code, message=message)

    def add_tracking(self, form_id: str, packages: Iterable[Package]) -> TrackingResult:
        """POST a shipment per number to the checkout form, with Allegro's carrier for the
        app's carrier (GET /order/carriers, read once); OTHER with its name otherwise. Each
        POST is in the ledger first; after a lost one the form's shipments are read first."""
        form = str(form_id)
        if not answers.is_uuid(form):
            raise InvalidRequest("REST_UNKNOWN_FORM", message=N_("Allegro does not know this order."))
        on_allegro = self._shipped_after_lost_posts(form_id, form)
        added, wrong_carrier, wrong_number, reasons = [], [], [], []
        for package in packages:
            if package.tracking_number in on_allegro:
                added.append(package.tracking_number)
                continue
            answer = self._post_shipment(form_id, form, self._waybill(package))
            if answer.status in (200, 201):
                added.append(package.tracking_number)
                continue
            code, message = answers.first_error(answer)
            (wrong_carrier if code == "CarrierIdValidationException" else wrong_number).append(package.tracking_number)
            if message:
                reasons.append((package.tracking_number, message))
        return TrackingResult(form_id, tuple(added), tuple(wrong_carrier), tuple(wrong_number), tuple(reasons))

    def _post_shipment(self, form_id: str, form: str, body: dict) -> Answer:
        entry = LedgerEntry("shipment", str(uuid.uuid4()), (form_id,), body["waybill"])
        self.ledger.record(entry)
        try:
            answer = self.http.request("POST", f"/order/checkout-forms/{form}/shipments", body=body)
        except SentNoAnswer as lost:
            raise OutcomeUnknown("shipments", form_ids=[form_id], cause=lost.error) from None
        except AllegroError:
            self.ledger.settle(entry.command_id)
            raise
        if answer.status >= 500:
            raise OutcomeUnknown("shipments", form_ids=[form_id])
        if answer.status not in (200, 201):  # a posted one stays open till the form's next tracking reads it
            self.ledger.settle(entry.command_id)
        return answer

    def _shipped_after_lost_posts(self, form_id: str, form: str) -> set[str]:
        """The waybills on the form when an earlier POST to it may have been made (its answer
        lost, or the run killed before the app kept it); else none, and no call."""
        lost = self.ledger.unsettled("shipment", (form_id,))
        if not lost:
            return set()
        listed = self._read(f"/order/checkout-forms/{form}/shipments").get("shipments") or []
        for entry in lost:
            self.ledger.settle(entry.command_id)
        return {str(s.get("waybill")) for s in listed if isinstance(s, dict)}

    def _waybill(self, package: Package) -> dict:
        if self._carriers is None:
            listed = self._read("/order/carriers").get("carriers") or []
            self._carriers = {str(c.get("id")) for c in listed if isinstance(c, dict)}
        carrier = OPERATOR_CARRIERS.get(package.carrier_id)
        if carrier and carrier in self._carriers:
            return {"carrierId": carrier, "waybill": package.tracking_number}
        name = package.carrier_name or OTHER_NAMES.get(package.carrier_id, "")
        return {"carrierId": "OTHER", "waybill": package.tracking_number, "carrierName": name[:30]}



def _criteria(offer_ids: list[str]) -> list[dict]:
    return [{"type": "CONTAINS_OFFERS", "offers": [{"id": str(i)} for i in offer_ids]}]


def _quantity_body(offer_ids: list[str], value: int) -> dict:
    return {"modification": {"changeType": "FIXED", "value": value}, "offerCriteria": _criteria(offer_ids)}


def _not_said() -> str:
    return _("Allegro has not said yet whether it made this change; the app checks again at the next sync.")
