"""The adapter's connection slots: never more requests in flight than asked for, and a
request of a chain (the journal's next page) goes before the others waiting."""
from __future__ import annotations

import threading
import time

from core.allegro.batching import Slots


def test_never_more_in_flight_than_the_slots():
    slots = Slots(3)
    lock = threading.Lock()
    now = most = 0

    def request():
        nonlocal now, most
        slots.acquire()
        with lock:
            now += 1
            most = max(most, now)
        time.sleep(0.002)
        with lock:
            now -= 1
        slots.release()

    threads = [threading.Thread(target=request) for _ in range(24)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert most == 3


def test_an_urgent_request_goes_before_those_already_waiting():
    slots = Slots(1)
    slots.acquire()  # the one connection is busy
    order = []

    def request(name, urgent):
        slots.acquire(urgent)
        order.append(name)
        slots.release()

    waiting = [threading.Thread(target=request, args=(f"page {n}", False)) for n in range(3)]
    for t in waiting:
        t.start()
    time.sleep(0.05)  # they wait for the connection
    journal = threading.Thread(target=request, args=("journal", True))
    journal.start()
    time.sleep(0.05)
    slots.release()
    for t in (*waiting, journal):
        t.join(5)
    assert order[0] == "journal" and sorted(order[1:]) == ["page 0", "page 1", "page 2"]
