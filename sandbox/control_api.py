"""The control interface: JSON over HTTP under /sandbox/ (see sandbox/README.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Callable
from urllib.parse import parse_qs

from .demo import demo_shop
from .injection import RuleError
from .shop import ControlError

if TYPE_CHECKING:  # pragma: no cover
    from .server import SandboxServer

MAX_CONTROL_BODY = 64 * 1024 * 1024  # 20,000 offers in one request fit easily


class RawJson:
    """An answer already encoded as JSON (the big offer list is written directly)."""

    __slots__ = ("data",)

    def __init__(self, data: bytes):
        self.data = data


def _int_or_none(value, name: str):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ControlError(f"{name} must be a whole number.", 400)
    return value


class ControlApi:
    """Routes (method, path) to the shop, the fault plan and the call recorder."""

    def __init__(self, server: "SandboxServer"):
        self.server = server
        s = server
        self.routes: dict[tuple[str, str], Callable[[dict, dict], object]] = {
            ("POST", "reset"): self.reset,
            ("POST", "offers"): lambda b, q: {"offer_ids": s.shop.add_offers(self._list(b, "offers"))},
            ("GET", "offers"): self.offers,
            ("POST", "purchase"): lambda b, q: s.shop.purchase(
                b.get("offer_id"), b.get("buyer"), b.get("quantity", 1), b.get("paid", True),
                b.get("cod", False), b.get("shipment_id")),
            ("POST", "bid"): lambda b, q: s.shop.bid(b.get("offer_id"), b.get("buyer"),
                                                     b.get("amount")),
            ("POST", "cancel-form"): lambda b, q: s.shop.cancel_form(b.get("form_id")),
            ("POST", "pay-form"): lambda b, q: s.shop.pay_form(b.get("form_id")),
            ("POST", "refuse-packages"): lambda b, q: s.shop.refuse_packages(b.get("numbers")),
            ("POST", "edit-offer"): lambda b, q: s.shop.edit_offer(
                b.get("offer_id"), b.get("quantity"), b.get("title"), bool(b.get("end", False)),
                bool(b.get("relist", False))),
            ("POST", "clock"): self.clock,
            ("GET", "clock"): lambda b, q: {"now": s.shop.now()},
            ("POST", "version-key"): lambda b, q: {
                "version_key": s.shop.set_version_key(_int_or_none(b.get("value"), "value"))},
            ("POST", "expire-sessions"): self.expire_sessions,
            ("GET", "sessions"): self.sessions,
            ("POST", "clear-captcha"): self.clear_captcha,
            ("POST", "faults"): lambda b, q: s.faults.configure(b),
            ("GET", "faults"): lambda b, q: s.faults.view(),
            ("DELETE", "faults"): self.clear_faults,
            ("GET", "calls"): lambda b, q: s.calls.counts(),
            ("POST", "calls/reset"): self.reset_calls,
            ("GET", "call-log"): lambda b, q: s.calls.log(int(q.get("since", ["0"])[0])),
            ("GET", "forms"): lambda b, q: s.shop.forms_view(),
            ("GET", "journal"): lambda b, q: s.shop.journal_view(),
            ("GET", "state"): lambda b, q: s.shop.state_view(),
            ("POST", "save"): self.save,
        }

    @staticmethod
    def _list(body: dict, key: str) -> list:
        value = body.get(key)
        if not isinstance(value, list):
            raise ControlError(f"{key} must be a list.", 400)
        return value

    def handle(self, method: str, path: str, query: str, raw: bytes) -> tuple[int, object]:
        """(HTTP status, JSON-able answer) for one control request."""
        route = path[len("/sandbox/"):].strip("/")
        handler = self.routes.get((method, route))
        if handler is None:
            if any(r == route for _, r in self.routes):
                return 405, {"error": f"{method} is not allowed on /sandbox/{route}."}
            return 404, {"error": f"There is no control endpoint /sandbox/{route}."}
        try:
            body = json.loads(raw.decode("utf-8")) if raw.strip() else {}
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            return 400, {"error": f"The body is not valid JSON: {exc}"}
        if not isinstance(body, dict):
            return 400, {"error": "The body must be a JSON object."}
        try:
            return 200, handler(body, parse_qs(query))
        except ControlError as exc:
            return exc.status, {"error": str(exc)}
        except RuleError as exc:
            return 400, {"error": str(exc)}
        except ValueError as exc:
            return 400, {"error": str(exc)}

    # -- handlers that touch more than one part -------------------------------------------
    def reset(self, body: dict, query: dict) -> dict:
        seed = _int_or_none(body.get("seed", 1), "seed")
        offers = _int_or_none(body.get("offers", 60), "offers")
        if offers < 0 or offers > 100_000:
            raise ControlError("offers must be between 0 and 100000.", 400)
        demo = body.get("demo", True)
        if not isinstance(demo, bool):
            raise ControlError("demo must be true or false.", 400)
        self.server.shop.reset(seed, demo_shop(seed, offers) if demo else None)
        self.server.faults.clear()
        self.server.calls.reset()
        self.server.rest.reset()
        return self.server.shop.state_view()

    def offers(self, body: dict, query: dict) -> "RawJson":
        raw = query.get("ids")
        if not raw:
            return RawJson(self.server.shop.offers_json())
        try:
            ids = [int(part) for part in ",".join(raw).split(",") if part.strip()]
        except ValueError:
            raise ControlError("ids must be offer ids separated by commas.", 400) from None
        return RawJson(self.server.shop.offers_json(ids))

    def clock(self, body: dict, query: dict) -> dict:
        total = 0.0
        for name, unit in (("days", 86400), ("hours", 3600), ("seconds", 1)):
            value = body.get(name, 0)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ControlError(f"{name} must be a number.", 400)
            total += value * unit
        return {"now": self.server.shop.advance(int(total))}

    def expire_sessions(self, body: dict, query: dict) -> dict:
        with self.server.shop.lock:
            return {"expired": self.server.shop.sessions.expire_all()}

    def sessions(self, body: dict, query: dict) -> dict:
        with self.server.shop.lock:
            return {"issued": self.server.shop.sessions.issued()}

    def clear_captcha(self, body: dict, query: dict) -> dict:
        with self.server.shop.lock:
            self.server.shop.sessions.clear_captcha()
        return {"ok": True}

    def clear_faults(self, body: dict, query: dict) -> dict:
        self.server.faults.clear()
        return self.server.faults.view()

    def reset_calls(self, body: dict, query: dict) -> dict:
        self.server.calls.reset()
        return self.server.calls.counts()

    def save(self, body: dict, query: dict) -> dict:
        return {"saved": self.server.save_state()}
