"""Connecting a REST channel by OAuth's device flow (FACTS §1.2, RFC 8628).

`start` asks Allegro for a user code; the seller opens the address and approves the
application; `wait` polls the token endpoint at the given interval until the answer.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from core.allegro.environments import RestEndpoints
from core.allegro.errors import ConnectionFailed
from core.allegro.rest import oauth
from core.allegro.rest.oauth import OAuthFailed
from core.i18n import _

SLOW_DOWN_STEP = 5  # RFC 8628: each slow_down adds 5 s to the interval


class DeviceFlowFailed(Exception):
    """The connection did not happen; `reason` says why in the seller's words."""

    def __init__(self, kind: str, reason: str) -> None:
        self.kind = kind  # denied, expired, invalid, cancelled, refused, unreachable
        self.reason = self.message = reason
        super().__init__(reason)


@dataclass
class DeviceCode:
    user_code: str
    device_code: str = field(repr=False)
    verification_uri: str
    verification_uri_complete: str
    interval: int
    expires_in: int
    started: float  # time.monotonic() when Allegro gave the code

    @property
    def display_code(self) -> str:
        """The user code as Allegro asks to show it: XXX XXX XXX."""
        code = self.user_code.upper()
        return " ".join(code[i : i + 3] for i in range(0, len(code), 3))

    def seconds_left(self, now: float | None = None) -> int:
        now = time.monotonic() if now is None else now
        return max(0, int(self.expires_in - (now - self.started)))


def _number(value, default: int) -> int:
    # the doc quotes the numbers as strings, real answers are integers (FACTS §11.9)
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


class DeviceFlow:
    """One connection attempt; `sleep` and `clock` are there for tests."""

    def __init__(
        self,
        endpoints: RestEndpoints,
        client_id: str,
        client_secret: str,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.endpoints = endpoints
        self.client_id = client_id
        self.client_secret = client_secret
        self._cancelled = threading.Event()
        self._sleep = sleep or self._cancellable_sleep
        self._clock = clock

    def start(self) -> DeviceCode:
        try:
            body = oauth.start_device(self.endpoints, self.client_id, self.client_secret)
        except ConnectionFailed as error:
            raise DeviceFlowFailed("unreachable", error.message) from None
        except OAuthFailed as error:
            raise DeviceFlowFailed("refused", self._refusal(error)) from None
        return DeviceCode(
            user_code=str(body["user_code"]),
            device_code=str(body["device_code"]),
            verification_uri=str(body.get("verification_uri", "")),
            verification_uri_complete=str(body.get("verification_uri_complete") or body.get("verification_uri", "")),
            interval=_number(body.get("interval"), 5),
            expires_in=_number(body.get("expires_in"), 3600),
            started=self._clock(),
        )

    def cancel(self) -> None:
        """Stop waiting (from any thread); `wait` raises DeviceFlowFailed('cancelled')."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _cancellable_sleep(self, seconds: float) -> None:
        self._cancelled.wait(seconds)

    def poll(self, code: DeviceCode) -> dict | None:
        """One poll: the token JSON once approved, None while pending (slow_down lengthens
        code.interval); DeviceFlowFailed when it can no longer succeed."""
        try:
            return oauth.token_request(
                self.endpoints,
                self.client_id,
                self.client_secret,
                grant_type=oauth.DEVICE_GRANT,
                device_code=code.device_code,
            )
        except ConnectionFailed:
            return None  # a dropped connection while waiting: try again at the next interval
        except OAuthFailed as error:
            if error.code == "authorization_pending":
                return None
            if error.code == "slow_down":
                code.interval += SLOW_DOWN_STEP
                return None
            if error.code == "access_denied":
                raise DeviceFlowFailed("denied", _("The connection was refused on Allegro's page.")) from None
            if error.code == "expired_token" or (error.code == "invalid_request" and "expired" in error.allegro_text.lower()):
                raise DeviceFlowFailed("expired", self._expired()) from None
            if error.code == "invalid_request" and "device code" in error.allegro_text.lower():
                raise DeviceFlowFailed(
                    "invalid", _("Allegro no longer knows this code (it was used or is wrong); start again.")
                ) from None
            # Allegro: "any other 400" means the codes expired or the request is wrong
            raise DeviceFlowFailed("refused", self._refusal(error)) from None

    def wait(self, code: DeviceCode, on_tick: Callable[[int], None] | None = None) -> dict:
        """Poll until approved (the token JSON) or DeviceFlowFailed (denied, expired, cancelled...)."""
        while True:
            if self.cancelled:
                raise DeviceFlowFailed("cancelled", _("Connecting was cancelled."))
            if code.seconds_left(self._clock()) <= 0:
                raise DeviceFlowFailed("expired", self._expired())
            self._sleep(code.interval)
            if self.cancelled:
                raise DeviceFlowFailed("cancelled", _("Connecting was cancelled."))
            token = self.poll(code)
            if token is not None:
                return token
            if on_tick is not None:
                on_tick(code.seconds_left(self._clock()))

    @staticmethod
    def _expired() -> str:
        return _("The code expired before it was approved; start connecting again.")

    @staticmethod
    def _refusal(error: OAuthFailed) -> str:
        if error.code in ("invalid_client", "unauthorized", "401"):
            return _("Allegro does not accept the application's Client ID and Secret; check them in Preferences.")
        detail = f"{error.code}: {error.allegro_text}".strip(": ")
        return _("Allegro refused the connection ({detail}).").format(detail=detail)
