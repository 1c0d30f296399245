"""The `Marketplace` port over Allegro's legacy SOAP WebAPI (zeep, the production WSDL).

    mp = WebApiMarketplace(credentials)          # Credentials from core/allegro/port.py
    mp.login()                                    # raises VersionKeyMismatch(current) etc.
    for offer in mp.offers([OfferState.ACTIVE]):  # paged for you
        ...
    mp.change_quantities([...])                   # parallel on a small pool
    mp.close()

What it does for the caller:
- Login as Allegro required it (doQuerySysStatus for the version key, then doLoginEnc
  with base64(sha256(password))), and a transparent re-login plus one retry when any
  later call meets ERR_NO_SESSION / ERR_SESSION_EXPIRED. Many threads meeting an
  expired session at once cause one login.
- Batching and paging: 25 per doFinishItems / doSellSomeAgain /
  doGetPostBuyFormsDataForSellers, 10 per doGetItemsInfo, journal pages of 100,
  offer lists in pages of 1000.
- Relists return the new offer ids (localIds, then doVerifyItem).
- Retries, rate limit and the exactly-once rule: see soap.py.

Version keys: with `accept_current_version=False` (the default, for the channel's
Test button) a configured Api Key Version that differs from Allegro's current one
raises `VersionKeyMismatch(current)`; the UI offers the current value and the channel
then stores it. With `accept_current_version=True` (for scheduled syncs, once the
user has agreed to follow Allegro's key) login uses the current key and
`version_key` tells the caller which one, so it can store it. Allegro bumped the key
without notice, and a sync stuck on a stale key until someone clicks Test helps nobody.
"""
from __future__ import annotations

import base64
import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from datetime import UTC, datetime
from typing import Any, TypeVar

