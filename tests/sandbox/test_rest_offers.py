"""The REST face's offers: /me, the offer list, one product offer, edits and new offers."""

from __future__ import annotations

import pytest

from .rest_support import errors_of

OFFER = "/sale/product-offers/{offerId}"


def offer_path(offer_id) -> str:
    return f"/sale/product-offers/{offer_id}"


@pytest.fixture
def shop(control):
    control.reset(demo=False)
    buy_now = control.add_offers(
        [{"title": f"Kubek ceramiczny nr {i}", "quantity": 5, "price": 20 + i} for i in range(6)]
    )
    auction = control.add_offer(
        "Obraz olejny Łazienki", format="auction", price=100, duration_days=7
    )
    return buy_now, auction


def test_me_names_the_demo_seller(rest):
    answer = rest.get("/me")
    assert answer.status_code == 200
    assert answer.json()["login"] == "sandbox-seller" and answer.json()["id"] == "48213751"


def test_the_offer_list_pages_with_limit_offset_and_total_count(rest, shop):
    first = rest.get("/sale/offers", params={"limit": 4, "offset": 0}).json()
    second = rest.get("/sale/offers", params={"limit": 4, "offset": 4}).json()
    assert (first["count"], second["count"], first["totalCount"]) == (4, 3, 7)
    ids = [o["id"] for o in first["offers"] + second["offers"]]
    assert len(set(ids)) == 7


def test_the_offer_list_filters_by_id_status_format_name_and_price(rest, shop):
    buy_now, auction = shop
    by_ids = rest.get("/sale/offers", params={"offer.id": f"{buy_now[0]},{buy_now[1]}"}).json()
    assert sorted(o["id"] for o in by_ids["offers"]) == sorted(map(str, buy_now[:2]))
    auctions = rest.get("/sale/offers", params={"sellingMode.format": "AUCTION"}).json()
    assert [o["id"] for o in auctions["offers"]] == [str(auction)]
    assert auctions["offers"][0]["sellingMode"]["startingPrice"] == {
        "amount": "100.00",
        "currency": "PLN",
    }
    named = rest.get("/sale/offers", params={"name": "NR 3"}).json()
    assert [o["name"] for o in named["offers"]] == ["Kubek ceramiczny nr 3"]
    cheap = rest.get("/sale/offers", params={"sellingMode.price.amount.lte": "21.5"}).json()
    assert cheap["totalCount"] == 2
    rest.call("PATCH", OFFER, offer_path(buy_now[0]), body={"publication": {"status": "ENDED"}})
    ended = rest.get("/sale/offers", params={"publication.status": "ENDED"}).json()
    assert [o["id"] for o in ended["offers"]] == [str(buy_now[0])]


def test_the_offer_list_refuses_limits_out_of_range(rest, shop):
    for params in (
        {"limit": 0},
        {"limit": 1001},
        {"offset": -1},
        {"limit": "ten"},
        {"publication.status": "SOLD"},
        {"sort": "title"},
    ):
        answer = rest.get("/sale/offers", params=params)
        assert answer.status_code == 400, params
        assert errors_of(answer)[0][0] == "VALIDATION_ERROR"


def test_a_product_offer_reads_with_stock_and_publication(rest, shop):
    buy_now, _ = shop
    answer = rest.get(OFFER, offer_path(buy_now[2])).json()
    assert answer["stock"] == {"available": 5, "unit": "UNIT"}
    assert answer["publication"]["status"] == "ACTIVE"
    assert answer["sellingMode"]["price"] == {"amount": "22.00", "currency": "PLN"}


def test_an_unknown_offer_is_offer_not_found(rest, shop):
    answer = rest.get(OFFER, offer_path(999))
    assert answer.status_code == 404
    assert errors_of(answer) == [("OfferNotFoundException", None)]


def test_patch_changes_stock_and_the_soap_world_sees_it(rest, shop, control):
    buy_now, _ = shop
    answer = rest.call("PATCH", OFFER, offer_path(buy_now[0]), body={"stock": {"available": 9}})
    assert answer.status_code == 200 and answer.json()["stock"]["available"] == 9
    assert control.offer(buy_now[0])["quantity"] == 9


