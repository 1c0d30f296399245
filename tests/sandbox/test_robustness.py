"""Bad input gets a SOAP fault or HTTP 400, never a crash or a hang; the server keeps serving."""

from __future__ import annotations

import pytest

from .helpers import NS, envelope, fault_of, post_raw

GOOD = envelope(
    f'<ns0:DoQuerySysStatusRequest xmlns:ns0="{NS}"><ns0:sysvar>1</ns0:sysvar>'
    "<ns0:countryId>1</ns0:countryId><ns0:webapiKey>SANDBOX-WEBAPI-KEY</ns0:webapiKey>"
    "</ns0:DoQuerySysStatusRequest>")


def still_serving(server):
    status, payload, _ = post_raw(server, GOOD)
    assert status == 200 and b"<ns0:verKey>1505</ns0:verKey>" in payload


def change_quantity(item: str, quantity: str = "3", extra: str = "") -> bytes:
    return envelope(
        f'<ns0:DoChangeQuantityItemRequest xmlns:ns0="{NS}"><ns0:sessionHandle>S</ns0:sessionHandle>'
        f"<ns0:itemId>{item}</ns0:itemId><ns0:newItemQuantity>{quantity}</ns0:newItemQuantity>"
        f"{extra}</ns0:DoChangeQuantityItemRequest>")


@pytest.mark.parametrize("body, hint", [
    (b"", "Malformed"),
    (b"this is not xml", "Malformed"),
    (b"<unclosed><a></unclosed>", "Malformed"),
    (b"<root/>", "not a SOAP 1.1 Envelope"),
    (b'<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"/>', "no Body"),
    (envelope(""), "exactly one"),
    (envelope('<x:DoSomethingRequest xmlns:x="urn:other"/>'), "Unknown operation"),
    (envelope(f'<ns0:DoNothingRequest xmlns:ns0="{NS}"/>'), "Unknown operation"),
    (change_quantity("abc"), "not a valid value"),
    (change_quantity("5", "99999999999"), "not a valid value"),
    (change_quantity("5", "", "<ns0:bogus>1</ns0:bogus>"), "not expected"),
    (envelope(f'<ns0:DoChangeQuantityItemRequest xmlns:ns0="{NS}">'
              "<ns0:sessionHandle>S</ns0:sessionHandle></ns0:DoChangeQuantityItemRequest>"),
     "Missing child element"),
    (envelope('<DoQuerySysStatusRequest><sysvar>1</sysvar></DoQuerySysStatusRequest>'),
     "Unknown operation"),  # unqualified elements: Allegro dropped that mode in 2013
])
def test_client_faults(server, body, hint):
    status, payload, _ = post_raw(server, body)
    assert status == 500
    fault = fault_of(payload)
    assert fault["faultcode"] == "SOAP-ENV:Client"
    assert hint in fault["faultstring"]
    still_serving(server)


def test_soap_12_gets_version_mismatch(server):
    body = (b'<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope">'
            b"<env:Body/></env:Envelope>")
    status, payload, _ = post_raw(server, body, headers={"Content-Type": "application/soap+xml"})
    assert status == 500 and fault_of(payload)["faultcode"] == "SOAP-ENV:VersionMismatch"
    still_serving(server)


def test_entity_expansion_is_refused(server):
    body = (b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' + GOOD)
    status, payload, _ = post_raw(server, body)
    assert status == 500 and fault_of(payload)["faultcode"] == "SOAP-ENV:Client"
    still_serving(server)


def test_operation_of_the_wsdl_the_sandbox_does_not_emulate(server):
    body = envelope(f'<ns0:DoGetMyDataRequest xmlns:ns0="{NS}">'
                    "<ns0:sessionHandle>S</ns0:sessionHandle></ns0:DoGetMyDataRequest>")
    status, payload, _ = post_raw(server, body)
    fault = fault_of(payload)
    assert status == 500 and fault["faultcode"] == "SOAP-ENV:Server"
    assert "doGetMyData" in fault["faultstring"]
    still_serving(server)


def test_oversized_body_is_refused_with_400(server):
    padding = b"<!-- " + b"x" * (10 * 1024 * 1024 + 100) + b" -->"
    status, payload, _ = post_raw(server, GOOD + padding)
    assert status == 400 and b"10 MB" in payload
    still_serving(server)


def test_wrong_methods_and_paths(server):
    assert post_raw(server, b"", method="GET")[0] == 405
    assert post_raw(server, b"", path="/elsewhere", method="GET")[0] == 404
    status, payload, _ = post_raw(server, b"", path="/", method="GET")
    assert status == 200 and payload.startswith(b"Allegro WebAPI sandbox")
    still_serving(server)


def test_control_refuses_bad_json_and_unknown_routes(server):
    assert post_raw(server, b"{nope", path="/sandbox/purchase",
                    headers={"Content-Type": "application/json"})[0] == 400
    assert post_raw(server, b"[1, 2]", path="/sandbox/purchase",
                    headers={"Content-Type": "application/json"})[0] == 400
    assert post_raw(server, b"{}", path="/sandbox/teleport")[0] == 404
    assert post_raw(server, b"", path="/sandbox/reset", method="GET")[0] == 405
    still_serving(server)


def test_wsdl_is_served_with_its_address_rewritten(server):
    status, payload, headers = post_raw(server, b"", path="/service.php?wsdl", method="GET")
    assert status == 200 and headers["Content-Type"].startswith("text/xml")
    assert f'location="{server.url}"'.encode() in payload
    assert b"https://webapi.allegro.pl/service.php\"" not in payload.split(b"soap:address")[1][:80]
    assert payload.count(b"<wsdl:operation") == 188
