"""Answers that break the contract, and servers that are not there.

The sandbox always answers by the contract, so these tests use a tiny HTTP server on
127.0.0.1 that answers login properly and then whatever each test scripts.
"""
from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core.allegro import errors
from core.allegro.port import Credentials, FinishRequest, OfferState
from core.allegro.retry import RetryPolicy
from core.allegro.webapi import WebApiMarketplace

ENVELOPE = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" '
    'xmlns:ns1="https://webapi.allegro.pl/service.php"><SOAP-ENV:Body>{}</SOAP-ENV:Body></SOAP-ENV:Envelope>'
)
LOGIN_ANSWERS = {
    "doQuerySysStatus": (200, ENVELOPE.format(
        "<ns1:doQuerySysStatusResponse><ns1:info>1.0</ns1:info><ns1:verKey>7</ns1:verKey></ns1:doQuerySysStatusResponse>"
    )),
    "doLoginEnc": (200, ENVELOPE.format(
        "<ns1:doLoginEncResponse><ns1:sessionHandlePart>sess-abc//01_1</ns1:sessionHandlePart>"
        "<ns1:userId>42</ns1:userId><ns1:serverTime>1700000000</ns1:serverTime></ns1:doLoginEncResponse>"
    )),
}


def sell_items(rows: str, counter: str = "<ns1:sellItemsCounter>1</ns1:sellItemsCounter>") -> str:
    return ENVELOPE.format(f"<ns1:doGetMySellItemsResponse>{counter}{rows}</ns1:doGetMySellItemsResponse>")


class ScriptedServer:
    def __init__(self):
        self.answers: dict[str, tuple[int, str]] = dict(LOGIN_ANSWERS)
        self.calls: dict[str, int] = {}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                operation = self.headers.get("SOAPAction", "").strip('"#')
                outer.calls[operation] = outer.calls.get(operation, 0) + 1
                status, body = outer.answers.get(operation, (500, "no script"))
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "text/xml; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/service.php"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def scripted():
    server = ScriptedServer()
    yield server
    server.stop()


def marketplace(url: str) -> WebApiMarketplace:
    return WebApiMarketplace(
        Credentials(url, "seller", "pass-1", "KEY-1", 7),
        retry=RetryPolicy(retries=2, base=0.001, cap=0.002),
        connect_timeout=2,
        operation_timeout=2,
    )


def test_empty_arrays_may_come_as_absent_elements(scripted):
    scripted.answers["doGetMySellItems"] = (200, sell_items("", "<ns1:sellItemsCounter>0</ns1:sellItemsCounter>"))
    with marketplace(scripted.url) as mp:
        assert list(mp.offers([OfferState.ACTIVE])) == []


def test_an_offer_without_its_id_is_an_invalid_response(scripted):
    rows = "<ns1:sellItemsList><ns1:item><ns1:itemTitle>Kubek</ns1:itemTitle></ns1:item></ns1:sellItemsList>"
    scripted.answers["doGetMySellItems"] = (200, sell_items(rows))
    with marketplace(scripted.url) as mp, pytest.raises(errors.InvalidResponse) as caught:
        list(mp.offers())
    assert "doGetMySellItems" in caught.value.message
    assert "Nothing was changed" in caught.value.message
    assert caught.value.__context__ is None and caught.value.__cause__ is None  # no zeep chained on
    assert scripted.calls["doGetMySellItems"] == 1  # a broken answer is not asked for again


def test_a_wrong_type_is_an_invalid_response(scripted):
    rows = "<ns1:sellItemsList><ns1:item><ns1:itemId>not-a-number</ns1:itemId></ns1:item></ns1:sellItemsList>"
    scripted.answers["doGetMySellItems"] = (200, sell_items(rows))
    with marketplace(scripted.url) as mp, pytest.raises(errors.InvalidResponse):
        list(mp.offers())


def test_an_answer_that_is_not_xml_is_an_invalid_response(scripted):
    scripted.answers["doGetMySellItems"] = (200, "<html>Maintenance</html")
    with marketplace(scripted.url) as mp, pytest.raises(errors.InvalidResponse) as caught:
        list(mp.offers())
    assert caught.value.code == "INVALID_RESPONSE"


def test_an_unreadable_answer_to_a_finish_means_the_outcome_is_unknown(scripted):
    scripted.answers["doFinishItems"] = (200, "garbage")
    with marketplace(scripted.url) as mp, pytest.raises(errors.OutcomeUnknown) as caught:
        mp.finish([FinishRequest(11), FinishRequest(12)])
    assert caught.value.offer_ids == (11, 12)
    assert scripted.calls["doFinishItems"] == 1  # never resent blindly


def test_a_bare_http_500_to_a_finish_is_not_resent(scripted):
    scripted.answers["doFinishItems"] = (500, "Internal Server Error")
    with marketplace(scripted.url) as mp, pytest.raises(errors.OutcomeUnknown) as caught:
        mp.finish([FinishRequest(5)])
    assert caught.value.offer_ids == (5,)
    assert scripted.calls["doFinishItems"] == 1


def test_a_bare_http_500_to_a_read_is_retried_then_reported(scripted):
    scripted.answers["doGetMySellItems"] = (503, "Service Unavailable")
    with marketplace(scripted.url) as mp, pytest.raises(errors.ServiceUnavailable) as caught:
        list(mp.offers())
    assert scripted.calls["doGetMySellItems"] == 3  # 1 + 2 retries
    assert "HTTP 503" in caught.value.message


def test_a_wrong_address_says_so(scripted):
    scripted.answers["doQuerySysStatus"] = (404, "Not Found")
    with marketplace(scripted.url) as mp, pytest.raises(errors.InvalidResponse) as caught:
        mp.login()
    assert scripted.url in caught.value.detail


def test_standard_soap_faults_keep_their_code(scripted):
    fault = ENVELOPE.format(
        "<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>Bad request</faultstring></SOAP-ENV:Fault>"
    )
    scripted.answers["doGetMySellItems"] = (500, fault)
    with marketplace(scripted.url) as mp, pytest.raises(errors.UnknownAllegroError) as caught:
        list(mp.offers())
    assert caught.value.code == "Client" and caught.value.allegro_text == "Bad request"
    assert scripted.calls["doGetMySellItems"] == 1


def test_no_server_at_the_address_names_it():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/service.php"
    with marketplace(url) as mp, pytest.raises(errors.ConnectionFailed) as caught:
        mp.login()
    assert caught.value.address == url
    assert url in caught.value.message and url in caught.value.message_pl
    assert caught.value.__context__ is None


def test_a_server_that_never_answers_times_out(scripted):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections, never answers
    try:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/service.php"
        mp = WebApiMarketplace(
            Credentials(url, "seller", "pass-1", "KEY-1", 7),
            retry=RetryPolicy(retries=1, base=0.001, cap=0.002),
            connect_timeout=0.5,
            operation_timeout=0.3,
        )
        with mp, pytest.raises(errors.ConnectionFailed) as caught:
            mp.current_version_key()
        assert caught.value.timed_out and caught.value.code == "TIMEOUT"
        assert url in caught.value.message
    finally:
        silent.close()
