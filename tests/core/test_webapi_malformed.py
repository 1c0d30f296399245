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
from core.allegro.port import Credentials, FinishRequest, OfferState, RelistRequest
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
        # operation -> (status, body), or a list of them answered in turn (the last repeats)
        self.answers: dict[str, tuple[int, str] | list[tuple[int, str]]] = dict(LOGIN_ANSWERS)
        self.calls: dict[str, int] = {}
        self.bodies: dict[str, list[str]] = {}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                request = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
                operation = self.headers.get("SOAPAction", "").strip('"#')
                outer.calls[operation] = outer.calls.get(operation, 0) + 1
                outer.bodies.setdefault(operation, []).append(request)
                answer = outer.answers.get(operation, (500, "no script"))
                if isinstance(answer, list):
                    answer = answer.pop(0) if len(answer) > 1 else answer[0]
                status, body = answer
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
    assert caught.value.offer_ids == ("11", "12")
    assert scripted.calls["doFinishItems"] == 1  # never resent blindly


def test_a_bare_http_500_to_a_finish_is_not_resent(scripted):
    scripted.answers["doFinishItems"] = (500, "Internal Server Error")
    with marketplace(scripted.url) as mp, pytest.raises(errors.OutcomeUnknown) as caught:
        mp.finish([FinishRequest(5)])
    assert caught.value.offer_ids == ("5",)
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


def finish_answer(succeeded: list[int], failed: list[tuple[int, str]]) -> tuple[int, str]:
    ok = "".join(f"<ns1:item>{i}</ns1:item>" for i in succeeded)
    bad = "".join(
        f"<ns1:item><ns1:finishItemId>{i}</ns1:finishItemId><ns1:finishErrorCode>{code}</ns1:finishErrorCode>"
        f"<ns1:finishErrorMessage>W tej chwili nie można skorzystać z Allegro API!</ns1:finishErrorMessage></ns1:item>"
        for i, code in failed
    )
    return 200, ENVELOPE.format(
        f"<ns1:doFinishItemsResponse><ns1:finishItemsSucceed>{ok}</ns1:finishItemsSucceed>"
        f"<ns1:finishItemsFailed>{bad}</ns1:finishItemsFailed></ns1:doFinishItemsResponse>"
    )


def test_offers_refused_for_now_in_a_finish_are_sent_again_alone(scripted):
    # Allegro answered a doFinishItems with per-offer ERR_WEBAPI_NOT_AVAIL (GH#1574)
    scripted.answers["doFinishItems"] = [
        finish_answer([1, 3], [(2, "ERR_WEBAPI_NOT_AVAIL"), (4, "ERR_END_DURING_CHANGES")]),
        finish_answer([2], []),
    ]
    with marketplace(scripted.url) as mp:
        results = mp.finish([FinishRequest(i) for i in (1, 2, 3, 4)])
    assert [(r.offer_id, r.ok, r.error_code) for r in results] == [
        ("1", True, ""), ("2", True, ""), ("3", True, ""), ("4", False, "ERR_END_DURING_CHANGES")]
    assert scripted.calls["doFinishItems"] == 2
    second = scripted.bodies["doFinishItems"][1]
    assert "<ns0:finishItemId>2</ns0:finishItemId>" in second and second.count("finishItemId>") == 2


def test_an_offer_allegro_keeps_refusing_for_now_ends_as_a_failure(scripted):
    scripted.answers["doFinishItems"] = [finish_answer([], [(7, "ERR_WEBAPI_NOT_AVAIL")])]
    with marketplace(scripted.url) as mp:
        (result,) = mp.finish([FinishRequest(7)])
    assert not result.ok and result.error_code == "ERR_WEBAPI_NOT_AVAIL"
    assert result.message == "Allegro is not available at the moment. Try again later."
    assert scripted.calls["doFinishItems"] == 3  # 1 + 2 retries


def test_an_offer_missing_from_a_finish_answer_is_reported_as_unknown(scripted):
    scripted.answers["doFinishItems"] = [finish_answer([1], [])]
    with marketplace(scripted.url) as mp:
        results = mp.finish([FinishRequest(1), FinishRequest(2)])
    assert results[0].ok
    assert not results[1].ok and results[1].error_code == "OUTCOME_UNKNOWN"
    assert scripted.calls["doFinishItems"] == 1


def test_relists_refused_for_now_are_sent_again_with_the_same_local_id(scripted):
    def again(source: int, local: int) -> str:
        return (f"<ns1:item><ns1:sellItemId>{source}</ns1:sellItemId><ns1:sellItemInfo>-</ns1:sellItemInfo>"
                f"<ns1:sellItemLocalId>{local}</ns1:sellItemLocalId></ns1:item>")

    scripted.answers["doSellSomeAgain"] = [
        (200, ENVELOPE.format(
            f"<ns1:doSellSomeAgainResponse><ns1:itemsSellAgain>{again(1, 11)}</ns1:itemsSellAgain>"
            "<ns1:itemsSellFailed><ns1:item><ns1:sellItemId>2</ns1:sellItemId>"
            "<ns1:sellFaultCode>ERR_INTERNAL_SYSTEM_ERROR</ns1:sellFaultCode>"
            "<ns1:sellFaultString>Wewnętrzny bład systemu.</ns1:sellFaultString></ns1:item></ns1:itemsSellFailed>"
            "</ns1:doSellSomeAgainResponse>")),
        (200, ENVELOPE.format(
            f"<ns1:doSellSomeAgainResponse><ns1:itemsSellAgain>{again(2, 12)}</ns1:itemsSellAgain>"
            "</ns1:doSellSomeAgainResponse>")),
    ]
    scripted.answers["doVerifyItem"] = (200, ENVELOPE.format(
        "<ns1:doVerifyItemResponse><ns1:itemId>555</ns1:itemId><ns1:itemListed>1</ns1:itemListed>"
        "<ns1:itemStartingTime>1700000000</ns1:itemStartingTime></ns1:doVerifyItemResponse>"))
    with marketplace(scripted.url) as mp:
        results = mp.relist([RelistRequest(1, 11, 0), RelistRequest(2, 12, 0)])
    assert all(r.ok and r.new_offer_id == "555" for r in results)
    assert scripted.calls["doSellSomeAgain"] == 2
    second = scripted.bodies["doSellSomeAgain"][1]
    assert "<ns0:localIds><ns0:item>12</ns0:item></ns0:localIds>" in second
