"""The Sync screen and the seller's desk against the real sandbox: what a seller does in a day."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings, Qt

from core.models import ActionState, ListingStatus, Order, PlannedAction, Shipment, ShipmentState, SyncRun, utcnow
from tests.helpers import type_text
from tests.ui.desk_sandbox import control, desk, sandbox  # noqa: F401 - fixtures
from ui.confirm_box import ConfirmBox
from ui.listings.link_dialog import LinkDialog
from ui.listings.screen import ListingsScreen
from ui.orders.screen import OrdersScreen
from ui.sync.confirm_dialog import ConfirmDialog
from ui.sync.screen import SyncScreen

SYNC_TIMEOUT = 60_000


def shown_text(label) -> str:
    """A rich-text label's text as the seller reads it."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


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


def open_screen(qtbot, cls, desk):
    widget = cls(desk.paths)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitUntil(lambda: not widget.loader.loading and widget.model.total() > 0, timeout=5000)
    return widget


def test_a_linked_listing_gets_its_quantity_on_the_next_sync(qtbot, desk, screen, monkeypatch):
    item = desk.item("KUB-01", "Kubek ceramiczny żółty", stock=12)
    offer = desk.offer("Kubek ceramiczny żółty 330 ml", quantity=5)
    sync(qtbot, screen)  # the listing is seen, but it is not linked: nothing is pushed
    assert desk.on_allegro(offer)["quantity"] == 5
    assert "MyAllegro: done" in screen.result.text()

    listings = open_screen(qtbot, ListingsScreen, desk)
    monkeypatch.setattr(LinkDialog, "ask", classmethod(lambda cls, title, search="", parent=None: item.id))
    listings.select_offer(offer)
    with qtbot.waitSignal(listings.loader.loaded, timeout=5000):
        listings.link_button.click()
    assert desk.listing(offer).stock_item_id == item.id

    sync(qtbot, screen)
    assert desk.on_allegro(offer)["quantity"] == 12
    assert "1 quantity sent" in screen.result.text()
    with qtbot.waitSignal(listings.loader.loaded, timeout=5000):
        listings.refresh()
    row = listings.model.row_of(desk.listing(offer).id)
    assert listings.model.index(row, 3).data() == "12"  # Qty on Allegro


def test_progress_history_and_chart_show_what_a_run_did(qtbot, desk, screen, control, monkeypatch):
    offer = desk.offer("Łopata ogrodowa", quantity=3)
    control.purchase(offer, buyer="kupujący1")
    seen = []
    original = screen._progress

    def watch(step, done, total):
        original(step, done, total)
        seen.append(screen.step.text())

    monkeypatch.setattr(screen, "_progress", watch)
    sync(qtbot, screen)
    assert any(text.startswith("MyAllegro: ") for text in seen)
    assert screen.step.text().startswith("Last sync finished at")
    assert "1 order imported" in screen.result.text()
    assert screen.model.total() == 1
    assert [screen.model.index(0, c).data() for c in (1, 2, 4)] == ["MyAllegro", "OK", "1"]
    assert "Orders imported: 1" in screen.details.toPlainText()
    assert screen.chart.days[-1].orders == 1
    assert screen.chart.summary() == "Last 14 days: 1 order imported, 0 listings ended, 0 listings relisted"
    type_text(screen.filter, "failed")
    assert screen.model.rowCount() == 0 and screen.count.text() == "0 of 1 run"


def test_the_dialog_applies_only_the_ticked_rows(qtbot, desk, screen, monkeypatch):
    items = [desk.item(f"TAL-{n}", f"Talerz obiadowy {n}", stock=3) for n in range(3)]
    offers = [desk.offer(f"Talerz obiadowy {n}", quantity=3) for n in range(3)]
    sync(qtbot, screen)
    for offer, item in zip(offers, items):
        desk.link(offer, item)
        desk.stock(item, 0)
    shown = {}

    def untick_the_second(cls, plan, parent=None):
        dialog = cls(plan, parent)
        qtbot.addWidget(dialog)
        shown["rows"] = [dialog.ends.model.index(r, 1).data() for r in range(dialog.ends.model.rowCount())]
        shown["reason"] = dialog.ends.model.index(0, 4).data()
        dialog.ends.model.toggle(shown["rows"].index(str(offers[1])))
        dialog.apply_button.click()
        return dialog.approved_ids() if dialog.result() else None

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(untick_the_second))
    sync(qtbot, screen)
    assert sorted(shown["rows"]) == sorted(str(o) for o in offers)
    assert shown["reason"] == "Available 0 over all locations"
    assert [desk.on_allegro(o)["state"] for o in offers] == ["ended", "active", "ended"]
    assert [desk.listing(o).status for o in offers] == [
        ListingStatus.PENDING_RELIST,
        ListingStatus.ACTIVE,
        ListingStatus.PENDING_RELIST,
    ]
    assert "2 listings ended" in screen.result.text()


