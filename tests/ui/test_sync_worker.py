"""The sync on QThreads: progress and results as signals, confirmation between the two workers,
cancel between batches, and a GUI thread that keeps answering during a 2,000-listing sync."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from core.models import ActionKind, ActionState, Listing, ListingStatus, PlannedAction, SyncRun
from tests.core.sync_world import World
from ui.sync_worker import SyncSession, SyncState

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(db):
    return World()


def session_for(world, qtbot=None) -> SyncSession:
    return SyncSession(world.channel.id, marketplace_factory=lambda channel_id, paths: world.allegro)


def end_candidates(world, n: int):
    item = world.item("KUB", "Kubek", stock=0)
    offers = [world.allegro.add_offer(f"Kubek {i}", quantity=3) for i in range(n)]
    world.first_sync_linking([(o, item) for o in offers])
    return offers


def test_plan_then_confirmation_between_the_workers_then_apply(qtbot, world):
    offers = end_candidates(world, 3)
    session = session_for(world)
    steps, plans = [], []
    session.progress_changed.connect(lambda step, done, total: steps.append((step, done, total)))
    session.plan_ready.connect(plans.append)
    with qtbot.waitSignal(session.confirmation_needed, timeout=10_000) as asked:
        session.start()
    plan = asked.args[0]
    assert session.state == SyncState.WAITING
    assert [(a.kind, a.offer_id, a.sku, a.reason) for a in plan.to_confirm] == [
        ("end", o, "KUB", "Available 0 over all locations") for o in offers
    ]
    assert world.allegro.sent == []  # nothing is sent while the dialog would be open
    assert {s[0] for s in steps} >= {"Logging in to Allegro", "Reading listings", "Importing orders", "Planning stock"}

    keep = [plan.to_confirm[0].action_id, plan.to_confirm[2].action_id]
    with qtbot.waitSignal(session.applied, timeout=10_000) as done:
        session.confirm(keep)
    report = done.args[0]
    assert report.outcome == "ok" and report.counts["listings_ended"] == 2
    assert world.allegro.sent == [("finish", offers[0]), ("finish", offers[2])]
    assert ("Ending listings", 2, 2) in steps
    assert plans == [plan] and session.state == SyncState.DONE


def test_nothing_to_confirm_applies_at_once(qtbot, world):
    item = world.item("KUB", "Kubek", stock=4)
    offer = world.allegro.add_offer("Kubek", quantity=10)
    world.first_sync_linking([(offer, item)])
    session = session_for(world)
    asked = []
    session.confirmation_needed.connect(asked.append)
    with qtbot.waitSignal(session.applied, timeout=10_000) as done:
        session.start()
    assert asked == [] and done.args[0].counts["quantities_changed"] == 1
    assert world.allegro.offers_[offer].left == 4


def test_cancel_in_the_dialog_sends_nothing_and_leaves_the_actions_proposed(qtbot, world):
    end_candidates(world, 2)
    session = session_for(world)
    with qtbot.waitSignal(session.confirmation_needed, timeout=10_000):
        session.start()
    with qtbot.waitSignal(session.cancelled, timeout=10_000):
        session.cancel()
    assert world.allegro.sent == []
    states = {a.state for a in PlannedAction.select().where(PlannedAction.kind == ActionKind.END)}
    assert states == {ActionState.PROPOSED}
    assert SyncRun.get_by_id(session.plan.run_id).outcome == "cancelled"


def test_cancel_while_applying_stops_between_batches(qtbot, world):
    offers = end_candidates(world, 60)
    gate, first_batch_done = threading.Event(), threading.Event()
    original = world.allegro.finish

    def slow_finish(requests, progress=None):
        result = original(requests, progress)
        first_batch_done.set()
        gate.wait(5)  # hold the worker until the GUI has pressed Cancel
        return result

    world.allegro.finish = slow_finish
    session = session_for(world)
    with qtbot.waitSignal(session.confirmation_needed, timeout=10_000) as asked:
        session.start()
    with qtbot.waitSignal(session.cancelled, timeout=10_000):
        session.confirm([a.action_id for a in asked.args[0].to_confirm])
        qtbot.waitUntil(first_batch_done.is_set, timeout=5000)
        session.cancel()
        gate.set()
    ended = [s for s in world.allegro.sent if s[0] == "finish"]
    assert len(ended) == 25 < len(offers)
    assert Listing.select().where(Listing.status == ListingStatus.PENDING_RELIST).count() == 25
    assert SyncRun.get_by_id(session.plan.run_id).outcome == "cancelled"


def test_a_failure_reaches_the_gui_as_the_sellers_sentence(qtbot, world):
    from core.allegro.errors import LoginRejected

    def refuse():
        raise LoginRejected()

    world.allegro.login = refuse
    session = session_for(world)
    with qtbot.waitSignal(session.failed, timeout=10_000) as failed:
        session.start()
    assert failed.args[0] == "Allegro rejected the username or password."
    assert not session.running
    assert SyncRun.get().outcome == "failed"


# -- the GUI thread during a big sync ---------------------------------------------------------


@pytest.fixture
def sandbox_process():
    """The sandbox in its own process, as Allegro would be: its work does not compete for our GIL."""
    proc = subprocess.Popen(
        [sys.executable, "main.py", "sandbox", "--port", "0", "--offers", "0"],
        cwd=str(ROOT),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        wsdl_url = proc.stdout.readline().strip()
        assert wsdl_url.endswith("?wsdl"), wsdl_url
        yield wsdl_url.removesuffix("?wsdl")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()


def test_the_gui_thread_keeps_answering_during_a_sync_of_2000_listings(qtbot, db, sandbox_process, data_dir):
    from core import channels
    from core.models import Location, StockItem, StockLevel, utcnow
    from core.paths import app_paths
    from core.sync.engine import SyncEngine
    from core.sync.marketplace import make_marketplace
    from sandbox.control import SandboxControl

    url = sandbox_process
    control = SandboxControl(url.rsplit("/", 1)[0])
    control.reset(seed=5, offers=0, demo=False)
    n = 2000
    offer_ids = control.add_offers(
        [{"title": f"Produkt {i:04d}", "format": "buy_now", "quantity": 50, "price": 19.99} for i in range(n)]
    )
    place = Location.create(name="Magazyn", is_default=True)
    with db.atomic():
        db.cursor().executemany(
            "INSERT INTO stock_item (sku, title, barcode, created_at) VALUES (?, ?, '', ?)",
            [(f"P-{i:04d}", f"Produkt {i:04d}", utcnow()) for i in range(n)],
        )
        db.cursor().executemany(
            "INSERT INTO stock_level (item_id, location_id, quantity) SELECT id, ?, 50 FROM stock_item WHERE sku = ?",
            [(place.id, f"P-{i:04d}") for i in range(n)],
        )
    config = channels.ChannelConfig(
        sub_source="Duży sklep",
        username="sandbox-seller",
        password="sandbox-pass-1",
        api_key="SANDBOX-WEBAPI-KEY",
        api_key_version=str(control.state()["version_key"]),
        environment=url,
        inventory_sync=True,
        end_listings=True,
        no_manual_confirmation=True,
        sync_orders_from=utcnow().replace(microsecond=0),
    )
    channel_id = channels.save(config).id
    paths = app_paths(data_dir)
    first = make_marketplace(channel_id, paths)
    engine = SyncEngine(channel_id, first)
    engine.apply(engine.plan())  # sees the 2,000 listings
    first.close()
    db.execute_sql(
        "UPDATE listing SET stock_item_id = (SELECT id FROM stock_item WHERE stock_item.title = listing.title)"
    )
    # the day's changes: a quarter of the stock moved, 100 purchases, 20 items sold out
    with db.atomic():
        for i in range(0, n, 4):
            StockLevel.update(quantity=20 + i % 30).where(StockLevel.item == StockItem.get(sku=f"P-{i:04d}")).execute()
        for i in range(1, 40, 2):
            StockLevel.update(quantity=0).where(StockLevel.item == StockItem.get(sku=f"P-{i:04d}")).execute()
    for i in range(100):
        control.purchase(offer_ids[(i * 7) % n], buyer=f"kupujacy{i % 20}")

    session = SyncSession(channel_id, paths)
    steps = []
    session.progress_changed.connect(lambda step, done, total: steps.append(step))
    clock, gaps = QElapsedTimer(), []
    ticker = QTimer()
    ticker.setInterval(2)

    def tick():
        gaps.append(clock.restart())

    ticker.timeout.connect(tick)
    clock.start()
    ticker.start()
    started = time.perf_counter()
    with qtbot.waitSignal(session.finished, timeout=180_000):
        session.start()
    elapsed = time.perf_counter() - started
    ticker.stop()
    report = session.report
    assert report is not None and report.outcome == "ok", report.failures if report else session.state
    longest = max(gaps)
    print(
        f"\nGUI event loop during a sync of {n} listings: longest stall {longest} ms "
        f"({len(gaps)} ticks, sync {elapsed:.1f} s: {report.counts.get('quantities_changed', 0)} quantities, "
        f"{report.counts.get('listings_ended', 0)} ends, {report.counts.get('orders_imported', 0)} orders)"
    )
    assert report.counts["orders_imported"] == 100 and report.counts["listings_ended"] == 20
    assert report.counts["quantities_changed"] >= 450
    assert "Changing quantities" in steps
    # a sync done on the GUI thread would freeze it for seconds; the bound leaves room for a
    # busy CI machine, where other processes take the CPU from the GUI thread now and then
    assert longest < 400, f"the GUI thread stalled for {longest} ms"


def test_apply_undecided_sends_the_rest_and_keeps_ends_proposed(qtbot, world):
    offers = end_candidates(world, 2)
    item = world.item("TAL", "Talerz", stock=3)
    plate = world.allegro.add_offer("Talerz", quantity=9)
    world.first_sync_linking([(plate, item)])
    session = session_for(world)
    with qtbot.waitSignal(session.confirmation_needed, timeout=10_000):
        session.start()
    with qtbot.waitSignal(session.applied, timeout=10_000) as done:
        session.apply_undecided()
    assert world.allegro.sent == [("quantity", plate, 3)]
    assert done.args[0].counts["waiting_for_confirmation"] == 2
    states = {a.state for a in PlannedAction.select().where(PlannedAction.kind == ActionKind.END)}
    assert states == {ActionState.PROPOSED} and len(offers) == 2
