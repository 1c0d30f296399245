"""The sandbox writes its answers itself: zeep's bytes exactly, valid against the WSDL."""

from __future__ import annotations

import copy
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from zeep import exceptions as zeep_errors
from zeep.xsd.types.builtins import Boolean, BuiltinType, DateTime, Float, Integer, Short, String

from sandbox.shop import Shop
from sandbox.soap import contract
from sandbox.webapi import WebApi

from .helpers import NS, envelope, items, post_raw

EMULATED = WebApi(Shop()).operations
HOT = ["doGetMySellItems", "doGetMySoldItems", "doGetMyNotSoldItems", "doGetMyFutureItems",
       "doGetSiteJournalDeals", "doGetPostBuyFormsDataForSellers"]
WARSAW = ZoneInfo("Europe/Warsaw")
# Text that must be escaped or refused, Polish letters, and characters outside the BMP.
AWKWARD = st.sampled_from(list("&<>\r\n\t'\"ąęłńóśźżĄĘŁŃÓŚŹŻ€\u00a0\U0001f600]]>")
                          + ["\x00", "\x0b", "\x1f", "\ufffe", "\ud800"])


def body_type(operation: str):
    return contract()._operations[operation].output.body.type


def outcome(build, operation: str, fields: dict):
    """The envelope, or the exception refusing the fields."""
    try:
        return build(operation, copy.deepcopy(fields))
    except (ValueError, TypeError, zeep_errors.Error) as exc:
        return exc


def assert_same_as_zeep(operation: str, fields: dict):
    """Both give the same bytes, or both refuse; the writer's answer (or refusal)."""
    soap = contract()
    ours = outcome(soap.build_response, operation, fields)
    theirs = outcome(soap.build_response_zeep, operation, fields)
    if isinstance(ours, bytes) or isinstance(theirs, bytes):
        assert ours == theirs
    return ours


# -- values for any type of the contract ----------------------------------------------------

def simple_values(xsd_type: BuiltinType) -> st.SearchStrategy:
    if isinstance(xsd_type, Short):
        common = st.integers(-2**15, 2**15 - 1)
    elif isinstance(xsd_type, Integer):
        common = st.integers(-2**63, 2**63 - 1)
    elif isinstance(xsd_type, Float):
        common = st.floats() | st.integers(-10**6, 10**6)
    elif isinstance(xsd_type, Boolean):
        common = st.booleans() | st.sampled_from([0, 1, "true", "false", "0"])
    elif isinstance(xsd_type, DateTime):
        common = st.datetimes(timezones=st.sampled_from([None, dt.timezone.utc, WARSAW])) | \
            st.just("2024-03-01T10:00:00")
    elif isinstance(xsd_type, String):
        common = st.text(st.characters() | AWKWARD, max_size=12)
    else:  # pragma: no cover - the WSDL uses only the types above
        raise AssertionError(f"no values for {xsd_type}")
    # Now and then a Python type the element does not expect: zeep turns it into text too.
    return st.one_of(common, common, common, st.booleans(), st.integers(), st.text(max_size=3))


def values(xsd_type, depth: int = 0) -> st.SearchStrategy:
    if isinstance(xsd_type, BuiltinType):
        return simple_values(xsd_type)
    required, optional = {}, {}
    for name, element in xsd_type.elements:
        one = values(element.type, depth + 1)
        if element.accepts_multiple:
            many = st.lists(one | st.none(), max_size=2 if depth < 3 else 1)
            one = many | one  # zeep takes a lone value for a repeated element
        (optional if element.is_optional else required)[name] = one
    # An optional element may be None (left out); a required one stays filled here.
    optional = {name: s | st.none() for name, s in optional.items()}
    return st.fixed_dictionaries(required, optional=optional)


@pytest.mark.parametrize("operation", EMULATED)
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_every_answer_is_byte_for_byte_zeeps(operation, data):
    fields = data.draw(values(body_type(operation)))
    assert_same_as_zeep(operation, fields)


