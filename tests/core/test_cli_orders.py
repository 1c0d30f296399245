"""`main.py orders list|show|ship|link-item`: the Orders screen from the command line."""
from __future__ import annotations

import io
import json
import sys
from datetime import timedelta
from decimal import Decimal

import pytest

from core.cli import orders as cli
from core.db import database, open_database
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
    utcnow,
)
from core.paths import app_paths

FORM = 3100000001
PARCEL = "620000000000000000000001"


@pytest.fixture
def paths(data_dir):
    paths = app_paths(data_dir)
    handle = open_database(paths.database)
    shop = Channel.create(sub_source="MojeAllegro", username="u", api_key="k", submit_tracking=True)
    other = Channel.create(sub_source="Drugi", username="u2", api_key="k")
    store = Location.create(name="Magazyn A", is_default=True)
    mug = StockItem.create(sku="KUB-1", title="Kubek")
    StockItem.create(sku="TAL-1", title="Talerz")
    StockLevel.create(item=mug, location=store, quantity=10)
    Listing.create(channel=shop, offer_id=7100000002, title="Talerz", format="buy_now")
    order = Order.create(
        channel=shop, form_id=FORM, buyer_login="kupujacy1", buyer_email="k@example.pl", created_at=utcnow(),
        amount=Decimal("49.90"), postage_amount=Decimal("9.99"), pay_type="co", pay_status="Zakończona",
        ship_name="Jan Kowalski", ship_street="Długa 1", ship_postcode="00-001", ship_city="Warszawa", ship_country="Polska",
    )
    OrderItem.create(order=order, offer_id=7100000001, title="Kubek", quantity=2, price=Decimal("15.00"),
                     stock_item=mug, link_state=LinkState.LISTING)
    OrderItem.create(order=order, offer_id=7100000002, title="Talerz", quantity=1, price=Decimal("19.90"))
    Order.create(channel=other, form_id=3100000002, buyer_login="inny", created_at=utcnow() - timedelta(days=1),
                 status=OrderStatus.SHIPPED)
    yield paths
    handle.close()
    database.initialize(None)


@pytest.fixture
def run(paths, monkeypatch, capsys):
    def _run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        code = cli.main(list(args), paths)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def order() -> Order:
    return Order.get(Order.form_id == FORM)


def level(sku: str) -> int:
    return StockLevel.get(StockLevel.item == StockItem.get(sku=sku)).quantity


def test_list_filters_and_json(run):
    code, out, _ = run("list")
    assert code == 0 and out.splitlines()[-1] == "2 orders."
    rows = json.loads(run("list", "--json")[1])
    assert [(r["order"], r["channel"], r["status"]) for r in rows] == [
        (str(FORM), "MojeAllegro", "open"), ("3100000002", "Drugi", "shipped"),
    ]
    assert rows[0] | {"created_at": None} == {
        "order": str(FORM), "channel": "MojeAllegro", "created_at": None, "buyer": "kupujacy1", "items": 3,
        "amount": "49.90", "currency": "PLN", "pay_status": "Zakończona", "status": "open", "unlinked_items": 1,
        "tracking": None, "tracking_state": None,
    }
    assert [r["order"] for r in json.loads(run("list", "--unlinked", "--json")[1])] == [str(FORM)]
    assert [r["order"] for r in json.loads(run("list", "--status", "shipped", "--json")[1])] == ["3100000002"]
    assert [r["order"] for r in json.loads(run("list", "--channel", "drugi", "--json")[1])] == ["3100000002"]
    assert run("list", "--channel", "Brak") == (2, "", "There is no channel called “Brak”.\n")


def test_show_gives_items_links_address_and_shipments(run):
    detail = json.loads(run("show", str(FORM), "--json")[1])
    assert [(i["offer_id"], i["sku"], i["link"], i["price"]) for i in detail["items"]] == [
        ("7100000001", "KUB-1", "listing", "15.00"), ("7100000002", None, "unlinked", "19.90"),
    ]
    assert detail["address"]["city"] == "Warszawa" and detail["shipments"] == []
    code, out, _ = run("show", str(FORM))
    assert code == 0
    assert out.splitlines()[0] == f"Order {FORM} (MojeAllegro), Open"
    assert "  Jan Kowalski" in out and "  00-001 Warszawa" in out and "via listing" in out
    assert run("show", "999") == (2, "", "There is no order 999.\n")


def test_a_tracking_number_of_the_wrong_format_is_refused_and_nothing_changes(run):
    code, out, err = run("ship", str(FORM), "--carrier", "InPost", "--tracking", "12345", "--yes")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "12345 is not a InPost tracking number (for example 620000000000000000000001).",
        "Nothing was changed.",
    ]
    assert run("ship", str(FORM), "--carrier", "Gołąb", "--tracking", PARCEL, "--yes")[2].splitlines()[0] == (
        "Allegro does not know this carrier."
    )
    assert run("ship", str(FORM), "--tracking", PARCEL, "--yes")[2].splitlines()[0] == "Choose the carrier."
    assert order().status == OrderStatus.OPEN and level("KUB-1") == 10 and Shipment.select().count() == 0


