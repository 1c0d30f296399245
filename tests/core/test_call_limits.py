"""Every call to Allegro has a whole-call deadline and an answer-size limit.

A local server that answers a byte at a time must not hold a call past its deadline
(each byte arrives well within the per-read timeout), and one that sends an endless
answer must be cut off as the answer streams in, with the memory the call used bounded
by the limit, not by what the server sends.
"""
from __future__ import annotations

import socket
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

from core.allegro import errors
from core.allegro.limits import CALL_DEADLINE, MAX_ANSWER_BYTES, AnswerBudget, CallLimits, Watchdog
from core.allegro.retry import RetryPolicy
from core.allegro.soap import SoapCaller

ROOT = Path(__file__).resolve().parents[2]
ARGS = {"sysvar": 1, "countryId": 1, "webapiKey": "klucz"}
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\n"
ENVELOPE = (b'<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
            b"<soap:Body>")


class BadServer:
    """A one-connection-at-a-time HTTP server on 127.0.0.1 that answers as `answer` says."""

    def __init__(self, answer) -> None:
        self.answer = answer
        self.sent = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/service.php"
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                request = b""
                try:
                    while b"\r\n\r\n" not in request:
                        request += conn.recv(65536)
                    self.answer(self, conn)
                except OSError:
                    pass  # the client hung up: what it is supposed to do

    def send(self, conn, data: bytes) -> None:
        conn.sendall(data)
        self.sent += len(data)

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()
        self.thread.join(timeout=10)


@pytest.fixture
def serve():
    servers = []

    def start(answer) -> BadServer:
        server = BadServer(answer)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def caller(url: str, **limits) -> SoapCaller:
    return SoapCaller(url, operation_timeout=30, policy=RetryPolicy(retries=2, base=0.01, cap=0.01),
                      limits=CallLimits(**limits), trust_env=False)


def trickle_body(server, conn) -> None:
    server.send(conn, HEAD + b"Content-Length: 100000\r\n\r\n")
    while not server.stopped.is_set():
        server.send(conn, b" ")
        time.sleep(0.1)


def trickle_everything(server, conn) -> None:
    for byte in HEAD + b"Content-Length: 100000\r\n\r\n" + b" " * 100000:
        if server.stopped.is_set():
            return
        server.send(conn, bytes([byte]))
        time.sleep(0.1)


def trickle_then_close(server, conn) -> None:
    """An HTTP/1.0 answer: the connection closes after it, so urllib3 lets go of its socket early."""
    server.send(conn, HEAD.replace(b"HTTP/1.1", b"HTTP/1.0") + b"Content-Length: 100000\r\n\r\n")
    while not server.stopped.is_set():
        server.send(conn, b" ")
        time.sleep(0.1)


@pytest.mark.parametrize("answer", [trickle_body, trickle_everything, trickle_then_close],
                         ids=["body", "headers-too", "http-1.0"])
def test_a_server_that_trickles_a_byte_at_a_time_is_stopped_at_the_deadline(serve, answer):
    server = serve(answer)
    api = caller(server.url, deadline=1.5)
    started = time.monotonic()
    with pytest.raises(errors.CallTooSlow) as stopped:
        api.call("doQuerySysStatus", ARGS, idempotent=True)
    took = time.monotonic() - started
    api.close()
    assert 1.5 <= took < 4, took  # not retried for ever, not waiting for 100,000 bytes at 10 a second
    assert stopped.value.message == (
        f"Allegro at {server.url} did not finish answering within 1.5 seconds, so the app stopped waiting. "
        "Try again later; if it keeps happening, check the network."
    )


def test_a_change_stopped_at_the_deadline_is_reported_as_of_unknown_outcome(serve):
    server = serve(trickle_body)
    api = caller(server.url, deadline=1.0)
    with pytest.raises(errors.OutcomeUnknown):  # it went out: the next sync asks Allegro first
        api.call("doQuerySysStatus", ARGS, idempotent=False, offer_ids=[1])
    api.close()


def endless(server, conn) -> None:
    server.send(conn, HEAD + b"Connection: close\r\n\r\n" + ENVELOPE)
    block = b"<x>" + b"A" * 65533
    while not server.stopped.is_set() and server.sent < 1024 ** 3:
        server.send(conn, block)


def test_an_oversized_answer_is_refused_as_it_streams_in_with_the_memory_bounded(serve):
    server = serve(endless)
    limit = 2 * 1024 * 1024
    api = caller(server.url, max_bytes=limit, deadline=60)
    tracemalloc.start()
    try:
        with pytest.raises(errors.AnswerTooLarge) as refused:
            api.call("doQuerySysStatus", ARGS, idempotent=True)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        api.close()
    assert peak < 3 * limit, peak  # what was held: about the limit, not the gigabyte on offer
    time.sleep(0.3)
    assert server.sent < limit + 32 * 1024 * 1024, server.sent  # it stopped reading; the server was stopped by that
    assert f"was larger than {limit / 2 ** 20:g} MB" in refused.value.message
    assert str(server.url) in refused.value.message


def declared_huge(server, conn) -> None:
    server.send(conn, HEAD + b"Content-Length: 2000000000\r\n\r\n" + ENVELOPE)
    while not server.stopped.is_set():
        time.sleep(0.05)


def test_an_answer_declared_larger_than_the_limit_is_refused_before_its_body_is_read(serve):
    server = serve(declared_huge)
    api = caller(server.url, max_bytes=1024 * 1024, deadline=30)
    started = time.monotonic()
    with pytest.raises(errors.AnswerTooLarge):
        api.call("doQuerySysStatus", ARGS, idempotent=True)
    api.close()
    assert time.monotonic() - started < 2


def test_an_honest_answer_within_the_limits_is_read():
    from sandbox.server import SandboxServer

    with SandboxServer(port=0) as sandbox:
        api = caller(f"{sandbox.base_url}/service.php", max_bytes=1024 * 1024, deadline=10)
        try:
            answer = api.call("doQuerySysStatus", {"sysvar": 1, "countryId": 1, "webapiKey": "sandbox-key"},
                              idempotent=True)
        except errors.AllegroError as e:  # a refused key is an answer too: read whole, within the limits
            assert not isinstance(e, errors.CallTooSlow | errors.AnswerTooLarge), e
        else:
            assert answer is not None
        finally:
            api.close()


def test_the_budget_counts_bytes_and_time_without_a_transport():
    clock = [100.0]
    budget = AnswerBudget(CallLimits(deadline=5, max_bytes=10), clock=lambda: clock[0])
    budget.take(10)
    with pytest.raises(Exception, match="passed 10 bytes"):
        budget.take(1)
    fresh = AnswerBudget(CallLimits(deadline=5, max_bytes=10), clock=lambda: clock[0])
    clock[0] += 5
    with pytest.raises(Exception, match="within 5 s"):
        fresh.take(1)


def test_a_deadline_met_in_time_never_fires():
    watchdog = Watchdog()
    fired = []
    token = watchdog.watch(time.monotonic() + 0.2, lambda: fired.append("late"))
    watchdog.cancel(token)
    watchdog.watch(time.monotonic() + 0.1, lambda: fired.append("due"))
    time.sleep(0.5)
    assert fired == ["due"]


def test_the_limits_are_stated_in_the_reliability_document():
    text = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert f"{CALL_DEADLINE:g} seconds" in text
    assert f"{MAX_ANSWER_BYTES // 2 ** 20} MB" in text