def minimal(xsd_type):
    """The smallest valid value of a type: every required element, nothing else."""
    if isinstance(xsd_type, BuiltinType):
        return {String: "x", Boolean: True, Float: 1.5, DateTime: "2024-03-01T10:00:00"}.get(
            next(t for t in (String, Boolean, Float, DateTime, Integer)
                 if isinstance(xsd_type, t)), 7)
    value = {}
    for name, element in xsd_type.elements:
        if not element.is_optional:
            one = minimal(element.type)
            value[name] = [one] * element.min_occurs if element.accepts_multiple else one
    return value


def required_paths(xsd_type, path=()):
    for name, element in xsd_type.elements:
        if not element.is_optional:
            yield (*path, name)
            if not isinstance(element.type, BuiltinType) and not element.accepts_multiple:
                yield from required_paths(element.type, (*path, name))


@pytest.mark.parametrize("operation", EMULATED)
def test_a_missing_required_element_is_refused_like_zeep(operation):
    base = minimal(body_type(operation))
    assert isinstance(assert_same_as_zeep(operation, base), bytes)
    for path in required_paths(body_type(operation)):
        broken = copy.deepcopy(base)
        holder = broken
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = None
        assert isinstance(assert_same_as_zeep(operation, broken), ValueError), path


def test_unknown_fields_are_refused_at_any_depth():
    assert isinstance(assert_same_as_zeep("doVerifyItem", {
        "itemId": 1, "itemListed": 1, "itemStartingTime": 0, "extra": 1}), TypeError)
    sell_items = dict(body_type("doGetMySellItems").elements)["sellItemsList"].type
    offer = {**minimal(dict(sell_items.elements)["item"].type),
             "itemPrice": {"item": [{"priceType": 1, "priceValue": 2.5, "priceCurrency": "PLN"}]}}
    assert isinstance(assert_same_as_zeep("doGetMySellItems", {
        "sellItemsCounter": 1, "sellItemsList": {"item": [offer]}}), TypeError)


def test_text_is_escaped_and_polish_letters_kept():
    answer = assert_same_as_zeep("doChangeQuantityItem", {
        "itemId": 7100000001, "itemInfo": "Zażółć <gęślą> & jaźń\r\n]]>",
        "itemQuantityLeft": 9, "itemQuantitySold": 3})
    assert "<ns0:itemInfo>Zażółć &lt;gęślą&gt; &amp; jaźń&#13;\n]]&gt;</ns0:itemInfo>" \
        in answer.decode("utf-8")


@pytest.mark.parametrize("bad", ["\x00", "\x08", "\x1b", "\ufffe", "\udc00"])
def test_text_xml_cannot_carry_is_refused_like_zeep(bad):
    fields = {"itemId": 1, "itemInfo": f"a{bad}b", "itemQuantityLeft": 1, "itemQuantitySold": 0}
    assert isinstance(assert_same_as_zeep("doChangeQuantityItem", fields), ValueError)


def test_empty_text_empty_lists_and_left_out_elements():
    answer = assert_same_as_zeep("doGetItemsInfo", {
        "arrayItemListInfo": {"item": []}, "arrayItemsNotFound": {"item": None},
        "arrayItemsAdminKilled": None})
    assert b"<ns0:arrayItemListInfo/><ns0:arrayItemsNotFound/></ns0:doGetItemsInfoResponse>" \
        in answer
    answer = assert_same_as_zeep("doQuerySysStatus", {"info": "", "verKey": 1505})
    assert b"<ns0:info></ns0:info><ns0:verKey>1505</ns0:verKey>" in answer


