"""A WebAPI session: the version key, login, and calls that carry the session handle.

Login is as Allegro required it: doQuerySysStatus for the version key, then doLoginEnc
with base64(sha256(password)). A call that meets ERR_NO_SESSION / ERR_SESSION_EXPIRED
logs in again and is tried once more; many threads meeting an expired session at once
cause one login.

Version keys: with `accept_current_version=False` (the channel's Test button) a
configured Api Key Version that differs from Allegro's current one raises
`VersionKeyMismatch(current)`; the UI offers the current value and the channel then
stores it. With `accept_current_version=True` (scheduled syncs, once the user agreed to
follow Allegro's key) login uses the current key and `version_key` tells the caller
which one, so it can store it: Allegro bumped the key without notice.
"""
from __future__ import annotations

import base64
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, TypeVar

from core.allegro import errors, logsafe, responses
from core.allegro.errors import AllegroError, OutcomeUnknown
from core.allegro.port import Credentials, LoginInfo
from core.allegro.soap import SoapCaller

log = logging.getLogger("core.allegro")

R = TypeVar("R")

QUERY_SYSVAR = 1  # what real clients passed to get the login version key

# The session parameter's name differs per operation in the WSDL.
SESSION_PARAM = {
    "doGetMySellItems": "sessionId",
    "doGetMySoldItems": "sessionId",
    "doGetMyNotSoldItems": "sessionId",
    "doGetMyFutureItems": "sessionId",
    "doGetSiteJournalDeals": "sessionId",
    "doGetSiteJournalDealsInfo": "sessionId",
    "doGetPostBuyFormsIds": "sessionId",
    "doGetPostBuyFormsDataForSellers": "sessionId",
    "doAddPackageInfoToPostBuyForm": "sessionId",
    "doGetItemsInfo": "sessionHandle",
    "doChangeQuantityItem": "sessionHandle",
    "doFinishItems": "sessionHandle",
    "doSellSomeAgain": "sessionHandle",
    "doVerifyItem": "sessionHandle",
    "doGetTransactionsIDs": "sessionHandle",
}


def password_hash(password: str) -> str:
    """doLoginEnc's userHashPassword: base64 of the raw SHA-256 digest (44 characters)."""
    return base64.b64encode(hashlib.sha256(password.encode("utf-8")).digest()).decode("ascii")


def read_answer(operation: str, convert: Callable[[], R]) -> R:
    """Convert an answer; a contract breach becomes InvalidResponse, not a crash."""
    try:
        return convert()
    except responses.Malformed as exc:
        detail = str(exc)
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        detail = f"{type(exc).__name__}: {exc}"
    raise errors.InvalidResponse(operation, detail)


def read_change_answer(operation: str, convert: Callable[[], R], **ids: Iterable[int]) -> R:
    """Reading the answer to a change: if it cannot be read, the change may have happened."""
    try:
        return read_answer(operation, convert)
    except errors.InvalidResponse as exc:
        raise OutcomeUnknown(operation, cause=exc, **ids) from None


class WebApiSession:
    """One account's session over `caller`. Thread-safe."""

    def __init__(self, credentials: Credentials, caller: SoapCaller, *, accept_current_version: bool) -> None:
        self.credentials = credentials
        self.caller = caller
        self.accept_current_version = accept_current_version
        self.version_key: int | None = None  # the key the current session was opened with
        self.user_id: int | None = None
        self.logins = 0
        self._configured_version = credentials.api_key_version
        self._lock = threading.Lock()
        self._handle: str | None = None
        self._generation = 0  # bumped on every login, so racing threads log in once
        self._clock_offset = 0.0  # Allegro's clock minus ours, learnt at login

    @property
    def handle(self) -> str | None:
        """The session handle in use (None before the first login)."""
        return self._handle

    def current_version_key(self) -> int:
        answer = self.caller.call(
            "doQuerySysStatus",
            {"sysvar": QUERY_SYSVAR, "countryId": self.credentials.country, "webapiKey": self.credentials.api_key},
            idempotent=True,
        )
        return read_answer("doQuerySysStatus", lambda: responses.required_int(answer, "verKey"))

    def accept_version_key(self, value: int) -> None:
        """The user chose to use Allegro's current key; the next login uses it."""
        self._configured_version = int(value)

    def login(self) -> LoginInfo:
        with self._lock:
            return self._login_locked()

    def _version_to_use(self, current: int) -> int:
        if current == self._configured_version or self.accept_current_version:
            return current
        raise errors.VersionKeyMismatch(current, self._configured_version)

    def _login_locked(self) -> LoginInfo:
        key = self._version_to_use(self.current_version_key())
        for attempt in (1, 2):
            try:
                answer = self._login_call(key)
            except AllegroError as exc:
                if exc.code != "ERR_INVALID_VERSION_CAT_SELL_FIELDS":
                    raise
                current = self.current_version_key()
                if attempt == 2 or current == key:
                    raise errors.VersionKeyMismatch(current, self._configured_version, exc.allegro_text) from None
                key = self._version_to_use(current)  # the key moved between the two calls
                continue
            return self._open(answer, key)
        raise AssertionError("unreachable")

    def _login_call(self, key: int) -> Any:
        return self.caller.call(
            "doLoginEnc",
            {
                "userLogin": self.credentials.username,
                "userHashPassword": password_hash(self.credentials.password),
                "countryCode": self.credentials.country,
                "webapiKey": self.credentials.api_key,
                "localVersion": key,
            },
            idempotent=True,  # a second session harms nothing
        )

    def _open(self, answer: Any, key: int) -> LoginInfo:
        handle = read_answer("doLoginEnc", lambda: responses.opt_str(answer, "sessionHandlePart"))
        if not handle:
            raise errors.InvalidResponse("doLoginEnc", "no session handle")
        logsafe.register_secret(handle)
        self._handle = handle
        self._generation += 1
        self.logins += 1
        self.version_key = key
        self.user_id = read_answer("doLoginEnc", lambda: responses.opt_int(answer, "userId"))
        server_time = read_answer(
            "doLoginEnc", lambda: responses.unix_time(responses.field(answer, "serverTime"))
        )
        if server_time is not None:
            self._clock_offset = server_time.timestamp() - time.time()
        log.info("logged in to %s as %s", self.credentials.url, self.credentials.username)
        return LoginInfo(user_id=self.user_id, version_key=key, server_time=server_time)

    def _current(self) -> tuple[str, int]:
        with self._lock:
            if self._handle is None:
                self._login_locked()
            assert self._handle is not None
            return self._handle, self._generation

    def _renew(self, stale_generation: int) -> None:
        with self._lock:
            if self._generation == stale_generation:  # nobody renewed it meanwhile
                log.info("session ended; logging in again")
                self._login_locked()

    def server_now(self) -> datetime:
        """Allegro's idea of now (the sandbox's clock can be moved forward)."""
        return datetime.fromtimestamp(time.time() + self._clock_offset, tz=UTC)

    def call(self, operation: str, args: dict[str, Any], *, idempotent: bool, **ids: Any) -> Any:
        """A call with the session; on an expired session, log in again and retry once.

        A session fault is Allegro refusing the call, so even a non-idempotent change
        may be sent again.
        """
        param = SESSION_PARAM[operation]
        for attempt in (1, 2):
            handle, generation = self._current()
            try:
                return self.caller.call(operation, {param: handle, **args}, idempotent=idempotent, **ids)
            except errors.SessionExpired:
                if attempt == 2:
                    raise
            self._renew(generation)
        raise AssertionError("unreachable")
