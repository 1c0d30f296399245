"""The confirmation dialog on its own: ticks, counts, auctions with bids, keyboard only."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from core.sync.plan import Plan, ProposedAction
from ui.sync.confirm_dialog import ConfirmDialog
from ui.tables import local_time


def action(action_id, kind, offer_id, title, **extra):
    values = dict(
        action_id=action_id,
        kind=kind,
        listing_id=action_id,
        offer_id=offer_id,
        title=title,
        format="buy_now",
        bids=0,
        stock_item_id=action_id,
        sku=f"SKU-{action_id}",
        stock_title=title,
        reason="Available 0 at Magazyn A",
        available=0,
    )
    values.update(extra)
    return ProposedAction(**values)


@pytest.fixture
def plan():
    plan = Plan(channel_id=1, channel_name="MyAllegro", run_id=1)
    plan.ends = [
        action(1, "end", 1001, "Kubek ceramiczny żółty"),
        action(2, "end", 1002, "Zegarek kieszonkowy", format="auction", bids=3, sells_to_top_bidder=True,
               reason="Available 0 at Magazyn A; ending it sells it to the top bidder (3 bids)"),
        action(3, "end", 1003, "Łopata ogrodowa"),
    ]
    plan.relists = [
        action(4, "relist", 1004, "Czajnik elektryczny", reason="Back in stock: 5; ended 12 days ago",
               available=5, duration_days=0, ended_at=datetime(2026, 2, 1)),
        action(5, "relist", 1005, "Parasol składany", reason="Back in stock: 2; ended 3 days ago", available=2,
               duration_days=7, start_at=datetime(2026, 3, 2, 12, 0)),
    ]
    plan.needs_confirmation = True
    return plan


@pytest.fixture
def dialog(qtbot, plan):
    d = ConfirmDialog(plan)
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()  # mnemonics (Alt+A) work only in the active window
    qtbot.waitActive(d)
    return d


def cells(section, row):
    return [section.model.index(row, c).data() for c in range(1, section.model.columnCount())]


def checked(section):
    return [section.model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            for r in range(section.model.rowCount())]


def test_two_lists_with_listing_stock_item_reason_and_relist_timing(dialog):
    assert dialog.windowTitle() == "Confirm changes on Allegro — MyAllegro"
    assert dialog.ends.heading.text() == "<b>Listings to end</b> — 2 of 3 ticked"
    assert dialog.relists.heading.text() == "<b>Listings to relist</b> — 2 of 2 ticked"
    assert cells(dialog.ends, 0) == ["1001", "Kubek ceramiczny żółty (Buy now)", "SKU-1 — Kubek ceramiczny żółty",
                                     "Available 0 at Magazyn A", ""]
    assert cells(dialog.relists, 0) == ["1004", "Czajnik elektryczny (Buy now)", "SKU-4 — Czajnik elektryczny",
                                        "Back in stock: 5; ended 12 days ago", "Until sold out", "At once"]
    assert cells(dialog.relists, 1)[-2:] == ["7 days", local_time(datetime(2026, 3, 2, 12, 0))]


def test_auctions_with_bids_are_marked_and_start_unticked(dialog):
    assert checked(dialog.ends) == [True, False, True]
    note = dialog.ends.model.index(1, 5)
    assert note.data() == "Sells to the top bidder (3 bids)"
    assert note.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert dialog.bids_warning.isVisible()
    assert "sells it to the top bidder" in dialog.bids_warning.text()


def test_select_all_none_and_counts(dialog):
    dialog.ends.none_button.click()
    assert checked(dialog.ends) == [False, False, False]
    assert dialog.apply_button.text() == "&Apply the ticked ones (2)"
    dialog.ends.all_button.click()
    assert dialog.ends.heading.text().endswith("3 of 3 ticked")
    dialog.relists.none_button.click()
    assert dialog.approved_ids() == [1, 2, 3]
    assert dialog.apply_button.text() == "&Apply the ticked ones (3)"


def test_clicking_a_checkbox_unticks_only_that_row(dialog, qtbot):
    view = dialog.ends.view
    rect = view.visualRect(dialog.ends.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert checked(dialog.ends) == [False, False, True]
    assert dialog.approved_ids() == [3, 4, 5]


def test_keyboard_only(dialog, qtbot):
    view = dialog.ends.view
    assert view.hasFocus()  # the dialog opens in the first list
    qtbot.keyClick(view, Qt.Key.Key_Down)  # to the auction with bids
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert checked(dialog.ends) == [True, True, True]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert checked(dialog.ends) == [True, True, False]
    # Tab leaves the list (it does not walk its cells) and reaches the buttons
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is not view
    # a mnemonic "animates" the click: it lands a moment later
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Select none (ends)
    qtbot.waitUntil(lambda: checked(dialog.ends) == [False, False, False], timeout=1000)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Apply the ticked ones
    assert dialog.approved_ids() == [4, 5]


def test_enter_in_a_list_sends_nothing_and_escape_cancels(dialog, qtbot):
    qtbot.keyClick(dialog.ends.view, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog.ends.view, Qt.Key.Key_Escape)


def test_cancel_returns_none_through_ask(plan, monkeypatch, qtbot):
    from PySide6.QtWidgets import QDialog

    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert ConfirmDialog.ask(plan) is None
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert ConfirmDialog.ask(plan) == [1, 3, 4, 5]


def test_only_one_kind_hides_the_other_list(qtbot, plan):
    plan.relists = []
    d = ConfirmDialog(plan)
    qtbot.addWidget(d)
    d.show()
    assert d.ends.isVisible() and not d.relists.isVisible()


def test_models_are_valid_qt_models(dialog, qtmodeltester):
    qtmodeltester.check(dialog.ends.model)
    qtmodeltester.check(dialog.relists.model)
