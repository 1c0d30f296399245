"""Malformed or unexpected SOAP answers (hypothesis): a clear error, and nothing changed.

The answers are the sandbox's own, spoiled on the way by a loopback proxy
(soap_proxy.py): an element removed, emptied or given other text (a wrong type, a
huge string, a number past 64 bits), arrays absent, the XML cut off, something else
entirely in its place.

- Reading: whatever comes back, the adapter returns well-formed data (numbers that fit
  the database, text of a sane length) or raises an AllegroError with a sentence for
  the seller — never anything else.
- Syncing: an answer that breaks the contract stops the run with that sentence and
  leaves the database exactly as a lost answer would (it stores nothing the spoiled
  answer carried); once the answers are good again, the next run reaches the state of
  a fault-free run.
"""
from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from core.allegro.errors import AllegroError
from core.allegro.port import Credentials, OfferState
from core.allegro.webapi import WebApiMarketplace
from core.models import Channel, Order

from .scenario import OPERATION_TIMEOUT, PASSWORD, RETRY, differences
from .soap_proxy import SOAP_ENV, SpoilingProxy, cut_at, emptied, replaced_by, text_of, without

INT64 = 2**63
MAX_TEXT = 10_000  # no WebAPI text the app reads is anywhere near this long
HUGE = "Ż" * 1_000_000  # a 1 MB (2 MB of UTF-8) string
NOT_XML = [
    b"",
    b"<html><body><h1>502 Bad Gateway</h1></body></html>",
    b"\x00\xff\xfe garbage \x80",
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;&a;</x>',
]
NOT_A_NUMBER = st.one_of(
    st.sampled_from(["", "abc", "1.5", "1e3", "0x10", "--1", "NaN", "١٢", "9" * 40, "-" + "9" * 40]),
    st.text(min_size=1, max_size=30).filter(lambda t: not t.strip().lstrip("+-").isdigit()),
)

READS = {
    "doQuerySysStatus": lambda mp, ids: mp.login(),
    "doLoginEnc": lambda mp, ids: mp.login(),
    "doGetMySellItems": lambda mp, ids: list(mp.offers([OfferState.ACTIVE])),
    "doGetMyNotSoldItems": lambda mp, ids: list(mp.offers([OfferState.NOT_SOLD])),
    "doGetSiteJournalDeals": lambda mp, ids: [d for page in mp.journal(0) for d in page],
    "doGetPostBuyFormsDataForSellers": lambda mp, ids: mp.post_buy_forms(ids["forms"]),
    "doGetItemsInfo": lambda mp, ids: mp.offers_by_id(ids["offers"]),
}


@pytest.fixture(scope="module")
def proxy(scenario):
    running = SpoilingProxy(scenario.server.url)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def ids(scenario):
    scenario.reset()
    return {
        "forms": [o.form_id for o in Order.select()],
        "offers": [o["offer_id"] for o in scenario.control.offers()][:10],
    }


def marketplace(scenario, url: str) -> WebApiMarketplace:
    channel = Channel.get_by_id(scenario.channel_id)
    credentials = Credentials(url=url, username=channel.username, password=PASSWORD, api_key=channel.api_key,
                              api_key_version=channel.api_key_version)
    return WebApiMarketplace(credentials, pool_size=1, retry=RETRY, operation_timeout=OPERATION_TIMEOUT * 4,
                             accept_current_version=True)


def spoil_nth(index: int, how: str, text: str):
    """Spoil the index-th element of the answer (counting every element under the response)."""

    def spoil(answer: bytes) -> bytes:
        root = etree.fromstring(answer)
        response = root.find(f"{{{SOAP_ENV}}}Body")[0]
        elements = [e for e in response.iter() if isinstance(e.tag, str)][1:]
        if how == "text":  # the values: where a wrong type or a huge string does harm
            elements = [e for e in elements if not len(e)]
        if not elements:
            return answer
        element = elements[index % len(elements)]
        if how == "remove":
            element.getparent().remove(element)
        elif how == "empty":
            for child in list(element):
                element.remove(child)
            element.text = None
        elif how == "duplicate":
            element.addnext(etree.fromstring(etree.tostring(element)))
        else:
            for child in list(element):
                element.remove(child)
            element.text = text
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    return spoil


SPOILERS = st.one_of(
    st.builds(spoil_nth, st.integers(0, 500), st.sampled_from(["remove", "empty", "duplicate", "text"]),
              st.one_of(NOT_A_NUMBER, st.just(HUGE), st.text(max_size=50))),
    st.builds(cut_at, st.floats(0.01, 0.99)),
    st.builds(replaced_by, st.sampled_from(NOT_XML)),
)


def sane(value, where: str = "answer") -> list[str]:
    """What in the adapter's result could not be stored or shown as it is."""
    if isinstance(value, bool) or value is None or isinstance(value, datetime | OfferState):
        return []
    if isinstance(value, int):
        return [] if -INT64 <= value < INT64 else [f"{where}: {value} does not fit 64 bits"]
    if isinstance(value, str):
        return [] if len(value) <= MAX_TEXT else [f"{where}: text of {len(value):,} characters"]
    if isinstance(value, Decimal):
        return [] if value.is_finite() and abs(value) < 10**10 else [f"{where}: amount {value}"]
    if dataclasses.is_dataclass(value):
        return [p for f in dataclasses.fields(value) for p in sane(getattr(value, f.name), f"{where}.{f.name}")]
    if isinstance(value, list | tuple):
        return [p for n, v in enumerate(value) for p in sane(v, f"{where}[{n}]")]
    return [f"{where}: unexpected {type(value).__name__}"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operation=st.sampled_from(sorted(READS)), spoiler=SPOILERS)
