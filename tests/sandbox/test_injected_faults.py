"""Injected trouble through /sandbox/faults, and the call counts that prove what happened."""

from __future__ import annotations

import http.client
import threading
import time

import pytest
import requests
from zeep.exceptions import Fault, TransportError

from sandbox.control import SandboxControlError

from .helpers import fault_of, items, post_raw


@pytest.fixture
def offer(control):
    control.reset(demo=False)
    return control.add_offer("Młynek do kawy żarnowy", quantity=10, price=129)


def change(api, session, offer, quantity):
    return api.doChangeQuantityItem(sessionHandle=session, itemId=offer, newItemQuantity=quantity)


def test_fault_before_is_not_executed(api, session, offer, control):
    control.set_faults(rules=[{"operation": "doChangeQuantityItem", "kind": "fault",
                               "code": "ERR_WEBAPI_NOT_AVAIL", "count": 1}])
    with pytest.raises(Fault) as caught:
        change(api, session, offer, 4)
    assert caught.value.code == "ERR_WEBAPI_NOT_AVAIL"
    assert "Allegro API" in caught.value.message
    assert control.offer(offer)["start_quantity"] == 10
    assert change(api, session, offer, 4).itemQuantityLeft == 4  # count 1: only once
    calls = control.calls()
    assert calls["counts"]["doChangeQuantityItem"] == 2
    assert calls["executed"]["doChangeQuantityItem"] == 1
    log = [e for e in control.call_log() if e["operation"] == "doChangeQuantityItem"]
    assert [(e["outcome"], e["executed"], e["item_ids"]) for e in log] == [
        ("ERR_WEBAPI_NOT_AVAIL", False, [offer]), ("ok", True, [offer])]


def test_fault_after_keeps_the_effect(api, session, offer, control):
    control.set_faults(rules=[{"operation": "doFinishItems", "kind": "fault",
                               "code": "ERR_INTERNAL_SYSTEM_ERROR", "when": "after"}])
    with pytest.raises(Fault) as caught:
        api.doFinishItems(sessionHandle=session, finishItemsList={"item": [{"finishItemId": offer}]})
    assert caught.value.code == "ERR_INTERNAL_SYSTEM_ERROR"
    assert control.offer(offer)["state"] == "ended"  # it happened, the client was not told
    [entry] = [e for e in control.call_log() if e["operation"] == "doFinishItems"]
    assert entry["executed"] is True and entry["outcome"] == "ERR_INTERNAL_SYSTEM_ERROR"
    assert control.calls()["executed"]["doFinishItems"] == 1


def test_drop_closes_the_connection_without_a_response(server, api, session, offer, control):
    control.set_faults(rules=[{"operation": "doChangeQuantityItem", "kind": "drop",
                               "when": "after", "count": 1}])
    with pytest.raises(requests.exceptions.ConnectionError):
        change(api, session, offer, 3)
    assert control.offer(offer)["start_quantity"] == 3  # executed before the drop
    [entry] = [e for e in control.call_log() if e["operation"] == "doChangeQuantityItem"]
    assert (entry["outcome"], entry["executed"]) == ("dropped", True)
    # the server keeps serving
    assert change(api, session, offer, 2).itemQuantityLeft == 2


def test_drop_before_seen_on_the_wire(server, session, offer, control):
    control.set_faults(rules=[{"operation": "*", "kind": "drop"}])
    body = (
        '<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/">'
        '<soap-env:Body><ns0:DoChangeQuantityItemRequest '
        'xmlns:ns0="https://webapi.allegro.pl/service.php">'
        f"<ns0:sessionHandle>{session}</ns0:sessionHandle><ns0:itemId>{offer}</ns0:itemId>"
        "<ns0:newItemQuantity>5</ns0:newItemQuantity></ns0:DoChangeQuantityItemRequest>"
        "</soap-env:Body></soap-env:Envelope>").encode()
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        post_raw(server, body)
    assert control.offer(offer)["start_quantity"] == 10


def test_http500_is_not_a_soap_answer(api, session, offer, control):
    control.set_faults(rules=[{"operation": "doGetMySellItems", "kind": "http500"}])
    with pytest.raises((TransportError, Fault)):
        api.doGetMySellItems(sessionId=session)
    assert control.call_log()[-1]["outcome"] == "http500"


def test_latency_and_delay_rules(api, session, offer, control):
    control.set_faults(latency_ms=150)
    started = time.perf_counter()
    change(api, session, offer, 5)
    assert time.perf_counter() - started >= 0.15
    control.set_faults(rules=[{"operation": "doChangeQuantityItem", "kind": "delay",
                               "delay_ms": 200}])
    started = time.perf_counter()
    change(api, session, offer, 6)
    assert time.perf_counter() - started >= 0.2
    control.clear_faults()
    assert control.faults() == {"latency_ms": 0, "rules": []}


