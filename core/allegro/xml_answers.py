"""Big answers read straight from their XML, by the contract, without zeep's object model.

zeep builds a CompoundValue per struct and checks each child against the schema in
Python, ten times the work of the reader here (docs/performance.md). For the few
operations whose answers are big (the deals journal, post-buy forms) the adapter asks zeep for the raw HTTP answer and hands it to a reader made here.
The My Allegro lists, the biggest, go one step further (core/allegro/offer_lists.py:
libxml2 checks and flattens them without the interpreter lock); this reader is what that
one is held to in the tests.

A reader is compiled once per operation from the same parsed WSDL zeep uses, and
returns exactly the shape zeep would (a dict where zeep has a CompoundValue, a list
where it has repeated elements, the single part unwrapped as zeep unwraps it), so the
adapter's conversions run unchanged on either. It is at least as strict as zeep: an
element the contract does not name, a repeated single element, child elements in a
simple value or a value of the wrong type raise `Malformed` (zeep logs a wrong type
and carries on with None). Anything that is not a well-formed answer of the expected
operation (a SOAP fault, HTML, a DTD, another element) returns `ASK_ZEEP`: the caller
lets zeep read it, so faults and transport errors come out as zeep's.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from lxml import etree

from core.allegro import wsdl
from core.allegro.responses import Malformed

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
ENVELOPE = f"{{{SOAP_ENV}}}Envelope"
BODY = f"{{{SOAP_ENV}}}Body"

ASK_ZEEP = object()  # not an answer this reader takes: let zeep read it

Reader = Callable[[bytes], Any]

# Big answers (a batch of forms with many items) are read one at a time, so the GUI thread
# competes for the interpreter lock with one reader rather than several.
_reading = threading.Lock()
BIG = 256 * 1024  # bytes; a page of 1,000 offers is ~1.2 MB, 25 forms ~100 kB, a journal page ~40 kB

_readers: dict[str, Reader] = {}
_readers_lock = threading.Lock()
_parsers = threading.local()  # lxml parsers must not be shared between threads


def _parser() -> etree.XMLParser:
    parser = getattr(_parsers, "parser", None)
    if parser is None:
        # zeep's own settings (core/allegro/wsdl.py): no entities, no huge trees, no network.
        parser = etree.XMLParser(
            remove_comments=True, resolve_entities=False, huge_tree=False, no_network=True, recover=False
        )
        _parsers.parser = parser
    return parser


def reader(operation: str) -> Reader:
    """The reader of `operation`'s answer (compiled on first use, then shared)."""
    found = _readers.get(operation)
    if found is None:
        with _readers_lock:
            found = _readers.get(operation)
            if found is None:
                found = _compile(operation)
                _readers[operation] = found
    return found


# -- compiling the contract into plain functions ------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _converter(xsd_type: Any) -> Callable[[str], Any] | None:
    """Text -> value as zeep's pythonvalue would give it; None for text kept as it is."""
    from zeep.xsd.types import builtins

    if isinstance(xsd_type, builtins.String):
        return None
    if isinstance(xsd_type, builtins.Integer):
        return int
    if isinstance(xsd_type, (builtins.Float, builtins.Double)):
        return float
    return xsd_type.pythonvalue


def _complex(xsd_type: Any, cache: dict[int, Callable[[Any], Any]]) -> Callable[[Any], Any]:
    """A struct -> dict of its children (repeated children as lists), unknown children refused.

    Simple values are read in the loop itself rather than by a function each: a page of
    1,000 offers has some 30,000 of them.
    """
    known = cache.get(id(xsd_type))
    if known is not None:
        return known
    if xsd_type.attributes:
        raise TypeError(f"{xsd_type.name}: attributes are not supported by the fast reader")
    # tag -> (name, reader of a struct or None for a simple value, repeated, converter)
    children: dict[str, tuple[str, Callable[[Any], Any] | None, bool, Callable[[str], Any] | None]] = {}
    repeated: list[str] = []

    def read(element: Any) -> dict[str, Any] | None:
        if not len(element) and not len(element.attrib):
            return None  # as zeep reads an empty struct
        return read_fields(element)

    def read_fields(element: Any) -> dict[str, Any]:
        out: dict[str, Any] = {name: [] for name in repeated}
        for child in element:
            entry = children.get(child.tag)
            if entry is None:
                if child.tag.__class__ is not str:  # a processing instruction
                    continue
                raise Malformed(f"unexpected element {_local(child.tag)} in {_local(element.tag)}")
            name, read_child, many, convert = entry
            if read_child is None:
                if len(child):
                    raise Malformed(f"{name} holds elements where a value belongs")
                value = child.text
                if value is not None and convert is not None:
                    try:
                        value = convert(value)
                    except (TypeError, ValueError, ArithmeticError):
                        raise Malformed(f"{name} is not a valid value: {value[:40]!r}") from None
            else:
                value = read_child(child)
            if many:
                out[name].append(value)
            elif name in out:
                raise Malformed(f"{name} appears twice in {_local(element.tag)}")
            else:
                out[name] = value
        return out

    read.fields = read_fields  # type: ignore[attr-defined]  (the answer itself is never None)
    cache[id(xsd_type)] = read  # before the children: a type may contain itself
    from zeep.xsd.types.complex import ComplexType

    for name, element in xsd_type.elements:
        many = element.max_occurs == "unbounded" or (isinstance(element.max_occurs, int) and element.max_occurs > 1)
        if isinstance(element.type, ComplexType):
            children[element.qname.text] = (name, _complex(element.type, cache), many, None)
        else:
            children[element.qname.text] = (name, None, many, _converter(element.type))
        if many:
            repeated.append(name)
    return read


def response_element(content: bytes, response_tag: str) -> Any:
    """The answer's response element if `content` is a well-formed answer with that tag, else ASK_ZEEP."""
    try:
        root = etree.fromstring(content, parser=_parser())
    except etree.XMLSyntaxError:
        return ASK_ZEEP
    if root.tag != ENVELOPE or root.getroottree().docinfo.doctype:
        return ASK_ZEEP
    response = None
    for part in root:
        if part.tag == BODY:
            response = next((e for e in part if e.tag.__class__ is str), None)
            break
    if response is None or response.tag != response_tag:
        return ASK_ZEEP  # a fault, an empty body or another answer
    return response


def _compile(operation: str) -> Reader:
    from zeep.xsd.types.complex import ComplexType

    binding = wsdl.document().bindings[wsdl.BINDING]
    body = binding.get(operation).output.body
    response_tag = body.qname.text
    read_response = _complex(body.type, {}).fields  # type: ignore[attr-defined]
    # zeep hands back a response of one child element as that child's value, and that
    # value, when it is a struct of one element (an ArrayOfX), as its only field.
    only_child = inner = None
    if len(body.type.elements) == 1:
        only_child, element = body.type.elements[0]
        if isinstance(element.type, ComplexType) and len(element.type.elements) == 1 and not element.type.attributes:
            inner = element.type.elements[0][0]

    def read(content: bytes) -> Any:
        response = response_element(content, response_tag)
        if response is ASK_ZEEP:
            return ASK_ZEEP
        if len(content) > BIG:
            with _reading:
                value = read_response(response)
        else:  # small answers (a journal page) never wait behind a big one
            value = read_response(response)
        if only_child is not None:
            value = value.get(only_child)
            if inner is not None and value is not None:
                return value[inner] if inner in value else None
        return value

    return read