@example(operation="doGetMySellItems", spoiler=text_of("itemTitle", HUGE))
@example(operation="doGetMySellItems", spoiler=text_of("itemId", "9" * 25))
@example(operation="doGetSiteJournalDeals", spoiler=text_of("dealQuantity", "-" + "9" * 25))
@example(operation="doGetPostBuyFormsDataForSellers", spoiler=text_of("postBuyFormAdrStreet", HUGE))
@example(operation="doGetPostBuyFormsDataForSellers", spoiler=emptied("postBuyFormData"))
@example(operation="doGetMySellItems", spoiler=without("sellItemsList"))
def test_any_spoiled_answer_reads_as_sane_data_or_a_clear_error(scenario, proxy, ids, operation, spoiler):
    proxy.spoil = {operation: spoiler}
    mp = marketplace(scenario, proxy.url)
    try:
        result = READS[operation](mp, ids)
    except AllegroError as error:
        assert error.message and error.message == error.message.strip()
        assert not any(word in error.message for word in ("Traceback", "zeep", "lxml", "Exception", "\n"))
        return
    finally:
        proxy.spoil = {}
        mp.close()
    assert sane(result) == []


# -- during a sync --------------------------------------------------------------------

# Answers that break the contract for sure, per operation (names from the sandbox's answers).
BREAKING = {
    "doQuerySysStatus": [without("verKey"), text_of("verKey", "abc"), text_of("verKey", "9" * 30)],
    "doLoginEnc": [without("sessionHandlePart"), text_of("sessionHandlePart", HUGE)],
    "doGetMySellItems": [text_of("itemId", "x1"), without("itemId"), text_of("itemTitle", HUGE),
                         text_of("itemId", "9" * 25)],
    "doGetMyNotSoldItems": [without("itemId"), text_of("itemId", "-")],
    "doGetSiteJournalDeals": [without("dealEventId"), text_of("dealEventId", "12.5"),
                              text_of("dealItemId", "9" * 25)],
    "doGetPostBuyFormsDataForSellers": [without("postBuyFormId"), text_of("postBuyFormItTitle", HUGE),
                                        text_of("postBuyFormAmount", "lots"), text_of("postBuyFormBuyerId", "9" * 25)],
    "doVerifyItem": [text_of("itemId", "?"), without("itemId")],
    "doFinishItems": [text_of("item", "ended"), emptied("finishItemsSucceed")],
    "doSellSomeAgain": [text_of("sellItemId", "#"), without("sellItemId")],
    "doAddPackageInfoToPostBuyForm": [without("postBuyFormPackageInfo")],
}
ANY_OPERATION = [cut_at(0.5), cut_at(0.9), replaced_by(NOT_XML[1]), replaced_by(NOT_XML[3])]


@pytest.fixture(scope="module")
def lost_answer(scenario, reference_after_one_run):
    """operation -> the database after a run in which each answer of it was lost."""
    cache: dict[str, dict] = {}

    def picture(operation: str) -> dict:
        if operation not in cache:
            scenario.reset()
            scenario.control.set_faults(rules=[{"operation": operation, "kind": "drop", "when": "after"}])
            scenario.sync()
            scenario.control.clear_faults()
            cache[operation] = scenario.snapshot()["database"]
        return cache[operation]

    return picture


# Read side by side with the deals journal and its forms (SyncEngine._plan).
BESIDE_THE_JOURNAL = {"doGetMySellItems", "doGetMySoldItems", "doGetMyNotSoldItems", "doGetMyFutureItems"}
ORDER_PARTS = ("orders", "order_items", "stock_levels")


def without_orders(picture: dict) -> dict:
    """A database picture less what importing orders changes (the orders, their items, the
    stock they took, the journal cursor)."""
    rest = {k: v for k, v in picture.items() if k not in ORDER_PARTS}
    rest["channel"] = {k: v for k, v in picture["channel"].items() if k != "journal_cursor"}
    return rest


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=st.sampled_from(sorted(BREAKING)).flatmap(
    lambda op: st.tuples(st.just(op), st.sampled_from(BREAKING[op] + ANY_OPERATION))))
def test_a_spoiled_answer_stops_the_sync_clearly_and_stores_nothing_of_it(
        scenario, proxy, lost_answer, reference_after_one_run, case):
    operation, spoiler = case
    scenario.reset()
    proxy.spoil = {operation: spoiler}
    try:
        hit = scenario.sync(factory=scenario.marketplace_factory(url=proxy.url))
    finally:
        proxy.spoil = {}
    assert proxy.spoiled.get(operation), f"{operation} was never answered"
    proxy.spoiled.clear()
    assert not hit.crash, hit.crash
    if hit.code != 0:
        assert hit.code == 1 and hit.seller_problem, hit.err + hit.out
        got, want = scenario.snapshot()["database"], lost_answer(operation)
        if operation in BESIDE_THE_JOURNAL:
            # The journal is read beside the listing pages, and what has arrived is stored
            # meanwhile: how much of it was stored when a page stopped the run depends on
            # timing, in this run as in the lost answer's. Whatever was stored is whole
            # orders as the fault-free run stores them; the rest is as the lost answer left it.
            assert differences(without_orders(want), without_orders(got)) == []
            reference = reference_after_one_run["database"]["orders"]
            assert set(got["orders"]) <= set(reference)
            for form_id, order in got["orders"].items():
                assert differences(reference[form_id], order, f"/orders/{form_id}") == []
        else:
            assert differences(want, got) == []
    again = scenario.sync(factory=scenario.marketplace_factory(url=proxy.url))
    assert again.code == 0, again.err
    assert differences(reference_after_one_run, scenario.snapshot()) == []
