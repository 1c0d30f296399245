"""Faults injected by the sandbox: each mapped to its sentence, transient ones retried,
sessions renewed, and no change that may have happened ever sent twice."""
from __future__ import annotations

import threading
import time

import pytest

from core.allegro import errors, soap
from core.allegro.port import FinishRequest, OfferState, Package, QuantityChange, RelistRequest
from core.allegro.retry import RetryPolicy
from sandbox.faults import MESSAGES as SANDBOX_TEXTS
from tests.core.test_webapi_support import (  # noqa: F401  (fixtures)
    FAST,
    buy_now,
    calls,
    executed_ids,
    make_marketplace,
    market,
    shop,
    webapi_control,
    webapi_server,
)

ATTEMPTS = FAST.retries + 1
SPECIAL = {"ERR_INVALID_VERSION_CAT_SELL_FIELDS"}  # covered by the version-key tests


def fault(operation: str, code: str = "ERR_INTERNAL_SYSTEM_ERROR", count: int | None = None, **extra) -> dict:
    return {"operation": operation, "kind": "fault", "code": code, "count": count, **extra}


def expected_attempts(code: str) -> int:
    if code in soap.TRANSIENT_CODES or code in soap.RATE_LIMIT_CODES:
        return ATTEMPTS
    if code in soap.SESSION_CODES:
        return 2  # log in again, retry once
    return 1


@pytest.mark.parametrize("code", sorted(errors.known_codes() - SPECIAL) + ["ERR_SOMETHING_NEW"])
def test_each_fault_reaches_the_seller_as_its_sentence(market, shop, code):
    buy_now(shop, 1)
    market.login()
    shop.set_faults(rules=[fault("doGetMySellItems", code)])
    shop.reset_calls()
    with pytest.raises(errors.AllegroError) as caught:
        list(market.offers())
    error = caught.value
    allegro_text = SANDBOX_TEXTS.get(code, (code,))[0]
    expected = errors.error_for(code, allegro_text)
    assert type(error) is type(expected)
    assert error.code == code
    assert error.message == expected.message and error.message_pl == expected.message_pl
    assert error.allegro_text == allegro_text  # Allegro's own words, kept
    assert error.__context__ is None and error.__cause__ is None
    assert calls(shop)["doGetMySellItems"] == expected_attempts(code)


def test_unknown_codes_keep_allegros_code_and_text(market, shop):
    buy_now(shop, 1)
    shop.set_faults(rules=[fault("doGetMySellItems", "ERR_SOMETHING_NEW")])
    with pytest.raises(errors.UnknownAllegroError) as caught:
        list(market.offers())
    assert "ERR_SOMETHING_NEW" in caught.value.message
    assert caught.value.code == "ERR_SOMETHING_NEW"


# -- retries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["ERR_INTERNAL_SYSTEM_ERROR", "ERR_WEBAPI_NOT_AVAIL"])
def test_transient_faults_are_retried_until_they_pass(market, shop, code):
    ids = buy_now(shop, 3)
    market.login()
    shop.set_faults(rules=[fault("doGetMySellItems", code, count=2)])
    shop.reset_calls()
    assert sorted(o.offer_id for o in market.offers()) == sorted(map(str, ids))
    assert calls(shop)["doGetMySellItems"] == 3


@pytest.mark.parametrize("kind", ["http500", "drop"])
def test_reads_and_quantities_are_retried_after_broken_answers(market, shop, kind):
    ids = buy_now(shop, 2)
    market.login()
    shop.set_faults(rules=[
        {"operation": "doGetItemsInfo", "kind": kind, "count": 2, "when": "after"},
        {"operation": "doChangeQuantityItem", "kind": kind, "count": 2, "when": "after"},
    ])
    shop.reset_calls()
    assert len(market.offers_by_id(ids)) == 2
    (result,) = market.change_quantities([QuantityChange(ids[0], 9, 0)])
    assert result.ok and shop.offer(ids[0])["quantity"] == 9
    counts = calls(shop)
    assert counts["doGetItemsInfo"] == 3 and counts["doChangeQuantityItem"] == 3


def test_a_slow_answer_times_out_and_is_retried(webapi_server, shop):
    ids = buy_now(shop, 1)
    with make_marketplace(webapi_server, shop, operation_timeout=0.3) as mp:
        mp.login()
        shop.set_faults(rules=[{"operation": "doGetItemsInfo", "kind": "delay", "delay_ms": 1500, "count": 1}])
        assert [o.offer_id for o in mp.offers_by_id(ids)] == [str(i) for i in ids]
        shop.set_faults(rules=[{"operation": "doGetItemsInfo", "kind": "delay", "delay_ms": 1500}])
        started = time.monotonic()
        with pytest.raises(errors.ConnectionFailed) as caught:
            mp.offers_by_id(ids)
        assert time.monotonic() - started < 5  # bounded: 4 attempts of 0.3 s plus short backoff
    assert caught.value.timed_out and webapi_server.url in caught.value.message


