"""The background worker: results, failures and cancel reach the GUI thread as signals."""
from __future__ import annotations

import threading

from ui.workers import Worker


def test_result_and_progress_arrive_as_signals(qtbot):
    seen = []

    def job(report, cancelled, n):
        for i in range(n):
            report("Counting", i + 1, n)
        return threading.current_thread().name

    worker = Worker(job, 3)
    worker.progress_changed.connect(lambda step, done, total: seen.append((step, done, total)))
    with qtbot.waitSignal(worker.succeeded, timeout=5000) as result:
        worker.start()
    assert result.args[0] != threading.current_thread().name  # it ran on another thread
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen[-1] == ("Counting", 3, 3)


def test_an_exception_becomes_failed_with_the_sellers_message(qtbot):
    class Refused(Exception):
        message = "Allegro rejected the username or password."

    def job(report, cancelled):
        raise Refused("ERR_USER_PASSWD")

    worker = Worker(job)
    with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
        worker.start()
    assert failed.args[0] == "Allegro rejected the username or password."
    assert isinstance(failed.args[1], Refused)


def test_cancel_is_seen_by_the_job(qtbot):
    started = threading.Event()

    def job(report, cancelled):
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        return "stopped"

    worker = Worker(job)
    with qtbot.waitSignal(worker.succeeded, timeout=5000) as result:
        worker.start()
        started.wait(5)
        worker.cancel()
    assert result.args[0] == "stopped"


def test_signals_are_delivered_on_the_gui_thread(qtbot):
    threads = []
    worker = Worker(lambda report, cancelled: report("step", 1, 1))
    worker.progress_changed.connect(lambda *a: threads.append(threading.current_thread()))
    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.succeeded.connect(lambda _: threads.append(threading.current_thread()))
        worker.start()
    assert threads == [threading.main_thread(), threading.main_thread()]


def test_wait_on_the_gui_thread_returns_when_the_job_ends(qtbot):
    import time

    worker = Worker(lambda report, cancelled: "done")
    with qtbot.waitSignal(worker.succeeded, timeout=5000):
        worker.start()
        began = time.monotonic()
        assert worker.wait(5000)
        assert time.monotonic() - began < 2  # not the whole timeout
