"""RestMarketplace: the engine's port over Allegro's REST API (FACTS §9).

Offer ids are Allegro's numeric strings, carried as ints by the port. Writes are
commands with a client-made UUID: `remember_command` is called with it BEFORE the
command is sent, and when the answer is lost the command's report is read by that id
instead of sending again (a command Allegro never received answers 404: refused).
"""
from __future__ import annotations

import time
import uuid
from email.utils import parsedate_to_datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from core.allegro.batching import chunks
from core.allegro.errors import AllegroError, InvalidRequest, InvalidResponse, LoginRejected, OutcomeUnknown
from core.allegro.outcomes import Outcome, of_http_status
from core.allegro.port import (
    Address,
    FinishRequest,
    FormItem,
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
from core.allegro.rest.ids import IdBook, MemoryIds
from core.allegro.rest.http import Answer, RestTransport, SentNoAnswer, TokenSource

MAX_COMMAND_OFFERS = 1000  # offers in one quantity or publication command (FACTS §3.1, §4)
PAGE = 1000  # offers a page of GET /sale/offers
QUANTITY_COMMANDS = "/sale/offer-quantity-change-commands"
PUBLICATION_COMMANDS = "/sale/offer-publication-commands"
REPORT_POLL = 0.25  # seconds between reads of a command's report
REPORT_WAIT = 120.0  # how long a command's tasks may stay NEW before the outcome is unknown

EVENTS_PAGE = 1000
# REST order events as the journal's types: 1 bought, 2 form filled, 3 cancelled, 4 paid
EVENT_TYPES = {"BOUGHT": 1, "FILLED_IN": 2, "BUYER_MODIFIED": 2, "BUYER_CANCELLED": 3, "AUTO_CANCELLED": 3,
               "READY_FOR_PROCESSING": 4, "FULFILLMENT_STATUS_CHANGED": 2}
# The app's carriers (Allegro's WebAPI operator ids) as REST carrier ids; the rest go as OTHER.
OPERATOR_CARRIERS = {1: "UPS", 2: "GLS", 4: "DHL", 5: "INPOST", 6: "POCZTA_POLSKA", 7: "DPD", 9: "DPD",
                     10: "FEDEX", 11: "TNT", 12: "DB_SCHENKER", 13: "RABEN", 14: "GEIS", 15: "POCZTEX",
                     18: "PATRON_SERVICE"}
OTHER_NAMES = {3: "Ruch", 16: "DTS", 17: "PEKAES"}
STATES = {"ACTIVE": OfferState.ACTIVE, "ACTIVATING": OfferState.SCHEDULED}
CommandMemo = Callable[[str, str, list[int]], None]  # (kind, command id, offer ids)


class RestMarketplace:
    """The Marketplace port over REST. `tokens` has access_token() and refreshed(rejected)."""

    def __init__(
        self,
        api_base: str,
        tokens: TokenSource,
        *,
        timeout: float = 30.0,
        remember_command: CommandMemo | None = None,
        report_wait: float = REPORT_WAIT,
        sleep: Callable[[float], None] = time.sleep,
        transport=None,
        ids: IdBook | None = None,
    ) -> None:
        self.http = RestTransport(api_base, tokens, timeout=timeout, sleep=sleep, transport=transport)
        self.remember_command = remember_command or (lambda kind, command_id, offer_ids: None)
        self.report_wait = report_wait
        self.ids = ids or MemoryIds()
        self.merged_away: list[int] = []
        self._carriers: set[str] | None = None  # form numbers that answered 404 (merged into another)
        self.sleep = sleep

    @property
    def calls(self) -> int:
        return self.http.calls

    def close(self) -> None:
        self.http.close()

    # -- reads ------------------------------------------------------------------------------
    def _read(self, path: str, params=None) -> dict:
        try:
            answer = self.http.request("GET", path, params=params)
        except SentNoAnswer as lost:
            raise lost.error from None
        if answer.status != 200 or not isinstance(answer.body, dict):
            raise _error_of(answer, f"GET {path}")
        return answer.body

    def current_version_key(self) -> int:
        """REST has no Api Key Version: always 0, which the engine never has to follow."""
        return 0

    def login(self) -> LoginInfo:
        """GET /me: the account, and Allegro's time from the answer's Date header."""
        try:
            answer = self.http.request("GET", "/me")
        except SentNoAnswer as lost:
            raise lost.error from None
        if answer.status != 200 or not isinstance(answer.body, dict):
            raise _error_of(answer, "GET /me")
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
                offer = _offer(row)
                if offer.state in wanted:
                    yield offer
            offset += len(rows)
            if not rows or offset >= int(page.get("totalCount") or 0):
                return

    def offers_by_id(self, offer_ids: Iterable[int]) -> list[Offer]:
        ids = list(dict.fromkeys(int(i) for i in offer_ids))
        found: list[Offer] = []
        for chunk in chunks(ids, 100):  # keeps the query string short
            page = self._read("/sale/offers", {"offer.id": ",".join(map(str, chunk)), "limit": PAGE})
            found.extend(_offer(row) for row in page.get("offers") or [])
        return found

    def journal(self, start: int | None) -> Iterator[list[JournalDeal]]:
        """/order/events after event `start`, one JournalDeal a line item; checkout forms,
        line items and events are numbered through the ids book (UUIDs → port numbers)."""
        after = self.ids.value("event", start) if start else None
        if start and after is None:
            raise InvalidRequest(
                "REST_UNKNOWN_CURSOR",
                message="The app lost track of where it stopped reading Allegro's orders; set the date to import orders from again.",
                message_pl="Program nie wie, gdzie skończył czytać zamówienia z Allegro; ustaw ponownie datę, od której importować zamówienia.",
            )
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
            event_id = self.ids.number("event", str(event["id"]))
            kind = EVENT_TYPES.get(event.get("type"), 0)
            order = event.get("order") or {}
            form = (order.get("checkoutForm") or {}).get("id")
            form_number = self.ids.number("form", str(form)) if form else 0
            buyer = _int((order.get("buyer") or {}).get("id"))
            when = _time(event.get("occurredAt")) or datetime.now(UTC)
            items = order.get("lineItems") or []
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidResponse("GET /order/events", str(error)) from None
        if not items:  # an event with no line items still moves the cursor
            return [JournalDeal(event_id, kind, when, 0, form_number, 0, buyer, 0)]
        return [
            JournalDeal(
                event_id=event_id,
                event_type=kind,
                event_time=when,
                deal_id=self.ids.number("line", str(item.get("id"))),
                transaction_id=form_number,
                offer_id=_int((item.get("offer") or {}).get("id")),
                buyer_id=buyer,
                quantity=_int(item.get("quantity")),
            )
            for item in items
        ]

    def post_buy_forms(self, form_ids: Iterable[int]) -> list[PostBuyForm]:
        """Checkout forms by id. A form merged into another answers 404: left out (its
        purchases come again under the new form's events), and noted in `merged_away`."""
        forms: list[PostBuyForm] = []
        for number in dict.fromkeys(form_ids):
            uuid_value = self.ids.value("form", number)
            if uuid_value is None:
                continue
            try:
                answer = self.http.request("GET", f"/order/checkout-forms/{uuid_value}")
            except SentNoAnswer as lost:
                raise lost.error from None
            if answer.status == 404:
                self.merged_away.append(number)
                continue
            if answer.status != 200 or not isinstance(answer.body, dict):
                raise _error_of(answer, "GET /order/checkout-forms/{id}")
            forms.append(_form(number, answer.body))
        return forms

    def verify(self, local_ids: Iterable[int]) -> list[VerifiedOffer]:
        """localIds belong to the WebAPI; a REST relist carries its own answer."""
        return [VerifiedOffer(local_id=i, offer_id=None, listed=-1) for i in local_ids]

    # -- commands -----------------------------------------------------------------------------
    def _command(self, kind: str, body: dict, offer_ids: list[int]) -> tuple[Outcome, dict[int, dict], str]:
        """Send one command and wait for its tasks. (outcome, task by offer id, reason)."""
        command_id = str(uuid.uuid4())
        self.remember_command(kind, command_id, offer_ids)
        path = f"{kind}/{command_id}"
        try:
            answer = self.http.request("PUT", path, body=body)
        except SentNoAnswer:
            answer = None
        except AllegroError as error:  # nothing left (connection refused), or a 429 we gave up on
            return Outcome.REFUSED, {}, error.message
        if answer is None or answer.status >= 500:
            return self.read_command(kind, command_id)
        if answer.status not in (200, 201):
            return of_http_status(answer.status), {}, _reason(answer)
        return self.read_command(kind, command_id)

    def read_command(self, kind: str, command_id: str) -> tuple[Outcome, dict[int, dict], str]:
        """A command's tasks by its id: what a lost answer or a crash is settled with. The
        task pages are read directly (no summary call); tasks still NEW are read again."""
        waited = 0.0
        while True:
            tasks: dict[int, dict] = {}
            offset = 0
            while True:
                try:
                    page = self.http.request(
                        "GET", f"{kind}/{command_id}/tasks", params={"limit": 1000, "offset": offset}
                    )
                except (SentNoAnswer, AllegroError) as error:
                    return Outcome.UNKNOWN, {}, str(error)
                if page.status == 404:
                    return Outcome.REFUSED, {}, "the command never reached Allegro"
                if page.status != 200 or not isinstance(page.body, dict):
                    return Outcome.UNKNOWN, {}, _reason(page)
                rows = page.body.get("tasks") or []
                for task in rows:
                    try:
                        tasks[int(task["offer"]["id"])] = task
                    except (KeyError, TypeError, ValueError):
                        continue
                offset += len(rows)
                if len(rows) < 1000 or offset >= 1000:
                    break
            if all(t.get("status") in ("SUCCESS", "FAIL") for t in tasks.values()):
                return Outcome.DONE, tasks, ""
            if waited >= self.report_wait:
                return Outcome.UNKNOWN, {}, "Allegro has not finished the command yet"
            self.sleep(REPORT_POLL)
            waited += REPORT_POLL

    def change_quantities(self, changes: Iterable[QuantityChange], progress: Progress | None = None) -> list[QuantityResult]:
        """Offers that get the same value share a command (≤1000 each); 0 ends the offer by PATCH."""
        changes = list(changes)
        by_value: dict[int, list[int]] = defaultdict(list)
        results: list[QuantityResult] = []
        for change in changes:
            if change.quantity_left < 1:
                results.append(self._patch_stock(change.offer_id, 0))
            else:
                by_value[change.quantity_left].append(change.offer_id)
        for value, ids in by_value.items():
            for chunk in chunks(ids, MAX_COMMAND_OFFERS):
                body = {
                    "modification": {"changeType": "FIXED", "value": value},
                    "offerCriteria": _criteria(chunk),
                }
                outcome, tasks, reason = self._command(QUANTITY_COMMANDS, body, chunk)
                for offer_id in chunk:
                    results.append(_quantity_result(offer_id, value, outcome, tasks.get(offer_id), reason))
                if progress:
                    progress(len(results), len(changes))
        return results

    def _patch_stock(self, offer_id: int, value: int) -> QuantityResult:
        try:
            answer = self.http.request("PATCH", f"/sale/product-offers/{offer_id}", body={"stock": {"available": value}})
        except SentNoAnswer:
            return QuantityResult(offer_id, ok=False, error_code="UNKNOWN", message="no answer", may_land_late=True)
        if answer.status in (200, 202):
            return QuantityResult(offer_id, ok=True, quantity_left=value)
        code, message = _first_error(answer)
        return QuantityResult(offer_id, ok=False, error_code=code, message=message)

    def finish(self, requests: Iterable[FinishRequest], progress: Progress | None = None) -> list[FinishResult]:
        return self._publish("END", [r.offer_id for r in requests], progress)

    def _publish(self, action: str, ids: list[int], progress: Progress | None) -> list[FinishResult]:
        results: list[FinishResult] = []
        for chunk in chunks(ids, MAX_COMMAND_OFFERS):
            body = {"publication": {"action": action}, "offerCriteria": _criteria(chunk)}
            outcome, tasks, reason = self._command(PUBLICATION_COMMANDS, body, chunk)
            for offer_id in chunk:
                task = tasks.get(offer_id)
                if outcome is Outcome.DONE and task and task.get("status") == "SUCCESS":
                    results.append(FinishResult(offer_id, ok=True))
                elif outcome is Outcome.DONE and task and task.get("status") == "FAIL":
                    code, message = _task_error(task)
                    results.append(FinishResult(offer_id, ok=False, error_code=code, message=message))
                elif outcome is Outcome.REFUSED:
                    results.append(FinishResult(offer_id, ok=False, error_code="REFUSED", message=reason))
                else:
                    results.append(FinishResult(offer_id, ok=False, error_code="UNKNOWN", message=reason, unknown=True))
            if progress:
                progress(len(results), len(ids))
        return results

    def relist(self, requests: Iterable[RelistRequest], progress: Progress | None = None) -> list[RelistResult]:
        """Buy-now offers: ACTIVATE under the same id (stock is raised first by the caller's
        quantity change). Auctions: a new offer from the old one's data."""
        requests = list(requests)
        if not requests:
            return []
        known = {o.offer_id: o for o in self.offers_by_id(r.offer_id for r in requests)}
        results: list[RelistResult] = []
        buy_now = [r for r in requests if r.offer_id in known and known[r.offer_id].format is OfferFormat.BUY_NOW]
        for r in requests:
            if r.offer_id not in known:
                results.append(RelistResult(r.offer_id, r.local_id, ok=False, error_code="OfferNotFoundException",
                                            message="Allegro archived this offer (ended more than 60 days ago)."))
            elif known[r.offer_id].format is OfferFormat.AUCTION:
                results.append(self._relist_auction(r))
        for done in self._publish("ACTIVATE", [r.offer_id for r in buy_now], None):
            request = next(r for r in buy_now if r.offer_id == done.offer_id)
            results.append(RelistResult(done.offer_id, request.local_id, ok=done.ok,
                                        new_offer_id=done.offer_id if done.ok else None,
                                        error_code=done.error_code, message=done.message, unknown=done.unknown))
        if progress:
            progress(len(results), len(requests))
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
            return RelistResult(request.offer_id, request.local_id, ok=True, new_offer_id=int(answer.body["id"]))
        code, message = _first_error(answer)
        return RelistResult(request.offer_id, request.local_id, ok=False, error_code=code, message=message)

    def add_tracking(self, form_id: int, packages: Iterable[Package]) -> TrackingResult:
        """POST a shipment per number to the checkout form, with Allegro's carrier for the
        app's carrier (GET /order/carriers, read once); OTHER with its name otherwise."""
        form = self.ids.value("form", form_id)
        if form is None:
            raise InvalidRequest("REST_UNKNOWN_FORM", message="Allegro does not know this order.",
                                 message_pl="Allegro nie zna tego zamówienia.")
        added, wrong_carrier, wrong_number, reasons = [], [], [], []
        for package in packages:
            body = self._waybill(package)
            try:
                answer = self.http.request("POST", f"/order/checkout-forms/{form}/shipments", body=body)
            except SentNoAnswer as lost:
                raise OutcomeUnknown("shipments", form_ids=[form_id], cause=lost.error) from None
            if answer.status in (200, 201):
                added.append(package.tracking_number)
                continue
            if answer.status >= 500:
                raise OutcomeUnknown("shipments", form_ids=[form_id])
            code, message = _first_error(answer)
            if code == "CarrierIdValidationException":
                wrong_carrier.append(package.tracking_number)
            else:
                wrong_number.append(package.tracking_number)
            if message:
                reasons.append((package.tracking_number, message))
        return TrackingResult(form_id, tuple(added), tuple(wrong_carrier), tuple(wrong_number), tuple(reasons))

    def _waybill(self, package: Package) -> dict:
        if self._carriers is None:
            listed = self._read("/order/carriers").get("carriers") or []
            self._carriers = {str(c.get("id")) for c in listed if isinstance(c, dict)}
        carrier = OPERATOR_CARRIERS.get(package.carrier_id)
        if carrier and carrier in self._carriers:
            return {"carrierId": carrier, "waybill": package.tracking_number}
        name = package.carrier_name or OTHER_NAMES.get(package.carrier_id, "")
        return {"carrierId": "OTHER", "waybill": package.tracking_number, "carrierName": name[:30]}


def _criteria(offer_ids: list[int]) -> list[dict]:
    return [{"type": "CONTAINS_OFFERS", "offers": [{"id": str(i)} for i in offer_ids]}]


def _quantity_result(offer_id: int, value: int, outcome: Outcome, task: dict | None, reason: str) -> QuantityResult:
    if outcome is Outcome.DONE and task and task.get("status") == "SUCCESS":
        return QuantityResult(offer_id, ok=True, quantity_left=value)
    if outcome is Outcome.DONE and task and task.get("status") == "FAIL":
        code, message = _task_error(task)
        return QuantityResult(offer_id, ok=False, error_code=code, message=message)
    if outcome is Outcome.REFUSED:
        return QuantityResult(offer_id, ok=False, error_code="REFUSED", message=reason)
    # A FIXED value is harmless to send again, but it may still land: the sync reads it back.
    return QuantityResult(offer_id, ok=False, error_code="UNKNOWN", message=reason, may_land_late=True)


def _task_error(task: dict) -> tuple[str, str]:
    errors = task.get("errors") or []
    first = errors[0] if errors and isinstance(errors[0], dict) else {}
    return str(first.get("code") or "FAIL"), str(first.get("userMessage") or first.get("message") or task.get("message") or "")


def _first_error(answer: Answer) -> tuple[str, str]:
    errors = answer.errors()
    if not errors:
        return f"HTTP_{answer.status}", ""
    first = errors[0]
    return str(first.get("code") or f"HTTP_{answer.status}"), str(first.get("userMessage") or first.get("message") or "")


def _reason(answer: Answer) -> str:
    code, message = _first_error(answer)
    return f"{code}: {message}" if message else code


def _error_of(answer: Answer, operation: str) -> AllegroError:
    code, message = _first_error(answer)
    if answer.status in (401, 403):
        return LoginRejected(code, message, message="Allegro refused this channel's login; connect it again.",
                             message_pl="Allegro odrzuciło logowanie tego kanału; połącz go ponownie.")
    if answer.status == 200:
        return InvalidResponse(operation, "not a JSON object")
    return InvalidRequest(code, message)


def _time(value) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def _money(value) -> Decimal:
    try:
        return Decimal(str((value or {}).get("amount") or "0"))
    except (InvalidOperation, AttributeError):
        return Decimal(0)


def _offer(row: dict) -> Offer:
    try:
        selling = row.get("sellingMode") or {}
        fmt = OfferFormat.AUCTION if selling.get("format") == "AUCTION" else OfferFormat.BUY_NOW
        stock = row.get("stock") or {}
        available, sold = int(stock.get("available") or 0), int(stock.get("sold") or 0)
        publication = row.get("publication") or {}
        status = publication.get("status")
        state = STATES.get(status) or (OfferState.SOLD if sold else OfferState.NOT_SOLD)
        price = _money(selling.get("price") or selling.get("startingPrice"))
        bids = int((row.get("saleInfo") or {}).get("biddersCount") or 0)
        return Offer(
            offer_id=int(row["id"]),
            title=str(row.get("name") or ""),
            format=fmt,
            state=state,
            quantity=available,
            start_quantity=available + sold,
            sold_quantity=sold,
            bids=bids,
            price=price,
            start_time=_time(publication.get("startedAt") or publication.get("startingAt")),
            end_time=_time(publication.get("endedAt") or publication.get("endingAt")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidResponse("GET /sale/offers", f"an offer that cannot be read: {error}") from None


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _form(number: int, body: dict) -> PostBuyForm:
    """A checkout form (GET /order/checkout-forms/{id}) as the port's post-buy form."""
    buyer = body.get("buyer") or {}
    delivery = body.get("delivery") or {}
    address = delivery.get("address") or {}
    payment = body.get("payment") or {}
    items = []
    bought = []
    for line in body.get("lineItems") or []:
        price = _money(line.get("price"))
        quantity = _int(line.get("quantity"))
        offer = line.get("offer") or {}
        items.append(FormItem(_int(offer.get("id")), str(offer.get("name") or ""), quantity, price, price * quantity))
        if _time(line.get("boughtAt")):
            bought.append(_time(line.get("boughtAt")))
    total = (body.get("summary") or {}).get("totalToPay") or {}
    cancelled = body.get("status") == "CANCELLED"
    name = " ".join(filter(None, (address.get("firstName"), address.get("lastName"))))
    return PostBuyForm(
        form_id=number,
        buyer_id=_int(buyer.get("id")),
        buyer_login=str(buyer.get("login") or ""),
        buyer_email=str(buyer.get("email") or ""),
        items=tuple(items),
        amount=_money(total),
        postage_amount=_money(delivery.get("cost")),
        pay_type=str(payment.get("type") or ""),
        pay_status="PAID" if payment.get("finishedAt") else str(body.get("status") or ""),
        created_at=min(bought) if bought else None,
        cancelled_at=(_time(body.get("updatedAt")) or datetime.now(UTC)) if cancelled else None,
        address=Address(
            full_name=name,
            company=str(address.get("companyName") or ""),
            street=str(address.get("street") or ""),
            postcode=str(address.get("zipCode") or ""),
            city=str(address.get("city") or ""),
            country=str(address.get("countryCode") or ""),
            phone=str(address.get("phoneNumber") or ""),
        ),
        message=str(body.get("messageToSeller") or ""),
        currency=str(total.get("currency") or "") or None,
    )
