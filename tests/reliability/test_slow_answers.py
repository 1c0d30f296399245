"""A sync against a server that trickles its answers, or sends one far too large.

The answers are the sandbox's own, passed through the loopback proxy of soap_proxy.py:
one operation's answer is sent a byte at a time (each byte well within the per-read
timeout), or grown past the size limit. The deadline and the limit are shortened for the
test (core/allegro/limits.py); the sync must stop at them with a sentence, store nothing
half, and the next sync with honest answers must end where an undisturbed one does.
"""
from __future__ import annotations

import time

import pytest

from core.allegro import limits

from .scenario import differences
from .soap_proxy import SpoilingProxy


@pytest.fixture(scope="module")
def proxy(scenario):
    running = SpoilingProxy(scenario.server.url)
    yield running
    running.stop()


def test_a_sync_whose_answers_trickle_in_stops_at_the_deadline_with_a_sentence(
        scenario, proxy, reference_after_one_run, monkeypatch):
    monkeypatch.setattr(limits, "CALL_DEADLINE", 2.0)
    scenario.reset()
    proxy.pace = {"doGetMySellItems": 0.05}  # a listing page would take minutes at this pace
    started = time.monotonic()
    try:
        hit = scenario.sync(factory=scenario.marketplace_factory(url=proxy.url))
    finally:
        proxy.pace = {}
    took = time.monotonic() - started
    assert not hit.crash, hit.crash
    assert hit.code == 1, hit.out + hit.err
    assert "did not finish answering within 2 seconds" in hit.seller_problem, hit.err + hit.out
    assert took < 30, took
    monkeypatch.undo()
    again = scenario.sync(factory=scenario.marketplace_factory(url=proxy.url))
    assert again.code == 0, again.err
    assert differences(reference_after_one_run, scenario.snapshot()) == []


def padded(answer: bytes) -> bytes:
    return answer + b"<!--" + b"x" * (3 * 1024 * 1024) + b"-->"


def test_a_sync_sent_an_oversized_answer_stops_with_a_sentence_and_stores_nothing_of_it(
        scenario, proxy, reference_after_one_run, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ANSWER_BYTES", 1024 * 1024)
    scenario.reset()
    proxy.spoil = {"doGetMySellItems": padded}
    try:
        hit = scenario.sync(factory=scenario.marketplace_factory(url=proxy.url))
    finally:
        proxy.spoil = {}
    assert not hit.crash, hit.crash
    assert hit.code == 1, hit.out + hit.err
    assert "was larger than 1 MB" in hit.seller_problem, hit.err + hit.out
    monkeypatch.undo()
    again = scenario.sync(factory=scenario.marketplace_factory(url=proxy.url))
    assert again.code == 0, again.err
    assert differences(reference_after_one_run, scenario.snapshot()) == []
