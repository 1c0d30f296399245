"""The one classification of answers to writes: done, refused, unknown."""
from __future__ import annotations

import pytest

from core.allegro import errors, outcomes
from core.allegro.outcomes import Outcome


def test_every_fault_code_the_app_knows_is_classified_in_the_one_table():
    assert errors.known_codes() <= set(outcomes.CALL_FAULTS)


@pytest.mark.parametrize("code", ["ERR_INTERNAL_SYSTEM_ERROR", "ERR_WEBAPI_NOT_AVAIL", "ERR_NO_DATABASE", "Server", "ERR_NEVER_SEEN"])
def test_a_fault_that_allegro_may_send_after_the_work_or_one_the_app_does_not_know_is_unknown(code):
    assert outcomes.of_call_fault(code) is Outcome.UNKNOWN


@pytest.mark.parametrize("code", ["ERR_MINUTE_LIMIT_EXCEEDED", "ERR_SESSION_EXPIRED", "ERR_NO_SESSION", "ERR_ITEMS_ARRAY_OVERSIZED"])
def test_a_fault_checked_before_any_work_is_a_refusal(code):
    assert outcomes.of_call_fault(code) is Outcome.REFUSED


def test_answers_that_only_follow_an_earlier_try_of_ours_are_read_back():
    assert outcomes.of_item_answer(outcomes.END, "ERR_END_DURING_CHANGES") is Outcome.UNKNOWN
    assert outcomes.of_item_answer(outcomes.RELIST, "ERR_INVALID_VALUE_IN_LOCAL_ID") is Outcome.UNKNOWN
    assert outcomes.of_call_fault_for(outcomes.END_ONE, "ERR_END_DURING_CHANGES") is Outcome.UNKNOWN
    # the same codes elsewhere prove nothing was done
    assert outcomes.of_item_answer(outcomes.RELIST, "ERR_ITEM_NOT_ENDED") is Outcome.REFUSED
    assert outcomes.of_call_fault_for(outcomes.QUANTITY, "ERR_END_DURING_CHANGES") is Outcome.REFUSED


def test_http_and_transport_answers_map_to_the_same_three_outcomes():
    assert [outcomes.of_http_status(s) for s in (200, 404, 500, 503)] == [
        Outcome.DONE, Outcome.REFUSED, Outcome.UNKNOWN, Outcome.UNKNOWN,
    ]
    assert outcomes.of_transport(request_sent=False) is Outcome.REFUSED
    assert outcomes.of_transport(request_sent=True) is Outcome.UNKNOWN
