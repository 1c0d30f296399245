"""The confirmation dialog's three answers, the brake's question and the Took column, on the
Sync screen against the real sandbox."""
from __future__ import annotations

import time

import pytest

from core.models import ActionState, ListingStatus, PlannedAction, SyncRun
from core.sync_history import run_rows
from tests.ui.desk_sandbox import control, desk, sandbox  # noqa: F401 - fixtures
from ui.sync.confirm_dialog import BrakeQuestion, ConfirmDialog
from ui.sync.screen import SyncScreen

SYNC_TIMEOUT = 60_000


@pytest.fixture
def screen(qtbot, desk):
    widget = SyncScreen(desk.paths)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    yield widget
    widget.shutdown()


def sync(qtbot, screen):
    with qtbot.waitSignal(screen.all_finished, timeout=SYNC_TIMEOUT):
        screen.sync_button.click()
    qtbot.waitUntil(lambda: not screen.loader.loading, timeout=5000)


def answer_with(monkeypatch, button: str, wait: float = 0.0, seen: list | None = None):
    """The real dialog opens; after `wait` seconds the seller presses `button`."""

    def exec_(dialog):
        if seen is not None:
            seen.append(dialog)
        time.sleep(wait)
        getattr(dialog, button).click()
        return dialog.result()

    monkeypatch.setattr(ConfirmDialog, "exec", exec_)


def two_sold_out_and_one_to_lower(desk, qtbot, screen):
    plates = [(desk.item(f"TAL-{n}", f"Talerz {n}", stock=3), desk.offer(f"Talerz {n}", quantity=3)) for n in range(2)]
    mug = desk.item("KUB-1", "Kubek", stock=9)
    mug_offer = desk.offer("Kubek", quantity=9)
    sync(qtbot, screen)
    for item, offer in [*plates, (mug, mug_offer)]:
        desk.link(offer, item)
    for item, _offer in plates:
        desk.stock(item, 0)
    desk.stock(mug, 4)
    return [o for _i, o in plates], mug_offer


def last_run() -> SyncRun:
    return SyncRun.select().order_by(SyncRun.id.desc()).first()


def test_the_dialogs_buttons_say_what_they_do(qtbot, desk, screen, monkeypatch):
    plates, _mug = two_sold_out_and_one_to_lower(desk, qtbot, screen)
    seen: list = []
    answer_with(monkeypatch, "cancel_button", seen=seen)
    sync(qtbot, screen)
    dialog = seen[0]
    assert dialog.apply_button.text() == "&Apply the ticked ones (2)"
    assert dialog.rest_button.text() == "Send the &rest without these"
    assert dialog.cancel_button.text() == "&Cancel the whole sync"
    assert "sends nothing at all" in dialog.findChild(type(dialog.bids_warning), "confirm_intro").text()


def test_apply_the_ticked_ones_sends_them_with_the_rest(qtbot, desk, screen, monkeypatch):
    plates, mug = two_sold_out_and_one_to_lower(desk, qtbot, screen)

    def untick_second_then_apply(dialog):
        dialog.ends.model.toggle(1)
        dialog.apply_button.click()
        return dialog.result()

    monkeypatch.setattr(ConfirmDialog, "exec", untick_second_then_apply)
    sync(qtbot, screen)
    assert sorted(desk.on_allegro(o)["state"] for o in plates) == ["active", "ended"]
    assert desk.on_allegro(mug)["quantity"] == 4
    assert "Confirmation: applied the ticked ones (1 of 2)." in last_run().errors
    assert "1 listing at oversell risk" in screen.result.text()  # the unticked one


def test_send_the_rest_without_these_sends_quantities_and_ends_nothing(qtbot, desk, screen, monkeypatch):
    plates, mug = two_sold_out_and_one_to_lower(desk, qtbot, screen)
    answer_with(monkeypatch, "rest_button")
    sync(qtbot, screen)
    assert [desk.on_allegro(o)["state"] for o in plates] == ["active", "active"]
    assert desk.on_allegro(mug)["quantity"] == 4
    run = last_run()
    assert run.outcome == "ok"
    assert "Confirmation: sent the rest of the sync without these 2 listings." in run.errors
    assert "2 listings at oversell risk" in screen.result.text()
    assert PlannedAction.select().where(PlannedAction.state == ActionState.REJECTED).count() == 2


def test_cancel_the_whole_sync_sends_nothing_at_all(qtbot, desk, screen, monkeypatch):
    plates, mug = two_sold_out_and_one_to_lower(desk, qtbot, screen)
    answer_with(monkeypatch, "cancel_button")
    sync(qtbot, screen)
    assert [desk.on_allegro(o)["state"] for o in plates] == ["active", "active"]
    assert desk.on_allegro(mug)["quantity"] == 9  # not even the quantity
    run = last_run()
    assert run.outcome == "cancelled"
    assert "Confirmation: the whole sync was cancelled." in run.errors


def test_took_counts_the_sync_not_the_wait_for_the_dialog(qtbot, desk, screen, monkeypatch):
    two_sold_out_and_one_to_lower(desk, qtbot, screen)
    answer_with(monkeypatch, "rest_button", wait=3.0)
    sync(qtbot, screen)
    run = last_run()
    assert (run.finished_at - run.started_at).total_seconds() >= 3
    took = next(r[4] for r in run_rows() if r[0] == run.id)
    assert took in ("0 s", "1 s")
    assert '"waited_for_seller_s": 3' in run.counts


def test_the_brake_asks_before_ending_most_listings_even_without_manual_confirmation(qtbot, desk, screen, monkeypatch):
    desk.set(no_manual_confirmation=True, mass_end_count=2)
    pairs = [(desk.item(f"W-{n}", f"Wazon {n}", stock=2), desk.offer(f"Wazon {n}", quantity=2)) for n in range(5)]
    sync(qtbot, screen)
    for item, offer in pairs:
        desk.link(offer, item)
    for item, _offer in pairs[:3]:  # 60 %: more than 2 (20 % of 5 is 1)
        desk.stock(item, 0)
    asked = []

    def cancel(cls, name, hold, parent=None):
        box = cls(name, hold, parent)
        qtbot.addWidget(box)
        asked.append((box.text(), box.go_button.text(), box.without_button.text(), box.defaultButton() is box.cancel_button))
        return BrakeQuestion.CANCEL

    monkeypatch.setattr(BrakeQuestion, "ask", classmethod(cancel))
    sync(qtbot, screen)
    text, go, without, safe_default = asked[0]
    assert "would end 3 of the 5 live listings of MyAllegro (60 %)" in text
    assert (go, without, safe_default) == ("&Review the 3 ends…", "Send the rest &without ending them", True)
    assert all(desk.on_allegro(o)["state"] == "active" for _i, o in pairs)
    assert last_run().outcome == "cancelled"

    # the seller checked the stock and goes on: the ends are reviewed and applied
    monkeypatch.setattr(BrakeQuestion, "ask", classmethod(lambda cls, name, hold, parent=None: BrakeQuestion.GO))
    answer_with(monkeypatch, "apply_button")
    sync(qtbot, screen)
    assert [desk.on_allegro(o)["state"] for _i, o in pairs] == ["ended"] * 3 + ["active"] * 2
    assert desk.listing(pairs[0][1]).status == ListingStatus.PENDING_RELIST
