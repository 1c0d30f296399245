"""What the WebAPI adapter reads: offer lists, offers by id, the deals journal, post-buy forms."""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from typing import Any

from core.allegro import errors, offer_lists, responses, xml_answers
from core.allegro.batching import Lane, chunks, run_parallel
from core.allegro.port import JournalDeal, Offer, OfferState, PostBuyForm
from core.allegro.webapi_session import WebApiSession, read_answer

FORMS_BATCH = 25
ITEMS_INFO_BATCH = 10
JOURNAL_PAGE = 100
OFFERS_PAGE = 1000

# Tab -> (operation, counter field, list field).
TABS = {
    OfferState.ACTIVE: ("doGetMySellItems", "sellItemsCounter", "sellItemsList"),
    OfferState.SOLD: ("doGetMySoldItems", "soldItemsCounter", "soldItemsList"),
    OfferState.NOT_SOLD: ("doGetMyNotSoldItems", "notSoldItemsCounter", "notSoldItemsList"),
    OfferState.SCHEDULED: ("doGetMyFutureItems", "futureItemsCounter", "futureItemsList"),
}

_DEAL_EVENT_ID = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dealEventId>\s*(\d{1,19})\s*</")

EarlyPages = dict[int, tuple[Future, threading.Event]]


def last_event_of_full_page(content: bytes) -> int | None:
    """The last event id of a raw journal answer holding a full page, else None (a guess:
    the page as read must agree before the next page asked for with it is used)."""
    ids = _DEAL_EVENT_ID.findall(content)
    return int(ids[-1]) if len(ids) == JOURNAL_PAGE else None