def test_patch_stock_zero_ends_the_offer_as_empty_stock(rest, shop, control):
    buy_now, _ = shop
    answer = rest.call("PATCH", OFFER, offer_path(buy_now[0]), body={"stock": {"available": 0}})
    publication = answer.json()["publication"]
    assert (publication["status"], publication["endedBy"]) == ("ENDED", "EMPTY_STOCK")
    assert answer.json()["stock"]["available"] == 0
    assert control.offer(buy_now[0])["state"] == "ended"


def test_negative_stock_is_refused(rest, shop):
    buy_now, _ = shop
    answer = rest.call("PATCH", OFFER, offer_path(buy_now[0]), body={"stock": {"available": -1}})
    assert answer.status_code == 422
    assert errors_of(answer) == [
        ("AvailableStockMustEqualToZeroOrBeGreaterThanZero", "stock.available")
    ]


def test_an_ended_buy_now_offer_comes_back_under_its_id_once_it_has_stock(rest, shop, control):
    buy_now, _ = shop
    rest.call("PATCH", OFFER, offer_path(buy_now[0]), body={"stock": {"available": 0}})
    refused = rest.call(
        "PATCH", OFFER, offer_path(buy_now[0]), body={"publication": {"status": "ACTIVE"}}
    )
    assert refused.status_code == 422
    assert errors_of(refused)[0][0] == "AvailableStockMustEqualToOneOrBeGreaterThanOne"
    control.advance_clock(days=59)
    rest.sign_in(control)  # the token lived 12 hours
    answer = rest.call(
        "PATCH",
        OFFER,
        offer_path(buy_now[0]),
        body={"stock": {"available": 4}, "publication": {"status": "ACTIVE"}},
    )
    assert answer.status_code == 200
    assert answer.json()["publication"]["status"] == "ACTIVE"
    assert control.offer(buy_now[0])["state"] == "active"
    assert control.offer(buy_now[0])["quantity"] == 4


def test_an_auction_cannot_be_activated_again(rest, shop, control):
    _, auction = shop
    rest.call("PATCH", OFFER, offer_path(auction), body={"publication": {"status": "ENDED"}})
    answer = rest.call(
        "PATCH", OFFER, offer_path(auction), body={"publication": {"status": "ACTIVE"}}
    )
    assert answer.status_code == 422
    assert errors_of(answer)[0][0] == "AuctionCannotBeActivatedException"
    assert control.offer(auction)["state"] == "ended"


def test_offers_ended_60_days_ago_are_archived(rest, shop, control):
    buy_now, _ = shop
    rest.call("PATCH", OFFER, offer_path(buy_now[0]), body={"publication": {"status": "ENDED"}})
    control.advance_clock(days=60)
    rest.sign_in(control)
    assert rest.get(OFFER, offer_path(buy_now[0])).status_code == 404
    listed = rest.get("/sale/offers", params={"offer.id": str(buy_now[0])}).json()
    assert listed["totalCount"] == 0


def test_an_auction_is_listed_again_as_a_new_offer(rest, shop, control):
    _, auction = shop
    rest.call("PATCH", OFFER, offer_path(auction), body={"publication": {"status": "ENDED"}})
    old = rest.get(OFFER, offer_path(auction)).json()
    answer = rest.call(
        "POST",
        "/sale/product-offers",
        body={
            "name": old["name"],
            "category": old["category"],
            "sellingMode": old["sellingMode"],
            "stock": {"available": 1},
            "publication": {"duration": "PT168H"},
        },
    )
    assert answer.status_code == 201
    created = answer.json()
    assert created["id"] != str(auction)
    assert created["publication"]["status"] == "ACTIVE"
    assert created["sellingMode"]["format"] == "AUCTION"
    assert control.offer(int(created["id"]))["format"] == "auction"


def test_a_new_offer_needs_stock_and_a_price(rest, shop):
    answer = rest.call(
        "POST", "/sale/product-offers", body={"name": "Bez ceny", "stock": {"available": 2}}
    )
    assert answer.status_code == 422
    assert errors_of(answer)[0] == ("MissingJSONProperty", "sellingMode.price")
    answer = rest.call(
        "POST",
        "/sale/product-offers",
        body={
            "name": "Za drogo",
            "stock": {"available": 2},
            "sellingMode": {"format": "BUY_NOW", "price": {"amount": 12.5, "currency": "PLN"}},
        },
    )
    assert answer.status_code == 400
    assert errors_of(answer)[0] == ("InvalidJSONValue", "sellingMode.price.amount")
