"""A loopback HTTP proxy in front of the sandbox that spoils chosen answers.

Requests go to the real sandbox unchanged (so a change is really made there); the
answer of an operation named in `spoil` is rewritten before the client sees it. That
turns the sandbox's always-valid answers into the malformed ones Allegro's servers
could send: elements missing, wrong types, huge strings, arrays absent, invalid XML.
"""
from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from lxml import etree

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"

Spoiler = Callable[[bytes], bytes]


def operation_of(answer: bytes) -> str:
    """The operation an answer belongs to ("doGetMySellItems"), or "" for a fault or junk."""
    try:
        root = etree.fromstring(answer)
    except etree.XMLSyntaxError:
        return ""
    body = root.find(f"{{{SOAP_ENV}}}Body")
    if body is None or not len(body):
        return ""
    name = etree.QName(body[0]).localname
    return name[: -len("Response")] if name.endswith("Response") else ""


class SpoilingProxy:
    """`url` is a WebAPI address whose answers are the sandbox's, spoiled where asked."""

    def __init__(self, sandbox_url: str) -> None:
        target = urlsplit(sandbox_url)
        self.spoil: dict[str, Spoiler] = {}
        self.spoiled: dict[str, int] = {}
        self.seen: dict[str, bytes] = {}  # the last unspoiled answer of each operation
        self.pace: dict[str, float] = {}  # operation -> seconds between the bytes of its answer
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                request = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "soapaction")}
                upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                try:
                    upstream.request("POST", target.path, body=request, headers=headers)
                    response = upstream.getresponse()
                    status, answer = response.status, response.read()
                    kind = response.getheader("Content-Type", "text/xml; charset=utf-8")
                finally:
                    upstream.close()
                operation = operation_of(answer) if status == 200 else ""
                if operation:
                    outer.seen[operation] = answer
                spoiler = outer.spoil.get(operation)
                if spoiler is not None:
                    answer = spoiler(answer)
                    outer.spoiled[operation] = outer.spoiled.get(operation, 0) + 1
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                pause = outer.pace.get(operation)
                if pause is None:
                    self.wfile.write(answer)
                    return
                for i in range(len(answer)):  # a byte at a time, until the client hangs up
                    try:
                        self.wfile.write(answer[i : i + 1])
                        self.wfile.flush()
                    except OSError:
                        return
                    time.sleep(pause)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{target.path}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# -- spoilers -------------------------------------------------------------------------------


def _edit(answer: bytes, change: Callable[[etree._Element], bool]) -> bytes:
    root = etree.fromstring(answer)
    body = root.find(f"{{{SOAP_ENV}}}Body")
    if not change(body[0]):
        return answer
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _named(element, name: str) -> list:
    return [e for e in element.iter() if isinstance(e.tag, str) and etree.QName(e).localname == name]


def without(name: str) -> Spoiler:
    """Every element called `name` removed (a required field missing, or an array absent)."""

    def spoil(answer: bytes) -> bytes:
        def change(response) -> bool:
            found = _named(response, name)
            for element in found:
                element.getparent().remove(element)
            return bool(found)

        return _edit(answer, change)

    return spoil


def emptied(name: str) -> Spoiler:
    """Every element called `name` left without children or text (an empty array)."""

    def spoil(answer: bytes) -> bytes:
        def change(response) -> bool:
            found = _named(response, name)
            for element in found:
                for child in list(element):
                    element.remove(child)
                element.text = None
            return bool(found)

        return _edit(answer, change)

    return spoil


def text_of(name: str, text: str) -> Spoiler:
    """Every element called `name` given `text` (a wrong type, a huge string)."""

    def spoil(answer: bytes) -> bytes:
        def change(response) -> bool:
            found = _named(response, name)
            for element in found:
                for child in list(element):
                    element.remove(child)
                element.text = text
            return bool(found)

        return _edit(answer, change)

    return spoil


def cut_at(fraction: float) -> Spoiler:
    """The answer cut off part way (invalid XML)."""

    def spoil(answer: bytes) -> bytes:
        return answer[: max(1, min(len(answer) - 1, int(len(answer) * fraction)))]

    return spoil


def replaced_by(data: bytes) -> Spoiler:
    """Something else entirely where the answer should be (HTML, junk, another answer)."""
    return lambda answer: data
