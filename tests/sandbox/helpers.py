"""Helpers for the sandbox tests: log in, read arrays, send raw HTTP."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

from lxml import etree

from sandbox.sessions import SELLER_LOGIN, SELLER_PASSWORD, WEBAPI_KEY, password_hash

BINDING = "{https://webapi.allegro.pl/service.php}serviceBinding"
SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
NS = "https://webapi.allegro.pl/service.php"


def login(api, version_key: int | None = None) -> str:
    if version_key is None:
        version_key = api.doQuerySysStatus(sysvar=1, countryId=1, webapiKey=WEBAPI_KEY).verKey
    return api.doLoginEnc(userLogin=SELLER_LOGIN, userHashPassword=password_hash(SELLER_PASSWORD),
                          countryCode=1, webapiKey=WEBAPI_KEY,
                          localVersion=version_key).sessionHandlePart


def items(array) -> list:
    """An ArrayOfX answer (object with .item, a list, or None) -> a list."""
    if array is None:
        return []
    if isinstance(array, list):
        return array
    return list(array.item or [])


def post_raw(server, body: bytes, path: str = "/service.php", method: str = "POST",
             headers: dict | None = None) -> tuple[int, bytes, dict]:
    """Send bytes as they are (no SOAP client in the way)."""
    parts = urlsplit(server.base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request(method, path, body,
                     headers if headers is not None else {"Content-Type": "text/xml; charset=utf-8"})
        response = conn.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        conn.close()


def fault_of(payload: bytes) -> dict:
    """faultcode / faultstring / faultactor of a SOAP Fault envelope."""
    root = etree.fromstring(payload)
    fault = root.find(f"{{{SOAP_ENV}}}Body/{{{SOAP_ENV}}}Fault")
    assert fault is not None, payload[:300]
    return {child.tag: child.text for child in fault}


def envelope(inner: str) -> bytes:
    return (f'<soap-env:Envelope xmlns:soap-env="{SOAP_ENV}"><soap-env:Body>{inner}'
            "</soap-env:Body></soap-env:Envelope>").encode("utf-8")
