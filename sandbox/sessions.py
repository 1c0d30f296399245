"""Logins and sessions of the demo account, on the sandbox clock."""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections import OrderedDict

from .faults import WebApiFault

SELLER_ID = 48213751
SELLER_LOGIN = "sandbox-seller"
SELLER_PASSWORD = "sandbox-pass-1"
WEBAPI_KEY = "SANDBOX-WEBAPI-KEY"
COUNTRY_ID = 1

# Method pages [D:82, D:83]: a session is valid for one hour from its creation; it is
# not renewed by use (the stricter of the FACTS readings, see README).
SESSION_LIFETIME = 3600
# [FAQ] 2019: at most 20 sessions per user; opening a 21st closes the oldest.
MAX_SESSIONS = 20
# [FAQ-old]: the CAPTCHA block starts after the 4th request with bad credentials.
BAD_LOGINS_BEFORE_CAPTCHA = 4
# Only the first 16 characters of a password are read [FAQ].
PASSWORD_CHARS_READ = 16
_FORGOTTEN_KEEP = 10_000


def password_hash(password: str) -> str:
    """base64 of the raw SHA-256 digest, as doLoginEnc expects."""
    return base64.b64encode(hashlib.sha256(password.encode("utf-8")).digest()).decode("ascii")


def check_webapi_key(webapi_key: str | None) -> None:
    if webapi_key != WEBAPI_KEY:
        raise WebApiFault("ERR_WEBAPI_KEY")


def check_country(country_id: int | None) -> None:
    if country_id != COUNTRY_ID:
        raise WebApiFault("ERR_INPUT_COUNTRY_ERROR")


class SessionBook:
    """Sessions and failed-login counters. The caller holds the shop lock."""

    def __init__(self):
        self._live: OrderedDict[str, int] = OrderedDict()  # handle -> created (oldest first)
        self._ended: OrderedDict[str, None] = OrderedDict()  # expired or closed handles
        self._bad_logins: dict[str, int] = {}

    def clear(self) -> None:
        self._live.clear()
        self._ended.clear()
        self._bad_logins.clear()

    def rebase(self, now: int) -> None:
        """After the clock was set back: no session may start in the future."""
        for handle, created in self._live.items():
            if created > now:
                self._live[handle] = now

    def clear_captcha(self) -> None:
        self._bad_logins.clear()

    def login(self, login: str, password_ok: bool, now: int) -> str:
        """Open a session, or raise ERR_CAPTCHA_REQUIRED / ERR_USER_PASSWD."""
        key = (login or "").lower()
        if self._bad_logins.get(key, 0) >= BAD_LOGINS_BEFORE_CAPTCHA:
            raise WebApiFault("ERR_CAPTCHA_REQUIRED")
        if not (password_ok and key == SELLER_LOGIN):
            self._bad_logins[key] = self._bad_logins.get(key, 0) + 1
            raise WebApiFault("ERR_USER_PASSWD")
        self._bad_logins.pop(key, None)
        while len(self._live) >= MAX_SESSIONS:
            oldest, _ = self._live.popitem(last=False)
            self._forget(oldest)
        handle = secrets.token_hex(24) + "//02_1"
        self._live[handle] = now
        return handle

    def check(self, handle: str | None, now: int) -> None:
        """Raise ERR_NO_SESSION for unknown handles, ERR_SESSION_EXPIRED for old ones."""
        created = self._live.get(handle) if handle else None
        if created is None:
            if handle and handle in self._ended:
                raise WebApiFault("ERR_SESSION_EXPIRED")
            raise WebApiFault("ERR_NO_SESSION")
        if now - created >= SESSION_LIFETIME:
            del self._live[handle]
            self._forget(handle)
            raise WebApiFault("ERR_SESSION_EXPIRED")

    def expire_all(self) -> int:
        count = len(self._live)
        for handle in list(self._live):
            self._forget(handle)
        self._live.clear()
        return count

    def issued(self) -> list[str]:
        """Every handle handed out that is still remembered (live first)."""
        return [*self._live, *self._ended]

    def live_count(self, now: int) -> int:
        return sum(1 for created in self._live.values() if now - created < SESSION_LIFETIME)

    def _forget(self, handle: str) -> None:
        self._ended[handle] = None
        while len(self._ended) > _FORGOTTEN_KEEP:
            self._ended.popitem(last=False)
