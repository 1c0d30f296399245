"""The sync engine through the REST adapter against the sandbox's REST face: orders once,
quantities, ends after confirmation, relists under the same id, tracking numbers."""
from __future__ import annotations

import pytest

from core.allegro.rest import RestMarketplace
from core.models import ListingStatus, Order, Shipment, ShipmentState
from core.sync.marketplace import DatabaseIds
from core.sync.orders import ship_order
from tests.rest_tokens import SandboxTokens


@pytest.fixture
def rest(shop, sandbox, control):
    control.rest_settings(command_delay_seconds=0)
    market = RestMarketplace(sandbox.rest_url, SandboxTokens(sandbox.rest_url, control), timeout=10, ids=DatabaseIds())
    yield market
    market.close()


def rest_calls(control) -> dict[str, int]:
    return {op: n for op, n in control.calls()["counts"].items() if not op.startswith("do")}


def test_orders_come_in_once_over_rest(shop, control, rest):
    kubek = shop.item("KUB-1", "Kubek", stock=50)
    offer = shop.offer("Kubek", quantity=50)
    shop.sync(marketplace=rest)
    shop.link(offer, kubek)
    for n in range(5):
        control.purchase(offer, buyer=f"kupujacy{n}", quantity=1 + n % 2)

    plan, report = shop.sync(marketplace=rest)

    assert report.outcome == "ok", report.failures
    assert Order.select().where(Order.channel == shop.channel_id).count() == 5
    plan, again = shop.sync(marketplace=rest)
    assert Order.select().count() == 5 and again.counts.get("orders_imported", 0) == 0
    assert control.offer(offer)["quantity"] == 50 - 7


def test_quantities_ends_after_confirmation_and_a_relist_under_the_same_id_over_rest(shop, control, rest):
    kubek = shop.item("KUB-1", "Kubek", stock=3)
    talerz = shop.item("TAL-1", "Talerz", stock=0)
    mug = shop.offer("Kubek", quantity=20)
    plate = shop.offer("Talerz", quantity=5)
    shop.sync(marketplace=rest)
    shop.link(mug, kubek)
    shop.link(plate, talerz)
    control.reset_calls()

    plan, report = shop.sync(approve=[], marketplace=rest)
    assert control.offer(mug)["quantity"] == 3
    assert control.offer(plate)["state"] == "active"  # its end waits for the seller
    assert rest_calls(control).get("quantityModificationCommandUsingPUT") == 1

    plan, report = shop.sync(marketplace=rest)
    assert control.offer(plate)["state"] == "ended"
    assert shop.listing(plate).status == ListingStatus.PENDING_RELIST

    shop.stock(talerz, 4)
    plan, report = shop.sync(marketplace=rest)
    assert report.outcome == "ok", report.failures
    assert control.offer(plate)["state"] == "active"
    assert shop.listing(plate).status != ListingStatus.PENDING_RELIST
    shop.sync(marketplace=rest)
    assert control.offer(plate)["quantity"] == 4


def test_a_tracking_number_is_accepted_over_rest(shop, control, rest):
    shop.set(submit_tracking=True)
    lamp = shop.item("LAMP", "Lampka", stock=5)
    offer = shop.offer("Lampka", quantity=5)
    shop.sync(marketplace=rest)
    shop.link(offer, lamp)
    form_id = control.purchase(offer, quantity=1)["form_id"]
    shop.sync(marketplace=rest)
    order = Order.get(Order.channel == shop.channel_id)
    shipment = ship_order(order, 5, "620000000000000000000123")

    plan, report = shop.sync(marketplace=rest)

    assert report.counts.get("tracking_accepted") == 1, report.failures
    assert Shipment.get_by_id(shipment.id).state == ShipmentState.ACCEPTED
    form = next(f for f in control.forms() if f["form_id"] == form_id)
    assert [p["package_id"] for p in form["packages"]] == ["620000000000000000000123"]


def test_a_tracking_number_allegro_refuses_shows_allegros_own_sentence_over_rest(shop, control, rest):
    shop.set(submit_tracking=True)
    lamp = shop.item("LAMP", "Lampka", stock=50)
    offer = shop.offer("Lampka", quantity=50)
    shop.sync(marketplace=rest)
    shop.link(offer, lamp)
    for n in range(11):
        control.purchase(offer, buyer=f"lampa{n}", quantity=1)
    shop.sync(marketplace=rest)
    orders = list(Order.select().where(Order.channel == shop.channel_id).order_by(Order.id))
    assert len(orders) == 11
    shipments = [ship_order(order, 5, "620000000000000000000777") for order in orders]

    plan, report = shop.sync(marketplace=rest)

    states = [Shipment.get_by_id(s.id) for s in shipments]
    refused = [s for s in states if s.state == ShipmentState.REJECTED]
    assert len(refused) == 1 and report.counts.get("tracking_accepted") == 10
    assert refused[0].reason in ("This tracking number was already added to too many orders.",
                                 "Ten numer przesyłki dodano już do zbyt wielu zamówień.")
    assert any(refused[0].reason in failure for failure in report.failures)
