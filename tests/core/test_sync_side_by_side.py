"""Ends and relists are sent beside the quantity changes (sending.side_by_side): both
sides really overlap, the counts of both reach the report, a failure on one side stops
the other at its next batch and is the reason the seller reads, and a cancel stops both."""
from __future__ import annotations

import threading

import pytest

from core.allegro.errors import AllegroError
from core.models import ActionState, ListingStatus, PlannedAction, SyncRun
from core.sync.engine import SyncCancelled, decide
from core.sync.sending import JointProgress

from .sync_world import World

WAIT = 10.0  # seconds a side waits for the other before the test calls it sequential


@pytest.fixture
def world(db):
    return World()


def shop(world, quantities: int = 1, ends: int = 1):
    """`quantities` live listings whose stock changed, `ends` whose stock ran out."""
    changing = [world.allegro.add_offer(f"Kubek {n}", quantity=10) for n in range(quantities)]
    running_out = [world.allegro.add_offer(f"Wazon {n}", quantity=3) for n in range(ends)]
    kubek, wazon = world.item("KUB", "Kubek", stock=10), world.item("WAZ", "Wazon", stock=3)
    world.first_sync_linking([(o, kubek) for o in changing] + [(o, wazon) for o in running_out])
    world.stock(kubek, 4)
    world.stock(wazon, 0)
    return changing, running_out


def planned(world):
    engine = world.engine()
    plan = engine.plan()
    decide(plan, [a.action_id for a in plan.to_confirm])
    return engine, plan


def test_ends_go_out_while_quantities_are_being_changed(world):
    changing, running_out = shop(world)
    finishing, changing_started = threading.Event(), threading.Event()
    seen = {}
    change, finish = world.allegro.change_quantities, world.allegro.finish

    def change_quantities(changes, progress=None):
        changing_started.set()
        seen["finish before quantities returned"] = finishing.wait(WAIT)  # sequential sending never sets it
        return change(changes, progress)

    def finish_offers(requests, progress=None):
        finishing.set()
        changing_started.wait(WAIT)  # both under way at once, whatever the machine's load
        seen["finish thread"] = threading.current_thread().name
        return finish(requests, progress)

    world.allegro.change_quantities, world.allegro.finish = change_quantities, finish_offers
    steps = []
    engine, plan = planned(world)
    report = engine.apply(plan, lambda step, done, total: steps.append((step, done, total)))

    assert seen["finish before quantities returned"] is True
    assert seen["finish thread"] != threading.current_thread().name
    assert report.outcome == "ok"
    assert report.counts["quantities_changed"] == 1 and report.counts["listings_ended"] == 1
    assert ("quantity", changing[0], 4) in world.allegro.sent and ("finish", running_out[0]) in world.allegro.sent
    assert world.listing(running_out[0]).status == ListingStatus.PENDING_RELIST
    assert world.listing(changing[0]).quantity == 4
    # one step for both while both run, the counts of both added up
    assert any(" · " in step and total == 2 for step, _done, total in steps)
    assert steps[-1] == ("Done", 1, 1)


def test_a_relist_and_its_quantity_run_beside_the_other_quantities(world):
    changing, running_out = shop(world)
    world.sync()  # ends the Wazon listing
    world.allegro.calls.clear()
    wazon = world.listing(running_out[0]).stock_item
    world.stock(wazon, 2)  # back in stock: relist; the copy says 3, so its quantity follows
    world.stock(world.listing(changing[0]).stock_item, 7)
    _plan, report = world.sync()
    assert report.outcome == "ok", report.failures
    assert report.counts["listings_relisted"] == 1
    assert report.counts["quantities_changed"] == 2  # the live listing's and the relisted copy's
    new = world.allegro.local_ids  # local id -> new offer id
    assert len(new) == 1 and world.allegro.offers_[next(iter(new.values()))].left == 2


def test_a_failure_beside_stops_the_quantities_at_their_next_batch_and_is_the_reason(world):
    shop(world, quantities=250, ends=1)  # three quantity batches of 100
    world.allegro.fail("finish", "before")
    world.allegro.fail("offers_by_id", "before")  # and asking what happened fails too: the end is in doubt
    failed, sending = threading.Event(), threading.Event()
    change, finish = world.allegro.change_quantities, world.allegro.finish
    batches = []

    def change_quantities(changes, progress=None):
        batches.append(len(changes))
        sending.set()
        failed.wait(WAIT)
        return change(changes, progress)

    def finish_offers(requests, progress=None):
        sending.wait(WAIT)  # the end fails while the first quantity batch is out
        return finish(requests, progress)

    world.allegro.change_quantities, world.allegro.finish = change_quantities, finish_offers
    engine, plan = planned(world)
    unknown = engine.sender.unknown

    def note_failure(batch, error, tally, resend=None):
        try:
            return unknown(batch, error, tally, resend)
        finally:
            failed.set()

    engine.sender.unknown = note_failure
    with pytest.raises(AllegroError):
        engine.apply(plan)
    assert batches == [100]  # the second batch never started
    run = SyncRun.get_by_id(plan.run_id)
    assert run.outcome == "failed"
    assert "may or may not have reached Allegro" in run.errors
    # the first batch is recorded as done, the rest were never sent and are planned again
    states = [a.state for a in PlannedAction.select().where(PlannedAction.run == plan.run_id, PlannedAction.kind == "quantity")]
    assert states.count(ActionState.DONE) == 100 and ActionState.SENDING not in states
    assert world.engine().plan()  # the channel's lock was released


def test_a_cancel_stops_both_sides(world):
    shop(world, quantities=150, ends=60)
    cancel = threading.Event()
    change, finish = world.allegro.change_quantities, world.allegro.finish

    def change_quantities(changes, progress=None):
        cancel.wait(WAIT)  # the seller cancels while the first batches of both are out
        return change(changes, progress)

    def finish_offers(requests, progress=None):
        try:
            return finish(requests, progress)
        finally:
            cancel.set()

    world.allegro.change_quantities, world.allegro.finish = change_quantities, finish_offers
    engine, plan = planned(world)
    with pytest.raises(SyncCancelled):
        engine.apply(plan, cancelled=cancel.is_set)
    sent = world.allegro.sent
    assert len([s for s in sent if s[0] == "quantity"]) == 100  # one batch, then stopped
    assert len([s for s in sent if s[0] == "finish"]) == 25
    assert SyncRun.get_by_id(plan.run_id).outcome == "cancelled"
    assert world.engine().plan()  # the channel's lock was released


def test_joint_progress_names_the_steps_under_way_and_adds_their_counts():
    shown = []
    joint = JointProgress(lambda step, done, total: shown.append((step, done, total)))
    quantities, chain = joint.reporter(), joint.reporter()
    chain("Ending listings", 0, 50)
    quantities("Changing quantities", 0, 300)
    assert shown[-1] == ("Changing quantities · Ending listings", 0, 350)  # the first reporter's step first
    chain("Ending listings", 50, 50)
    assert shown[-1] == ("Changing quantities", 50, 350)  # a finished step stays in the counts
    chain("Changing quantities", 0, 10)  # the relisted copies' quantities: one name, both counted
    quantities("Changing quantities", 100, 300)
    assert shown[-1] == ("Changing quantities", 150, 360)
