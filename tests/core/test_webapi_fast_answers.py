"""Big answers read by xml_answers give what zeep gives, and refuse what zeep refuses.

The adapter reads offer lists, the deals journal and post-buy forms straight from the
XML (core/allegro/xml_answers.py). These tests hold it to zeep: the same sandbox world
read both ways gives equal results, each raw answer parses to zeep's own values, and
broken answers end as the same typed errors.
"""
from __future__ import annotations

import base64
import hashlib

import pytest
from zeep import Client
from zeep.helpers import serialize_object

from core.allegro import errors, wsdl, xml_answers
from core.allegro.port import OfferState, Package
from core.allegro.responses import Malformed
from tests.core.test_webapi_malformed import ENVELOPE, marketplace, scripted, sell_items  # noqa: F401
from tests.core.test_webapi_support import (  # noqa: F401  (fixtures)
    KEY,
    LOGIN,
    PASSWORD,
    demo,
    make_marketplace,
    webapi_control,
    webapi_server,
)

ALL_TABS = [OfferState.ACTIVE, OfferState.SOLD, OfferState.NOT_SOLD, OfferState.SCHEDULED]
FAST_OPERATIONS = (
    "doGetMySellItems",
    "doGetMySoldItems",
    "doGetMyNotSoldItems",
    "doGetMyFutureItems",
    "doGetSiteJournalDeals",
    "doGetPostBuyFormsDataForSellers",
)


@pytest.fixture
def busy_demo(demo, webapi_server, webapi_control):
    """The demo shop with more of everything: bids, a sold-out offer, parcels on forms."""
    offers = webapi_control.offers()
    live_auction = next(o for o in offers if o["format"] == "auction" and o["state"] == "active")
    webapi_control.bid(live_auction["offer_id"], buyer="licytant1")
    forms = [f for f in webapi_control.forms() if not f["cancelled"]][:3]
    with make_marketplace(webapi_server, webapi_control) as mp:
        for n, form in enumerate(forms):
            mp.add_tracking(form["form_id"], [Package(5, f"6200000000000000000000{n:02d}"), Package(4, "1234567890")])
    return webapi_control


def read_everything(mp) -> dict:
    offers = list(mp.offers(ALL_TABS))
    pages = list(mp.journal(None))
    form_ids = sorted({e.transaction_id for page in pages for e in page if e.transaction_id})
    return {"offers": offers, "journal": pages, "forms": mp.post_buy_forms(form_ids)}


def test_the_adapter_reads_the_same_world_the_same_both_ways(busy_demo, webapi_server, webapi_control):
    with make_marketplace(webapi_server, webapi_control, fast_answers=False) as slow:
        by_zeep = read_everything(slow)
    with make_marketplace(webapi_server, webapi_control) as fast:
        by_lxml = read_everything(fast)
    assert by_lxml == by_zeep
    # the world really has what is compared
    assert {o.state for o in by_lxml["offers"]} == set(ALL_TABS)
    assert any(o.bids for o in by_lxml["offers"])
    assert {e.event_type for page in by_lxml["journal"] for e in page} == {1, 2, 3, 4}
    assert any(f.packages for f in by_lxml["forms"]) and any(f.cancelled for f in by_lxml["forms"])
    assert sum(len(f.items) for f in by_lxml["forms"]) >= len(by_lxml["forms"]) > 0


