"""Allegro's rules at the REST door: media types, bad bodies, limits, faults; it keeps serving."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import httpx
import pytest

from .rest_support import MEDIA, errors_of
from .test_server import run_cli

OFFER = "/sale/product-offers/{offerId}"


@pytest.fixture
def offer_id(control):
    control.reset(demo=False)
    return control.add_offer("Kubek termiczny", quantity=5, price=39)


def patch(rest, offer_id, **kw):
    return rest.call("PATCH", OFFER, f"/sale/product-offers/{offer_id}", **kw)


def test_a_wrong_or_missing_accept_header_is_406(rest, offer_id):
    for accept in (None, "application/json", "*/*", "application/vnd.allegro.public.v2+json"):
        answer = rest.get("/me", headers={"Accept": accept})
        assert answer.status_code == 406, accept
        assert errors_of(answer) == [("NotAcceptableException", None)]
        assert answer.json()["errors"][0]["message"] == (
            "Not acceptable representation requested. Please check 'Accept' request header"
        )


def test_user_messages_are_english_unless_polish_is_asked_for(rest):
    english = rest.get("/me", headers={"Accept": "text/html"}).json()["errors"][0]
    polish = rest.get("/me", headers={"Accept": "text/html", "Accept-Language": "pl-PL"}).json()[
        "errors"
    ][0]
    assert english["message"] == polish["message"]
    assert english["userMessage"].startswith("The requested representation")
    assert polish["userMessage"].startswith("Nieobsługiwany format")


def test_malformed_json_and_wrong_types_are_400_with_the_path(rest, offer_id, control):
    broken = patch(rest, offer_id, raw=b'{"stock": {"available": 3')
    assert broken.status_code == 400 and errors_of(broken)[0][0] == "MalformedJsonException"
    for body, path in (
        ({"stock": {"available": "3"}}, "stock.available"),
        ({"stock": {"available": True}}, "stock.available"),
        ({"stock": [3]}, "stock"),
        ({"publication": {"status": "SOLD"}}, "publication.status"),
    ):
        answer = patch(rest, offer_id, body=body)
        assert answer.status_code == 400, body
        assert errors_of(answer) == [("InvalidJSONValue", path)], body
    not_an_object = patch(rest, offer_id, body=[1, 2])
    assert not_an_object.status_code == 400
    assert control.offer(offer_id)["quantity"] == 5


def test_unknown_json_properties_are_refused_and_nothing_changes(rest, offer_id, control):
    answer = patch(rest, offer_id, body={"stock": {"available": 2, "reserved": 1}})
    assert answer.status_code == 400
    assert errors_of(answer) == [("UnknownJSONProperty", "stock.reserved")]
    assert control.offer(offer_id)["quantity"] == 5


def test_bodies_need_allegros_content_type(rest, offer_id):
    answer = patch(
        rest, offer_id, body={"stock": {"available": 2}}, headers={"Content-Type": "text/plain"}
    )
    assert answer.status_code == 415


def test_a_huge_body_is_413_without_being_read(rest, offer_id):
    answer = patch(rest, offer_id, raw=b'{"name":"' + b"x" * (2 * 1024 * 1024) + b'"}')
    assert answer.status_code == 413
    assert errors_of(answer)[0][0] == "PayloadTooLargeException"


def test_unknown_paths_are_404_and_wrong_methods_405(rest):
    unknown = rest.http.get("/sale/nothing-here", headers={"Accept": MEDIA})
    assert unknown.status_code == 404 and unknown.json()["errors"][0]["code"] == "NotFoundException"
    wrong = rest.http.delete("/me", headers={"Accept": MEDIA})
    assert wrong.status_code == 405


def test_garbage_on_the_socket_does_not_stop_the_server(rest, server):
    parts = urlsplit(server.rest_url)
    for garbage in (
        b"\x00\xff" * 100 + b"\r\n\r\n",
        b"PATCH /sale/product-offers/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 99\r\n\r\n{",
    ):
        with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
            sock.sendall(garbage)
            sock.shutdown(socket.SHUT_WR)
            try:
                sock.recv(1024)
            except OSError:
                pass
    assert rest.get("/me").status_code == 200


def test_past_the_client_limit_every_call_is_429_for_a_minute(rest, control):
    control.rest_settings(client_per_minute=5)
    answers = [rest.get("/me").status_code for _ in range(7)]
    assert answers == [200] * 5 + [429] * 2
    blocked = rest.get("/order/carriers")
    assert blocked.status_code == 429
    assert errors_of(blocked)[0][0] == "TooManyRequestsException"
    assert "retry-after" not in blocked.headers
    control.advance_clock(seconds=59)
    assert rest.get("/me").status_code == 429
    control.advance_clock(seconds=1)
    assert rest.get("/me").status_code == 200


def test_retry_after_can_be_switched_on(rest, control):
    control.rest_settings(client_per_minute=1, retry_after_header=True)
    rest.get("/me")
    assert rest.get("/me").headers["retry-after"] == "60"


def test_the_per_user_limit_on_reading_one_offer(rest, offer_id, control):
    control.rest_settings(user_get_product_offer_per_minute=3, user_edit_product_offer_per_minute=1)
    path = f"/sale/product-offers/{offer_id}"
    assert [rest.get(OFFER, path).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert rest.get("/sale/offers").status_code == 200  # other resources go on
    assert patch(rest, offer_id, body={"stock": {"available": 3}}).status_code == 200
    assert patch(rest, offer_id, body={"stock": {"available": 4}}).status_code == 429
    assert control.offer(offer_id)["quantity"] == 3


def test_the_settings_refuse_unknown_limits(control):
    from sandbox.control import SandboxControlError

    with pytest.raises(SandboxControlError) as caught:
        control.rest_settings(per_hour=3)
    assert caught.value.status == 400


def test_rest_calls_are_counted_per_operation(rest, offer_id, control):
    control.reset_calls()
    rest.get("/me")
    rest.get(OFFER, f"/sale/product-offers/{offer_id}")
    rest.get(OFFER, "/sale/product-offers/1")
    counts = control.calls()
    assert counts["counts"]["meGET"] == 1
    assert counts["counts"]["getProductOffer"] == 2
    assert counts["executed"]["getProductOffer"] == 1
    outcomes = [e["outcome"] for e in control.call_log() if e["operation"] == "getProductOffer"]
    assert outcomes == ["ok", "OfferNotFoundException"]


def test_fault_rules_name_rest_operations(rest, offer_id, control):
    control.set_faults(
        rules=[{"operation": "editProductOffers", "kind": "http500", "when": "after", "count": 1}]
    )
    answer = patch(rest, offer_id, body={"stock": {"available": 2}})
    assert answer.status_code == 500
    assert errors_of(answer)[0][0] == "InternalServerErrorException"
    assert control.offer(offer_id)["quantity"] == 2  # it ran: the answer was lost
    assert control.calls()["executed"]["editProductOffers"] == 1
    control.set_faults(rules=[{"operation": "meGET", "kind": "drop", "count": 1}])
    with pytest.raises(httpx.TransportError):
        rest.get("/me")
    assert rest.get("/me").status_code == 200


def test_a_fault_rule_for_an_unknown_operation_is_refused(control):
    from sandbox.control import SandboxControlError

    with pytest.raises(SandboxControlError):
        control.set_faults(rules=[{"operation": "getEverything", "kind": "http500"}])


def test_the_command_line_prints_the_rest_address_second():
    proc = run_cli("--port", "0", "--offers", "3")
    try:
        first = proc.stdout.readline().strip()
        second = proc.stdout.readline().strip()
        base = first[: -len("/service.php?wsdl")]
        assert second == f"REST: {base}"
        with httpx.Client(base_url=base, timeout=10, trust_env=False) as client:
            device = client.post(
                "/auth/oauth/device",
                data={"client_id": "SANDBOX-CLIENT-ID"},
                auth=("SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET"),
            )
            assert device.status_code == 200
    finally:
        proc.terminate()
        proc.communicate(timeout=20)


def test_deeply_nested_json_is_malformed_not_a_crash(rest, offer_id):
    answer = patch(rest, offer_id, raw=b"[" * 100_000 + b"]" * 100_000)
    assert answer.status_code == 400
    assert errors_of(answer)[0][0] == "MalformedJsonException"
    assert rest.get("/me").status_code == 200


def test_null_fields_change_nothing(rest, offer_id, control):
    answer = patch(rest, offer_id, body={"name": None, "stock": {"available": None}})
    assert answer.status_code == 200
    assert (answer.json()["name"], answer.json()["stock"]["available"]) == ("Kubek termiczny", 5)