def test_the_minute_limit_pauses_the_key_then_carries_on(webapi_server, shop):
    ids = buy_now(shop, 4)
    policy = RetryPolicy(retries=3, base=0.005, cap=0.02, limit_pause=0.5)
    with make_marketplace(webapi_server, shop, retry=policy) as mp:
        mp.login()
        shop.set_faults(rules=[fault("doChangeQuantityItem", "ERR_MINUTE_LIMIT_EXCEEDED", count=1)])
        started = time.monotonic()
        results = mp.change_quantities([QuantityChange(i, 3, 0) for i in ids])
        elapsed = time.monotonic() - started
    assert all(r.ok for r in results)
    assert elapsed >= 0.5  # every caller of the key waited out the pause
    assert calls(shop)["doChangeQuantityItem"] == 5


def test_the_rate_limiter_spaces_calls_to_the_limit(webapi_server, shop):
    ids = buy_now(shop, 12)
    with make_marketplace(webapi_server, shop, rate_limit=5, rate_window=0.5) as mp:
        mp.login()  # 2 calls inside the first window
        started = time.monotonic()
        mp.change_quantities([QuantityChange(i, 2, 0) for i in ids])
        elapsed = time.monotonic() - started
    # 14 calls at 5 per half second need at least two more windows
    assert elapsed >= 1.0
    assert calls(shop)["doChangeQuantityItem"] == 12


# -- exactly once -------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["ERR_INTERNAL_SYSTEM_ERROR", "ERR_WEBAPI_NOT_AVAIL", "ERR_NO_DATABASE"])
@pytest.mark.parametrize("when", ["before", "after"])
def test_a_finish_answered_by_a_fault_that_proves_nothing_is_never_resent_blindly(market, shop, code, when):
    ids = buy_now(shop, 3)
    market.login()
    shop.set_faults(rules=[{**fault("doFinishItems", code, count=1), "when": when}])
    shop.reset_calls()
    with pytest.raises(errors.OutcomeUnknown) as caught:
        market.finish([FinishRequest(i) for i in ids])
    assert caught.value.offer_ids == tuple(map(str, ids))  # the caller reads these offers back
    assert calls(shop)["doFinishItems"] == 1  # Allegro may have ended them before the fault
    ended = {o["offer_id"]: o["state"] == "ended" for o in shop.offers(ids)}
    assert ended == {i: when == "after" for i in ids}


def test_a_finish_refused_by_the_rate_limit_is_sent_again(market, shop):
    ids = buy_now(shop, 3)
    market.login()
    shop.set_faults(rules=[fault("doFinishItems", "ERR_MINUTE_LIMIT_EXCEEDED", count=1)])
    shop.reset_calls()
    results = market.finish([FinishRequest(i) for i in ids])
    assert all(r.ok for r in results)
    assert calls(shop)["doFinishItems"] == 2  # the limit is checked first: nothing had been done
    assert executed_ids(shop, "doFinishItems") == {i: 1 for i in ids}


@pytest.mark.parametrize("kind,when", [("http500", "after"), ("drop", "after"), ("http500", "before"), ("drop", "before")])
def test_a_finish_whose_answer_was_lost_is_never_resent(market, shop, kind, when):
    ids = buy_now(shop, 30)
    market.login()
    shop.set_faults(rules=[{"operation": "doFinishItems", "kind": kind, "when": when, "count": 1}])
    shop.reset_calls()
    with pytest.raises(errors.OutcomeUnknown) as caught:
        market.finish([FinishRequest(i) for i in ids])
    assert caught.value.offer_ids == tuple(map(str, ids[:25]))  # the first batch, and nothing after it
    assert caught.value.completed == ()
    assert calls(shop)["doFinishItems"] == 1
    states = {o["offer_id"]: o["state"] for o in shop.offers(ids)}
    done = when == "after"
    assert all((states[i] == "ended") is done for i in ids[:25])
    assert all(states[i] == "active" for i in ids[25:])
    # the engine asks Allegro before repeating, and ends only what is still live
    live = [o.offer_id for o in market.offers_by_id(caught.value.offer_ids) if o.state is OfferState.ACTIVE]
    market.finish([FinishRequest(i) for i in live + ids[25:]])
    assert executed_ids(shop, "doFinishItems") == {i: 1 for i in ids}


