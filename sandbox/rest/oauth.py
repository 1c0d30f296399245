"""OAuth2 as Allegro does it (FACTS §1): the device flow, tokens on the sandbox clock.

The demo application is SANDBOX-CLIENT-ID / SANDBOX-CLIENT-SECRET; both endpoints take
HTTP Basic client authentication and their parameters only in the form body.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import threading
import uuid
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qs

from .errors import AuthFailure

CLIENT_ID = "SANDBOX-CLIENT-ID"
CLIENT_SECRET = "SANDBOX-CLIENT-SECRET"
ACCESS_LIFETIME = 12 * 3600  # 12 h; expires_in shows 43199 as Allegro's tokens do
REFRESH_LIFETIME = 90 * 86400  # 3 months
REFRESH_GRACE = 60  # a used refresh token keeps working for 60 more seconds
DEVICE_LIFETIME = 3600
DEVICE_INTERVAL = 5
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
VERIFICATION_PATH = "/skojarz-aplikacje"
# FACTS §11.9: the doc quotes the numbers as strings, clients see integers. One switch.
DEVICE_NUMBERS_AS_STRINGS = False
# FACTS §11.3: Allegro names no error for an expired device code; RFC 8628's is used.
EXPIRED_DEVICE_ERROR = ("expired_token", "Device code expired")
SCOPES = tuple(
    f"allegro:api:{name}"
    for name in (
        "profile:read",
        "profile:write",
        "sale:offers:read",
        "sale:offers:write",
        "orders:read",
        "orders:write",
        "shipments:read",
        "shipments:write",
        "ratings",
        "disputes",
        "bids",
        "messaging",
        "billing:read",
        "payments:read",
        "payments:write",
        "sale:settings:read",
        "sale:settings:write",
        "campaigns",
        "fulfillment:read",
        "fulfillment:write",
        "affiliate:read",
        "affiliate:write",
    )
)
_USER_CODE_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789"
_SIGNING_KEY = secrets.token_bytes(32)

PENDING, APPROVED, DENIED, USED = "pending", "approved", "denied", "used"


@dataclass
class DeviceCode:
    device_code: str
    user_code: str
    client_id: str
    scopes: tuple[str, ...]
    expires_at: int
    state: str = PENDING
    last_poll: int | None = None


@dataclass
class AccessToken:
    value: str
    client_id: str
    user_id: str | None  # None: an application token (client_credentials)
    scopes: frozenset[str]
    expires_at: int
    revoked: bool = False


@dataclass
class RefreshToken:
    value: str
    client_id: str
    user_id: str
    scopes: tuple[str, ...]
    expires_at: int
    access: str
    used_at: int | None = None
    replaced_by: list[str] = field(default_factory=list)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _jwt(claims: dict) -> str:
    """A JWT-shaped token (HS256); the sandbox checks tokens by lookup, not by signature."""
    head = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = _b64url(json.dumps(claims, separators=(",", ":")).encode())
    sig = hmac.new(_SIGNING_KEY, f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{_b64url(sig)}"


def normalise_user_code(raw: str | None) -> str:
    return "".join((raw or "").split()).lower()


class OAuthBook:
    """Clients, device codes and tokens; thread-safe; times on the sandbox clock."""

    def __init__(self, clock: Callable[[], int], user_id: str, user_login: str):
        self._clock = clock
        self.user_id = user_id
        self.user_login = user_login
        self._lock = threading.Lock()
        self.clients = {CLIENT_ID: CLIENT_SECRET}
        self._devices: dict[str, DeviceCode] = {}
        self._by_user_code: dict[str, DeviceCode] = {}
        self._access: dict[str, AccessToken] = {}
        self._refresh: dict[str, RefreshToken] = {}

    # -- client authentication ------------------------------------------------------------
    def client(self, authorization: str | None) -> str:
        """The client id of a valid Basic header, else AuthFailure 401."""
        if not authorization or not authorization[:6].lower() == "basic ":
            raise AuthFailure(
                401, "unauthorized", "Full authentication is required to access this resource"
            )
        try:
            pair = base64.b64decode(authorization[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise AuthFailure(401, "invalid_client", "Bad client credentials") from None
        client_id, _, secret = pair.partition(":")
        if not hmac.compare_digest(self.clients.get(client_id, "\0"), secret):
            raise AuthFailure(401, "invalid_client", "Bad client credentials")
        return client_id

    @staticmethod
    def form(body: bytes) -> dict[str, str]:
        try:
            parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
        except UnicodeDecodeError:
            raise AuthFailure(400, "invalid_request", "The body is not valid form data") from None
        return {key: values[-1] for key, values in parsed.items()}

    @staticmethod
    def _scopes(raw: str | None) -> tuple[str, ...]:
        if not raw or not raw.strip():
            return SCOPES
        asked = raw.split()
        unknown = [s for s in asked if s not in SCOPES]
        if unknown:
            raise AuthFailure(400, "invalid_scope", f"Invalid scope: {' '.join(unknown)}")
        return tuple(dict.fromkeys(asked))

    # -- device flow ------------------------------------------------------------------------
    def start_device(self, client_id: str, params: dict[str, str], base_url: str) -> dict:
        if params.get("client_id") != client_id:
            raise AuthFailure(
                400, "invalid_request", "client_id must be given and match the authenticated client"
            )
        scopes = self._scopes(params.get("scope"))
        with self._lock:
            while True:
                user_code = "".join(secrets.choice(_USER_CODE_LETTERS) for _ in range(9))
                if user_code not in self._by_user_code:
                    break
            code = DeviceCode(
                secrets.token_urlsafe(24),
                user_code,
                client_id,
                scopes,
                self._clock() + DEVICE_LIFETIME,
            )
            self._devices[code.device_code] = code
            self._by_user_code[user_code] = code
        uri = base_url + VERIFICATION_PATH
        number = str if DEVICE_NUMBERS_AS_STRINGS else int
        return {
            "user_code": user_code,
            "device_code": code.device_code,
            "expires_in": number(DEVICE_LIFETIME),
            "interval": number(DEVICE_INTERVAL),
            "verification_uri": uri,
            "verification_uri_complete": f"{uri}?code={user_code}",
        }

    def decide(self, user_code: str | None, allow: bool) -> DeviceCode:
        """The user allows or denies the app; KeyError/ValueError for unknown or stale codes."""
        with self._lock:
            code = self._by_user_code.get(normalise_user_code(user_code))
            if code is None:
                raise KeyError("There is no such user code.")
            if code.expires_at <= self._clock():
                raise ValueError("The code has expired.")
            if code.state != PENDING:
                raise ValueError(f"The code was already {code.state}.")
            code.state = APPROVED if allow else DENIED
            return code

    def poll_device(self, client_id: str, device_code: str | None) -> dict:
        with self._lock:
            code = self._devices.get(device_code or "")
            if code is None or code.client_id != client_id or code.state == USED:
                raise AuthFailure(400, "invalid_request", "Invalid device code")
            if code.expires_at <= self._clock():
                raise AuthFailure(400, *EXPIRED_DEVICE_ERROR)
            if code.state == DENIED:
                raise AuthFailure(400, "access_denied", "User denied access")
            now = self._clock()
            too_soon = code.last_poll is not None and now - code.last_poll < DEVICE_INTERVAL
            code.last_poll = now
            if code.state == PENDING:
                if too_soon:
                    raise AuthFailure(400, "slow_down", "Polling too frequently")
                raise AuthFailure(
                    400, "authorization_pending", "User has not authorized the device code yet."
                )
            code.state = USED
            return self._issue(code.client_id, self.user_id, code.scopes)

    # -- tokens -------------------------------------------------------------------------------
    def _issue(
        self, client_id: str, user_id: str | None, scopes: tuple[str, ...], refresh: bool = True
    ) -> dict:
        now = self._clock()
        jti = str(uuid.uuid4())
        claims = {
            "user_name": user_id,
            "client_id": client_id,
            "scope": list(scopes),
            "exp": now + ACCESS_LIFETIME,
            "jti": jti,
            "allegro_api": True,
        }
        access = _jwt(claims)
        self._access[access] = AccessToken(
            access, client_id, user_id, frozenset(scopes), now + ACCESS_LIFETIME
        )
        answer = {
            "access_token": access,
            "token_type": "bearer",
            "expires_in": ACCESS_LIFETIME - 1,
            "scope": " ".join(scopes),
            "allegro_api": True,
            "jti": jti,
        }
        if refresh:
            value = _jwt(
                {**claims, "ati": jti, "jti": str(uuid.uuid4()), "exp": now + REFRESH_LIFETIME}
            )
            self._refresh[value] = RefreshToken(
                value, client_id, user_id, scopes, now + REFRESH_LIFETIME, access
            )
            answer["refresh_token"] = value
        return answer

    def refresh(self, client_id: str, value: str | None) -> dict:
        with self._lock:
            now = self._clock()
            token = self._refresh.get(value or "")
            if (
                token is None
                or token.client_id != client_id
                or token.expires_at <= now
                or (token.used_at is not None and now - token.used_at > REFRESH_GRACE)
            ):
                raise AuthFailure(400, "invalid_grant", f"Invalid refresh token: {value}")
            if token.used_at is None:
                token.used_at = now
            old = self._access.get(token.access)
            if old is not None:
                old.revoked = True  # the refresh ends the old access token
            answer = self._issue(client_id, token.user_id, token.scopes)
            token.replaced_by.append(answer["access_token"])
            token.access = answer["access_token"]
            return answer

    def client_credentials(self, client_id: str) -> dict:
        with self._lock:
            return self._issue(client_id, None, SCOPES, refresh=False)

    def check(self, authorization: str | None) -> AccessToken:
        """The live access token of a Bearer header, else AuthFailure 401."""
        if not authorization or authorization[:7].lower() != "bearer ":
            raise AuthFailure(
                401, "unauthorized", "Full authentication is required to access this resource"
            )
        value = authorization[7:].strip()
        with self._lock:
            token = self._access.get(value)
            if token is None:
                raise AuthFailure(401, "invalid_token", "Cannot convert access token to JSON")
            if token.revoked or token.expires_at <= self._clock():
                raise AuthFailure(401, "invalid_token", "Access token expired")
            return token

    # -- control --------------------------------------------------------------------------------
    def expire_tokens(self, refresh: bool = False) -> dict:
        """Every access token expires now (and every refresh token too when asked)."""
        with self._lock:
            now = self._clock()
            access = 0
            for token in self._access.values():
                if not token.revoked and token.expires_at > now:
                    token.expires_at = now
                    access += 1
            refreshed = 0
            if refresh:
                for token in self._refresh.values():
                    if token.expires_at > now:
                        token.expires_at = now
                        refreshed += 1
            return {"access_tokens": access, "refresh_tokens": refreshed}

    def pending_codes(self) -> list[dict]:
        with self._lock:
            now = self._clock()
            return [
                {"user_code": c.user_code, "state": c.state, "expires_at": c.expires_at}
                for c in self._by_user_code.values()
                if c.expires_at > now
            ]
