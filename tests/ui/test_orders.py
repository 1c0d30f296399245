"""The Orders screen through its widgets, against a real database."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from core.models import (
    Channel,
    LinkState,
    Listing,
    Location,
    Order,
    OrderItem,
    OrderStatus,
    Shipment,
    ShipmentState,
    StockItem,
    StockLevel,
)
from core.paths import app_paths
from tests.helpers import type_text
from ui.confirm_box import ConfirmBox
from ui.listings.link_dialog import LinkDialog
from ui.orders.screen import OrdersScreen
from ui.tables import local_time


@pytest.fixture
def shop(db):
    loc = Location.create(name="Magazyn Główny", is_default=True)
    channel = Channel.create(sub_source="MyAllegro", username="u", api_key="k", submit_tracking=True)
    kubek = StockItem.create(sku="KUB-01", title="Kubek ceramiczny żółty")
    StockLevel.create(item=kubek, location=loc, quantity=10)
    lopata = StockItem.create(sku="ŁOP-01", title="Łopata ogrodowa")
    StockLevel.create(item=lopata, location=loc, quantity=5)
    Listing.create(channel=channel, offer_id=7002, title="Łopata ogrodowa (stara nazwa)", format="buy_now")
    first = Order.create(
        channel=channel,
        form_id=5001,
        buyer_login="zosia_kupuje",
        buyer_email="zosia@example.pl",
        created_at=datetime(2026, 3, 2, 10, 30),
        amount=Decimal("89.97"),
        currency="PLN",
        pay_type="PayU",
        pay_status="Zakończona",
        ship_name="Zofia Żółkiewska",
        ship_street="ul. Świętokrzyska 12/4",
        ship_postcode="00-916",
        ship_city="Warszawa",
        ship_country="Polska",
    )
    OrderItem.create(order=first, offer_id=7001, title="Kubek ceramiczny żółty", quantity=3, price=Decimal("19.99"),
                     stock_item=kubek, link_state=LinkState.LISTING)
    OrderItem.create(order=first, offer_id=7002, title="Łopata ogrodowa (stara nazwa)", quantity=1, price=Decimal("29.99"))
    second = Order.create(channel=channel, form_id=5002, buyer_login="jan_k", created_at=datetime(2026, 3, 1, 9, 0),
                          amount=Decimal("19.99"), status=OrderStatus.SHIPPED)
    OrderItem.create(order=second, offer_id=7001, title="Kubek ceramiczny żółty", quantity=1, price=Decimal("19.99"),
                     stock_item=kubek, link_state=LinkState.LISTING)
    Shipment.create(order=second, carrier_id=3, carrier_name="Ruch", tracking_number="ruch12345",
                    state=ShipmentState.REJECTED, reason="Allegro says this number does not match the carrier's format.")
    return channel


@pytest.fixture
def screen(qtbot, shop, data_dir):
    widget = OrdersScreen(app_paths(data_dir))
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.total() == 2, timeout=5000)
    yield widget
    widget.shutdown()


COLUMNS = ["Date", "Channel", "Order", "Buyer", "Items", "Amount", "Currency", "Payment", "Status", "Tracking"]


def row(screen, form_id):
    for r in range(screen.model.rowCount()):
        values = [screen.model.index(r, c).data() for c in range(len(COLUMNS))]
        if values[2] == str(form_id):
            return dict(zip(COLUMNS, values))
    raise AssertionError(f"order {form_id} not shown")


def select(screen, form_id):
    screen.select_order(Order.get(form_id=form_id).id)


def item_cells(screen):
    return [[screen.items.item(r, c).text() for c in range(6)] for r in range(screen.items.rowCount())]


def reload(qtbot, screen):
    return qtbot.waitSignal(screen.loader.loaded, timeout=5000)


def test_orders_show_buyer_amount_payment_and_tracking(screen):
    assert row(screen, 5001) == {
        "Date": local_time(datetime(2026, 3, 2, 10, 30)),
        "Channel": "MyAllegro",
        "Order": "5001",
        "Buyer": "zosia_kupuje",
        "Items": "4",
        "Amount": "89.97",
        "Currency": "PLN",
        "Payment": "Paid",  # Allegro says "Zakończona", shown in the UI language
        "Status": "Open",
        "Tracking": "",
    }
    items = screen.model.index(screen.model.row_of(Order.get(form_id=5001).id), 4)
    assert items.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"  # an unlinked item
    assert row(screen, 5002)["Tracking"] == (
        "Ruch ruch12345: rejected by Allegro — Allegro says this number does not match the carrier's format."
    )
    assert [screen.model.index(r, 2).data() for r in range(2)] == ["5001", "5002"]  # newest first
    assert screen.table.isColumnHidden(1)  # one channel: its name in every row is noise


def test_detail_shows_address_and_unlinked_items_stand_out(screen):
    select(screen, 5001)
    assert "Order 5001" in screen.heading.text() and "zosia@example.pl" in screen.heading.text()
    assert "payment: Paid (PayU)" in screen.heading.text()
    assert screen.address.text().splitlines() == [
        "Zofia Żółkiewska",
        "ul. Świętokrzyska 12/4",
        "00-916 Warszawa",
        "Polska",
    ]
    assert item_cells(screen) == [
        ["Kubek ceramiczny żółty", "7001", "3", "19.99", "KUB-01", "via listing"],
        ["Łopata ogrodowa (stara nazwa)", "7002", "1", "29.99", "", "Unlinked"],
    ]
    assert screen.items.item(1, 0).foreground().color().name() == "#b3261e"
    assert screen.items.item(0, 0).foreground().color().name() != "#b3261e"


def test_an_unlinked_item_is_linked_from_here_with_its_listing(screen, qtbot, monkeypatch):
    monkeypatch.setattr(LinkDialog, "ask", classmethod(lambda cls, title, search="", parent=None: StockItem.get(sku="ŁOP-01").id))
    select(screen, 5001)
    screen.items.selectRow(1)
    with reload(qtbot, screen):
        screen.link_item_button.click()
    assert item_cells(screen)[1][4:] == ["ŁOP-01", "by hand"]
    assert Listing.get(offer_id=7002).stock_item.sku == "ŁOP-01"  # next orders link themselves
    assert row(screen, 5001)["Items"] == "4"
    screen.show_choice.setCurrentIndex(screen.show_choice.findText("With unlinked items"))
    assert screen.model.rowCount() == 0


def test_a_number_wrong_for_the_carrier_is_refused_next_to_the_field(screen, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(ConfirmBox, "ask", classmethod(lambda cls, *a, **k: asked.append(a) or True))
    select(screen, 5001)
    screen.carrier.setCurrentIndex(screen.carrier.findData(5))  # InPost
    type_text(screen.tracking, "12345")
    assert screen.check_label.text() == "12345 is not a InPost tracking number (for example 620000000000000000000001)."
    screen.ship_button.click()
    assert asked == []  # never asked: the number must be fixed first
    assert Order.get(form_id=5001).status == OrderStatus.OPEN
    assert screen.tracking.text() == "12345"  # what was typed stays


def test_mark_shipped_asks_first_then_takes_stock_off_and_queues_the_number(screen, qtbot, monkeypatch):
    asked = {}

    def answer(cls, parent, title, text, action, details=""):
        asked.update(text=text, details=details)
        return True

    monkeypatch.setattr(ConfirmBox, "ask", classmethod(answer))
    select(screen, 5001)
    screen.carrier.setCurrentIndex(screen.carrier.findData(5))
    type_text(screen.tracking, "620000000000000000000001")
    assert screen.check_label.text() == "Looks right for InPost."
    with reload(qtbot, screen):
        screen.ship_button.click()
    assert asked["text"] == "Mark order 5001 shipped? This cannot be undone."
    assert "3 linked items are taken off stock at Magazyn Główny." in asked["details"]
    assert row(screen, 5001)["Status"] == "Shipped"
    assert row(screen, 5001)["Tracking"] == "InPost 620000000000000000000001: waiting for the next sync"
    assert StockLevel.get(item=StockItem.get(sku="KUB-01")).quantity == 7
    assert screen.notice.text() == "Order 5001 is shipped."
    assert not screen.ship_button.isEnabled() and screen.add_tracking_button.isEnabled()


def test_saying_no_ships_nothing(screen, monkeypatch):
    monkeypatch.setattr(ConfirmBox, "ask", classmethod(lambda cls, *a, **k: False))
    select(screen, 5001)
    screen.ship_button.click()
    assert Order.get(form_id=5001).status == OrderStatus.OPEN
    assert StockLevel.get(item=StockItem.get(sku="KUB-01")).quantity == 10


def test_a_rejected_number_shows_why_and_can_be_corrected(screen, qtbot):
    select(screen, 5002)
    assert [screen.shipments.item(0, c).text() for c in range(3)] == ["Ruch", "ruch12345", "rejected by Allegro"]
    assert screen.shipment_reason.text() == "Why: Allegro says this number does not match the carrier's format."
    assert screen.shipment_reason.isVisible()
    # the rejected number is loaded for correction, and never called "looks right"
    assert screen.tracking.text() == "ruch12345" and screen.carrier.currentText() == "Ruch"
    # (stored by an earlier version whose check let lower case through; the check now agrees with Allegro's)
    assert screen.check_label.text() == "ruch12345 is not a Ruch tracking number (for example RUCH123456)."
    screen.save_tracking_button.click()
    assert Shipment.get(order=Order.get(form_id=5002)).state == ShipmentState.REJECTED  # not saved as it is
    screen.tracking.clear()
    type_text(screen.tracking, "RUCH12345")
    with reload(qtbot, screen):
        screen.save_tracking_button.click()
    shipment = Shipment.get(order=Order.get(form_id=5002))
    assert (shipment.tracking_number, shipment.state) == ("RUCH12345", ShipmentState.PENDING)
    assert row(screen, 5002)["Tracking"] == "Ruch RUCH12345: waiting for the next sync"
    assert screen.check_label.text() == "Leave empty to ship without a tracking number."


def test_typed_tracking_stays_with_its_order(screen):
    select(screen, 5001)
    type_text(screen.tracking, "6200000000000000000000")
    select(screen, 5002)
    assert screen.tracking.text() == "ruch12345"  # the other order's own number
    select(screen, 5001)
    assert screen.tracking.text() == "6200000000000000000000"


def test_the_table_model_is_a_valid_qt_model(screen, qtmodeltester):
    qtmodeltester.check(screen.model)


def test_with_submit_tracking_info_off_the_screen_never_says_the_number_goes_to_allegro(screen, shop, qtbot, monkeypatch):
    Channel.update(submit_tracking=False).where(Channel.id == shop.id).execute()
    asked = {}

    def answer(cls, parent, title, text, action, details=""):
        asked.update(details=details)
        return True

    monkeypatch.setattr(ConfirmBox, "ask", classmethod(answer))
    select(screen, 5001)
    screen.carrier.setCurrentIndex(screen.carrier.findData(5))
    type_text(screen.tracking, "620000000000000000000001")
    with reload(qtbot, screen):
        screen.ship_button.click()
    assert "goes to Allegro" not in asked["details"]
    assert (
        "620000000000000000000001 is not sent to Allegro: Submit Tracking Info is off for MyAllegro. "
        "Tick it in the channel's options to send it." in asked["details"]
    )
    assert row(screen, 5001)["Tracking"] == "InPost 620000000000000000000001: not sent: Submit Tracking Info is off"

    select(screen, 5001)
    screen.carrier.setCurrentIndex(screen.carrier.findData(5))
    type_text(screen.tracking, "620000000000000000000002")
    with reload(qtbot, screen):
        screen.add_tracking_button.click()
    assert screen.notice.text().startswith("Tracking number 620000000000000000000002 added. 620000000000000000000002 is not sent")
