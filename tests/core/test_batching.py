"""The shared batching piece: batches, parallel runs, lanes on a shared pool."""
from __future__ import annotations

import threading
import time
from concurrent.futures import CancelledError, ThreadPoolExecutor
from dataclasses import dataclass

import pytest

from core.allegro.batching import Lane, chunks, run_parallel, send_in_batches
from core.allegro.errors import AllegroError, OutcomeUnknown


@dataclass
class Result:
    offer_id: int
    error_code: str | None = None


def test_chunks_cut_values_into_consecutive_batches_of_at_most_the_size():
    assert [list(c) for c in chunks(list(range(7)), 3)] == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks([], 25)) == []
    with pytest.raises(ValueError):
        list(chunks([1], 0))


def test_parallel_results_come_back_in_task_order_whatever_order_they_finish_in():
    with ThreadPoolExecutor(4) as pool:
        results = run_parallel(pool, [0.03, 0.0, 0.02, 0.01], lambda d: time.sleep(d) or d)
    assert results == [0.03, 0.0, 0.02, 0.01]


def test_a_failure_in_a_parallel_run_carries_the_results_finished_before_it():
    def run(n):
        if n == 3:
            time.sleep(0.05)
            raise AllegroError("ERR_X")
        return n

    with ThreadPoolExecutor(2) as pool:
        with pytest.raises(AllegroError) as caught:
            run_parallel(pool, [1, 2, 3], run)
    assert sorted(caught.value.completed) == [1, 2]


def test_items_refused_for_now_are_sent_again_until_accepted_with_a_backoff_between():
    sent: list[list[int]] = []
    refusals = {2: 2}  # offer 2 is refused "for now" twice
    waits: list[int] = []

    def send(batch):
        sent.append([r for r in batch])
        out = {}
        for offer in batch:
            if refusals.get(offer, 0):
                refusals[offer] -= 1
                out[offer] = Result(offer, "ERR_WEBAPI_NOT_AVAIL")
            else:
                out[offer] = Result(offer)
        return out

    results = send_in_batches(
        [1, 2, 3], 2, send, lambda o: o, None,
        resend=lambda r: r.error_code == "ERR_WEBAPI_NOT_AVAIL", retries=3, backoff=waits.append,
    )
    assert sent == [[1, 2], [2], [2], [3]]
    assert waits == [1, 2]
    assert all(r.error_code is None for r in results.values())


def test_an_item_still_refused_after_the_retries_keeps_its_refusal():
    results = send_in_batches(
        [1], 25, lambda batch: {1: Result(1, "BUSY")}, lambda o: o, None,
        resend=lambda r: r.error_code == "BUSY", retries=2, backoff=lambda attempt: None,
    )
    assert results[1].error_code == "BUSY"


def test_an_unknown_outcome_stops_the_batches_and_keeps_the_known_results_apart_from_its_offers():
    progress: list[tuple[int, int]] = []

    def send(batch):
        if batch[0] == 3:
            raise OutcomeUnknown("doFinishItems", offer_ids=[3, 4])
        return {o: Result(o) for o in batch}

    with pytest.raises(OutcomeUnknown) as caught:
        send_in_batches(
            [1, 2, 3, 4, 5], 2, send, lambda o: o, lambda d, t: progress.append((d, t)),
            resend=lambda r: False, retries=3, backoff=lambda a: None,
        )
    assert [r.offer_id for r in caught.value.completed] == [1, 2]
    assert progress == [(2, 5)]


def test_a_lane_runs_no_more_than_its_limit_and_leaves_the_pool_to_other_work():
    running = most = 0
    lock = threading.Lock()
    release = threading.Event()

    def page(n):
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        release.wait(5)
        with lock:
            running -= 1
        return n

    with ThreadPoolExecutor(4) as pool:
        lane = Lane(pool, 2)
        pages = [lane.submit(page, n) for n in range(6)]
        # Six pages wait for the lane, yet other work on the pool starts at once.
        assert pool.submit(lambda: "other").result(timeout=2) == "other"
        release.set()
        assert [f.result(timeout=5) for f in pages] == list(range(6))
    assert most == 2


def test_a_lane_task_cancelled_before_it_started_never_runs():
    ran: list[int] = []
    release = threading.Event()
    with ThreadPoolExecutor(2) as pool:
        lane = Lane(pool, 1)
        first = lane.submit(lambda: release.wait(5))
        second = lane.submit(ran.append, 2)
        assert second.cancel()
        release.set()
        first.result(timeout=5)
        lane.submit(ran.append, 3).result(timeout=5)
    assert ran == [3]


def test_waiting_on_a_lane_whose_pool_was_shut_down_ends_instead_of_hanging():
    pool = ThreadPoolExecutor(1)
    release = threading.Event()
    lane = Lane(pool, 2)
    blocker = lane.submit(lambda: release.wait(5))
    dropped = lane.submit(lambda: "never")
    threading.Timer(0.05, release.set).start()
    pool.shutdown(wait=True, cancel_futures=True)
    assert blocker.result(timeout=5)
    with pytest.raises(CancelledError):
        dropped.result(timeout=5)
    with pytest.raises(RuntimeError):
        lane.submit(lambda: None).result(timeout=5)