def _plain(value):
    """Plain data without None values: an absent element and an empty one read the same."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.fixture
def raw_service(webapi_server, busy_demo):
    client = Client(wsdl.document(), settings=wsdl.settings())
    service = client.create_service(wsdl.BINDING, webapi_server.url)
    key = service.doQuerySysStatus(sysvar=1, countryId=1, webapiKey=KEY).verKey
    digest = base64.b64encode(hashlib.sha256(PASSWORD.encode()).digest()).decode()
    session = service.doLoginEnc(
        userLogin=LOGIN, userHashPassword=digest, countryCode=1, webapiKey=KEY, localVersion=key
    ).sessionHandlePart
    return client, service, session, busy_demo


@pytest.mark.parametrize("operation", FAST_OPERATIONS)
def test_each_raw_answer_reads_to_zeeps_values(raw_service, operation):
    client, service, session, control = raw_service
    if operation == "doGetPostBuyFormsDataForSellers":
        ids = [f["form_id"] for f in control.forms()][:25]
        args = {"sessionId": session, "transactionsIdsArray": {"item": ids}}
    elif operation == "doGetSiteJournalDeals":
        args = {"sessionId": session, "journalStart": 0}
    else:
        args = {"sessionId": session, "pageSize": 1000, "pageNumber": 0}
    with client.settings(raw_response=True):
        response = getattr(service, operation)(**args)
    assert response.status_code == 200
    binding = service._binding
    by_zeep = binding.process_reply(client, binding.get(operation), response)
    by_lxml = xml_answers.reader(operation)(response.content)
    assert _plain(by_lxml) == _plain(serialize_object(by_zeep, dict))
    assert by_lxml  # the answer was not empty


# -- broken answers ---------------------------------------------------------------------------

ROW = (
    "<ns1:sellItemsList><ns1:item><ns1:itemId>7</ns1:itemId><ns1:itemTitle>Kubek</ns1:itemTitle>{}</ns1:item>"
    "</ns1:sellItemsList>"
)
BROKEN = {
    "an element the contract does not name": ROW.format("<ns1:itemColour>red</ns1:itemColour>"),
    "a wrong type in an optional number": ROW.format("<ns1:itemBiddersCounter>many</ns1:itemBiddersCounter>"),
    "elements inside a value": ROW.format("<ns1:itemStartQuantity><ns1:x>1</ns1:x></ns1:itemStartQuantity>"),
    "a single element twice": ROW.format("<ns1:itemTitle>Drugi</ns1:itemTitle>"),
    "an unqualified element": ROW.format("<itemNote>x</itemNote>"),
}


@pytest.mark.parametrize("what", sorted(BROKEN))
def test_a_broken_offer_list_is_an_invalid_response(scripted, what):  # noqa: F811
    scripted.answers["doGetMySellItems"] = (200, sell_items(BROKEN[what]))
    with marketplace(scripted.url) as mp, pytest.raises(errors.InvalidResponse) as caught:
        list(mp.offers())
    assert "doGetMySellItems" in caught.value.message
    assert caught.value.__context__ is None and caught.value.__cause__ is None
    assert scripted.calls["doGetMySellItems"] == 1


OTHER_ANSWERS = {
    "not xml": (200, "<html>Maintenance</html"),
    "a dtd": (200, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + sell_items("")[38:]),
    "a fault with status 200": (200, ENVELOPE.format(
        "<SOAP-ENV:Fault><faultcode>ERR_NO_SESSION</faultcode><faultstring>Sesja</faultstring></SOAP-ENV:Fault>")),
    "another operation's answer": (200, ENVELOPE.format("<ns1:doGetMySoldItemsResponse/>")),
    "a fault": (500, ENVELOPE.format(
        "<SOAP-ENV:Fault><faultcode>ERR_WEBAPI_KEY</faultcode><faultstring>Zły klucz</faultstring></SOAP-ENV:Fault>")),
    "a bare 500": (500, "Internal Server Error"),
}


def _outcome(url: str, fast: bool):
    mp = marketplace(url)
    mp.fast_answers = fast
    with mp:
        try:
            return ("ok", [o.offer_id for o in mp.offers()])
        except errors.AllegroError as exc:
            return (type(exc).__name__, exc.code)


@pytest.mark.parametrize("what", sorted(OTHER_ANSWERS))
def test_answers_the_reader_does_not_take_end_as_they_did_with_zeep(scripted, what):  # noqa: F811
    scripted.answers["doGetMySellItems"] = OTHER_ANSWERS[what]
    by_zeep = _outcome(scripted.url, fast=False)
    by_lxml = _outcome(scripted.url, fast=True)
    assert by_lxml == by_zeep
    assert by_lxml[0] != "ok" or what == "another operation's answer"


def test_the_reader_refuses_a_wrong_type_zeep_would_let_through():
    # zeep logs "Error during xml -> python translation" and reads None; the reader refuses.
    answer = sell_items(ROW.format("<ns1:itemSoldQuantity>1,5</ns1:itemSoldQuantity>")).encode()
    with pytest.raises(Malformed, match="itemSoldQuantity"):
        xml_answers.reader("doGetMySellItems")(answer)


# -- the journal's next page, asked for from the raw answer -------------------------------


def _deal(event_id: int, event_id_xml: str | None = None) -> str:
    written = event_id_xml or str(event_id)
    return (
        f"<ns1:item><ns1:dealEventId>{written}</ns1:dealEventId><ns1:dealEventType>1</ns1:dealEventType>"
        f"<ns1:dealEventTime>1700000000</ns1:dealEventTime><ns1:dealId>{event_id}</ns1:dealId>"
        "<ns1:dealTransactionId>0</ns1:dealTransactionId><ns1:dealSellerId>1</ns1:dealSellerId>"
        "<ns1:dealItemId>7</ns1:dealItemId><ns1:dealBuyerId>2</ns1:dealBuyerId><ns1:dealQuantity>1</ns1:dealQuantity>"
        "</ns1:item>"
    )


def _journal_page(deals: str) -> tuple[int, str]:
    return 200, ENVELOPE.format(
        f"<ns1:doGetSiteJournalDealsResponse><ns1:siteJournalDeals>{deals}</ns1:siteJournalDeals>"
        "</ns1:doGetSiteJournalDealsResponse>"
    )


def test_a_wrong_guess_at_the_next_journal_page_is_dropped(scripted):  # noqa: F811
    # The raw answer fools the look-ahead: the last event id is written as CDATA (which
    # the guess does not read) and a comment after it names another. The page as read
    # ends with event 100, so the early answer (asked for after "event 777") is dropped
    # and the page after 100 asked for again.
    first = "".join(_deal(n) for n in range(1, 100)) + _deal(100, "<![CDATA[100]]>") + (
        "<!-- <ns1:dealEventId>777</ns1:dealEventId> -->"
    )
    scripted.answers["doGetSiteJournalDeals"] = [_journal_page(first), _journal_page(_deal(101) + _deal(102))]
    with marketplace(scripted.url) as mp:
        pages = list(mp.journal(None))
    assert [[d.event_id for d in page] for page in pages] == [[str(n) for n in range(1, 101)], ["101", "102"]]
    starts = [body.split("journalStart>")[1].split("<")[0] if "journalStart>" in body else None
              for body in scripted.bodies["doGetSiteJournalDeals"]]
    assert sorted(starts, key=str) == sorted([None, "777", "100"], key=str)  # the wrong guess cost one call
