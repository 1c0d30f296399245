"""One shop, two faces: what happens through SOAP, REST or the control API is seen by all."""

from __future__ import annotations

import pytest

from .helpers import items

OFFER = "/sale/product-offers/{offerId}"


@pytest.fixture
def shop(control):
    control.reset(demo=False)
    buy_now = control.add_offers(
        [{"title": f"Lampka nocna nr {i}", "quantity": 4, "price": 60} for i in range(3)]
    )
    auction = control.add_offer("Album ze znaczkami", format="auction", price=80, duration_days=5)
    return buy_now, auction


def rest_offer(rest, offer_id) -> dict:
    return rest.get(OFFER, f"/sale/product-offers/{offer_id}").json()


def test_an_offer_ended_over_soap_is_ended_over_rest(rest, shop, api, session):
    buy_now, _ = shop
    assert api.doFinishItem(sessionHandle=session, finishItemId=buy_now[0]) == 1
    publication = rest_offer(rest, buy_now[0])["publication"]
    assert (publication["status"], publication["endedBy"]) == ("ENDED", "USER")
    ended = rest.get("/sale/offers", params={"publication.status": "ENDED"}).json()
    assert [o["id"] for o in ended["offers"]] == [str(buy_now[0])]


def test_an_offer_ended_over_rest_is_ended_over_soap(rest, shop, api, session):
    buy_now, _ = shop
    rest.call(
        "PATCH",
        OFFER,
        f"/sale/product-offers/{buy_now[1]}",
        body={"publication": {"status": "ENDED"}},
    )
    not_sold = items(api.doGetMyNotSoldItems(sessionId=session).notSoldItemsList)
    assert [i.itemId for i in not_sold] == [buy_now[1]]
    selling = {i.itemId for i in items(api.doGetMySellItems(sessionId=session).sellItemsList)}
    assert buy_now[1] not in selling and buy_now[0] in selling
    info = api.doGetItemsInfo(sessionHandle=session, itemsIdArray={"item": [buy_now[1]]})
    assert info.arrayItemListInfo.item[0].itemInfo.itEndingInfo == 3  # ended by the seller


def test_quantities_changed_over_soap_show_over_rest_and_back(rest, shop, api, session):
    buy_now, _ = shop
    api.doChangeQuantityItem(sessionHandle=session, itemId=buy_now[0], newItemQuantity=9)
    assert rest_offer(rest, buy_now[0])["stock"]["available"] == 9
    rest.call(
        "PATCH", OFFER, f"/sale/product-offers/{buy_now[0]}", body={"stock": {"available": 2}}
    )
    info = api.doGetItemsInfo(sessionHandle=session, itemsIdArray={"item": [buy_now[0]]})
    assert info.arrayItemListInfo.item[0].itemInfo.itQuantity == 2


def test_a_control_purchase_is_a_journal_deal_and_order_events_with_a_form(
    rest, shop, control, api, session
):
    bought = control.purchase(shop[0][0], buyer="marta_zielinska", quantity=3)
    journal = items(api.doGetSiteJournalDeals(sessionId=session, journalStart=0))
    deals = [e for e in journal if e.dealEventType == 1]
    assert [(d.dealItemId, d.dealQuantity) for d in deals] == [(shop[0][0], 3)]
    events = rest.get("/order/events").json()["events"]
    assert events[0]["type"] == "BOUGHT"
    assert events[0]["order"]["lineItems"][0]["offer"]["id"] == str(shop[0][0])
    form_id = events[0]["order"]["checkoutForm"]["id"]
    form = rest.get("/order/checkout-forms/{id}", f"/order/checkout-forms/{form_id}").json()
    assert form["buyer"]["login"] == "marta_zielinska"
    assert int(form_id.replace("-", "")[-12:], 16) == bought["form_id"]
    assert rest_offer(rest, shop[0][0])["stock"]["available"] == 1


def test_a_sold_out_buy_now_offer_is_ended_as_empty_stock(rest, shop, control):
    control.purchase(shop[0][2], quantity=4)
    offer = rest_offer(rest, shop[0][2])
    assert (offer["publication"]["status"], offer["publication"]["endedBy"]) == (
        "ENDED",
        "EMPTY_STOCK",
    )


def test_bids_show_in_the_rest_list(rest, shop, control):
    _, auction = shop
    control.bid(auction, buyer="kolekcjoner", amount=95)
    control.bid(auction, buyer="filatelista", amount=120)
    [listed] = rest.get("/sale/offers", params={"offer.id": str(auction)}).json()["offers"]
    assert listed["saleInfo"] == {
        "currentPrice": {"amount": "120.00", "currency": "PLN"},
        "biddersCount": 2,
    }


def test_tracking_numbers_added_on_one_face_show_on_the_other(rest, shop, control, api, session):
    bought = control.purchase(shop[0][0])
    api.doAddPackageInfoToPostBuyForm(
        sessionId=session,
        transactionId=bought["form_id"],
        packageInfo={"item": [{"operatorId": 4, "packageId": "1234567890"}]},
    )
    form_id = rest.get("/order/checkout-forms").json()["checkoutForms"][0]["id"]
    path = f"/order/checkout-forms/{form_id}/shipments"
    shipments = rest.get("/order/checkout-forms/{id}/shipments", path).json()["shipments"]
    assert [(s["carrierId"], s["waybill"]) for s in shipments] == [("DHL", "1234567890")]
    rest.call(
        "POST",
        "/order/checkout-forms/{id}/shipments",
        path,
        body={"carrierId": "POCZTA_POLSKA", "waybill": "RR123456789PL"},
    )
    [data] = items(
        api.doGetPostBuyFormsDataForSellers(
            sessionId=session, transactionsIdsArray={"item": [bought["form_id"]]}
        )
    )
    tracking = [
        (t.postBuyFormOperatorId, t.postBuyFormPackageId)
        for t in items(data.postBuyFormShipmentTracking)
    ]
    assert tracking == [(4, "1234567890"), (6, "RR123456789PL")]


def test_offers_relisted_over_soap_and_created_over_rest_show_on_both(rest, shop, api, session):
    _, auction = shop
    api.doFinishItem(sessionHandle=session, finishItemId=auction)
    api.doSellSomeAgain(
        sessionHandle=session,
        sellItemsArray={"item": [auction]},
        sellStartingTime=0,
        sellAuctionDuration=7,
        localIds={"item": [77]},
    )
    relisted = rest.get("/sale/offers", params={"external.id": "77"}).json()["offers"]
    assert len(relisted) == 1 and relisted[0]["publication"]["status"] == "ACTIVE"
    created = rest.call(
        "POST",
        "/sale/product-offers",
        body={
            "name": "Lampka nocna LED",
            "stock": {"available": 6},
            "sellingMode": {"format": "BUY_NOW", "price": {"amount": "49.90", "currency": "PLN"}},
        },
    )
    selling = {i.itemId: i for i in items(api.doGetMySellItems(sessionId=session).sellItemsList)}
    new = selling[int(created.json()["id"])]
    assert new.itemTitle == "Lampka nocna LED"