def test_an_array_must_be_given_as_a_dict_of_items():
    # zeep takes a bare list too but writes only its first value: the writer refuses it.
    for bare in ([1, 2], []):
        with pytest.raises(TypeError):
            contract().build_response("doGetTransactionsIDs", {"transactionsIdsArray": bare})
    answer = assert_same_as_zeep("doGetTransactionsIDs", {"transactionsIdsArray": {"item": [1, 2]}})
    assert b"<ns0:item>1</ns0:item><ns0:item>2</ns0:item>" in answer


def test_a_writer_exists_for_every_operation_of_the_wsdl():
    soap = contract()
    for operation in soap.operation_names():
        base = minimal(body_type(operation))
        assert soap.build_response(operation, base) == soap.build_response_zeep(operation, base)


# -- the running sandbox ----------------------------------------------------------------------

def test_big_pages_of_the_running_sandbox_are_valid_and_zeeps(server, control, api, session):
    """The hot answers as the sandbox gives them, with 1,000 offers a page."""
    control.reset(demo=False)
    ids = control.add_offers(
        [{"title": f"Świeca <zapachowa> & knot nr {i}", "quantity": 10, "price": 9.99 + i % 5,
          "format": "auction" if i % 7 == 0 else "buy_now"} for i in range(1100)]
        + [{"title": f"Wazon nr {i}", "quantity": 3, "start_offset_hours": 5 + i}
           for i in range(30)])
    sold_out = [offer_id for i, offer_id in enumerate(ids[:40]) if i % 7]
    for offer_id in sold_out:
        control.purchase(offer_id, quantity=10, paid=offer_id % 2 == 0)
    api.doFinishItems(sessionHandle=session,
                      finishItemsList={"item": [{"finishItemId": i} for i in ids[50:75]]})
    soap = contract()
    for operation, counter, listing, params in [
        ("doGetMySellItems", "sellItemsCounter", "sellItemsList", {"pageSize": 1000}),
        ("doGetMySoldItems", "soldItemsCounter", "soldItemsList", {}),
        ("doGetMyNotSoldItems", "notSoldItemsCounter", "notSoldItemsList", {}),
        ("doGetMyFutureItems", "futureItemsCounter", "futureItemsList", {}),
    ]:
        fields = server.api.handle(operation, {"sessionId": session, **params})
        payload = soap.build_response(operation, fields)
        assert soap.validate_response(payload) is None
        assert payload == soap.build_response_zeep(operation, fields)
        assert len(fields[listing]["item"]) == min(fields[counter], params.get("pageSize", 100))
    # The same through the strict server, which checks both on every answer.
    answer = api.doGetMySellItems(sessionId=session, pageSize=1000)
    assert answer.sellItemsCounter == 1100 - len(sold_out) - 25
    assert len(items(answer.sellItemsList)) == 1000
    assert items(answer.sellItemsList)[0].itemTitle.startswith("Świeca <zapachowa> & knot")
    forms = [f["form_id"] for f in control.forms()][:25]
    assert len(items(api.doGetPostBuyFormsDataForSellers(
        sessionId=session, transactionsIdsArray={"item": forms}))) == 25
    journal = items(api.doGetSiteJournalDeals(sessionId=session, journalStart=0))
    assert len(journal) == min(100, len(control.journal())) > 60


def test_strict_responses_catch_an_answer_that_differs_from_zeeps(server, monkeypatch):
    soap = contract()
    real = soap.build_response
    monkeypatch.setattr(soap, "build_response", lambda operation, fields: real(
        operation, fields).replace(b"<ns0:verKey>", b"<ns0:verKey>1"))
    status, payload, _ = post_raw(server, envelope(
        f'<ns0:DoQuerySysStatusRequest xmlns:ns0="{NS}"><ns0:sysvar>1</ns0:sysvar>'
        "<ns0:countryId>1</ns0:countryId><ns0:webapiKey>SANDBOX-WEBAPI-KEY</ns0:webapiKey>"
        "</ns0:DoQuerySysStatusRequest>"))
    assert status == 500 and b"verKey" not in payload
