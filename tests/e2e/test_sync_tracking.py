"""Tracking numbers to the sandbox: checked locally, rejected ones resent only after an edit."""
from __future__ import annotations

from core.models import Shipment, ShipmentState, StockLevel
from core.sync.orders import ship_order
from core.sync.tracking import edit_tracking


def shipped(shop, control, carrier_id, number, name=""):
    shop.set(submit_tracking=True)
    lamp = shop.item("LAMP", "Lampka", stock=5)
    offer = shop.offer("Lampka", quantity=5)
    shop.import_and_link([(offer, lamp)])
    form_id = control.purchase(offer, quantity=2)["form_id"]
    shop.sync()
    order = shop.order(form_id)
    shipment = ship_order(order, carrier_id, number, name)
    assert StockLevel.get(item=lamp, location=shop.main).quantity == 3  # shipped: off the shelf
    return form_id, shipment


def packages(control, form_id):
    return [p["package_id"] for p in next(f for f in control.forms() if f["form_id"] == form_id)["packages"]]


def test_a_number_wrong_for_its_carrier_is_reported_not_sent_then_corrected(shop, control):
    form_id, shipment = shipped(shop, control, 5, "1Z999AA10123456784")  # a UPS number given as InPost
    assert shipment.state == ShipmentState.INVALID and "InPost" in shipment.reason
    control.reset_calls()
    plan, report = shop.sync()
    assert "doAddPackageInfoToPostBuyForm" not in shop.calls()
    assert any("1Z999AA10123456784" in note for note in report.notes)
    assert packages(control, form_id) == []

    edit_tracking(shipment, 5, "620000000000000000000123")
    control.reset_calls()
    plan, report = shop.sync()
    assert plan.tracking_uploads == 1 and report.counts["tracking_accepted"] == 1
    assert Shipment.get_by_id(shipment.id).state == ShipmentState.ACCEPTED
    assert packages(control, form_id) == ["620000000000000000000123"]
    assert shop.changes_sent() == {"tracking": 1}

    control.reset_calls()
    shop.sync()
    assert shop.changes_sent() == {}


def test_a_number_allegro_rejects_is_marked_with_the_reason_and_resent_only_after_an_edit(shop, control):
    control.refuse_packages(["RUCH-00000"])  # the right format, but the carrier knows no such parcel
    form_id, shipment = shipped(shop, control, 3, "RUCH-00000")
    assert shipment.state == ShipmentState.PENDING
    plan, report = shop.sync()
    row = Shipment.get_by_id(shipment.id)
    # the WebAPI names no reason (the app says it); REST carries Allegro's userMessage
    reason = (
        "Allegro says this number does not match the carrier's format." if shop.api == "webapi"
        else "This tracking number is not valid for this carrier. Check it and try again."
    )
    assert row.state == ShipmentState.REJECTED and row.reason == reason
    assert report.failed and report.counts["tracking_rejected"] == 1
    assert (
        f"Tracking number RUCH-00000 (order {shop.form_number(form_id)}) was rejected by Allegro: {reason}"
        in report.failures
    )
    control.reset_calls()
    shop.sync()
    assert shop.changes_sent() == {}

    edit_tracking(shipment, 3, "RUCH-12345")
    plan, report = shop.sync()
    assert Shipment.get_by_id(shipment.id).state == ShipmentState.ACCEPTED
    assert packages(control, form_id) == ["RUCH-12345"]
    assert report.outcome == "ok"


def test_without_submit_tracking_nothing_is_sent(shop, control):
    form_id, shipment = shipped(shop, control, 4, "1234567890")
    shop.set(submit_tracking=False)
    control.reset_calls()
    shop.sync()
    assert shop.changes_sent() == {}
    assert Shipment.get_by_id(shipment.id).state == ShipmentState.PENDING