def test_cancel_in_the_dialog_sends_nothing_and_leaves_the_actions_proposed(qtbot, desk, screen, monkeypatch):
    item = desk.item("ZEG-1", "Zegar ścienny", stock=2)
    offer = desk.offer("Zegar ścienny", quantity=2)
    sync(qtbot, screen)
    desk.link(offer, item)
    desk.stock(item, 0)
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, plan, parent=None: None))
    before = desk.control.calls()["counts"].get("doFinishItems", 0)
    sync(qtbot, screen)
    assert desk.on_allegro(offer)["state"] == "active"
    assert desk.control.calls()["counts"].get("doFinishItems", 0) == before
    assert PlannedAction.get(PlannedAction.kind == "end").state == ActionState.PROPOSED
    assert "cancelled; nothing more was sent" in screen.result.text()
    assert SyncRun.select().order_by(SyncRun.id.desc()).first().outcome == "cancelled"


def test_a_struck_off_listing_is_not_relisted_until_reinstated(qtbot, desk, screen, monkeypatch):
    item = desk.item("CZA-01", "Czajnik elektryczny 1,7 l", stock=1)
    offer = desk.offer("Czajnik elektryczny 1,7 l", quantity=1)
    sync(qtbot, screen)
    desk.link(offer, item)
    desk.stock(item, 0)
    decisions = []

    def approve_all(cls, plan, parent=None):
        decisions.append([(a.kind, a.offer_id) for a in plan.to_confirm])
        return [a.action_id for a in plan.to_confirm]

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(approve_all))
    sync(qtbot, screen)  # ends it: pending relist
    assert decisions[-1] == [("end", str(offer))]
    assert desk.listing(offer).status == ListingStatus.PENDING_RELIST

    listings = open_screen(qtbot, ListingsScreen, desk)
    listings.show_choice.setCurrentIndex(listings.show_choice.findText("Pending relist"))
    listings.select_offer(offer)
    with qtbot.waitSignal(listings.loader.loaded, timeout=5000):
        listings.strike_button.click()
    assert desk.listing(offer).status == ListingStatus.STRUCK_OFF

    desk.stock(item, 4)  # stock is back
    sync(qtbot, screen)
    assert decisions[-1] == [("end", str(offer))]  # no new dialog: nothing to relist
    assert desk.on_allegro(offer)["state"] == "ended"
    assert SyncRun.select().count() == 3

    listings.show_choice.setCurrentIndex(listings.show_choice.findText("Struck off"))
    listings.select_offer(offer)
    with qtbot.waitSignal(listings.loader.loaded, timeout=5000):
        listings.reinstate_button.click()
    sync(qtbot, screen)
    assert decisions[-1] == [("relist", str(offer))]
    relisted = [o for o in desk.control.offers() if o["relisted_from"] == offer]
    assert len(relisted) == 1 and relisted[0]["state"] == "active"


def test_a_tracking_number_accepted_and_one_rejected_with_its_reason(qtbot, desk, screen, monkeypatch):
    desk.set(submit_tracking=True)
    offer = desk.offer("Świeca zapachowa", quantity=10)
    first = desk.control.purchase(offer, buyer="anna_k")["form_id"]
    second = desk.control.purchase(offer, buyer="bartek_z")["form_id"]
    sync(qtbot, screen)
    desk.control.refuse_packages(["RUCH12345"])  # the right format, but the carrier knows no such parcel
    orders = open_screen(qtbot, OrdersScreen, desk)
    monkeypatch.setattr(ConfirmBox, "ask", classmethod(lambda cls, *a, **k: True))
    for form_id, carrier, number in ((first, 5, "620000000000000000000001"), (second, 3, "RUCH12345")):
        orders.select_order(Order.get(form_id=form_id).id)
        orders.carrier.setCurrentIndex(orders.carrier.findData(carrier))
        orders.tracking.clear()
        type_text(orders.tracking, number)
        with qtbot.waitSignal(orders.loader.loaded, timeout=5000):
            orders.ship_button.click()
    sync(qtbot, screen)
    assert "1 tracking number accepted" in screen.result.text()
    assert "1 tracking number rejected" in screen.result.text()
    with qtbot.waitSignal(orders.loader.loaded, timeout=5000):
        orders.refresh()
    orders.select_order(Order.get(form_id=first).id)
    assert [orders.shipments.item(0, c).text() for c in range(3)] == [
        "InPost", "620000000000000000000001", "accepted by Allegro"]
    orders.select_order(Order.get(form_id=second).id)
    assert [orders.shipments.item(0, c).text() for c in range(3)] == ["Ruch", "RUCH12345", "rejected by Allegro"]
    assert orders.shipments.item(0, 2).foreground().color().name() == "#b3261e"
    assert orders.shipment_reason.text() == "Why: Allegro says this number does not match the carrier's format."
    states = {s.tracking_number: s.state for s in Shipment.select()}
    assert states == {"620000000000000000000001": ShipmentState.ACCEPTED, "RUCH12345": ShipmentState.REJECTED}
    packages = {f["form_id"]: [p["package_id"] for p in f["packages"]] for f in desk.control.forms()}
    assert packages[first] == ["620000000000000000000001"] and packages[second] == []


