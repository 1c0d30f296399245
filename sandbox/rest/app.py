"""The REST face: a route table over the shared shop, with Allegro's rules at the door.

Order of checks for an API call: the route (404/405), ``Accept`` (406), the bearer
token (401) and its scope (403), the limits (429), injected faults, then the handler.
Every answer is JSON; nothing a client sends makes it crash or hang.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import time
import traceback
import uuid
from dataclasses import dataclass
from functools import partial
from typing import Callable

from ..sessions import SELLER_ID, SELLER_LOGIN
from ..shop import ControlError, Shop
from . import offers, orders, pages
from .commands import PUBLICATION, QUANTITY, CommandBook
from .errors import AuthFailure, RestError, wants_polish
from .limits import Limits, TooManyRequests
from .oauth import DEVICE_GRANT, VERIFICATION_PATH, OAuthBook
from .request import MAX_REST_BODY, MEDIA_TYPE, Request

log = logging.getLogger(__name__)

JSON_TYPE = "application/json;charset=UTF-8"
HTML_TYPE = "text/html; charset=utf-8"
PREFIXES = ("/auth/oauth/", "/me", "/sale/", "/order/", VERIFICATION_PATH)
READ_OFFERS, WRITE_OFFERS = "allegro:api:sale:offers:read", "allegro:api:sale:offers:write"
READ_ORDERS, WRITE_ORDERS = "allegro:api:orders:read", "allegro:api:orders:write"
PROFILE = "allegro:api:profile:read"


class Drop(ConnectionAbortedError):
    """An injected dropped connection (the server closes it without an answer)."""


@dataclass
class Route:
    method: str
    template: str  # the spec's path, e.g. /sale/product-offers/{offerId}
    pattern: re.Pattern[str]
    operation: str  # the spec's operationId: counted, and named by fault rules
    handler: Callable
    scope: str | None  # None: any bearer token, an application's too


def _compile(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$")


@dataclass
class Answer:
    status: int
    body: object  # JSON-able, bytes (already encoded) or None
    content_type: str = MEDIA_TYPE
    headers: tuple = ()


class RestFace:
    """Allegro's REST API and OAuth endpoints over ``shop``; counted and faulted like SOAP."""

    def __init__(self, shop: Shop, calls, faults, base_url: Callable[[], str]):
        self.shop = shop
        self.calls = calls
        self.faults = faults
        self.base_url = base_url
        self.oauth = OAuthBook(shop.now, str(SELLER_ID), SELLER_LOGIN)
        self.limits = Limits(shop.now)
        self.commands = CommandBook(shop)
        c = self.commands
        table = [
            ("GET", "/me", "meGET", self.me, PROFILE),
            ("GET", "/sale/offers", "searchOffersUsingGET", offers.search, READ_OFFERS),
            ("POST", "/sale/product-offers", "createProductOffers", offers.create, WRITE_OFFERS),
            ("GET", "/sale/product-offers/{offerId}", "getProductOffer", offers.read, READ_OFFERS),
            (
                "PATCH",
                "/sale/product-offers/{offerId}",
                "editProductOffers",
                offers.edit,
                WRITE_OFFERS,
            ),
            (
                "PUT",
                "/sale/offer-quantity-change-commands/{commandId}",
                "quantityModificationCommandUsingPUT",
                partial(c.put, kind=QUANTITY),
                WRITE_OFFERS,
            ),
            (
                "GET",
                "/sale/offer-quantity-change-commands/{commandId}",
                "getQuantityModificationCommandStatusUsingGET",
                partial(c.report, kind=QUANTITY),
                WRITE_OFFERS,
            ),
            (
                "GET",
                "/sale/offer-quantity-change-commands/{commandId}/tasks",
                "getQuantityModificationCommandTasksStatusesUsingGET",
                partial(c.tasks, kind=QUANTITY),
                WRITE_OFFERS,
            ),
            (
                "PUT",
                "/sale/offer-publication-commands/{commandId}",
                "changePublicationStatusUsingPUT",
                partial(c.put, kind=PUBLICATION),
                WRITE_OFFERS,
            ),
            (
                "GET",
                "/sale/offer-publication-commands/{commandId}",
                "getPublicationReportUsingGET",
                partial(c.report, kind=PUBLICATION),
                WRITE_OFFERS,
            ),
            (
                "GET",
                "/sale/offer-publication-commands/{commandId}/tasks",
                "getPublicationTasksUsingGET",
                partial(c.tasks, kind=PUBLICATION),
                WRITE_OFFERS,
            ),
            ("GET", "/order/events", "getOrderEventsUsingGET", orders.events, READ_ORDERS),
            (
                "GET",
                "/order/event-stats",
                "getOrderEventsStatisticsUsingGET",
                orders.event_stats,
                READ_ORDERS,
            ),
            (
                "GET",
                "/order/checkout-forms",
                "getListOfOrdersUsingGET",
                orders.list_forms,
                READ_ORDERS,
            ),
            (
                "GET",
                "/order/checkout-forms/{id}",
                "getOrdersDetailsUsingGET",
                orders.read_form,
                READ_ORDERS,
            ),
            ("GET", "/order/carriers", "getOrdersCarriersUsingGET", orders.carriers, None),
            (
                "GET",
                "/order/checkout-forms/{id}/shipments",
                "getOrderShipmentsUsingGET",
                orders.shipments,
                READ_ORDERS,
            ),
            (
                "POST",
                "/order/checkout-forms/{id}/shipments",
                "createOrderShipmentsUsingPOST",
                orders.add_shipment,
                WRITE_ORDERS,
            ),
            (
                "PUT",
                "/order/checkout-forms/{id}/fulfillment",
                "setOrderFulfillmentUsingPUT",
                orders.set_fulfillment,
                WRITE_ORDERS,
            ),
        ]
        self.routes = [Route(m, t, _compile(t), op, h, s) for m, t, op, h, s in table]
        self._trace_prefix = uuid.uuid4().hex[:16]
        self._trace_counter = itertools.count(1)

    @property
    def operations(self) -> list[str]:
        return [r.operation for r in self.routes] + ["oauthDevice", "oauthToken"]

    @staticmethod
    def serves(path: str) -> bool:
        return path == "/me" or path.startswith(PREFIXES)

    # -- the door ---------------------------------------------------------------------------------
    def handle(self, environ, arrived: float | None = None) -> Answer:
        """One HTTP request; may raise Drop for an injected dropped connection."""
        req = Request.from_environ(environ)
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        polish = wants_polish(req.headers.get("accept-language"))
        try:
            if length < 0 or length > MAX_REST_BODY:
                raise RestError(
                    "PayloadTooLargeException" if length > 0 else "MalformedJsonException"
                )
            req.body = environ["wsgi.input"].read(length) if length else b""
        except RestError as exc:
            return self._error(exc, polish)
        if req.path.startswith("/auth/oauth/"):
            return self._oauth(req)
        if req.path == VERIFICATION_PATH:
            action = self.base_url() + VERIFICATION_PATH
            if req.method == "GET":
                status, page = pages.show(req, action)
            elif req.method == "POST":
                status, page = pages.submit(req, action, self.oauth)
            else:
                status, page = 405, b"Method not allowed"
            return Answer(status, page, HTML_TYPE)
        return self._api(req, polish, arrived)

    def _api(self, req: Request, polish: bool, arrived: float | None) -> Answer:
        route, known_path = None, False
        for candidate in self.routes:
            match = candidate.pattern.match(req.path)
            if match is None:
                continue
            known_path = True
            if candidate.method == req.method:
                route, req.params = candidate, match.groupdict()
                break
        operation = route.operation if route else "unknown"
        try:
            if route is None:
                raise RestError(
                    "MethodNotAllowedException" if known_path else "NotFoundException",
                    details=f"{req.method} {req.path}",
                )
            accept = req.headers.get("accept", "")
            if MEDIA_TYPE not in accept.lower():
                raise RestError("NotAcceptableException")
            req.token = self.oauth.check(req.headers.get("authorization"))
            if req.token.user_id is None and route.scope is not None:
                raise RestError("AccessDenied", details="This resource needs a user's token.")
            if route.scope is not None and route.scope not in req.token.scopes:
                raise RestError("AccessDenied", details=f"Missing scope {route.scope}")
            self.limits.request(req.token.client_id, req.token.user_id, operation)
        except (RestError, AuthFailure) as exc:
            self._record(operation, _outcome(exc), False)
            return self._error(exc, polish)
        return self._run(route, req, polish, arrived)

    def _run(self, route: Route, req: Request, polish: bool, arrived: float | None) -> Answer:
        arrived = time.monotonic() if arrived is None else arrived
        decision = self.faults.decide(route.operation)
        answer_at = arrived + decision.delay_s + decision.latency_s
        _sleep_until(arrived + decision.delay_s + decision.latency_s / 2)
        if decision.before is not None:
            _sleep_until(answer_at)
            return self._injected(decision.before, route.operation, False, polish)
        executed = False
        try:
            status, body = route.handler(self, req)
            answer, executed, outcome = Answer(status, body), True, "ok"
        except RestError as exc:
            answer, outcome = self._error(exc, polish), exc.code
        except Exception:
            log.error("REST sandbox failure in %s:\n%s", route.operation, traceback.format_exc())
            answer, outcome = (
                self._error(RestError("InternalServerErrorException"), polish),
                "error",
            )
        if decision.after is not None:
            _sleep_until(answer_at)
            return self._injected(decision.after, route.operation, executed, polish, req)
        self._record(route.operation, outcome, executed, req)
        _sleep_until(answer_at)
        return answer

    def _injected(self, rule, operation: str, executed: bool, polish: bool, req: Request | None = None) -> Answer:
        if rule.kind == "drop":
            self._record(operation, "dropped", executed, req)
            raise Drop(f"sandbox dropped {operation}")
        if rule.kind == "http500":
            self._record(operation, "http500", executed, req)
            return self._error(RestError("InternalServerErrorException"), polish)
        if rule.kind == "http429":
            self._record(operation, "http429", executed, req)
            return self._error(TooManyRequests(1), polish)
        self._record(operation, rule.code, executed, req)
        return self._error(
            RestError(rule.code, status=500, message=f"Injected fault {rule.code}"), polish
        )

    def _record(self, operation: str, outcome: str, executed: bool, req: Request | None = None) -> None:
        item_ids, detail = _effect(req) if executed and req is not None else ([], "")
        self.calls.record(operation, item_ids, outcome, executed, self.shop.now(), detail)

    def _error(self, exc: Exception, polish: bool) -> Answer:
        if isinstance(exc, AuthFailure):  # the spec lists AuthError under the API's media type
            return Answer(exc.status, exc.body(), MEDIA_TYPE)
        headers = ()
        if isinstance(exc, TooManyRequests) and self.limits.settings["retry_after_header"]:
            headers = (("Retry-After", str(max(1, exc.retry_after))),)
        return Answer(exc.status, exc.body(polish), MEDIA_TYPE, headers)

    # -- OAuth ------------------------------------------------------------------------------------
    def _oauth(self, req: Request) -> Answer:
        name = req.path[len("/auth/oauth/") :]
        operation = {"device": "oauthDevice", "token": "oauthToken"}.get(name)
        try:
            if operation is None:
                raise AuthFailure(404, "not_found", f"There is no endpoint {req.path}")
            if req.method != "POST":
                raise AuthFailure(
                    405, "invalid_request", f"{req.method} is not supported; use POST"
                )
            client_id = self.oauth.client(req.headers.get("authorization"))
            params = self.oauth.form(req.body)
            if operation == "oauthDevice":
                # The doc's curl puts client_id in the query string; its samples in the body.
                for key, values in req.query.items():
                    params.setdefault(key, values[-1])
                answer = self.oauth.start_device(client_id, params, self.base_url())
            else:
                if req.query:
                    raise AuthFailure(
                        400, "invalid_request", "Parameters must be sent in the request body"
                    )
                answer = self._grant(client_id, params)
        except AuthFailure as exc:
            self._record(operation or "oauthUnknown", exc.error, False)
            return Answer(exc.status, exc.body(), JSON_TYPE)
        self._record(operation, "ok", True)
        return Answer(200, answer, JSON_TYPE, (("Cache-Control", "no-store"),))

    def _grant(self, client_id: str, params: dict) -> dict:
        grant = params.get("grant_type")
        if grant == DEVICE_GRANT:
            return self.oauth.poll_device(client_id, params.get("device_code"))
        if grant == "refresh_token":
            return self.oauth.refresh(client_id, params.get("refresh_token"))
        if grant == "client_credentials":
            return self.oauth.client_credentials(client_id)
        raise AuthFailure(
            400,
            "unsupported_grant_type" if grant else "invalid_request",
            f"OAuth 2.0 Parameter: grant_type{'' if grant else ' is missing'}",
        )

    # -- resources that are one line ---------------------------------------------------------------
    def me(self, face: "RestFace", req: Request):
        return 200, {
            "id": str(SELLER_ID),
            "login": SELLER_LOGIN,
            "firstName": "Sandbox",
            "lastName": "Seller",
            "email": "sandbox-seller@example.pl",
            "baseMarketplace": {"id": "allegro-pl"},
            "company": {"name": None, "taxId": None},
            "features": [],
        }

    # -- control ------------------------------------------------------------------------------
    def reset(self) -> None:
        """After /sandbox/reset: no commands, no counted requests. Tokens stay valid, as
        SOAP sessions do (same account)."""
        self.commands.clear()
        self.limits.clear_counts()

    def control_routes(self) -> dict:
        """Routes added to the control interface (/sandbox/...)."""

        def decide(allow: bool):
            def handler(body: dict, query: dict) -> dict:
                try:
                    code = self.oauth.decide(body.get("user_code"), allow)
                except KeyError as exc:
                    raise _control_error(str(exc.args[0]), 404) from None
                except ValueError as exc:
                    raise _control_error(str(exc), 409) from None
                return {"user_code": code.user_code, "state": code.state}

            return handler

        def expire(body: dict, query: dict) -> dict:
            refresh = body.get("refresh", False)
            if not isinstance(refresh, bool):
                raise _control_error("refresh must be true or false.", 400)
            return self.oauth.expire_tokens(refresh)

        def settings(body: dict, query: dict) -> dict:
            delay = body.pop("command_delay_seconds", None)
            if delay is not None:
                if type(delay) is not int or delay < 0:
                    raise _control_error("command_delay_seconds must be a whole number >= 0.", 400)
                self.commands.delay = delay
            limits = self.limits.configure(body) if body else self.limits.view()
            return {**limits, "command_delay_seconds": self.commands.delay}

        return {
            ("POST", "oauth/approve"): decide(True),
            ("POST", "oauth/deny"): decide(False),
            ("GET", "oauth/codes"): lambda b, q: {"codes": self.oauth.pending_codes()},
            ("POST", "oauth/expire-tokens"): expire,
            ("POST", "rest/settings"): settings,
            ("GET", "rest/settings"): lambda b, q: settings({}, q),
            ("POST", "merge-forms"): lambda b, q: orders.merge_forms(self.shop, b.get("form_ids")),
        }

    @staticmethod
    def encode(answer: Answer) -> bytes:
        if answer.body is None:
            return b""
        if isinstance(answer.body, bytes):
            return answer.body
        return json.dumps(answer.body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def trace_id(self) -> str:
        """Unique per answer: a random per-process prefix and a counter (no urandom a call)."""
        return f"{self._trace_prefix}{next(self._trace_counter):016x}"


def _control_error(message: str, status: int) -> ControlError:
    return ControlError(message, status)


def _outcome(exc: Exception) -> str:
    return exc.error if isinstance(exc, AuthFailure) else getattr(exc, "code", "error")


def _sleep_until(moment: float) -> None:
    left = moment - time.monotonic()
    if left > 0:
        time.sleep(left)


def _effect(req: Request) -> tuple[list[int], str]:
    """What a write asked for, for the call log: the offers of a command and its action or
    value, the offer of a PATCH, the form and waybill of a shipment."""
    if req.method not in ("PUT", "POST", "PATCH"):
        return [], ""
    try:
        body = req.json()
    except Exception:  # noqa: BLE001 - an unreadable body was refused before it ran
        return [], ""
    if not isinstance(body, dict):
        return [], ""
    ids = [int(o["id"]) for c in body.get("offerCriteria") or [] for o in c.get("offers") or [] if str(o.get("id", "")).isdigit()]
    if ids:
        change = body.get("publication") or body.get("modification") or {}
        return ids, str(change.get("action") or change.get("value") or "")
    if "waybill" in body:
        return [], f"{req.params.get('id', '')}:{body['waybill']}"
    offer = req.params.get("offerId") or req.params.get("id")
    if offer and str(offer).isdigit():
        return [int(offer)], "stock" if "stock" in body else "offer"
    return [], ""