def test_a_delay_after_runs_the_operation_at_once_and_holds_back_only_its_answer(server, api, session, offer, control):
    control.set_faults(rules=[{"operation": "doChangeQuantityItem", "kind": "delay", "when": "after",
                               "delay_ms": 600, "count": 1}])
    answered = threading.Thread(target=change, args=(api, session, offer, 4))
    started = time.perf_counter()
    answered.start()
    time.sleep(0.3)
    assert control.offer(offer)["start_quantity"] == 4  # made, while the answer still waits
    answered.join()
    assert time.perf_counter() - started >= 0.6


def test_a_relist_held_back_by_a_delay_is_pending_to_verify_until_it_is_made(api, session, control):
    control.reset(demo=False)
    source = control.add_offer("Dzbanek", quantity=2, price=40)
    api.doFinishItems(sessionHandle=session, finishItemsList={"item": [{"finishItemId": source}]})
    control.set_faults(rules=[{"operation": "doSellSomeAgain", "kind": "delay", "delay_ms": 600, "count": 1}])
    relist = threading.Thread(target=lambda: api.doSellSomeAgain(
        sessionHandle=session, sellItemsArray={"item": [source]}, sellStartingTime=0,
        sellAuctionDuration=0, sellOptions=0, localIds={"item": [4242]}))
    relist.start()
    time.sleep(0.2)
    pending = api.doVerifyItem(sessionHandle=session, localId=4242)
    assert (pending.itemId, pending.itemListed) == (-1, 0)
    relist.join()
    listed = api.doVerifyItem(sessionHandle=session, localId=4242)
    assert listed.itemId > 0 and listed.itemListed == 1
    assert api.doVerifyItem(sessionHandle=session, localId=4343).itemListed == -1  # never sent


def test_rate_is_a_probability_with_a_seed(api, session, offer, control):
    control.set_faults(seed=7, rules=[{"operation": "doChangeQuantityItem", "kind": "fault",
                                       "rate": 0.3}])
    outcomes = []
    for n in range(60):
        try:
            change(api, session, offer, 1 + n % 9)
            outcomes.append("ok")
        except Fault:
            outcomes.append("fault")
    faults = outcomes.count("fault")
    assert 6 <= faults <= 36
    assert control.faults()["rules"][0]["fired"] == faults
    calls = control.calls()
    assert calls["counts"]["doChangeQuantityItem"] == 60
    assert calls["executed"]["doChangeQuantityItem"] == 60 - faults


def test_wildcard_rule_hits_every_operation(api, session, offer, control):
    control.set_faults(rules=[{"operation": "*", "kind": "fault", "code": "ERR_NO_SESSION",
                               "count": 2}])
    with pytest.raises(Fault):
        api.doGetMySellItems(sessionId=session)
    with pytest.raises(Fault) as caught:
        api.doQuerySysStatus(sysvar=1, countryId=1, webapiKey="SANDBOX-WEBAPI-KEY")
    assert caught.value.code == "ERR_NO_SESSION"
    assert api.doGetMySellItems(sessionId=session).sellItemsCounter == 1


def test_injected_fault_envelope_has_allegro_shape(server, offer, control):
    control.set_faults(rules=[{"kind": "fault", "code": "ERR_MINUTE_LIMIT_EXCEEDED"}])
    body = (
        '<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/">'
        '<soap-env:Body><ns0:DoQuerySysStatusRequest xmlns:ns0="https://webapi.allegro.pl/service.php">'
        "<ns0:sysvar>1</ns0:sysvar><ns0:countryId>1</ns0:countryId>"
        "<ns0:webapiKey>SANDBOX-WEBAPI-KEY</ns0:webapiKey></ns0:DoQuerySysStatusRequest>"
        "</soap-env:Body></soap-env:Envelope>").encode()
    status, payload, _ = post_raw(server, body)
    fault = fault_of(payload)
    assert status == 500 and fault["faultcode"] == "ERR_MINUTE_LIMIT_EXCEEDED"
    assert fault["faultstring"] and fault["faultactor"]


@pytest.mark.parametrize("rules, message", [
    ([{"operation": "doNothing"}], "unknown operation"),
    ([{"kind": "explode"}], "kind"),
    ([{"rate": 2}], "rate"),
    ([{"when": "later"}], "when"),
    ([{"code": "oops"}], "code"),
    ([{"count": -1}], "count"),
])
def test_bad_fault_rules_are_refused(control, rules, message):
    with pytest.raises(SandboxControlError) as caught:
        control.set_faults(rules=rules)
    assert caught.value.status == 400 and message in caught.value.message


def test_calls_reset_and_call_log_since(api, session, offer, control):
    change(api, session, offer, 5)
    last = control.call_log()[-1]["seq"]
    change(api, session, offer, 6)
    assert [e["operation"] for e in control.call_log(since=last)] == ["doChangeQuantityItem"]
    control.reset_calls()
    assert control.calls() == {"counts": {}, "executed": {}, "total": 0}
    assert control.call_log() == []
    items(api.doGetMySellItems(sessionId=session).sellItemsList)
    assert control.calls()["counts"] == {"doGetMySellItems": 1}