def test_auto_sync_is_off_by_default_and_never_stops_for_a_dialog(qtbot, desk, screen):
    assert not screen.auto.isChecked() and not screen.auto_timer.isActive()
    assert screen.next_run.text() == "(off)"
    screen.minutes.setValue(30)
    screen.auto.setChecked(True)
    assert screen.auto_timer.isActive() and screen.auto_timer.interval() == 30 * 60_000
    assert screen.next_run.text().startswith("next at ")
    assert QSettings().value("sync/auto", type=bool) is True

    a, b = desk.item("KOC-1", "Koc polarowy", stock=4), desk.item("KOC-2", "Koc wełniany", stock=7)
    offer_a, offer_b = desk.offer("Koc polarowy", quantity=4), desk.offer("Koc wełniany", quantity=2)
    with qtbot.waitSignal(screen.all_finished, timeout=SYNC_TIMEOUT):
        screen.auto_timer.timeout.emit()
    desk.link(offer_a, a)
    desk.link(offer_b, b)
    desk.stock(a, 0)
    # the timer fires: the end waits for the seller (no dialog opens: it would fail this
    # test), while the quantity goes out at once
    with qtbot.waitSignal(screen.all_finished, timeout=SYNC_TIMEOUT):
        screen.auto_timer.timeout.emit()
    assert desk.on_allegro(offer_a)["state"] == "active"
    assert desk.on_allegro(offer_b)["quantity"] == 7
    assert "1 listing to end or relist waits for your confirmation" in screen.result.text()
    assert PlannedAction.get(PlannedAction.kind == "end").state == ActionState.PROPOSED
    screen.auto.setChecked(False)
    assert not screen.auto_timer.isActive()


def test_cancel_stops_a_long_sync(qtbot, desk, screen, control):
    control.add_offers([{"title": f"Ręcznik {n}", "format": "buy_now", "quantity": 2, "price": 10.0} for n in range(60)])
    control.set_faults(latency_ms=150)
    with qtbot.waitSignal(screen.all_finished, timeout=SYNC_TIMEOUT):
        screen.sync_button.click()
        qtbot.waitUntil(lambda: screen.step.text().startswith("MyAllegro: L") or "Reading" in screen.step.text(), timeout=20_000)
        assert screen.cancel_button.isEnabled()
        screen.cancel_button.click()
    assert "cancelled" in screen.result.text()
    assert SyncRun.get().outcome in ("cancelled", "failed")
    assert screen.sync_button.isEnabled() and not screen.cancel_button.isEnabled()


def test_the_history_model_is_valid(qtbot, desk, screen, qtmodeltester):
    SyncRun.create(channel=desk.channel_id, started_at=utcnow() - timedelta(days=1), finished_at=utcnow(),
                   outcome="partial", counts='{"orders_imported": 3, "listings_ended": 1}',
                   errors="Talerz: Allegro refused it.\nNote: 1 listing(s) wait.")
    screen.refresh_history()
    qtbot.waitUntil(lambda: screen.model.total() == 1 and not screen.loader.loading, timeout=5000)
    assert screen.model.index(0, 2).data() == "Partly failed"
    assert screen.model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    text = screen.details.toPlainText()
    assert "Problems:\n• Talerz: Allegro refused it." in text and "Notes:\n• 1 listing(s) wait." in text
    screen.outcome.setCurrentIndex(screen.outcome.findText("With problems"))
    assert screen.model.rowCount() == 1
    qtmodeltester.check(screen.model)


def test_sync_now_for_all_enabled_channels_one_after_another(qtbot, desk, sandbox, control):
    from core import channels

    for name, enabled in (("Outlet", True), ("Archiwum", False)):
        channels.save(channels.ChannelConfig(
            sub_source=name, username="sandbox-seller", password="sandbox-pass-1", api_key="SANDBOX-WEBAPI-KEY",
            api_key_version=str(control.state()["version_key"]), environment=sandbox.url, enabled=enabled))
    desk.offer("Poduszka dekoracyjna", quantity=2)
    widget = SyncScreen(desk.paths)
    qtbot.addWidget(widget)
    widget.show()
    assert [widget.channel.itemText(i) for i in range(widget.channel.count())] == [
        "All enabled channels", "MyAllegro", "Outlet"]  # a disabled channel is not offered
    assert not widget.table.isColumnHidden(1)  # several channels: the history names them
    sync(qtbot, widget)
    runs = [(r.channel.sub_source, r.outcome) for r in SyncRun.select().order_by(SyncRun.id)]
    assert runs == [("MyAllegro", "ok"), ("Outlet", "ok")]
    assert shown_text(widget.result).splitlines() == [
        "MyAllegro: done; nothing needed changing.", "Outlet: done; nothing needed changing."]
    widget.shutdown()
