"""The `Marketplace` port over Allegro's legacy SOAP WebAPI (zeep, the production WSDL).

    mp = WebApiMarketplace(credentials)          # Credentials from core/allegro/port.py
    mp.login()                                    # raises VersionKeyMismatch(current) etc.
    for offer in mp.offers([OfferState.ACTIVE]):  # paged for you
        ...
    mp.change_quantities([...])                   # parallel on a small pool
    mp.close()

Where each part lives:
- webapi_session.py: the version key, login, re-login on an expired session.
- webapi_reads.py: offer lists (pages of 1000), doGetItemsInfo (10 a call), the deals
  journal (pages of 100), post-buy forms (25 a call).
- webapi_changes.py: quantities, ends and relists (25 a call), the new ids of relisted
  offers (doVerifyItem), tracking numbers.
- batching.py: batches, parallel runs, lanes and connection slots (shared with REST).
- soap.py: one call, with retries, the rate limit and the exactly-once rule.
- webapi_ids.py: the port's text ids to WebAPI numbers and back, at this class's edge.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from core.allegro import environments, logsafe, ratelimit, webapi_ids as ids, wsdl
from core.allegro.batching import Lane
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
from core.allegro.webapi_changes import Changes
from core.allegro.webapi_reads import TABS, OfferReads, OrderReads
from core.allegro.webapi_session import SESSION_PARAM, WebApiSession, password_hash

__all__ = ["SESSION_PARAM", "TABS", "WebApiMarketplace", "password_hash", "preload_wsdl"]

# Offer-list pages fetched at once: two keep the listings in step with the deals journal
# read beside them (docs/performance.md).
OFFER_PAGES_AT_ONCE = 2


def preload_wsdl() -> Future:
    """Parse the WSDL on a background thread now, so no window ever waits for it."""
    return wsdl.preload()


class WebApiMarketplace:
    """Allegro over WebAPI. Thread-safe; calls may run in parallel on `pool_size` connections.

    Two thread pools: `pool` for work sent side by side (quantities, offer pages in a lane
    of their own, lookups) and `chain_pool` for calls something waits on one after another
    (the journal's next page, a relist's new ids), so they never queue behind the first.
    """

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
        self.environment = env
        self.pool_size = pool_size
        for secret in (credentials.password, password_hash(credentials.password), credentials.api_key):
            logsafe.register_secret(secret)
        caller = SoapCaller(
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
        self.session = WebApiSession(credentials, caller, accept_current_version=accept_current_version)
        self.pool = ThreadPoolExecutor(max_workers=pool_size, thread_name_prefix="webapi")
        self.chain_pool = ThreadPoolExecutor(max_workers=pool_size, thread_name_prefix="webapi-chain")
        self.pages = Lane(self.pool, min(OFFER_PAGES_AT_ONCE, pool_size))
        self.offer_reads = OfferReads(self.session, self.pool, self.pages, fast_answers=fast_answers)
        self.order_reads = OrderReads(self.session, self.pool, self.chain_pool, fast_answers=fast_answers)
        self.changes = Changes(self.session, self.pool, self.chain_pool)

    def __enter__(self) -> WebApiMarketplace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        credentials = self.session.credentials
        return f"WebApiMarketplace(url={credentials.url!r}, user={credentials.username!r})"

    # -- the session ----------------------------------------------------------------------

    @property
    def accept_current_version(self) -> bool:
        return self.session.accept_current_version

    @accept_current_version.setter
    def accept_current_version(self, value: bool) -> None:
        self.session.accept_current_version = value

    @property
    def version_key(self) -> int | None:
        """The key the current session was opened with."""
        return self.session.version_key

    @property
    def user_id(self) -> int | None:
        return self.session.user_id

    @property
    def logins(self) -> int:
        return self.session.logins

    def current_version_key(self) -> int:
        return self.session.current_version_key()

    def accept_version_key(self, value: int) -> None:
        """The user chose to use Allegro's current key; the next login uses it."""
        self.session.accept_version_key(value)

    def login(self) -> LoginInfo:
        return self.session.login()

    @property
    def fast_answers(self) -> bool:
        """Big answers read without zeep (offer_lists.py, xml_answers.py)."""
        return self.offer_reads.fast_answers

    @fast_answers.setter
    def fast_answers(self, value: bool) -> None:
        self.offer_reads.fast_answers = self.order_reads.fast_answers = value

    # -- reading --------------------------------------------------------------------------

    def offers(self, states: Iterable[OfferState] = (OfferState.ACTIVE,)) -> Iterator[Offer]:
        """Every offer in the given My Allegro tabs, 1000 a page; each id once (first tab wins)."""
        return (ids.offer_out(o) for o in self.offer_reads.offers(states))

    def offers_by_id(self, offer_ids: Iterable[str]) -> list[Offer]:
        with ids.outcomes_out():
            return [ids.offer_out(o) for o in self.offer_reads.by_id(ids.numbers(offer_ids, "offer"))]

    def journal(self, start: str | None) -> Iterator[list[JournalDeal]]:
        """Pages of up to 100 deal events after `start`; stops at the first short page."""
        cursor = None if start is None else ids.number(start, "event")
        return ([ids.deal_out(d) for d in page] for page in self.order_reads.journal(cursor))

    def post_buy_forms(self, form_ids: Iterable[str]) -> list[PostBuyForm]:
        with ids.outcomes_out():
            return [ids.form_out(f) for f in self.order_reads.post_buy_forms(ids.numbers(form_ids, "form"))]

    # -- changing -------------------------------------------------------------------------

    def change_quantities(
        self, changes: Iterable[QuantityChange], progress: Progress | None = None
    ) -> list[QuantityResult]:
        """Set each offer's quantity left; one call per offer, `pool_size` at a time.

        doChangeQuantityItem sets the *initial* quantity, so it is sent quantity_left +
        sold_quantity. Setting an absolute value twice is harmless, so it is retried.
        """
        with ids.outcomes_out():
            return ids.results_out(self.changes.change_quantities(ids.requests_in(changes), progress))

    def finish(self, requests: Iterable[FinishRequest], progress: Progress | None = None) -> list[FinishResult]:
        """End offers, 25 a call, one call after another.

        Offers Allegro lists as failed with a "not now" code (ERR_WEBAPI_NOT_AVAIL) were
        explicitly not ended, so they are sent again after a backoff. If a call's outcome
        is unknown (the connection broke after sending), nothing more is sent:
        OutcomeUnknown names that call's offers and carries the results known so far in
        `completed`.
        """
        with ids.outcomes_out():
            return ids.results_out(self.changes.finish(ids.requests_in(requests), progress))

    def relist(self, requests: Iterable[RelistRequest], progress: Progress | None = None) -> list[RelistResult]:
        """Relist ended offers (doSellSomeAgain, 25 a call), then learn each new id (doVerifyItem).

        Requests are grouped by duration and start time, since one call takes one of each.
        As with `finish`, an unknown outcome stops further calls and raises OutcomeUnknown
        naming the offers and localIds of that call.
        """
        with ids.outcomes_out():
            return ids.results_out(self.changes.relist(ids.requests_in(requests), progress))

    def verify(self, local_ids: Iterable[int], *, urgent: bool = False) -> list[VerifiedOffer]:
        """What Allegro listed under each localId."""
        with ids.outcomes_out():
            return ids.results_out(self.changes.verify(local_ids, urgent=urgent))

    def add_tracking(self, form_id: str, packages: Iterable[Package]) -> TrackingResult:
        """Attach parcels to a post-buy form (20 a call). Never resent blindly: see finish()."""
        with ids.outcomes_out():
            return ids.result_out(self.changes.add_tracking(ids.number(form_id, "form"), packages))

    # -- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        self.pages.close()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.chain_pool.shutdown(wait=True, cancel_futures=True)
        self.session.caller.close()
