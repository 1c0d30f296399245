"""The SOAP side of the WebAPI contract: parse requests and build responses from the WSDL.

This module and ``xml_writer`` are the only ones that touch zeep internals (an
operation's ``input.deserialize``, ``output.serialize`` and its parsed types), so a zeep
upgrade is fixed here. Requests are first validated against the WSDL's own XML Schema
(lxml), so wrong types, missing or unexpected elements become a Client fault, never a
None. Responses are written by ``xml_writer`` (the same bytes as zeep's serialiser,
20-50 times faster); ``build_response_zeep`` is zeep's own, the reference for tests.
"""

from __future__ import annotations

import copy
import functools
import threading
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree
from zeep import Client, Settings
from zeep.helpers import serialize_object
from zeep.xsd.types.builtins import BuiltinType

from .xml_writer import ResponseWriter

WSDL_PATH = Path(__file__).parent.parent / "resources" / "webapi.wsdl"
NS = "https://webapi.allegro.pl/service.php"
SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12_ENV = "http://www.w3.org/2003/05/soap-envelope"
XSD = "http://www.w3.org/2001/XMLSchema"
PRODUCTION_ADDRESS = b'location="https://webapi.allegro.pl/service.php"'


class SoapRequestError(Exception):
    """The request is not a valid SOAP 1.1 call of the contract (a Client fault)."""

    def __init__(self, message: str, faultcode: str = "SOAP-ENV:Client"):
        super().__init__(message)
        self.faultcode = faultcode


@dataclass(frozen=True)
class Request:
    operation: str
    params: dict


def _safe_parser() -> etree.XMLParser:
    # No DTDs, entities or network: a hostile envelope cannot expand or fetch anything.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_blank_text=False,
    )