def test_shipping_asks_and_without_a_terminal_only_yes_answers(run):
    code, out, err = run("ship", str(FORM), "--carrier", "InPost", "--tracking", PARCEL)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "2 linked items are taken off stock at Magazyn A.",
        f"Mark order {FORM} shipped? This cannot be undone.",
        "Nothing was asked (standard input is not a terminal); run again with --yes to answer yes.",
        "The order was not marked shipped.",
    ]
    assert order().status == OrderStatus.OPEN and level("KUB-1") == 10


def test_ship_with_a_tracking_number_then_add_and_correct_one(run):
    code, out, _ = run("ship", str(FORM), "--carrier", "inpost", "--tracking", PARCEL, "--yes")
    assert code == 0
    assert out.splitlines() == [
        f"Order {FORM} is shipped.",
        f"Tracking number {PARCEL} (InPost) goes to Allegro at the next sync.",
    ]
    assert order().status == OrderStatus.SHIPPED and level("KUB-1") == 8
    assert [(s.carrier_id, s.tracking_number, s.state) for s in Shipment.select()] == [(5, PARCEL, ShipmentState.PENDING)]
    assert run("ship", str(FORM), "--yes") == (1, "", "This order is already shipped.\n")

    code, out, _ = run("ship", str(FORM), "--carrier", "Poczta Polska", "--tracking", "RR123456789PL")
    assert (code, out) == (0, "Tracking number RR123456789PL added; it goes to Allegro at the next sync.\n")
    Shipment.update(state=ShipmentState.REJECTED, reason="Nieznany numer").where(
        Shipment.tracking_number == "RR123456789PL"
    ).execute()
    code, out, _ = run("ship", str(FORM), "--carrier", "Poczta Polska", "--tracking", "RR987654321PL", "--correct", "RR123456789PL")
    assert (code, out) == (0, "Tracking number corrected; it goes to Allegro at the next sync.\n")
    shipments = json.loads(run("show", str(FORM), "--json")[1])["shipments"]
    assert [(s["carrier"], s["tracking_number"], s["state"]) for s in shipments] == [
        ("InPost", PARCEL, "pending"), ("Poczta Polska", "RR987654321PL", "pending"),
    ]
    Shipment.update(state=ShipmentState.ACCEPTED).where(Shipment.tracking_number == PARCEL).execute()
    code, _, err = run("ship", str(FORM), "--carrier", "InPost", "--tracking", "620000000000000000000002", "--correct", PARCEL)
    assert (code, err) == (1, "Allegro has already accepted this tracking number; add a new one instead.\n")


def test_link_item_links_the_order_item_and_its_listing(run):
    code, out, _ = run("link-item", str(FORM), "7100000002", "TAL-1")
    assert (code, out) == (0, f"Linked “Talerz” in order {FORM} to TAL-1.\n")
    item = OrderItem.get(OrderItem.offer_id == 7100000002)
    assert (item.stock_item.sku, item.link_state) == ("TAL-1", LinkState.MANUAL)
    assert Listing.get(Listing.offer_id == 7100000002).stock_item.sku == "TAL-1"
    assert json.loads(run("list", "--unlinked", "--json")[1]) == []

    assert run("link-item", str(FORM), "7100000002", "--unlink")[0] == 0
    assert OrderItem.get(OrderItem.offer_id == 7100000002).stock_item is None
    assert run("link-item", str(FORM), "7100000002", "BRAK") == (2, "", "There is no stock item with SKU BRAK.\n")
    assert run("link-item", str(FORM), "42", "TAL-1") == (2, "", f"Order {FORM} has no item of offer 42.\n")


REST_FORM = "29738e61-7f6a-11e8-ac45-09db60ede9d6"


def test_a_rest_order_is_shown_and_shipped_by_its_checkout_form_id(run):
    rest = Channel.create(sub_source="Sklep", username="", api_key="", api="rest", environment="sandbox")
    placed = Order.create(channel=rest, form_id=REST_FORM, buyer_login="ola", created_at=utcnow())
    OrderItem.create(order=placed, offer_id="7700000001", title="Lampka", quantity=1, price=Decimal("25.00"))

    detail = json.loads(run("show", REST_FORM.upper(), "--json")[1])  # typed in capitals: the same id
    assert detail["order"] == REST_FORM and [i["offer_id"] for i in detail["items"]] == ["7700000001"]
    code, out, _ = run("ship", REST_FORM, "--yes")
    assert code == 0 and f"Order {REST_FORM} is shipped." in out
    assert Order.get_by_id(placed.id).status == OrderStatus.SHIPPED


def test_an_order_argument_that_is_neither_a_number_nor_an_id_is_refused_in_words(run):
    code, out, err = run("show", "zamowienie-12")
    assert code == 2 and out == ""
    assert "zamowienie-12 is not an order number (a whole number such as 3100000001 on the WebAPI" in err
    assert run("show", "3100000009")[0:3:2] == (2, "There is no order 3100000009.\n")
