"""Added latency is a round trip counted from the request's arrival; answers of any size get out."""

from __future__ import annotations

import socket
import threading
import time

from sandbox.sessions import SELLER_LOGIN, WEBAPI_KEY

from .helpers import NS, envelope

SYS_STATUS = envelope(
    f'<ns0:DoQuerySysStatusRequest xmlns:ns0="{NS}"><ns0:sysvar>1</ns0:sysvar>'
    f"<ns0:countryId>1</ns0:countryId><ns0:webapiKey>{WEBAPI_KEY}</ns0:webapiKey>"
    "</ns0:DoQuerySysStatusRequest>")


def change_quantity(server, control, quantity: int, ago: float = 0.0) -> tuple[float, bytes]:
    """One quantity change through the server's SOAP entry that arrived ``ago`` s ago, timed."""
    [offer] = [o["offer_id"] for o in control.offers() if o["title"] == "Kubek"]
    handle, _, _ = server.shop.login(SELLER_LOGIN, True, 1, WEBAPI_KEY, server.shop.version_key)
    body = envelope(
        f'<ns0:DoChangeQuantityItemRequest xmlns:ns0="{NS}"><ns0:sessionHandle>{handle}'
        f"</ns0:sessionHandle><ns0:itemId>{offer}</ns0:itemId><ns0:newItemQuantity>"
        f"{quantity}</ns0:newItemQuantity></ns0:DoChangeQuantityItemRequest>")
    started = time.monotonic()
    status, payload = server.soap_call(body, started - ago)
    assert status == 200, payload
    return time.monotonic() - started, payload


def test_latency_counts_from_the_arrival_so_the_sandboxs_work_is_inside_it(server, control):
    control.reset(demo=False)
    control.add_offer("Kubek", quantity=5)
    control.set_faults(latency_ms=300)
    took, payload = change_quantity(server, control, 7)
    assert took >= 0.3 and b"<ns0:itemQuantityLeft>7<" in payload
    # A request that arrived 0.5 s ago (waiting for a worker, say) is not held any longer.
    took, payload = change_quantity(server, control, 8, ago=0.5)
    assert took < 0.25 and b"<ns0:itemQuantityLeft>8<" in payload
    # Delay rules come on top: 0.3 + 0.4 s after an arrival 0.5 s ago is 0.2 s from now.
    control.set_faults(latency_ms=300, rules=[{"operation": "doChangeQuantityItem",
                                               "kind": "delay", "delay_ms": 400}])
    took, _ = change_quantity(server, control, 9, ago=0.5)
    assert 0.2 <= took < 0.45
    assert control.offer(control.offers()[0]["offer_id"])["start_quantity"] == 9


def test_the_operation_runs_half_way_through_the_latency(server, control):
    control.reset(demo=False)
    control.add_offer("Kubek", quantity=5)
    control.set_faults(latency_ms=1600)
    seen = []

    def look() -> None:  # while the call is under way, from another thread
        time.sleep(0.3)
        seen.append(control.offers()[0]["start_quantity"])
        time.sleep(1.0)
        seen.append(control.offers()[0]["start_quantity"])

    watcher = threading.Thread(target=look)
    watcher.start()
    took, _ = change_quantity(server, control, 11)
    watcher.join()
    assert took >= 1.6
    assert seen == [5, 11]  # not yet at 0.3 s, done by 1.3 s (it ran at 0.8 s)


def read_answers(sock: socket.socket, count: int) -> list[tuple[int, bytes]]:
    """``count`` HTTP/1.1 answers with Content-Length read off one connection."""
    buffer = b""
    answers = []
    while len(answers) < count:
        while b"\r\n\r\n" not in buffer:
            chunk = sock.recv(1 << 16)
            assert chunk, "the connection closed early"
            buffer += chunk
        head, buffer = buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        length = int(next(v for k, v in (line.split(": ", 1) for line in lines[1:])
                          if k.lower() == "content-length"))
        while len(buffer) < length:
            chunk = sock.recv(1 << 20)
            assert chunk, "the connection closed early"
            buffer += chunk
        answers.append((int(lines[0].split()[1]), buffer[:length]))
        buffer = buffer[length:]
    return answers


def test_pipelined_requests_with_a_big_answer_read_late_all_arrive(server, control):
    control.reset(demo=False)
    control.add_offers([{"title": f"Serwetka lniana nr {i}", "quantity": 3}
                        for i in range(20_000)])
    soap = (f"POST /service.php HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
            f"Content-Length: {len(SYS_STATUS)}\r\n\r\n").encode() + SYS_STATUS
    offers = b"GET /sandbox/offers HTTP/1.1\r\nHost: x\r\n\r\n"
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(soap + offers + soap + offers + soap)
        time.sleep(1.0)  # the answers (2 x 4 MB) pile up before the client reads
        answers = read_answers(sock, 5)
    assert [status for status, _ in answers] == [200] * 5
    assert all(b"<ns0:verKey>1505</ns0:verKey>" in answers[i][1] for i in (0, 2, 4))
    assert answers[1][1] == answers[3][1] and answers[1][1].count(b'"offer_id"') == 20_000


def test_a_sandbox_with_latency_still_serves_many_connections(server, control):
    control.set_faults(latency_ms=50)
    socks = [socket.create_connection(("127.0.0.1", server.port), timeout=30)
             for _ in range(12)]
    request = (f"POST /service.php HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
               f"Content-Length: {len(SYS_STATUS)}\r\n\r\n").encode() + SYS_STATUS
    started = time.monotonic()
    try:
        for _ in range(3):
            for sock in socks:
                sock.sendall(request)
            for sock in socks:
                [(status, payload)] = read_answers(sock, 1)
                assert status == 200 and b"verKey" in payload
    finally:
        for sock in socks:
            sock.close()
    # 36 calls of 50 ms on 12 connections at once: about 3 x 50 ms, far from 36 x 50 ms.
    assert time.monotonic() - started < 1.2
