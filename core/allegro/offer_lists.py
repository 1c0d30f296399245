"""The My Allegro tabs' pages read by libxml2: checked against the contract, flattened by XSLT.

A page of 1,000 offers holds about 31,000 elements. The compiled reader (xml_answers)
walks them in Python, holding the interpreter lock, while the deals journal beside them
(a sync's longest chain of calls) waits for that same lock. Here the work is done in C,
without the lock:

1. the page is checked against the WSDL's own schema, so what the compiled reader
   refuses is refused here too: an element the contract does not name, a single
   element twice, elements inside a value, a value of the wrong type. The schema's
   elements are all made optional: zeep does not refuse an answer for a missing
   element, nor did the compiled reader (a missing itemId is refused by name, later);
2. one XSLT pass writes the eight values a listing needs as a line per offer; Python
   only cuts the lines up and builds the offers.

Anything that is not a well-formed answer of the operation (a fault, HTML, a DTD)
returns `ASK_ZEEP`, as the compiled reader does, so errors come out as zeep's.
"""
from __future__ import annotations

import copy
import queue
import re
import threading
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple

from lxml import etree

from core.allegro import port, wsdl
from core.allegro.responses import Malformed, checked_text, long_value, money, offer_from_values, unix_time
from core.allegro.xml_answers import ASK_ZEEP, response_element

NS = "https://webapi.allegro.pl/service.php"
XSD = "http://www.w3.org/2001/XMLSchema"
WSDL = "http://schemas.xmlsoap.org/wsdl/"

# The numbers of a row, in the order the stylesheet writes them (the title comes last).
NUMBERS = ("itemId", "itemStartQuantity", "itemSoldQuantity", "itemBiddersCounter", "itemStartTime", "itemEndTime")

# A row: each number as "=value" or "" when the element is absent; the prices as
# "[=type],[=value];" each; the title as "=length:text" or "" (last, so that whatever
# it holds, tabs and newlines too, is cut out by its length).
_VALUE = '<xsl:for-each select="a:{name}">=<xsl:value-of select="normalize-space(.)"/></xsl:for-each>'
_STYLESHEET = """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="{ns}">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/*">{counter}<xsl:text>&#10;</xsl:text>
<xsl:for-each select="a:{list}/a:item">{numbers}<xsl:for-each select="a:itemPrice/a:item">{price_type},{price_value};</xsl:for-each>
<xsl:text>&#9;</xsl:text>
<xsl:for-each select="a:itemTitle">=<xsl:value-of select="string-length(.)"/>:<xsl:value-of select="."/></xsl:for-each>
<xsl:text>&#10;</xsl:text></xsl:for-each>
</xsl:template>
</xsl:stylesheet>"""


class Page(NamedTuple):
    """A tab's page as read here: its counter (-1 when absent) and its raw rows."""

    counter: int
    rows: list[tuple]


# lxml's schema and stylesheet objects, each set used by one thread at a time and kept
# for the next sync: compiling the contract's schema is slow.
_idle_tools: queue.SimpleQueue = queue.SimpleQueue()
# Compiling is done one at a time: libxml2 sets up its built-in types on the first schema
# a process compiles, and two threads doing that at once failed ("the given type is not
# a built-in type"), as did two compiles reading one tree. Checking and flattening, each
# with its own objects, run side by side.
_compiling = threading.Lock()
_schema_text: bytes | None = None


def _relaxed_schema() -> etree._Element:
    """A fresh tree of the WSDL's schema with every element optional (call with _compiling held)."""
    global _schema_text
    if _schema_text is None:
        wsdl_root = etree.parse(str(wsdl.WSDL_PATH), etree.XMLParser(resolve_entities=False, no_network=True))
        found = wsdl_root.find(f"{{{WSDL}}}types/{{{XSD}}}schema")
        # A schema cut out of the WSDL keeps the WSDL's prefixes in its type names
        # (tns:...): declare them on it.
        schema = etree.Element(found.tag, nsmap=dict(found.nsmap), attrib=dict(found.attrib))
        for child in found:
            schema.append(copy.deepcopy(child))
        for element in schema.iter(f"{{{XSD}}}element"):
            if element.getparent().tag in (f"{{{XSD}}}all", f"{{{XSD}}}sequence", f"{{{XSD}}}choice"):
                element.set("minOccurs", "0")
        _schema_text = etree.tostring(schema)
    return etree.fromstring(_schema_text, etree.XMLParser(resolve_entities=False, no_network=True))


