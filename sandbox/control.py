"""SandboxControl: a tiny JSON client of the sandbox's control interface (stdlib only)."""

from __future__ import annotations

import http.client
import json
import socket
from urllib.parse import urlsplit


class SandboxControlError(Exception):
    """The control interface refused a request; ``status`` is its HTTP status."""

    def __init__(self, status: int, message: str):
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


class SandboxControl:
    """One method per control endpoint; ``base_url`` is e.g. "http://127.0.0.1:8123"."""

    def __init__(self, base_url: str, timeout: float = 60.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        parts = urlsplit(self.base_url)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"Not a sandbox address: {base_url!r}")
        self._host, self._port = parts.hostname, parts.port or 80

    def _call(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode("utf-8") if body is not None else None
        headers = {"Content-Type": "application/json"} if data is not None else {}
        # A fresh connection per call (never a proxy), with Nagle off: headers and body
        # go out as two writes, which would otherwise wait for a delayed ACK.
        conn = http.client.HTTPConnection(self._host, self._port, timeout=self.timeout)
        try:
            conn.connect()
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn.request(method, f"/sandbox/{path}", body=data, headers=headers)
            response = conn.getresponse()
            raw = response.read().decode("utf-8", "replace")
            status = response.status
        finally:
            conn.close()
        if status == 200:
            return json.loads(raw)
        try:
            message = json.loads(raw).get("error", raw)
        except (ValueError, AttributeError):
            message = raw
        raise SandboxControlError(status, message)

    # -- the world ----------------------------------------------------------------------
    def reset(self, seed: int = 1, offers: int = 60, demo: bool = True) -> dict:
        return self._call("POST", "reset", {"seed": seed, "offers": offers, "demo": demo})

    def add_offers(self, offers: list[dict]) -> list[int]:
        return self._call("POST", "offers", {"offers": list(offers)})["offer_ids"]

    def add_offer(self, title: str, format: str = "buy_now", quantity: int = 1,
                  price: float = 10.0, **extra) -> int:
        spec = {"title": title, "format": format, "quantity": quantity, "price": price, **extra}
        return self.add_offers([spec])[0]

    def offers(self, ids: list[int] | None = None) -> list[dict]:
        query = "" if ids is None else "?ids=" + ",".join(str(i) for i in ids)
        return self._call("GET", "offers" + query)

    def offer(self, offer_id: int) -> dict:
        found = self.offers([offer_id])
        if not found:
            raise SandboxControlError(404, f"There is no offer {offer_id}.")
        return found[0]

    def purchase(self, offer_id: int, buyer: str | None = None, quantity: int = 1,
                 paid: bool = True, cod: bool = False, shipment_id: int | None = None) -> dict:
        body = {"offer_id": offer_id, "quantity": quantity, "paid": paid, "cod": cod}
        if buyer is not None:
            body["buyer"] = buyer
        if shipment_id is not None:
            body["shipment_id"] = shipment_id
        return self._call("POST", "purchase", body)

    def bid(self, offer_id: int, buyer: str | None = None, amount: float | None = None) -> dict:
        body = {"offer_id": offer_id}
        if buyer is not None:
            body["buyer"] = buyer
        if amount is not None:
            body["amount"] = amount
        return self._call("POST", "bid", body)

    def edit_offer(self, offer_id: int, **changes) -> dict:
        """Change an offer as the seller would on allegro.pl: quantity, title, end=True, relist=True."""
        return self._call("POST", "edit-offer", {"offer_id": offer_id, **changes})

    def refuse_packages(self, numbers: list[str]) -> dict:
        """Allegro refuses these tracking numbers from now on, although their format is right."""
        return self._call("POST", "refuse-packages", {"numbers": numbers})

    def cancel_form(self, form_id: int) -> dict:
        return self._call("POST", "cancel-form", {"form_id": form_id})

    def pay_form(self, form_id: int) -> dict:
        return self._call("POST", "pay-form", {"form_id": form_id})

    def advance_clock(self, days: float = 0, hours: float = 0, seconds: float = 0) -> int:
        return self._call("POST", "clock", {"days": days, "hours": hours,
                                            "seconds": seconds})["now"]

    def now(self) -> int:
        return self._call("GET", "clock")["now"]

    def set_version_key(self, value: int | None = None) -> int:
        body = {} if value is None else {"value": value}
        return self._call("POST", "version-key", body)["version_key"]

    def expire_sessions(self) -> int:
        return self._call("POST", "expire-sessions", {})["expired"]

    def sessions(self) -> list[str]:
        """Every session handle the sandbox handed out and still remembers (for tests that look for leaks)."""
        return self._call("GET", "sessions")["issued"]

    def clear_captcha(self) -> None:
        self._call("POST", "clear-captcha", {})

    # -- faults and calls ---------------------------------------------------------------
    def set_faults(self, latency_ms: int = 0, rules: list[dict] | tuple = (),
                   seed: int = 0) -> dict:
        return self._call("POST", "faults", {"latency_ms": latency_ms, "rules": list(rules),
                                             "seed": seed})

    def faults(self) -> dict:
        return self._call("GET", "faults")

    def clear_faults(self) -> dict:
        return self._call("DELETE", "faults")

    def calls(self) -> dict:
        return self._call("GET", "calls")

    def call_log(self, since: int = 0) -> list[dict]:
        return self._call("GET", f"call-log?since={int(since)}")

    def reset_calls(self) -> dict:
        return self._call("POST", "calls/reset", {})

    # -- the REST face ----------------------------------------------------------------------
    def approve_device(self, user_code: str) -> dict:
        """What the seller's Allow on the verification page does."""
        return self._call("POST", "oauth/approve", {"user_code": user_code})

    def deny_device(self, user_code: str) -> dict:
        return self._call("POST", "oauth/deny", {"user_code": user_code})

    def device_codes(self) -> list[dict]:
        return self._call("GET", "oauth/codes")["codes"]

    def expire_tokens(self, refresh: bool = False) -> dict:
        return self._call("POST", "oauth/expire-tokens", {"refresh": refresh})

    def rest_settings(self, **settings) -> dict:
        """Read (no arguments) or change the REST limits and the command delay."""
        if not settings:
            return self._call("GET", "rest/settings")
        return self._call("POST", "rest/settings", settings)

    def merge_forms(self, form_ids: list[int]) -> dict:
        return self._call("POST", "merge-forms", {"form_ids": list(form_ids)})

    # -- read back ------------------------------------------------------------------------
    def forms(self) -> list[dict]:
        return self._call("GET", "forms")

    def journal(self) -> list[dict]:
        return self._call("GET", "journal")

    def state(self) -> dict:
        return self._call("GET", "state")

    def save(self) -> bool:
        return self._call("POST", "save", {})["saved"]