def _plain(value):
    """zeep values -> plain dicts and lists; an ArrayOfX becomes a list."""
    if isinstance(value, dict):
        if set(value) == {"item"}:
            items = value["item"]
            return [_plain(v) for v in (items or [])]
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Contract:
    """The loaded WSDL: one per process (see ``contract()``)."""

    def __init__(self, path: Path = WSDL_PATH):
        self.path = path
        self._raw = path.read_bytes()
        client = Client(str(path), settings=Settings(strict=True, xml_huge_tree=False))
        binding = next(iter(client.wsdl.bindings.values()))
        self._operations = dict(binding._operations)
        # request element local name (DoXRequest) -> operation name (doX)
        self._by_request = {}
        for name, op in self._operations.items():
            element = op.input.body
            self._by_request[element.qname.localname] = name
        self._schema = self._compile_schema()
        self._schema_lock = threading.Lock()
        self._parser_local = threading.local()
        # Requests holding only simple values take a fast path (the hot quantity changes
        # and logins); zeep parses every nested structure.
        self._flat_inputs = {n: f for n, op in self._operations.items()
                             if (f := _flat_fields(op.input.body))}
        self._writers: dict[str, ResponseWriter] = {}

    # -- the WSDL document ------------------------------------------------------------
    def operation_names(self) -> list[str]:
        return sorted(self._operations)

    def wsdl_for(self, address: str) -> bytes:
        """The WSDL with its soap:address pointing at ``address``."""
        return self._raw.replace(
            PRODUCTION_ADDRESS, b'location="' + escape(address).encode() + b'"'
        )

    def _compile_schema(self) -> etree.XMLSchema:
        root = etree.fromstring(self._raw, _safe_parser())
        schema = root.find(f".//{{{XSD}}}schema")
        # QName values (type="tns:X") need the prefixes declared on the WSDL root.
        nsmap = {k: v for k, v in root.nsmap.items() if k}
        nsmap.update({k: v for k, v in schema.nsmap.items() if k})
        standalone = etree.Element(schema.tag, nsmap=nsmap, attrib=dict(schema.attrib))
        for child in schema:
            standalone.append(copy.deepcopy(child))
        return etree.XMLSchema(etree.ElementTree(standalone))

    def _validate(self, element) -> str | None:
        with self._schema_lock:
            if self._schema.validate(element):
                return None
            error = self._schema.error_log.last_error
            return error.message if error is not None else "invalid element"

    def _parser(self) -> etree.XMLParser:
        parser = getattr(self._parser_local, "parser", None)
        if parser is None:
            parser = self._parser_local.parser = _safe_parser()
        return parser

    # -- requests -----------------------------------------------------------------------
    def parse_request(self, data: bytes) -> Request:
        """A SOAP 1.1 envelope -> the operation name and its parameters as plain data."""
        try:
            root = etree.fromstring(data, self._parser())
        except etree.XMLSyntaxError as exc:
            raise SoapRequestError(f"Malformed XML: {exc}") from None
        if root.getroottree().docinfo.doctype:
            raise SoapRequestError("DTDs are not allowed in SOAP messages.")
        if root.tag == f"{{{SOAP12_ENV}}}Envelope":
            raise SoapRequestError(
                "SOAP 1.2 is not supported: use SOAP 1.1.", "SOAP-ENV:VersionMismatch"
            )
        if root.tag != f"{{{SOAP_ENV}}}Envelope":
            raise SoapRequestError("The document is not a SOAP 1.1 Envelope.")
        body = root.find(f"{{{SOAP_ENV}}}Body")
        if body is None:
            raise SoapRequestError("The Envelope has no Body.")
        children = [c for c in body if isinstance(c.tag, str)]
        if len(children) != 1:
            raise SoapRequestError("The Body must hold exactly one request element.")
        call = children[0]
        qname = etree.QName(call)
        operation = self._by_request.get(qname.localname) if qname.namespace == NS else None
        if operation is None:
            raise SoapRequestError(f"Unknown operation element {call.tag}.")
        problem = self._validate(call)
        if problem is not None:
            raise SoapRequestError(f"Invalid {operation} request: {problem}")
        flat = self._flat_inputs.get(operation)
        if flat is not None:
            # Already schema-valid: every child is one of these simple elements.
            values = {name: None for name in flat}
            for child in call:
                if isinstance(child.tag, str):
                    name = etree.QName(child).localname
                    values[name] = flat[name][0].pythonvalue(child.text or "")
            return Request(operation, values)
        value = self._operations[operation].input.deserialize(root)
        params = _plain(serialize_object(value, target_cls=dict)) if value is not None else {}
        return Request(operation, params)

    # -- responses ----------------------------------------------------------------------
    def build_response(self, operation: str, fields: dict) -> bytes:
        """The response envelope of ``operation``; missing required fields are refused."""
        writer = self._writers.get(operation)
        if writer is None:
            # Generated once per operation; two threads racing here build equal writers.
            writer = ResponseWriter(self._operations[operation].output.body, NS)
            self._writers[operation] = writer
        return writer(fields)

    def build_response_zeep(self, operation: str, fields: dict) -> bytes:
        """The same envelope through zeep's own serialiser (slow; the reference)."""
        message = self._operations[operation].output.serialize(**fields)
        return etree.tostring(message.content, xml_declaration=True, encoding="UTF-8")

    def validate_response(self, data: bytes) -> str | None:
        """None when the response body is valid against the contract, else the problem."""
        root = etree.fromstring(data, self._parser())
        body = root.find(f"{{{SOAP_ENV}}}Body")
        child = [c for c in body if isinstance(c.tag, str)][0]
        if child.tag == f"{{{SOAP_ENV}}}Fault":
            return None
        return self._validate(child)


def _flat_fields(element) -> dict | None:
    """{name: (simple type, required)} when every child of the message is simple."""
    fields = {}
    for name, child in element.type.elements:
        if not isinstance(child.type, BuiltinType) or child.max_occurs != 1:
            return None
        fields[name] = (child.type, child.min_occurs > 0)
    return fields or None


def build_fault(faultcode: str, faultstring: str, faultactor: str | None = None) -> bytes:
    """A SOAP 1.1 Fault envelope shaped like Allegro's (bare ERR_* faultcode)."""
    actor = f"<faultactor>{escape(faultactor)}</faultactor>" if faultactor else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<SOAP-ENV:Envelope xmlns:SOAP-ENV="{SOAP_ENV}"><SOAP-ENV:Body><SOAP-ENV:Fault>'
        f"<faultcode>{escape(faultcode)}</faultcode>"
        f"<faultstring>{escape(faultstring)}</faultstring>{actor}"
        "</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>"
    ).encode("utf-8")


@functools.cache
def contract() -> Contract:
    """The process-wide contract, loaded on first use."""
    return Contract()
