"""The My Allegro tabs read by libxml2 (core/allegro/offer_lists.py) give what the compiled
reader gives, and refuse what it refuses.

The adapter reads offer pages through a schema check and one XSLT pass instead of a
Python walk. These tests hold it to the compiled reader (itself held to zeep in
test_webapi_fast_answers.py): every tab of a busy sandbox world, then answers written to
catch a flattening that cuts rows in the wrong place (titles with tabs, newlines, colons
and entities, numbers wrapped in whitespace, absent and empty elements).
"""
from __future__ import annotations

import pytest

from core.allegro import offer_lists, xml_answers
from core.allegro.port import OfferState
from core.allegro.responses import Malformed, items, offer_from_list, opt_int
from core.allegro.webapi import TABS
from tests.core.test_webapi_fast_answers import busy_demo, raw_service  # noqa: F401  (fixtures)
from tests.core.test_webapi_malformed import sell_items
from tests.core.test_webapi_support import demo, webapi_control, webapi_server  # noqa: F401  (fixtures)


def by_compiled_reader(operation: str, content: bytes, state: OfferState) -> tuple[int, list]:
    _, counter, field = TABS[state]
    answer = xml_answers.reader(operation)(content)
    return opt_int(answer, counter, -1), [offer_from_list(row, state) for row in items(answer.get(field))]


def by_offer_lists(operation: str, content: bytes, state: OfferState) -> tuple[int, list]:
    _, counter, field = TABS[state]
    page = offer_lists.reader(operation, field, counter)(content)
    return page.counter, [offer_lists.offer(row, state) for row in page.rows]


@pytest.mark.parametrize("state", list(TABS), ids=lambda s: s.name)
def test_each_tab_of_a_busy_world_reads_as_the_compiled_reader_reads_it(raw_service, state):  # noqa: F811
    client, service, session, _control = raw_service
    operation = TABS[state][0]
    with client.settings(raw_response=True):
        response = getattr(service, operation)(sessionId=session, pageSize=1000, pageNumber=0)
    assert response.status_code == 200
    counter, offers = by_offer_lists(operation, response.content, state)
    assert (counter, offers) == by_compiled_reader(operation, response.content, state)
    assert offers and counter == len(offers)  # the world really has offers on this tab


def row(inner: str) -> str:
    return f"<ns1:item>{inner}</ns1:item>"


FULL = (
    "<ns1:itemId>{id}</ns1:itemId><ns1:itemTitle>{title}</ns1:itemTitle>"
    "<ns1:itemPrice><ns1:item><ns1:priceType>1</ns1:priceType><ns1:priceValue>19.99</ns1:priceValue></ns1:item>"
    "</ns1:itemPrice><ns1:itemStartQuantity>5</ns1:itemStartQuantity><ns1:itemSoldQuantity>2</ns1:itemSoldQuantity>"
    "<ns1:itemStartTime>1700000000</ns1:itemStartTime><ns1:itemEndTime>1700600000</ns1:itemEndTime>"
    "<ns1:itemBiddersCounter>0</ns1:itemBiddersCounter>"
)
TITLES = [
    "Kubek\tz uchem",  # a tab: the flattening's own separator
    "Kubek\nz uchem\n",  # newlines: its row separator
    "=12:Kubek:",  # what the title's length prefix looks like
    "Żółta łódź 🚤 ąę",  # letters and a character outside the basic plane
    "a &amp; b &lt;c&gt; d&#13;",  # entities, a carriage return among them
    "  spaces kept  ",
    "",  # an empty title
]


def test_rows_are_cut_where_they_end_whatever_the_titles_hold():
    rows = "".join(row(FULL.format(id=100 + n, title=title)) for n, title in enumerate(TITLES))
    answer = sell_items(f"<ns1:sellItemsList>{rows}</ns1:sellItemsList>", counter=f"<ns1:sellItemsCounter>{len(TITLES)}</ns1:sellItemsCounter>").encode()
    counter, offers = by_offer_lists("doGetMySellItems", answer, OfferState.ACTIVE)
    assert (counter, offers) == by_compiled_reader("doGetMySellItems", answer, OfferState.ACTIVE)
    assert [o.title for o in offers][:3] == ["Kubek\tz uchem", "Kubek\nz uchem\n", "=12:Kubek:"]
    assert offers[4].title == "a & b <c> d\r"
    assert [o.offer_id for o in offers] == list(range(100, 100 + len(TITLES)))