def test_a_lost_answer_in_a_later_batch_keeps_the_earlier_results(market, shop):
    ids = buy_now(shop, 30)
    market.login()
    first_done = threading.Event()  # the first batch goes through; the second loses its answer

    def arm(done, total):
        if done == 25 and not first_done.is_set():
            first_done.set()
            shop.set_faults(rules=[{"operation": "doFinishItems", "kind": "drop", "when": "after", "count": 1}])

    with pytest.raises(errors.OutcomeUnknown) as caught:
        market.finish([FinishRequest(i) for i in ids], progress=arm)
    assert [r.offer_id for r in caught.value.completed] == [str(i) for i in ids[:25]]
    assert all(r.ok for r in caught.value.completed)
    assert caught.value.offer_ids == tuple(map(str, ids[25:]))


def test_a_relist_whose_answer_was_lost_is_found_by_its_local_ids(market, shop):
    ids = buy_now(shop, 3)
    market.finish([FinishRequest(i) for i in ids])
    shop.set_faults(rules=[{"operation": "doSellSomeAgain", "kind": "drop", "when": "after", "count": 1}])
    shop.reset_calls()
    requests = [RelistRequest(i, local_id=8000 + n, duration_days=0) for n, i in enumerate(ids)]
    with pytest.raises(errors.OutcomeUnknown) as caught:
        market.relist(requests)
    assert caught.value.local_ids == (8000, 8001, 8002) and caught.value.offer_ids == tuple(map(str, ids))
    assert calls(shop)["doSellSomeAgain"] == 1
    found = market.verify(caught.value.local_ids)  # what the engine does next
    assert all(v.offer_id for v in found)
    relisted = {str(o["relisted_from"]): str(o["offer_id"]) for o in shop.offers() if o["relisted_from"]}
    assert {v.local_id: v.offer_id for v in found} == {8000 + n: relisted[str(i)] for n, i in enumerate(ids)}


def test_tracking_whose_answer_was_lost_is_not_resent(market, shop):
    offer_id = buy_now(shop, 1)[0]
    form_id = shop.purchase(offer_id)["form_id"]
    market.login()
    shop.set_faults(rules=[{"operation": "doAddPackageInfoToPostBuyForm", "kind": "http500", "when": "after", "count": 1}])
    shop.reset_calls()
    with pytest.raises(errors.OutcomeUnknown) as caught:
        market.add_tracking(form_id, [Package(4, "1234567890")])
    assert caught.value.form_ids == (str(form_id),)
    assert calls(shop)["doAddPackageInfoToPostBuyForm"] == 1
    (form,) = market.post_buy_forms([form_id])  # the form is where the engine looks
    assert form.form_id == str(form_id)


# -- sessions -----------------------------------------------------------------------------


def test_session_expiry_in_the_middle_of_a_parallel_batch_logs_in_once(market, shop):
    ids = buy_now(shop, 40)
    market.login()
    expired = threading.Event()

    def expire(done, total):
        if done == 10 and not expired.is_set():
            expired.set()
            shop.expire_sessions()

    results = market.change_quantities([QuantityChange(i, 6, 0) for i in ids], progress=expire)
    assert expired.is_set() and all(r.ok for r in results)
    assert {o["quantity"] for o in shop.offers(ids)} == {6}
    assert calls(shop)["doLoginEnc"] == 2  # four threads saw the expiry, one logged in


def test_four_threads_meeting_an_expired_session_cause_one_login(market, shop):
    ids = buy_now(shop, 8)
    market.login()
    shop.expire_sessions()
    shop.reset_calls()
    assert all(r.ok for r in market.change_quantities([QuantityChange(i, 4, 0) for i in ids]))
    counts = calls(shop)
    assert counts["doLoginEnc"] == 1 and counts["doQuerySysStatus"] == 1
    log = shop.call_log()
    expired_calls = [e for e in log if e["operation"] == "doChangeQuantityItem" and e["outcome"] != "ok"]
    assert 1 <= len(expired_calls) <= 4
    assert counts["doChangeQuantityItem"] == 8 + len(expired_calls)


def test_session_expiry_between_finish_batches_ends_each_offer_once(market, shop):
    ids = buy_now(shop, 60)
    market.login()
    fired = threading.Event()

    def expire(done, total):
        if not fired.is_set():
            fired.set()
            shop.expire_sessions()

    results = market.finish([FinishRequest(i) for i in ids], progress=expire)
    assert all(r.ok for r in results)
    assert executed_ids(shop, "doFinishItems") == {i: 1 for i in ids}
    counts = calls(shop)
    assert counts["doFinishItems"] == 4  # 3 batches + the one refused for the expired session
    assert counts["doLoginEnc"] == 2


def test_a_session_that_keeps_failing_is_reported(market, shop):
    buy_now(shop, 1)
    market.login()
    shop.set_faults(rules=[fault("doGetMySellItems", "ERR_SESSION_EXPIRED")])
    with pytest.raises(errors.SessionExpired):
        list(market.offers())
    assert calls(shop)["doLoginEnc"] == 2


# -- a fault rate over a whole run -----------------------------------------------------------