from core.allegro import (
    environments,
    errors,
    logsafe,
    offer_lists,
    outcomes,
    ratelimit,
    responses,
    soap,
    wsdl,
    xml_answers,
)
from core.allegro.errors import AllegroError, OutcomeUnknown
from core.allegro.outcomes import Outcome
from core.allegro.port import (
    Credentials,
    FinishRequest,
    FinishResult,
    JournalDeal,
    LoginInfo,
    Offer,
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
from core.allegro.retry import RetryPolicy
from core.allegro.soap import SoapCaller

log = logging.getLogger("core.allegro")

T = TypeVar("T")
R = TypeVar("R")

FINISH_BATCH = 25
RELIST_BATCH = 25
FORMS_BATCH = 25
ITEMS_INFO_BATCH = 10
JOURNAL_PAGE = 100
OFFERS_PAGE = 1000
# Offer-list pages fetched at once. Each is ~30 ms of the server's CPU and ~50 ms of ours;
# four at once slowed the deals journal read beside them (one page after another, the
# sync's longest chain) by half, and with two the listings are in when the journal is.
OFFER_PAGES_AT_ONCE = 2
PACKAGES_PER_CALL = 20
DEFAULT_CANCEL_REASON = "Brak towaru"  # Allegro requires a reason when bids are cancelled

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

# Tab -> (operation, counter field, list field).
TABS = {
    OfferState.ACTIVE: ("doGetMySellItems", "sellItemsCounter", "sellItemsList"),
    OfferState.SOLD: ("doGetMySoldItems", "soldItemsCounter", "soldItemsList"),
    OfferState.NOT_SOLD: ("doGetMyNotSoldItems", "notSoldItemsCounter", "notSoldItemsList"),
    OfferState.SCHEDULED: ("doGetMyFutureItems", "futureItemsCounter", "futureItemsList"),
}

# Failures that concern one offer; anything else (login, key, connection) stops a batch.
PER_OFFER_ERRORS = (errors.OfferRejected, errors.InvalidRequest, errors.UnknownAllegroError)


def preload_wsdl() -> Future:
    """Parse the WSDL on a background thread now, so no window ever waits for it."""
    return wsdl.preload()


def password_hash(password: str) -> str:
    """doLoginEnc's userHashPassword: base64 of the raw SHA-256 digest (44 characters)."""
    return base64.b64encode(hashlib.sha256(password.encode("utf-8")).digest()).decode("ascii")


def chunks(values: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


_DEAL_EVENT_ID = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dealEventId>\s*(\d{1,19})\s*</")


def _last_of_full_page(content: bytes) -> int | None:
    """The last event id of a raw journal answer holding a full page, else None (a guess:
    the page as read must agree before the next page asked for with it is used)."""
    ids = _DEAL_EVENT_ID.findall(content)
    return int(ids[-1]) if len(ids) == JOURNAL_PAGE else None


class WebApiMarketplace:
    """Allegro over WebAPI. Thread-safe; calls may run in parallel on `pool_size` connections."""

    def __init__(
        self,
        credentials: Credentials,
        *,
        pool_size: int = 4,
        connect_timeout: float = 10.0,
        operation_timeout: float = 60.0,
        retry: RetryPolicy = RetryPolicy(),
        rate_limit: int = ratelimit.DEFAULT_LIMIT,
        rate_window: float = ratelimit.DEFAULT_WINDOW,
        accept_current_version: bool = False,
        environment: environments.Environment | None = None,
        sleep: Callable[[float], None] = time.sleep,
        fast_answers: bool = True,
    ) -> None:
        if pool_size < 1:
            raise ValueError("pool_size must be at least 1")
        env = environment or environments.for_url(credentials.url)
        if env.url != credentials.url:
            raise ValueError("the environment and the credentials name different addresses")
        self._credentials = credentials
        self.environment = env
        self.accept_current_version = accept_current_version
        self.pool_size = pool_size
        # Big answers read without zeep: offer lists by offer_lists, the journal and forms by xml_answers.
        self.fast_answers = fast_answers
        self.version_key: int | None = None  # the key the current session was opened with
        self.user_id: int | None = None
        self._configured_version = credentials.api_key_version
        for secret in (credentials.password, password_hash(credentials.password), credentials.api_key):
            logsafe.register_secret(secret)
        self._caller = SoapCaller(
            credentials.url,
            verify_tls=env.verify_tls,
            connect_timeout=connect_timeout,
            operation_timeout=operation_timeout,
            policy=retry,
            limiter=ratelimit.for_key(credentials.api_key, rate_limit, rate_window),
            sleep=sleep,
            trust_env=not environments.is_loopback(credentials.url),
            max_in_flight=pool_size,
        )
        self._pool = ThreadPoolExecutor(max_workers=pool_size, thread_name_prefix="webapi")
        # A relist's doVerifyItem calls run here, not queued behind the quantity changes a
        # sync sends on `_pool` at the same time: a relist waits for them, so they are urgent.
        self._chain_pool = ThreadPoolExecutor(max_workers=pool_size, thread_name_prefix="webapi-chain")
        # Journal pages asked for early: one in flight while the one before is read.
        self._journal_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="webapi-journal")
        self._page_pool = ThreadPoolExecutor(
            max_workers=min(OFFER_PAGES_AT_ONCE, pool_size), thread_name_prefix="webapi-pages"
        )
        self._session_lock = threading.Lock()
        self._session: str | None = None
        self._generation = 0  # bumped on every login, so racing threads log in once
        self.logins = 0
        self._clock_offset = 0.0  # Allegro's clock minus ours, learnt at login

    def __enter__(self) -> WebApiMarketplace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"WebApiMarketplace(url={self._credentials.url!r}, user={self._credentials.username!r})"

    # -- version key and login --------------------------------------------------------

    def current_version_key(self) -> int:
        answer = self._call(
            "doQuerySysStatus",
            {"sysvar": QUERY_SYSVAR, "countryId": self._credentials.country, "webapiKey": self._credentials.api_key},
            idempotent=True,
        )
        return self._read("doQuerySysStatus", lambda: responses.required_int(answer, "verKey"))

    def accept_version_key(self, value: int) -> None:
        """The user chose to use Allegro's current key; the next login uses it."""
        self._configured_version = int(value)

    def login(self) -> LoginInfo:
        with self._session_lock:
            return self._login_locked()

    def _version_to_use(self, current: int) -> int:
        if current == self._configured_version or self.accept_current_version:
            return current
        raise errors.VersionKeyMismatch(current, self._configured_version)

    def _login_locked(self) -> LoginInfo:
        key = self._version_to_use(self.current_version_key())
        hashed = password_hash(self._credentials.password)
        for attempt in (1, 2):
            try:
                answer = self._call(
                    "doLoginEnc",
                    {
                        "userLogin": self._credentials.username,
                        "userHashPassword": hashed,
                        "countryCode": self._credentials.country,
                        "webapiKey": self._credentials.api_key,
                        "localVersion": key,
                    },
                    idempotent=True,  # a second session harms nothing
                )
            except AllegroError as exc:
                if exc.code != "ERR_INVALID_VERSION_CAT_SELL_FIELDS":
                    raise
                current = self.current_version_key()
                if attempt == 2 or current == key:
                    raise errors.VersionKeyMismatch(current, self._configured_version, exc.allegro_text) from None
                key = self._version_to_use(current)  # the key moved between the two calls
                continue
            handle = self._read("doLoginEnc", lambda: responses.opt_str(answer, "sessionHandlePart"))
            if not handle:
                raise errors.InvalidResponse("doLoginEnc", "no session handle")
            logsafe.register_secret(handle)
            self._session = handle
            self._generation += 1
            self.logins += 1
            self.version_key = key
            self.user_id = self._read("doLoginEnc", lambda: responses.opt_int(answer, "userId"))
            server_time = self._read("doLoginEnc", lambda: responses.unix_time(responses._get(answer, "serverTime")))
            if server_time is not None:
                self._clock_offset = server_time.timestamp() - time.time()
            log.info("logged in to %s as %s", self._credentials.url, self._credentials.username)
            return LoginInfo(user_id=self.user_id, version_key=key, server_time=server_time)
        raise AssertionError("unreachable")

    def _current_session(self) -> tuple[str, int]:
        with self._session_lock:
            if self._session is None:
                self._login_locked()
            assert self._session is not None
            return self._session, self._generation

    def _renew_session(self, stale_generation: int) -> None:
        with self._session_lock:
            if self._generation == stale_generation:  # nobody renewed it meanwhile
                log.info("session ended; logging in again")
                self._login_locked()

    def _server_now(self) -> datetime:
        """Allegro's idea of now (the sandbox's clock can be moved forward)."""
        return datetime.fromtimestamp(time.time() + self._clock_offset, tz=UTC)

    # -- calling ------------------------------------------------------------------------

    def _call(self, operation: str, args: dict[str, Any], *, idempotent: bool, **ids: Any) -> Any:
        return self._caller.call(operation, args, idempotent=idempotent, **ids)

    def _reader(self, operation: str) -> Callable[[bytes], Any] | None:
        return xml_answers.reader(operation) if self.fast_answers else None

    def _session_call(self, operation: str, args: dict[str, Any], *, idempotent: bool, **ids: Any) -> Any:
        """A call with the session; on an expired session, log in again and retry once.

        A session fault is Allegro refusing the call, so even a non-idempotent change
        may be sent again.
        """
        param = SESSION_PARAM[operation]
        for attempt in (1, 2):
            handle, generation = self._current_session()
            try:
                return self._call(operation, {param: handle, **args}, idempotent=idempotent, **ids)
            except errors.SessionExpired:
                if attempt == 2:
                    raise
            self._renew_session(generation)
        raise AssertionError("unreachable")

    @staticmethod
    def _read(operation: str, convert: Callable[[], R]) -> R:
        """Convert an answer; a contract breach becomes InvalidResponse, not a crash."""
        try:
            return convert()
        except responses.Malformed as exc:
            detail = str(exc)
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            detail = f"{type(exc).__name__}: {exc}"
        raise errors.InvalidResponse(operation, detail)

    def _parallel(
        self,
        tasks: Sequence[T],
        run: Callable[[T], R],
        progress: Progress | None = None,
        pool: ThreadPoolExecutor | None = None,
    ) -> list[R]:
        """Run `run` over `tasks` on the pool; results in task order.

        The first error that is not about one task cancels what has not started and is
        raised with the finished results in `error.completed`.
        """
        if not tasks:
            return []
        pool = pool or self._pool
        futures = {pool.submit(run, task): index for index, task in enumerate(tasks)}
        results: list[Any] = [None] * len(tasks)
        done = 0
        failure: BaseException | None = None
        # as_completed waits on all futures at once; wait() in a loop would re-register
        # on every pending future each time, quadratic in a 2,000-offer batch.
        for future in as_completed(futures):
            if future.cancelled():
                continue
            exc = future.exception()
            if exc is not None:
                if failure is None:
                    failure = exc
                    for other in futures:  # what has not started never will
                        other.cancel()
                continue
            results[futures[future]] = future.result()
            done += 1
            if progress and failure is None:
                progress(done, len(tasks))
        if failure is not None:
            if isinstance(failure, AllegroError):
                failure.completed = tuple(r for r in results if r is not None)
            raise failure
        return results

    # -- offers -------------------------------------------------------------------------

    def offers(self, states: Iterable[OfferState] = (OfferState.ACTIVE,)) -> Iterator[Offer]:
        """Every offer in the given My Allegro tabs, 1000 a page; each id once (first tab wins)."""
        seen: set[int] = set()
        tabs = responses.unique(states)
        # The other tabs' first pages are asked for at once, beside the first tab's pages:
        # most tabs fit on one page, and asked for one after another they waited for the
        # first tab's last page to be read. Their answers are still handed over in order.
        firsts = {state: self._page_pool.submit(self._tab_page, state, 0) for state in tabs[1:]}
        try:
            for state in tabs:
                first = firsts.get(state)
                for offer in self._tab(state, first.result() if first is not None else None):
                    if offer.offer_id not in seen:
                        seen.add(offer.offer_id)
                        yield offer
        finally:
            for future in firsts.values():
                future.cancel()  # a failure, or the reader stopped: what has not started never will

    def _tab_page(self, state: OfferState, page: int) -> tuple[int, list[Offer]]:
        operation, counter, field = TABS[state]
        # Read in C (core/allegro/offer_lists.py), or by zeep when fast answers are off.
        reader = offer_lists.reader(operation, field, counter) if self.fast_answers else None
        answer = self._session_call(
            operation, {"pageSize": OFFERS_PAGE, "pageNumber": page}, idempotent=True, reader=reader
        )

        def convert() -> tuple[int, list[Offer]]:
            if isinstance(answer, offer_lists.Page):
                count = answer.counter
                rows = [offer_lists.offer(row, state) for row in answer.rows]
            else:  # zeep read it (fast answers off, or an answer the reader left to zeep)
                count = responses.opt_int(answer, counter, -1)
                rows = [responses.offer_from_list(row, state) for row in responses.items(responses._get(answer, field))]
            if len(rows) > OFFERS_PAGE:
                raise responses.Malformed(f"{len(rows)} offers on a page of {OFFERS_PAGE}")
            return count, rows

        return self._read(operation, convert)

    def _tab(self, state: OfferState, first: tuple[int, list[Offer]] | None = None) -> Iterator[Offer]:
        count, rows = first if first is not None else self._tab_page(state, 0)
        yield from rows
        if len(rows) < OFFERS_PAGE or 0 <= count <= OFFERS_PAGE:
            return
        page = 1
        if count > OFFERS_PAGE:
            # The counter tells how many pages there are: fetch them side by side.
            # They are handed over in order as they arrive, so the reader can compare each
            # page while the next ones are on their way.
            pages = [self._page_pool.submit(self._tab_page, state, p) for p in range(1, (count - 1) // OFFERS_PAGE + 1)]
            try:
                for page in pages:
                    yield from page.result()[1]
            finally:
                for page in pages:
                    page.cancel()  # a failure, or the reader stopped: what has not started never will
            return
        while True:  # no counter in the answer: page until a short page
            _, rows = self._tab_page(state, page)
            yield from rows
            if len(rows) < OFFERS_PAGE:
                return
            page += 1

    def offers_by_id(self, offer_ids: Iterable[int]) -> list[Offer]:
        ids = responses.unique(int(i) for i in offer_ids)
        batches = list(chunks(ids, ITEMS_INFO_BATCH))
        now = self._server_now()

        def fetch(batch: Sequence[int]) -> list[Offer]:
            answer = self._session_call(
                "doGetItemsInfo", {"itemsIdArray": {"item": list(batch)}}, idempotent=True
            )
            return self._read(
                "doGetItemsInfo",
                lambda: [
                    responses.offer_from_info(row, now)
                    for row in responses.items(responses._get(answer, "arrayItemListInfo"))
                ],
            )

        found = {offer.offer_id: offer for page in self._parallel(batches, fetch) for offer in page}
        return [found[i] for i in ids if i in found]

    # -- orders -------------------------------------------------------------------------

    def journal(self, start: int | None) -> Iterator[list[JournalDeal]]:
        """Pages of up to 100 events after `start`; stops at the first short page.

        Each page starts after the last event of the one before, so the pages come one
        after another: a sync's longest chain of calls. To keep it short, a full page's
        last event id is taken from its raw answer and the next page asked for (on a
        thread of its own) while this one is still being read. The page as read must end
        with that same event, else the early answer is dropped and the page asked for
        again; a short page asks for nothing more, so no call is made that was not needed.
        """
        stopped = threading.Event()  # the reader has gone: ask for nothing more
        page = self._journal_page(start, (stopped,))
        cursor = start
        try:
            while True:
                deals, early = page
                if len(deals) > JOURNAL_PAGE:
                    raise errors.InvalidResponse("doGetSiteJournalDeals", f"{len(deals)} events on a page of 100")
                if deals:
                    if cursor is not None and deals[-1].event_id <= cursor:
                        raise errors.InvalidResponse("doGetSiteJournalDeals", "the journal went backwards")
                    yield deals
                if len(deals) < JOURNAL_PAGE:
                    return
                cursor = deals[-1].event_id
                ahead = None
                for guess, (future, wrong) in early.items():
                    if guess == cursor:
                        ahead = future
                    else:  # the raw answer said another last event: drop that branch
                        wrong.set()
                        future.cancel()
                page = ahead.result() if ahead is not None else self._journal_page(cursor, (stopped,))
        finally:
            stopped.set()

    def _journal_page(
        self, cursor: int | None, stops: tuple[threading.Event, ...]
    ) -> tuple[list[JournalDeal], dict[int, tuple[Future, threading.Event]]]:
        """One page's events, and {cursor: (the next page asked for early, its stop)} when
        this one was full. Nothing is asked for early once any of `stops` is set."""
        early: dict[int, tuple[Future, threading.Event]] = {}
        read = self._reader("doGetSiteJournalDeals")

        def look_ahead_then_read(content: bytes) -> Any:
            last = _last_of_full_page(content)
            if last is not None and not early and not any(stop.is_set() for stop in stops):
                branch = threading.Event()
                early[last] = (self._journal_pool.submit(self._journal_page, last, (*stops, branch)), branch)
            return read(content)

        answer = self._session_call(
            "doGetSiteJournalDeals",
            {} if cursor is None else {"journalStart": cursor},
            idempotent=True,
            reader=look_ahead_then_read if read is not None else None,
            urgent=True,  # the chain goes first when connections are short
        )
        deals = self._read(
            "doGetSiteJournalDeals",
            lambda: [responses.journal_deal(row) for row in responses.items(responses.part(answer, "siteJournalDeals"))],
        )
        return deals, early

    def post_buy_forms(self, form_ids: Iterable[int]) -> list[PostBuyForm]:
        ids = responses.unique(int(i) for i in form_ids)

        def fetch(batch: Sequence[int]) -> list[PostBuyForm]:
            answer = self._session_call(
                "doGetPostBuyFormsDataForSellers",
                {"transactionsIdsArray": {"item": list(batch)}},
                idempotent=True,
                reader=self._reader("doGetPostBuyFormsDataForSellers"),
            )
            return self._read(
                "doGetPostBuyFormsDataForSellers",
                lambda: [
                    responses.post_buy_form(row)
                    for row in responses.items(responses.part(answer, "postBuyFormData"))
                ],
            )

        batches = list(chunks(ids, FORMS_BATCH))
        # One batch (what the order feed asks for, from threads of its own) is fetched on
        # the caller's thread: on the pool it would queue behind the listing pages.
        pages = [fetch(batches[0])] if len(batches) == 1 else self._parallel(batches, fetch)
        found = {form.form_id: form for page in pages for form in page}
        return [found[i] for i in ids if i in found]

    # -- quantities ---------------------------------------------------------------------

    def change_quantities(
        self, changes: Iterable[QuantityChange], progress: Progress | None = None
    ) -> list[QuantityResult]:
        """Set each offer's quantity left; one call per offer, `pool_size` at a time.

        doChangeQuantityItem sets the *initial* quantity, so it is sent quantity_left +
        sold_quantity. Setting an absolute value twice is harmless, so it is retried.
        A refusal for one offer is a result; a failure of the account or the connection
        stops the rest and is raised, with the finished results in `error.completed`.
        """
        return self._parallel(list(changes), self._change_quantity, progress)

    def _change_quantity(self, change: QuantityChange) -> QuantityResult:
        unanswered: list[AllegroError] = []  # attempts that may still land later
        try:
            answer = self._session_call(
                "doChangeQuantityItem",
                {"itemId": change.offer_id, "newItemQuantity": change.quantity_left + change.sold_quantity},
                idempotent=True,
                on_maybe_done=unanswered.append,
            )
        except PER_OFFER_ERRORS as exc:
            return QuantityResult(
                change.offer_id, ok=False, error_code=exc.code, message=exc.message, may_land_late=bool(unanswered)
            )
        left = self._read("doChangeQuantityItem", lambda: responses.opt_int(answer, "itemQuantityLeft", -1))
        return QuantityResult(
            change.offer_id, ok=True, quantity_left=None if left < 0 else left, may_land_late=bool(unanswered)
        )

    # -- ending -------------------------------------------------------------------------

    def finish(self, requests: Iterable[FinishRequest], progress: Progress | None = None) -> list[FinishResult]:
        """End offers, 25 a call, one call after another.

        Offers Allegro lists as failed with a "not now" code (ERR_WEBAPI_NOT_AVAIL,
        as it did in 2019) were explicitly not ended, so they are sent again after a
        backoff. If a call's outcome is unknown (the connection broke after sending),
        nothing more is sent: OutcomeUnknown names that call's offers and carries the
        results known so far in `completed`.
        """
        todo = responses.unique_by(list(requests), lambda r: r.offer_id)
        results = self._batches_with_retry(
            todo, FINISH_BATCH, self._finish_batch, lambda r: r.offer_id, progress
        )
        return [results[r.offer_id] for r in todo]

    def _batches_with_retry(
        self,
        todo: Sequence[T],
        size: int,
        send: Callable[[Sequence[T]], dict[int, Any]],
        key: Callable[[T], int],
        progress: Progress | None,
    ) -> dict[int, Any]:
        """Send `todo` in batches, one after another; resend items refused as transient."""
        results: dict[int, Any] = {}
        done = 0
        for batch in chunks(todo, size):
            pending = list(batch)
            attempt = 0
            while pending:
                try:
                    results.update(send(pending))
                except AllegroError as exc:
                    unknown = set(getattr(exc, "offer_ids", ()))
                    exc.completed = tuple(
                        results[key(item)] for item in todo if key(item) in results and key(item) not in unknown
                    )
                    raise
                attempt += 1
                pending = [item for item in pending if results[key(item)].error_code in soap.TRANSIENT_CODES]
                if not pending or attempt > self._caller.policy.retries:
                    break
                log.info("%d offers refused for now; sending them again", len(pending))
                self._caller.backoff(attempt)
            done += len(batch)
            if progress:
                progress(done, len(todo))
        return results

    def _finish_batch(self, batch: Sequence[FinishRequest]) -> dict[int, FinishResult]:
        ids = [r.offer_id for r in batch]
        structs = []
        for request in batch:
            struct: dict[str, Any] = {"finishItemId": request.offer_id, "finishCancelAllBids": int(request.cancel_bids)}
            if request.cancel_bids:
                struct["finishCancelReason"] = request.reason or DEFAULT_CANCEL_REASON
            structs.append(struct)
        answer = self._session_call(  # urgent: the next batch waits for this one
            "doFinishItems", {"finishItemsList": {"item": structs}}, idempotent=False, offer_ids=ids, urgent=True
        )

        def convert() -> dict[int, FinishResult]:
            succeeded = set(responses.id_list(responses._get(answer, "finishItemsSucceed")))
            failed = {}
            for row in responses.items(responses._get(answer, "finishItemsFailed")):
                failed[responses.required_int(row, "finishItemId")] = (
                    responses.opt_str(row, "finishErrorCode"),
                    responses.opt_str(row, "finishErrorMessage"),
                )
            out = {}
            for offer_id in ids:
                if offer_id in succeeded:
                    out[offer_id] = FinishResult(offer_id, ok=True)
                elif offer_id in failed:
                    code, text = failed[offer_id]
                    out[offer_id] = FinishResult(
                        offer_id,
                        ok=False,
                        error_code=code,
                        message=_sentence(code, text),
                        unknown=outcomes.of_item_answer(outcomes.END, code) is Outcome.UNKNOWN,
                    )
                else:
                    out[offer_id] = _unreported_finish(offer_id)
            return out

        return self._read_after_change("doFinishItems", convert, offer_ids=ids)

    def _read_after_change(self, operation: str, convert: Callable[[], R], **ids: Iterable[int]) -> R:
        """Reading the answer to a change: if it cannot be read, the change may have happened."""
        try:
            return self._read(operation, convert)
        except errors.InvalidResponse as exc:
            raise OutcomeUnknown(operation, cause=exc, **ids) from None

    # -- relisting ----------------------------------------------------------------------

    def relist(self, requests: Iterable[RelistRequest], progress: Progress | None = None) -> list[RelistResult]:
        """Relist ended offers (doSellSomeAgain, 25 a call), then learn each new id (doVerifyItem).

        Requests are grouped by duration and start time, since one call takes one of each.
        As with `finish`, an unknown outcome stops further calls and raises OutcomeUnknown
        naming the offers and localIds of that call.
        """
        todo = responses.unique_by(list(requests), lambda r: r.offer_id)
        groups: dict[tuple[int, int], list[RelistRequest]] = {}
        for request in todo:
            groups.setdefault((request.duration_days, _unix(request.start_at)), []).append(request)
        results: dict[int, RelistResult] = {}
        done = 0
        for (duration, start), group in groups.items():

            def step(done_here: int, _total: int, base: int = done) -> None:
                if progress:
                    progress(base + done_here, len(todo))

            try:
                results.update(
                    self._batches_with_retry(
                        group,
                        RELIST_BATCH,
                        lambda batch, d=duration, s=start: self._relist_batch(batch, d, s),
                        lambda r: r.offer_id,
                        step,
                    )
                )
            except AllegroError as exc:
                exc.completed = tuple(results.values()) + exc.completed
                raise
            done += len(group)
        return [results[r.offer_id] for r in todo]

    def _relist_batch(self, batch: Sequence[RelistRequest], duration: int, start: int) -> dict[int, RelistResult]:
        ids = [r.offer_id for r in batch]
        local_ids = [r.local_id for r in batch]
        answer = self._session_call(
            "doSellSomeAgain",
            {
                "sellItemsArray": {"item": ids},
                "sellStartingTime": start,
                "sellAuctionDuration": duration,
                "sellOptions": 0,  # keep the ended offer on its tab, as the seller left it
                "localIds": {"item": local_ids},
            },
            idempotent=False,
            offer_ids=ids,
            local_ids=local_ids,
            urgent=True,  # the verifies and the next batch wait for it
        )

        def convert() -> tuple[set[int], dict[int, tuple[str, str]], set[int]]:
            again = {
                responses.required_int(row, "sellItemId")
                for row in responses.items(responses._get(answer, "itemsSellAgain"))
            }
            failed = {
                responses.required_int(row, "sellItemId"): (
                    responses.opt_str(row, "sellFaultCode"),
                    responses.opt_str(row, "sellFaultString"),
                )
                for row in responses.items(responses._get(answer, "itemsSellFailed"))
            }
            not_found = set(responses.id_list(responses._get(answer, "itemsSellNotFound")))
            return again, failed, not_found

        again, failed, not_found = self._read_after_change(
            "doSellSomeAgain", convert, offer_ids=ids, local_ids=local_ids
        )
        relisted = [r for r in batch if r.offer_id in again]
        verified = self._verify_quietly([r.local_id for r in relisted])
        in_future = bool(start and start > self._server_now().timestamp())
        out: dict[int, RelistResult] = {}
        for request in batch:
            if request.offer_id in again:
                found = verified.get(request.local_id)
                scheduled = bool(found and found.listed == 2) or in_future
                out[request.offer_id] = RelistResult(
                    request.offer_id,
                    request.local_id,
                    ok=True,
                    new_offer_id=found.offer_id if found else None,
                    scheduled=scheduled,
                )
            elif request.offer_id in failed:
                code, text = failed[request.offer_id]
                out[request.offer_id] = RelistResult(
                    request.offer_id,
                    request.local_id,
                    ok=False,
                    error_code=code,
                    message=_sentence(code, text),
                    unknown=outcomes.of_item_answer(outcomes.RELIST, code) is Outcome.UNKNOWN,
                )
            elif request.offer_id in not_found:
                out[request.offer_id] = RelistResult(
                    request.offer_id,
                    request.local_id,
                    ok=False,
                    error_code="ERR_INVALID_ITEM_ID",
                    message=_sentence("ERR_INVALID_ITEM_ID", ""),
                )
            else:
                unknown = OutcomeUnknown("doSellSomeAgain")
                out[request.offer_id] = RelistResult(
                    request.offer_id,
                    request.local_id,
                    ok=False,
                    error_code=unknown.code,
                    message=unknown.message,
                    unknown=True,
                )
        return out

    def _verify_quietly(self, local_ids: list[int]) -> dict[int, VerifiedOffer]:
        """After a relist that succeeded, a failed lookup must not hide the success."""
        try:
            return {v.local_id: v for v in self.verify(local_ids, urgent=True) if v.offer_id is not None}
        except AllegroError as exc:
            found = getattr(exc, "completed", ())
            log.warning("could not learn the new ids of %d relisted offers: %s", len(local_ids), exc.code)
            return {v.local_id: v for v in found if v.offer_id is not None}

    def verify(self, local_ids: Iterable[int], *, urgent: bool = False) -> list[VerifiedOffer]:
        """What Allegro listed under each localId. `urgent` (a relist waiting for its ids): on
        the chain pool, and first for a connection."""
        ids = responses.unique(int(i) for i in local_ids)
        if urgent:
            return self._parallel(ids, lambda i: self._verify_one(i, urgent=True), pool=self._chain_pool)
        return self._parallel(ids, self._verify_one)

    def _verify_one(self, local_id: int, urgent: bool = False) -> VerifiedOffer:
        try:
            answer = self._session_call("doVerifyItem", {"localId": local_id}, idempotent=True, urgent=urgent)
        except (errors.InvalidRequest, errors.OfferRejected) as exc:
            if exc.code in ("ERR_INVALID_VALUE_IN_LOCAL_ID", "ERR_INVALID_ITEM_ID"):
                return VerifiedOffer(local_id, offer_id=None, listed=-1)
            raise

        def convert() -> VerifiedOffer:
            item_id = responses.required_int(answer, "itemId")
            return VerifiedOffer(
                local_id,
                offer_id=item_id if item_id > 0 else None,
                listed=responses.opt_int(answer, "itemListed", -1),
                start_time=responses.unix_time(responses._get(answer, "itemStartingTime")),
            )

        return self._read("doVerifyItem", convert)

    # -- tracking -----------------------------------------------------------------------

    def add_tracking(self, form_id: int, packages: Iterable[Package]) -> TrackingResult:
        """Attach parcels to a post-buy form (20 a call). Never resent blindly: see finish()."""
        todo = list(packages)
        added: list[str] = []
        wrong_carrier: list[str] = []
        wrong_number: list[str] = []
        for batch in chunks(todo, PACKAGES_PER_CALL):
            info = []
            for package in batch:
                entry: dict[str, Any] = {"operatorId": package.carrier_id, "packageId": package.tracking_number}
                if package.carrier_name:
                    entry["operatorName"] = package.carrier_name
                info.append(entry)
            try:
                answer = self._session_call(
                    "doAddPackageInfoToPostBuyForm",
                    {"transactionId": form_id, "packageInfo": {"item": info}},
                    idempotent=False,
                    form_ids=[form_id],
                )
                result = self._read_after_change(
                    "doAddPackageInfoToPostBuyForm",
                    lambda: responses.part(answer, "postBuyFormPackageInfo"),
                    form_ids=[form_id],
                )
            except AllegroError as exc:
                exc.completed = (TrackingResult(form_id, tuple(added), tuple(wrong_carrier), tuple(wrong_number)),)
                raise
            added += responses.str_list(responses._get(result, "packageIdsAdded"))
            wrong_carrier += responses.str_list(responses._get(result, "packageIdsNotAddedIncorrectOperatorId"))
            wrong_number += responses.str_list(responses._get(result, "packageIdsNotAddedIncorrectPackageId"))
        return TrackingResult(form_id, tuple(added), tuple(wrong_carrier), tuple(wrong_number))

    # -- lifecycle ----------------------------------------------------------------------

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._chain_pool.shutdown(wait=True, cancel_futures=True)
        self._page_pool.shutdown(wait=True, cancel_futures=True)
        self._journal_pool.shutdown(wait=True, cancel_futures=True)
        self._caller.close()


def _sentence(code: str, allegro_text: str) -> str:
    return errors.error_for(code, allegro_text).message


def _unreported_finish(offer_id: int) -> FinishResult:
    unknown = OutcomeUnknown("doFinishItems", offer_ids=[offer_id])
    return FinishResult(offer_id, ok=False, error_code=unknown.code, message=unknown.message, unknown=True)


def _unix(moment: datetime | None) -> int:
    if moment is None:
        return 0  # 0 = list now
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())