ODD_ROWS = {
    "only an id": "<ns1:itemId>7</ns1:itemId>",
    "numbers wrapped in whitespace": "<ns1:itemId>\n 7 \n</ns1:itemId><ns1:itemStartQuantity> 3</ns1:itemStartQuantity>"
    "<ns1:itemStartTime>\t1700000000\t</ns1:itemStartTime>",
    "an empty price list": "<ns1:itemId>7</ns1:itemId><ns1:itemPrice/>",
    "an empty price entry": "<ns1:itemId>7</ns1:itemId><ns1:itemPrice><ns1:item/></ns1:itemPrice>",
    "a price without a type": "<ns1:itemId>7</ns1:itemId><ns1:itemPrice><ns1:item><ns1:priceValue>5</ns1:priceValue>"
    "</ns1:item></ns1:itemPrice>",
    "an auction's prices": "<ns1:itemId>7</ns1:itemId><ns1:itemPrice><ns1:item><ns1:priceType>3</ns1:priceType>"
    "<ns1:priceValue>10</ns1:priceValue></ns1:item><ns1:item><ns1:priceType>2</ns1:priceType><ns1:priceValue>12.5"
    "</ns1:priceValue></ns1:item></ns1:itemPrice><ns1:itemBiddersCounter>2</ns1:itemBiddersCounter>",
    "elements in another order": "<ns1:itemEndTime>1700600000</ns1:itemEndTime><ns1:itemTitle>x</ns1:itemTitle>"
    "<ns1:itemId>7</ns1:itemId>",
    "a time of zero": "<ns1:itemId>7</ns1:itemId><ns1:itemEndTime>0</ns1:itemEndTime>",
    "more sold than started": "<ns1:itemId>7</ns1:itemId><ns1:itemStartQuantity>1</ns1:itemStartQuantity>"
    "<ns1:itemSoldQuantity>4</ns1:itemSoldQuantity>",
}


@pytest.mark.parametrize("what", sorted(ODD_ROWS))
def test_an_odd_row_reads_as_the_compiled_reader_reads_it(what):
    answer = sell_items(f"<ns1:sellItemsList>{row(ODD_ROWS[what])}</ns1:sellItemsList>").encode()
    assert by_offer_lists("doGetMySellItems", answer, OfferState.ACTIVE) == by_compiled_reader(
        "doGetMySellItems", answer, OfferState.ACTIVE
    )


@pytest.mark.parametrize(
    "page, expected",
    [
        (sell_items("", counter=""), (-1, [])),  # no counter, no list
        (sell_items("<ns1:sellItemsList/>", counter="<ns1:sellItemsCounter>0</ns1:sellItemsCounter>"), (0, [])),
    ],
)
def test_an_empty_page(page, expected):
    assert by_offer_lists("doGetMySellItems", page.encode(), OfferState.ACTIVE) == expected


REFUSED = {
    "an element the contract does not name": ("<ns1:itemColour>red</ns1:itemColour>", "itemColour"),
    "a wrong type in a number the app does not use": ("<ns1:itemViewsCounter>many</ns1:itemViewsCounter>", "itemViewsCounter"),
    "a wrong type in a price": (
        "<ns1:itemPrice><ns1:item><ns1:priceValue>tanio</ns1:priceValue></ns1:item></ns1:itemPrice>", "priceValue"),
    "elements inside a value": ("<ns1:itemStartQuantity><ns1:x>1</ns1:x></ns1:itemStartQuantity>", "itemStartQuantity"),
    "a single element twice": ("<ns1:itemTitle>Drugi</ns1:itemTitle>", "itemTitle"),
    "an unqualified element": ("<itemNote>x</itemNote>", "itemNote"),
    "a number too big for its type": ("<ns1:itemSoldQuantity>99999999999</ns1:itemSoldQuantity>", "itemSoldQuantity"),
}