def test_a_run_under_a_20_percent_fault_rate_sends_no_change_twice(webapi_server, shop):
    """Quantities, ends and relists with 20% of calls failing: transient faults before
    execution, and answers lost after execution (HTTP 500, dropped connections). An
    engine-like loop resolves every unknown outcome by asking Allegro first."""
    for_quantity = buy_now(shop, 40)
    for_end = buy_now(shop, 60)
    rules = [
        # at least one lost answer each for ends and relists, whatever the dice say
        {"operation": "doFinishItems", "kind": "drop", "when": "after", "count": 1},
        {"operation": "doSellSomeAgain", "kind": "http500", "when": "after", "count": 1},
        {"operation": "*", "kind": "fault", "code": "ERR_INTERNAL_SYSTEM_ERROR", "rate": 0.08},
        {"operation": "*", "kind": "fault", "code": "ERR_WEBAPI_NOT_AVAIL", "rate": 0.04},
        {"operation": "*", "kind": "http500", "when": "after", "rate": 0.04},
        {"operation": "*", "kind": "drop", "when": "after", "rate": 0.04},
    ]
    shop.set_faults(rules=rules, seed=7)
    shop.reset_calls()
    patient = RetryPolicy(retries=8, base=0.002, cap=0.01, limit_pause=0.1)
    with make_marketplace(webapi_server, shop, retry=patient) as mp:
        results = mp.change_quantities([QuantityChange(i, 11, 0) for i in for_quantity])
        assert all(r.ok for r in results)

        unknown_outcomes = 0
        todo = [str(i) for i in for_end]  # the port's ids
        while todo:
            try:
                mp.finish([FinishRequest(i) for i in todo])
                todo = []
            except errors.OutcomeUnknown as unknown:
                unknown_outcomes += 1
                resolved = {o.offer_id: o for o in mp.offers_by_id(unknown.offer_ids)}
                still_live = [i for i in unknown.offer_ids if resolved[i].state is OfferState.ACTIVE]
                done = {r.offer_id for r in unknown.completed} | (set(unknown.offer_ids) - set(still_live))
                todo = [i for i in todo if i not in done]

        pending = {str(i): 20_000 + n for n, i in enumerate(for_end)}
        new_ids: dict[str, str] = {}
        while pending:
            try:
                for r in mp.relist([RelistRequest(i, lid, 0) for i, lid in pending.items()]):
                    assert r.ok, r
                    new_ids[r.offer_id] = r.new_offer_id or [v.offer_id for v in mp.verify([r.local_id])][0]
                pending = {}
            except errors.OutcomeUnknown as unknown:
                unknown_outcomes += 1
                for r in unknown.completed:
                    new_ids[r.offer_id] = r.new_offer_id or mp.verify([r.local_id])[0].offer_id
                    pending.pop(r.offer_id)
                for v, source in zip(mp.verify(unknown.local_ids), unknown.offer_ids):
                    if v.offer_id is not None:  # it did happen: do not relist again
                        new_ids[source] = v.offer_id
                        pending.pop(source)
                    else:
                        pending[source] = pending[source] + 1000  # a fresh localId for the retry
    shop.clear_faults()
    assert unknown_outcomes >= 2

    log = shop.call_log()
    outcomes = {e["outcome"] for e in log}
    assert {"dropped", "http500", "ERR_INTERNAL_SYSTEM_ERROR"} <= outcomes  # faults really fired
    assert {o["quantity"] for o in shop.offers(for_quantity)} == {11}
    assert executed_ids(shop, "doFinishItems") == {i: 1 for i in for_end}
    assert executed_ids(shop, "doSellSomeAgain") == {i: 1 for i in for_end}
    relisted = {str(o["relisted_from"]): str(o["offer_id"]) for o in shop.offers() if o["relisted_from"]}
    assert relisted == new_ids and len(relisted) == len(for_end)


def test_an_account_failure_stops_a_quantity_batch_and_keeps_what_was_done(market, shop):
    ids = buy_now(shop, 60)
    market.login()
    armed = threading.Event()

    def block_after_ten(done, total):
        if done == 10 and not armed.is_set():
            armed.set()
            shop.set_faults(rules=[fault("doChangeQuantityItem", "ERR_BLOCKED_USER_CANT_INVOKE_METHOD")])

    with pytest.raises(errors.AccountBlocked) as caught:
        market.change_quantities([QuantityChange(i, 8, 0) for i in ids], progress=block_after_ten)
    done = caught.value.completed
    assert len(done) >= 10 and all(r.ok for r in done)
    on_sandbox = {str(o["offer_id"]): o["quantity"] for o in shop.offers(ids)}
    assert all(on_sandbox[r.offer_id] == 8 for r in done)
    assert sum(1 for q in on_sandbox.values() if q == 8) == len(done)  # completed is the whole truth
    assert calls(shop)["doChangeQuantityItem"] < len(ids)  # the rest was never sent