class OfferReads:
    """The seller's offers: My Allegro's tabs page by page, and offers by id."""

    def __init__(self, session: WebApiSession, pool: Executor, pages: Lane, *, fast_answers: bool) -> None:
        self.session = session
        self.pool = pool
        self.pages = pages  # offer-list pages fetched at once, beside other work on the pool
        self.fast_answers = fast_answers

    def offers(self, states: Iterable[OfferState]) -> Iterator[Offer]:
        """Every offer in the given tabs, 1000 a page; each id once (first tab wins)."""
        seen: set[int] = set()
        tabs = responses.unique(states)
        # The other tabs' first pages are asked for at once, beside the first tab's pages:
        # most tabs fit on one page. Their answers are still handed over in order.
        firsts = {state: self.pages.submit(self.tab_page, state, 0) for state in tabs[1:]}
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

    def tab_page(self, state: OfferState, page: int) -> tuple[int, list[Offer]]:
        """One page of a tab: (the tab's counter, or -1 when absent; its offers)."""
        operation, counter, field = TABS[state]
        # Read in C (offer_lists.py), or by zeep when fast answers are off.
        reader = offer_lists.reader(operation, field, counter) if self.fast_answers else None
        answer = self.session.call(
            operation, {"pageSize": OFFERS_PAGE, "pageNumber": page}, idempotent=True, reader=reader
        )

        def convert() -> tuple[int, list[Offer]]:
            if isinstance(answer, offer_lists.Page):
                count = answer.counter
                rows = [offer_lists.offer(row, state) for row in answer.rows]
            else:  # zeep read it (fast answers off, or an answer the reader left to zeep)
                count = responses.opt_int(answer, counter, -1)
                rows = [
                    responses.offer_from_list(row, state) for row in responses.items(responses.field(answer, field))
                ]
            if len(rows) > OFFERS_PAGE:
                raise responses.Malformed(f"{len(rows)} offers on a page of {OFFERS_PAGE}")
            return count, rows

        return read_answer(operation, convert)

    def _tab(self, state: OfferState, first: tuple[int, list[Offer]] | None = None) -> Iterator[Offer]:
        count, rows = first if first is not None else self.tab_page(state, 0)
        yield from rows
        if len(rows) < OFFERS_PAGE or 0 <= count <= OFFERS_PAGE:
            return
        if count > OFFERS_PAGE:
            yield from self._counted_pages(state, (count - 1) // OFFERS_PAGE + 1)
            return
        page = 1
        while True:  # no counter in the answer: page until a short page
            _, rows = self.tab_page(state, page)
            yield from rows
            if len(rows) < OFFERS_PAGE:
                return
            page += 1

    def _counted_pages(self, state: OfferState, pages: int) -> Iterator[Offer]:
        """Pages 1.. of a tab whose counter says how many: fetched side by side, handed over
        in order as they arrive, so the reader compares each while the next are on their way."""
        futures = [self.pages.submit(self.tab_page, state, p) for p in range(1, pages)]
        try:
            for future in futures:
                yield from future.result()[1]
        finally:
            for future in futures:
                future.cancel()  # a failure, or the reader stopped: what has not started never will

    def by_id(self, offer_ids: Iterable[int]) -> list[Offer]:
        ids = responses.unique(int(i) for i in offer_ids)
        now = self.session.server_now()

        def fetch(batch: Sequence[int]) -> list[Offer]:
            answer = self.session.call("doGetItemsInfo", {"itemsIdArray": {"item": list(batch)}}, idempotent=True)
            return read_answer(
                "doGetItemsInfo",
                lambda: [
                    responses.offer_from_info(row, now)
                    for row in responses.items(responses.field(answer, "arrayItemListInfo"))
                ],
            )

        pages = run_parallel(self.pool, list(chunks(ids, ITEMS_INFO_BATCH)), fetch)
        found = {offer.offer_id: offer for page in pages for offer in page}
        return [found[i] for i in ids if i in found]


class OrderReads:
    """Orders: the deals journal page by page, and post-buy forms by id."""

    def __init__(self, session: WebApiSession, pool: Executor, chain_pool: Executor, *, fast_answers: bool) -> None:
        self.session = session
        self.pool = pool
        self.chain_pool = chain_pool  # journal pages asked for early
        self.fast_answers = fast_answers

    def _reader(self, operation: str) -> Callable[[bytes], Any] | None:
        return xml_answers.reader(operation) if self.fast_answers else None

    def journal(self, start: int | None) -> Iterator[list[JournalDeal]]:
        """Pages of up to 100 events after `start`; stops at the first short page.

        Each page starts after the last event of the one before, so the pages come one
        after another: a sync's longest chain of calls. To keep it short, a full page's
        last event id is taken from its raw answer and the next page asked for (on the
        chain pool) while this one is still being read. The page as read must end with
        that same event, else the early answer is dropped and the page asked for again;
        a short page asks for nothing more, so no call is made that was not needed.
        """
        stopped = threading.Event()  # the reader has gone: ask for nothing more
        page = self.journal_page(start, (stopped,))
        cursor = start
        try:
            while True:
                deals, early = page
                _check_page(deals, cursor)
                if deals:
                    yield deals
                if len(deals) < JOURNAL_PAGE:
                    return
                cursor = deals[-1].event_id
                ahead = _keep_matching(early, cursor)
                page = ahead.result() if ahead is not None else self.journal_page(cursor, (stopped,))
        finally:
            stopped.set()

    def journal_page(
        self, cursor: int | None, stops: tuple[threading.Event, ...]
    ) -> tuple[list[JournalDeal], EarlyPages]:
        """One page's events, and {cursor: (the next page asked for early, its stop)} when
        this one was full. Nothing is asked for early once any of `stops` is set."""
        early: EarlyPages = {}
        read = self._reader("doGetSiteJournalDeals")

        def look_ahead_then_read(content: bytes) -> Any:
            last = last_event_of_full_page(content)
            if last is not None and not early and not any(stop.is_set() for stop in stops):
                branch = threading.Event()
                early[last] = (self.chain_pool.submit(self.journal_page, last, (*stops, branch)), branch)
            return read(content)

        answer = self.session.call(
            "doGetSiteJournalDeals",
            {} if cursor is None else {"journalStart": cursor},
            idempotent=True,
            reader=look_ahead_then_read if read is not None else None,
            urgent=True,  # the chain goes first when connections are short
        )
        deals = read_answer(
            "doGetSiteJournalDeals",
            lambda: [responses.journal_deal(row) for row in responses.items(responses.part(answer, "siteJournalDeals"))],
        )
        return deals, early

    def post_buy_forms(self, form_ids: Iterable[int]) -> list[PostBuyForm]:
        ids = responses.unique(int(i) for i in form_ids)

        def fetch(batch: Sequence[int]) -> list[PostBuyForm]:
            answer = self.session.call(
                "doGetPostBuyFormsDataForSellers",
                {"transactionsIdsArray": {"item": list(batch)}},
                idempotent=True,
                reader=self._reader("doGetPostBuyFormsDataForSellers"),
            )
            return read_answer(
                "doGetPostBuyFormsDataForSellers",
                lambda: [
                    responses.post_buy_form(row) for row in responses.items(responses.part(answer, "postBuyFormData"))
                ],
            )

        batches = list(chunks(ids, FORMS_BATCH))
        # One batch (what the order feed asks for, from threads of its own) is fetched on
        # the caller's thread: on the pool it would queue behind the listing pages.
        pages = [fetch(batches[0])] if len(batches) == 1 else run_parallel(self.pool, batches, fetch)
        found = {form.form_id: form for page in pages for form in page}
        return [found[i] for i in ids if i in found]


def _check_page(deals: list[JournalDeal], cursor: int | None) -> None:
    if len(deals) > JOURNAL_PAGE:
        raise errors.InvalidResponse("doGetSiteJournalDeals", f"{len(deals)} events on a page of 100")
    if deals and cursor is not None and deals[-1].event_id <= cursor:
        raise errors.InvalidResponse("doGetSiteJournalDeals", "the journal went backwards")


def _keep_matching(early: EarlyPages, cursor: int) -> Future | None:
    """The page asked for early from `cursor`, if any; other early branches are dropped."""
    ahead = None
    for guess, (future, wrong) in early.items():
        if guess == cursor:
            ahead = future
        else:  # the raw answer said another last event: drop that branch
            wrong.set()
            future.cancel()
    return ahead