def _take_tools() -> dict:
    try:
        return _idle_tools.get_nowait()
    except queue.Empty:
        with _compiling:
            return {"schema": etree.XMLSchema(_relaxed_schema())}


def _tools(tools: dict, list_field: str, counter: str) -> tuple[etree.XMLSchema, etree.XSLT]:
    key = (list_field, counter)
    if key not in tools:
        numbers = "<xsl:text>&#9;</xsl:text>".join(_VALUE.format(name=n) for n in NUMBERS)
        text = _STYLESHEET.format(
            ns=NS,
            counter=_VALUE.format(name=counter),
            list=list_field,
            numbers=numbers + "<xsl:text>&#9;</xsl:text>",
            price_type=_VALUE.format(name="priceType"),
            price_value=_VALUE.format(name="priceValue"),
        )
        with _compiling:
            tools[key] = etree.XSLT(etree.XML(text.encode()))
    return tools["schema"], tools[key]


_NAMESPACED = re.compile(r"\{[^}]*\}")


def _refusal(schema: etree.XMLSchema) -> str:
    error = schema.error_log.last_error
    message = _NAMESPACED.sub("", error.message if error is not None else "not what the contract describes")
    return message if len(message) <= 200 else message[:200] + "…"


def reader(operation: str, list_field: str, counter: str) -> Callable[[bytes], Any]:
    """bytes -> the Page of `operation`'s answer, or ASK_ZEEP (zeep then reads it)."""
    response_tag = f"{{{NS}}}{operation}Response"

    def read(content: bytes) -> Any:
        response = response_element(content, response_tag)
        if response is ASK_ZEEP:
            return ASK_ZEEP
        tools = _take_tools()
        try:
            schema, flatten = _tools(tools, list_field, counter)
            if not schema.validate(response):
                raise Malformed(_refusal(schema))
            text = str(flatten(etree.ElementTree(response)))
        finally:
            _idle_tools.put(tools)
        return _rows(text)

    return read


def _rows(text: str) -> Page:
    """The stylesheet's text -> Page(counter, [(numbers..., prices, title or None)])."""
    end = text.index("\n")
    counter = long_value(text[1:end], "counter") if end else -1
    rows = []
    at = end + 1
    size = len(text)
    while at < size:
        cut = text.index("\t", at)
        cut = text.index("\t", cut + 1)
        cut = text.index("\t", cut + 1)
        cut = text.index("\t", cut + 1)
        cut = text.index("\t", cut + 1)
        cut = text.index("\t", cut + 1)
        cut = text.index("\t", cut + 1)  # after the prices
        fields = text[at:cut].split("\t")
        at = cut + 1
        if text[at] == "=":
            colon = text.index(":", at)
            length = int(text[at + 1 : colon])
            title = text[colon + 1 : colon + 1 + length]
            at = colon + 1 + length
        else:
            title = None
        if text[at] != "\n":
            raise Malformed("an offer list the reader cannot cut into rows")
        at += 1
        fields.append(title)
        rows.append(tuple(fields))
    return Page(counter, rows)


def _number(text: str, name: str, default: int | None = 0) -> int | None:
    return long_value(text[1:], name) if text else default


def offer(row: tuple, state: port.OfferState) -> port.Offer:
    """One row of `_rows` -> an Offer, by the same rules as responses.offer_from_list."""
    item_id, start_quantity, sold, bids, start_time, end_time, prices_text, title = row
    offer_id = _number(item_id, "itemId", None)
    if offer_id is None:
        raise Malformed("itemId is missing")
    prices: dict[int, Decimal] = {}
    for entry in prices_text.split(";")[:-1]:
        price_type, value = entry.split(",")
        prices[_number(price_type, "priceType")] = money(value[1:] if value else None)
    return offer_from_values(
        state,
        offer_id=offer_id,
        title=checked_text(title, "itemTitle") if title is not None else "",
        prices=prices,
        start_quantity=_number(start_quantity, "itemStartQuantity"),
        sold=_number(sold, "itemSoldQuantity"),
        bids=_number(bids, "itemBiddersCounter"),
        start_time=_time(start_time),
        end_time=_time(end_time),
    )


def _time(text: str) -> datetime | None:
    return unix_time(long_value(text[1:], "time")) if text else None