@pytest.mark.parametrize("what", sorted(REFUSED))
def test_what_breaks_the_contract_is_refused_by_name(what):
    extra, name = REFUSED[what]
    answer = sell_items(
        "<ns1:sellItemsList>" + row(f"<ns1:itemId>7</ns1:itemId><ns1:itemTitle>Kubek</ns1:itemTitle>{extra}") + "</ns1:sellItemsList>"
    ).encode()
    with pytest.raises(Malformed, match=name) as refused:
        offer_lists.reader("doGetMySellItems", "sellItemsList", "sellItemsCounter")(answer)
    assert "{" not in str(refused.value)  # names without their namespace


def test_rows_the_reader_takes_but_the_offer_cannot_be_made_of_are_refused():
    no_id = sell_items("<ns1:sellItemsList>" + row("<ns1:itemTitle>Kubek</ns1:itemTitle>") + "</ns1:sellItemsList>")
    long_title = sell_items("<ns1:sellItemsList>" + row(FULL.format(id=7, title="x" * 10_001)) + "</ns1:sellItemsList>")
    for answer, message in ((no_id, "itemId is missing"), (long_title, "itemTitle is 10,001 characters long")):
        page = offer_lists.reader("doGetMySellItems", "sellItemsList", "sellItemsCounter")(answer.encode())
        with pytest.raises(Malformed, match=message):
            [offer_lists.offer(r, OfferState.ACTIVE) for r in page.rows]


def test_what_is_not_this_operations_answer_is_left_to_zeep():
    other = sell_items("").replace("doGetMySellItemsResponse", "doGetMySoldItemsResponse")
    read = offer_lists.reader("doGetMySellItems", "sellItemsList", "sellItemsCounter")
    for answer in (other, "<html>Maintenance</html", "<x/>"):
        assert read(answer.encode()) is xml_answers.ASK_ZEEP


def test_the_schema_and_stylesheets_are_reused_not_rebuilt(monkeypatch):
    answer = sell_items("<ns1:sellItemsList>" + row(FULL.format(id=7, title="Kubek")) + "</ns1:sellItemsList>").encode()
    read = offer_lists.reader("doGetMySellItems", "sellItemsList", "sellItemsCounter")
    read(answer)  # whatever was built is back among the idle tools
    built = []
    real = offer_lists.etree.XMLSchema
    monkeypatch.setattr(offer_lists.etree, "XMLSchema", lambda *a, **k: built.append(1) or real(*a, **k))
    for _ in range(3):
        assert read(answer).rows
    assert built == []


def test_schemas_and_stylesheets_are_compiled_one_at_a_time(monkeypatch):
    # libxml2 sets up its built-in types on a process's first schema: two threads doing it
    # at once failed ("the given type is not a built-in type"; the CLI syncs of the
    # reliability tests, 1 in 2). Each compile holds the lock, on a tree of its own.
    while True:  # nothing idle: the reads below compile
        try:
            offer_lists._idle_tools.get_nowait()
        except Exception:
            break
    held, trees = [], []
    real_schema, real_xslt = offer_lists.etree.XMLSchema, offer_lists.etree.XSLT

    def schema(tree, *a, **k):
        held.append(offer_lists._compiling.locked())
        trees.append(tree)
        return real_schema(tree, *a, **k)

    def xslt(tree, *a, **k):
        held.append(offer_lists._compiling.locked())
        return real_xslt(tree, *a, **k)

    monkeypatch.setattr(offer_lists.etree, "XMLSchema", schema)
    monkeypatch.setattr(offer_lists.etree, "XSLT", xslt)
    answer = sell_items("<ns1:sellItemsList>" + row(FULL.format(id=7, title="Kubek")) + "</ns1:sellItemsList>").encode()
    read = offer_lists.reader("doGetMySellItems", "sellItemsList", "sellItemsCounter")
    taken = [offer_lists._take_tools() for _ in range(2)]  # two threads' worth of tools
    for tools in taken:
        offer_lists._idle_tools.put(tools)
    assert read(answer).rows
    assert held == [True, True, True] and trees[0] is not trees[1]
