"""Post-buy forms are fetched beside the journal, yet stored strictly in journal order:
a batch that arrives early waits for the ones before it, and a failed batch stops the
import right there, so the journal cursor never passes an order that was not stored."""
from __future__ import annotations

import threading

import pytest

from core.allegro.errors import ServiceUnavailable
from core.models import Channel, Order

from .sync_world import World


@pytest.fixture
def world(db):
    return World()


def batches_in_journal_order(world, count: int) -> list[list[int]]:
    offer = world.allegro.add_offer("Kubek", quantity=999)
    forms = [world.allegro.purchase(offer) for _ in range(count)]
    return [forms[i : i + 25] for i in range(0, count, 25)]


def test_forms_are_fetched_side_by_side_and_stored_in_journal_order(world):
    batches = batches_in_journal_order(world, 100)
    original = world.allegro.post_buy_forms
    first_may_answer = threading.Event()
    running = []

    def slow_first(ids):
        ids = list(ids)
        running.append(ids)
        if ids == batches[0]:  # the first batch answers only after later ones were asked for
            assert first_may_answer.wait(10)
        elif len(running) >= 2:
            first_may_answer.set()
        return original(ids)

    world.allegro.post_buy_forms = slow_first
    _, report = world.sync()
    assert report.counts["orders_imported"] == 100
    assert running[0] == batches[0] and len(running) == 4  # the fewest calls, more than one at a time
    stored = [o.form_id for o in Order.select().order_by(Order.id)]
    assert stored == [f for batch in batches for f in batch]  # journal order, whatever arrived first
    assert Channel.get_by_id(world.channel.id).journal_cursor == world.allegro.events[-1].event_id


def test_a_failed_batch_stops_the_cursor_before_it_even_when_later_ones_arrived(world):
    batches = batches_in_journal_order(world, 100)
    original = world.allegro.post_buy_forms
    later_done = threading.Event()

    def second_fails_last(ids):
        ids = list(ids)
        if ids == batches[1]:
            later_done.wait(5)  # fail only after the batches behind it have their answers
            raise ServiceUnavailable()
        answer = original(ids)
        if ids == batches[3]:
            later_done.set()
        return answer

    world.allegro.post_buy_forms = second_fails_last
    with pytest.raises(ServiceUnavailable):
        world.sync()
    assert sorted(o.form_id for o in Order.select()) == sorted(batches[0])
    cursor = Channel.get_by_id(world.channel.id).journal_cursor
    first_of_second = min(e.event_id for e in world.allegro.events if e.transaction_id in batches[1])
    assert cursor is not None and cursor < first_of_second

    world.allegro.post_buy_forms = original
    world.sync()
    assert sorted(o.form_id for o in Order.select()) == sorted(f for batch in batches for f in batch)


def test_a_form_named_in_two_batches_stored_together_is_stored_once_as_fetched_last(world):
    offer = world.allegro.add_offer("Kubek", quantity=999)
    forms = [world.allegro.purchase(offer) for _ in range(30)]
    world.allegro.cancel_form(forms[0])  # a later event names the first form again, in the second batch
    asked = []
    original = world.allegro.post_buy_forms

    def record(ids):
        asked.append(list(ids))
        return original(ids)

    world.allegro.post_buy_forms = record
    _, report = world.sync()
    assert any(forms[0] in ids for ids in asked[1:])  # fetched twice: once filled, once cancelled
    assert report.counts["orders_imported"] == 30
    assert Order.select().where(Order.form_id == forms[0]).count() == 1
    assert Order.get(Order.form_id == forms[0]).status == "cancelled"
