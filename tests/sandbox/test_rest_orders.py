"""Orders over REST: the event journal, checkout forms, carriers, shipments, fulfillment."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from .rest_support import errors_of

FORM = "/order/checkout-forms/{id}"
SHIPMENTS = "/order/checkout-forms/{id}/shipments"
FULFILLMENT = "/order/checkout-forms/{id}/fulfillment"


@pytest.fixture
def shop(control):
    control.reset(demo=False)
    return control.add_offers(
        [{"title": f"Herbata liściasta nr {i}", "quantity": 20, "price": 15} for i in range(3)]
    )


def events(rest, **params):
    return rest.get("/order/events", params=params).json()["events"]


def test_a_paid_purchase_is_bought_filled_in_and_ready_twice(rest, shop, control):
    bought = control.purchase(shop[0], buyer="jan_kowalski", quantity=2)
    seen = events(rest)
    assert [e["type"] for e in seen] == [
        "BOUGHT",
        "FILLED_IN",
        "READY_FOR_PROCESSING",
        "READY_FOR_PROCESSING",
    ]
    ready = seen[2:]
    assert ready[0]["id"] != ready[1]["id"]
    assert ready[0]["occurredAt"] == ready[1]["occurredAt"]
    assert ready[0]["order"]["checkoutForm"] == ready[1]["order"]["checkoutForm"]
    form_id = ready[0]["order"]["checkoutForm"]["id"]
    uuid.UUID(form_id)
    form = rest.get(FORM, f"/order/checkout-forms/{form_id}").json()
    assert form["status"] == "READY_FOR_PROCESSING"
    assert form["buyer"]["login"] == "jan_kowalski"
    assert form["lineItems"][0]["quantity"] == 2
    assert form["lineItems"][0]["offer"]["id"] == str(shop[0])
    assert form["summary"]["totalToPay"]["amount"] == f"{30 + control.forms()[0]['postage']:.2f}"
    assert bought["form_id"] == control.forms()[0]["form_id"]


def test_events_read_on_from_a_cursor_and_filter_by_type(rest, shop, control):
    control.purchase(shop[0])
    first = events(rest)
    control.purchase(shop[1], paid=False)
    later = events(rest, **{"from": first[-1]["id"]})
    assert [e["type"] for e in later] == ["BOUGHT", "FILLED_IN"]
    stats = rest.get("/order/event-stats").json()
    assert stats["latestEvent"]["id"] == later[-1]["id"]
    only_bought = events(rest, type="BOUGHT")
    assert {e["type"] for e in only_bought} == {"BOUGHT"} and len(only_bought) == 2
    assert len(events(rest, limit=1)) == 1
    assert rest.get("/order/events", params={"limit": 1001}).status_code == 422
    assert rest.get("/order/events", params={"from": "abc"}).status_code == 422


def test_buyer_cancelled_may_come_before_or_after_ready(rest, shop, control):
    unpaid = control.purchase(shop[0], paid=False)
    control.cancel_form(unpaid["form_id"])
    paid = control.purchase(shop[1])
    control.cancel_form(paid["form_id"])
    kinds = [e["type"] for e in events(rest)]
    assert kinds == [
        "BOUGHT",
        "FILLED_IN",
        "BUYER_CANCELLED",
        "BOUGHT",
        "FILLED_IN",
        "READY_FOR_PROCESSING",
        "READY_FOR_PROCESSING",
        "BUYER_CANCELLED",
    ]
    cancelled = rest.get("/order/checkout-forms", params={"status": "CANCELLED"}).json()
    assert cancelled["totalCount"] == 2


def test_cash_on_delivery_is_ready_for_processing_unpaid(rest, shop, control):
    control.purchase(shop[0], cod=True)
    kinds = [e["type"] for e in events(rest)]
    assert kinds.count("READY_FOR_PROCESSING") == 2
    form = rest.get("/order/checkout-forms").json()["checkoutForms"][0]
    assert (form["status"], form["payment"]["type"]) == ("READY_FOR_PROCESSING", "CASH_ON_DELIVERY")


def test_events_are_kept_60_days(rest, shop, control):
    control.purchase(shop[0])
    control.advance_clock(days=60, seconds=1)
    rest.sign_in(control)
    assert events(rest) == []
    control.purchase(shop[1])
    assert [e["type"] for e in events(rest)][0] == "BOUGHT"


def test_checkout_forms_page_and_filter(rest, shop, control):
    for offer_id in shop:
        control.purchase(offer_id, buyer="anna_nowak")
    control.purchase(shop[0], buyer="piotr_wisniewski", paid=False)
    page = rest.get("/order/checkout-forms", params={"limit": 2, "offset": 1}).json()
    assert (page["count"], page["totalCount"]) == (2, 4)
    mine = rest.get("/order/checkout-forms", params={"buyer.login": "anna_nowak"}).json()
    assert mine["totalCount"] == 3
    filled = rest.get("/order/checkout-forms", params={"status": "FILLED_IN"}).json()
    assert [f["buyer"]["login"] for f in filled["checkoutForms"]] == ["piotr_wisniewski"]
    assert rest.get("/order/checkout-forms", params={"limit": 101}).status_code == 422


def _stamp(moment: int) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_checkout_forms_filter_by_purchase_and_by_last_change_in_a_stable_order(rest, shop, control):
    early = control.purchase(shop[0], buyer="anna_nowak", paid=False)
    control.advance_clock(hours=2)
    bought_late = control.now()
    control.purchase(shop[1], buyer="jan_kowalski")
    control.advance_clock(hours=2)
    paid_at = control.now()
    control.pay_form(early["form_id"])  # bought first, changed last

    def listed(**params):
        return [f["buyer"]["login"] for f in rest.get("/order/checkout-forms", params=params).json()["checkoutForms"]]

    recent_buys = {"lineItems.boughtAt.gte": _stamp(bought_late), "sort": "lineItems.boughtAt"}
    assert listed(**recent_buys) == ["jan_kowalski"]
    assert listed(**{"lineItems.boughtAt.lte": _stamp(bought_late - 1)}) == ["anna_nowak"]
    assert listed(**{"updatedAt.gte": _stamp(paid_at)}) == ["anna_nowak"]
    assert listed(**{"updatedAt.lte": _stamp(paid_at - 1)}) == ["jan_kowalski"]
    assert listed(sort="updatedAt") == ["jan_kowalski", "anna_nowak"]
    assert listed(sort="lineItems.boughtAt") == ["anna_nowak", "jan_kowalski"]
    assert listed() == ["jan_kowalski", "anna_nowak"]  # newest purchase first by default


def test_checkout_forms_refuse_an_offset_or_limit_out_of_range_with_422(rest, shop, control):
    control.purchase(shop[0])
    for params in ({"offset": -1}, {"offset": "x"}, {"limit": 0}, {"limit": 101}):
        assert rest.get("/order/checkout-forms", params=params).status_code == 422, params
    assert rest.get("/order/checkout-forms", params={"limit": 100, "offset": 0}).status_code == 200


def test_a_malformed_form_id_is_422_and_an_unknown_one_404(rest, shop):
    bad = rest.get(FORM, "/order/checkout-forms/12345")
    assert bad.status_code == 422
    unknown = rest.get(FORM, f"/order/checkout-forms/{uuid.uuid4()}")
    assert unknown.status_code == 404
    assert errors_of(unknown)[0][0] == "CheckoutFormNotFoundException"


def test_merged_forms_answer_404_and_the_new_form_follows_as_an_event(rest, shop, control):
    first = control.purchase(shop[0], buyer="ewa_lis", paid=False)
    second = control.purchase(shop[1], buyer="ewa_lis", paid=False)
    old_ids = [e["order"]["checkoutForm"]["id"] for e in events(rest, type="FILLED_IN")]
    merged = control.merge_forms([first["form_id"], second["form_id"]])
    for old in old_ids:
        assert rest.get(FORM, f"/order/checkout-forms/{old}").status_code == 404
    ready = events(rest, type="READY_FOR_PROCESSING")
    assert {e["order"]["checkoutForm"]["id"] for e in ready} == {merged["checkout_form_id"]}
    history = [e["order"]["checkoutForm"]["id"] for e in events(rest, type="BOUGHT")]
    assert history == old_ids  # what happened before the merge keeps its old ids
    form = rest.get(FORM, f"/order/checkout-forms/{merged['checkout_form_id']}").json()
    assert sorted(i["offer"]["id"] for i in form["lineItems"]) == sorted(map(str, shop[:2]))
    assert form["status"] == "READY_FOR_PROCESSING"
    listed = rest.get("/order/checkout-forms").json()
    assert [f["id"] for f in listed["checkoutForms"]] == [merged["checkout_form_id"]]


def test_carriers_list_allegros_ids(rest):
    carriers = {c["id"] for c in rest.get("/order/carriers").json()["carriers"]}
    assert {"DHL", "DPD", "INPOST", "POCZTA_POLSKA", "UPS", "ALLEGRO", "OTHER"} <= carriers


@pytest.fixture
def form_id(rest, shop, control):
    control.purchase(shop[0])
    return rest.get("/order/checkout-forms").json()["checkoutForms"][0]["id"]


def add(rest, form_id, body):
    return rest.call("POST", SHIPMENTS, f"/order/checkout-forms/{form_id}/shipments", body=body)


def test_a_tracking_number_is_added_and_read_back(rest, form_id, control):
    answer = add(rest, form_id, {"carrierId": "INPOST", "waybill": "6" * 24})
    assert answer.status_code == 201
    assert (answer.json()["carrierId"], answer.json()["waybill"]) == ("INPOST", "6" * 24)
    listed = rest.get(SHIPMENTS, f"/order/checkout-forms/{form_id}/shipments").json()
    assert [s["waybill"] for s in listed["shipments"]] == ["6" * 24]
    assert control.forms()[0]["packages"][0]["operator_name"] == "InPost"
    again = add(rest, form_id, {"carrierId": "INPOST", "waybill": "6" * 24})
    assert again.json()["id"] == answer.json()["id"]
    assert len(control.forms()[0]["packages"]) == 1


def test_waybills_are_checked_per_carrier(rest, form_id):
    cases = [
        (
            {"carrierId": "KANGUR", "waybill": "123456"},
            ("CarrierIdValidationException", "carrierId"),
        ),
        ({"carrierId": "DHL", "waybill": ""}, ("WaybillValidationException", "waybill")),
        ({"carrierId": "DHL", "waybill": "1" * 65}, ("WaybillValidationException", "waybill")),
        ({"carrierId": "DHL", "waybill": "ABC"}, ("CarrierWaybillValidationException", None)),
        (
            {"carrierId": "OTHER", "waybill": "XY-12345"},
            ("CarrierNameValidationException", "carrierName"),
        ),
        (
            {"carrierId": "OTHER", "waybill": "XY-12345", "carrierName": "K" * 31},
            ("CarrierNameValidationException", "carrierName"),
        ),
        ({"waybill": "1234567890"}, ("MissingJSONProperty", "carrierId")),
    ]
    for body, expected in cases:
        answer = add(rest, form_id, body)
        assert answer.status_code == 400, body
        assert errors_of(answer) == [expected], body
    assert (
        add(
            rest,
            form_id,
            {"carrierId": "OTHER", "waybill": "XY-12345", "carrierName": "Kurier Kangur"},
        ).status_code
        == 201
    )
    assert (
        add(rest, form_id, {"carrierId": "ALLEGRO", "waybill": "AD1234567890"}).status_code == 201
    )


def test_polish_user_messages_by_accept_language(rest, form_id):
    answer = rest.call(
        "POST",
        SHIPMENTS,
        f"/order/checkout-forms/{form_id}/shipments",
        body={"carrierId": "DHL", "waybill": "ABC"},
        headers={"Accept-Language": "pl-PL"},
    )
    error = answer.json()["errors"][0]
    assert error["message"] == "Provided waybill is not valid for this carrier"
    assert error["userMessage"].startswith("Wystąpił błąd. Ten numer przesyłki jest niepoprawny")


def test_a_line_item_of_another_order_is_422(rest, form_id):
    answer = add(
        rest,
        form_id,
        {"carrierId": "DHL", "waybill": "1234567890", "lineItems": [{"id": str(uuid.uuid4())}]},
    )
    assert answer.status_code == 422
    assert errors_of(answer)[0][0] == "LineItemNotFoundException"


def test_a_form_takes_at_most_20_shipments(rest, form_id):
    for n in range(20):
        assert (
            add(rest, form_id, {"carrierId": "DHL", "waybill": f"12345678{n:02d}"}).status_code
            == 201
        )
    answer = add(rest, form_id, {"carrierId": "DHL", "waybill": "1234567899"[:8] + "99"})
    assert answer.status_code == 409


def test_fulfillment_is_set_with_the_current_revision_only(rest, form_id):
    form = rest.get(FORM, f"/order/checkout-forms/{form_id}").json()
    path = f"/order/checkout-forms/{form_id}/fulfillment"
    done = rest.call(
        "PUT",
        FULFILLMENT,
        path,
        body={"status": "SENT"},
        params={"checkoutForm.revision": form["revision"]},
    )
    assert done.status_code == 204 and done.content == b""
    assert (
        rest.get(FORM, f"/order/checkout-forms/{form_id}").json()["fulfillment"]["status"] == "SENT"
    )
    stale = rest.call(
        "PUT",
        FULFILLMENT,
        path,
        body={"status": "PROCESSING"},
        params={"checkoutForm.revision": form["revision"]},
    )
    assert stale.status_code == 409
    returned = rest.call("PUT", FULFILLMENT, path, body={"status": "RETURNED"})
    assert returned.status_code == 422
    filtered = rest.get("/order/checkout-forms", params={"fulfillment.status": "SENT"}).json()
    assert filtered["totalCount"] == 1


def test_one_waybill_goes_on_at_most_10_orders(rest, shop, control):
    for _ in range(11):
        control.purchase(shop[0])
    forms = [f["id"] for f in rest.get("/order/checkout-forms").json()["checkoutForms"]]
    answers = [
        add(rest, f, {"carrierId": "DPD", "waybill": "1234567890123"}).status_code for f in forms
    ]
    assert answers == [201] * 10 + [409]
    assert errors_of(add(rest, forms[-1], {"carrierId": "DPD", "waybill": "1234567890123"})) == [
        ("WaybillUsedTooManyTimesException", "waybill")
    ]
