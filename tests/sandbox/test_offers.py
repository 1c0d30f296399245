"""My Allegro lists, doGetItemsInfo and doChangeQuantityItem."""

from __future__ import annotations

import pytest
from zeep.exceptions import Fault

from .helpers import items


def code_of(call) -> str:
    with pytest.raises(Fault) as caught:
        call()
    return caught.value.code


@pytest.fixture
def shelf(control):
    """An empty shop with 25 buy-now offers and 2 auctions."""
    control.reset(demo=False)
    ids = control.add_offers([
        {"title": f"Kubek świąteczny nr {i}", "format": "buy_now", "quantity": 10,
         "price": 20 + i} for i in range(25)])
    auctions = control.add_offers([
        {"title": "Zegarek kieszonkowy ćma", "format": "auction", "quantity": 1, "price": 50,
         "duration_days": 7},
        {"title": "Lampa naftowa żółta", "format": "auction", "quantity": 1, "price": 30,
         "duration_days": 7}])
    return ids, auctions


def test_sell_items_pages_are_zero_based_and_cover_everything(api, session, shelf):
    ids, auctions = shelf
    seen = []
    for page in range(3):
        answer = api.doGetMySellItems(sessionId=session, pageSize=10, pageNumber=page)
        assert answer.sellItemsCounter == 27
        seen += [i.itemId for i in items(answer.sellItemsList)]
    assert sorted(seen) == sorted(ids + auctions)
    beyond = api.doGetMySellItems(sessionId=session, pageSize=10, pageNumber=3)
    assert beyond.sellItemsCounter == 27 and items(beyond.sellItemsList) == []


def test_sell_items_default_page_is_100(api, session, control):
    control.reset(demo=False)
    control.add_offers([{"title": f"Długopis {i}", "quantity": 5, "price": 3} for i in range(150)])
    answer = api.doGetMySellItems(sessionId=session)
    assert answer.sellItemsCounter == 150 and len(items(answer.sellItemsList)) == 100


def test_page_size_limits(api, session, shelf):
    assert len(items(api.doGetMySellItems(sessionId=session, pageSize=1000).sellItemsList)) == 27
    assert code_of(lambda: api.doGetMySellItems(sessionId=session, pageSize=1001)) \
        == "ERR_ITEMS_ARRAY_OVERSIZED"
    assert code_of(lambda: api.doGetMySoldItems(sessionId=session, pageSize=1001)) \
        == "ERR_ITEMS_ARRAY_OVERSIZED"
    assert code_of(lambda: api.doGetMyNotSoldItems(sessionId=session, pageSize=0)) \
        == "ERR_INVALID_PAGE_SIZE"
    assert code_of(lambda: api.doGetMySellItems(sessionId=session, pageNumber=-1)) \
        == "ERR_INVALID_PAGE_NUMBER"
    assert code_of(lambda: api.doGetMySellItems(
        sessionId=session, itemIds={"item": list(range(1, 102))})) == "ERR_ITEMS_ARRAY_OVERSIZED"


def test_sell_item_fields_show_quantities_and_prices(api, session, shelf, control):
    ids, _ = shelf
    control.purchase(ids[0], quantity=3)
    [item] = items(api.doGetMySellItems(sessionId=session, itemIds={"item": [ids[0]]}).sellItemsList)
    assert item.itemTitle == "Kubek świąteczny nr 0"
    assert item.itemStartQuantity == 10 and item.itemSoldQuantity == 3
    assert [(p.priceType, p.priceValue) for p in items(item.itemPrice)] == [(1, 20.0)]
    assert item.itemBiddersCounter == 0 and item.itemHighestBidder.userId == 0
    assert item.itemDurationInfo.durationType == 2  # buy-now default: until sold out


def test_auction_with_bids_shows_bidder_and_current_price(api, session, shelf, control):
    _, auctions = shelf
    control.bid(auctions[0], buyer="kolekcjoner_zegarow", amount=55)
    control.bid(auctions[0], buyer="ania.kot", amount=70)
    answer = api.doGetMySellItems(sessionId=session, itemIds={"item": [auctions[0]]})
    [item] = items(answer.sellItemsList)
    assert item.itemBiddersCounter == 2
    assert item.itemHighestBidder.userLogin == "ania.kot"
    prices = {p.priceType: p.priceValue for p in items(item.itemPrice)}
    assert prices == {3: 50.0, 2: 70.0}


def test_filters_search_and_sort(api, session, shelf, control):
    ids, auctions = shelf
    control.bid(auctions[1])
    with_bids = api.doGetMySellItems(sessionId=session, filterOptions={"filterBids": 1})
    assert [i.itemId for i in items(with_bids.sellItemsList)] == [auctions[1]]
    without = api.doGetMySellItems(sessionId=session, filterOptions={"filterBids": 2})
    assert without.sellItemsCounter == 26
    found = api.doGetMySellItems(sessionId=session, searchValue="ŻÓŁTA")
    assert [i.itemTitle for i in items(found.sellItemsList)] == ["Lampa naftowa żółta"]
    by_price = api.doGetMySellItems(sessionId=session, sortOptions={"sortType": 2, "sortOrder": 2},
                                    pageSize=3)
    assert [i.itemId for i in items(by_price.sellItemsList)] == [auctions[0], ids[24], ids[23]]
    cheap = api.doGetMySellItems(
        sessionId=session, filterOptions={"filterPrice": {"filterPriceFrom": 20, "filterPriceTo": 22}})
    assert sorted(i.itemId for i in items(cheap.sellItemsList)) == ids[:3]


def test_ended_offers_split_between_sold_and_not_sold(api, session, shelf, control):
    ids, auctions = shelf
    control.purchase(ids[1], quantity=10)  # sold out: ends with sales
    api.doFinishItems(sessionHandle=session, finishItemsList={"item": [{"finishItemId": ids[2]}]})
    sold = api.doGetMySoldItems(sessionId=session)
    not_sold = api.doGetMyNotSoldItems(sessionId=session)
    assert [i.itemId for i in items(sold.soldItemsList)] == [ids[1]]
    assert [i.itemId for i in items(not_sold.notSoldItemsList)] == [ids[2]]
    assert items(sold.soldItemsList)[0].itemSoldQuantity == 10
    assert api.doGetMySellItems(sessionId=session).sellItemsCounter == 25


def test_demo_lists_partition_the_demo_offers(api, session, control):
    offers = control.offers()
    sell = api.doGetMySellItems(sessionId=session, pageSize=1000).sellItemsCounter
    sold = api.doGetMySoldItems(sessionId=session, pageSize=1000).soldItemsCounter
    not_sold = api.doGetMyNotSoldItems(sessionId=session, pageSize=1000).notSoldItemsCounter
    scheduled = sum(1 for o in offers if o["state"] == "scheduled")
    assert sell + sold + not_sold + scheduled == len(offers)
    assert sold > 0 and not_sold > 0 and scheduled > 0


def test_items_info_batch_of_ten(api, session, shelf):
    ids, _ = shelf
    answer = api.doGetItemsInfo(sessionHandle=session, itemsIdArray={"item": ids[:9] + [42]},
                                getDesc=1)
    infos = items(answer.arrayItemListInfo)
    assert [i.itemInfo.itId for i in infos] == ids[:9]
    assert items(answer.arrayItemsNotFound) == [42]
    assert infos[0].itemInfo.itQuantity == 10 and infos[0].itemInfo.itBuyNowActive == 1
    assert "Kubek" in infos[0].itemInfo.itDescription
    assert code_of(lambda: api.doGetItemsInfo(sessionHandle=session,
                                              itemsIdArray={"item": ids[:11]})) \
        == "ERR_ITEMS_ARRAY_OVERSIZED"
    assert code_of(lambda: api.doGetItemsInfo(sessionHandle=session, itemsIdArray={"item": []})) \
        == "ERR_INPUT_ARRAY_EMPTY"


def test_items_info_every_optional_part(api, session, shelf):
    ids, auctions = shelf
    answer = api.doGetItemsInfo(
        sessionHandle=session, itemsIdArray={"item": [ids[0], auctions[0]]}, getDesc=1,
        getImageUrl=1, getAttribs=1, getPostageOptions=1, getCompanyInfo=1, getProductInfo=1,
        getAfterSalesServiceConditions=1, getEan=1, getAdditionalServicesGroup=1)
    first, auction = items(answer.arrayItemListInfo)
    assert len(items(first.itemPostageOptions)) >= 5
    assert first.itemCompanyInfo.companyName
    assert auction.itemInfo.itBuyNowActive == 0 and auction.itemInfo.itStartingPrice == 50.0


def test_items_info_reports_how_an_offer_ended(api, session, shelf, control):
    ids, _ = shelf
    api.doFinishItem(sessionHandle=session, finishItemId=ids[3])
    control.purchase(ids[4], quantity=10)
    answer = api.doGetItemsInfo(sessionHandle=session, itemsIdArray={"item": ids[3:6]})
    endings = [i.itemInfo.itEndingInfo for i in items(answer.arrayItemListInfo)]
    assert endings == [3, 2, 1]  # early by the seller, ended (sold out), running


def test_change_quantity_sets_the_initial_quantity(api, session, shelf, control):
    ids, _ = shelf
    control.purchase(ids[0], quantity=4)
    answer = api.doChangeQuantityItem(sessionHandle=session, itemId=ids[0], newItemQuantity=7)
    assert (answer.itemQuantityLeft, answer.itemQuantitySold) == (3, 4)
    assert control.offer(ids[0])["quantity"] == 3
    assert control.offer(ids[0])["start_quantity"] == 7


def test_change_quantity_range_and_rules(api, session, shelf, control):
    ids, auctions = shelf
    change = lambda item, q: api.doChangeQuantityItem(  # noqa: E731
        sessionHandle=session, itemId=item, newItemQuantity=q)
    assert code_of(lambda: change(ids[0], 0)) == "ERR_INVALID_QUANTITY"
    assert code_of(lambda: change(ids[0], 1000)) == "ERR_INVALID_QUANTITY"
    assert change(ids[0], 999).itemQuantityLeft == 999
    assert change(ids[0], 1).itemQuantityLeft == 1
    control.purchase(ids[1], quantity=5)
    assert code_of(lambda: change(ids[1], 5)) == "ERR_INVALID_QUANTITY"  # nothing left to sell
    assert code_of(lambda: change(ids[1], 3)) == "ERR_INVALID_QUANTITY"
    control.bid(auctions[0])
    assert code_of(lambda: change(auctions[0], 2)) == "ERR_BID_DURING_CHANGES"
    assert change(auctions[1], 2).itemQuantityLeft == 2  # an auction without bids may change
    api.doFinishItem(sessionHandle=session, finishItemId=ids[2])
    assert code_of(lambda: change(ids[2], 4)) == "ERR_END_DURING_CHANGES"
    assert code_of(lambda: change(123, 4)) == "ERR_INVALID_ITEM_ID"
    assert control.offer(ids[2])["start_quantity"] == 10


def test_change_quantity_of_a_scheduled_offer(api, session, control):
    control.reset(demo=False)
    [offer] = control.add_offers([{"title": "Dzbanek gliniany", "quantity": 5, "price": 40,
                                   "start_offset_hours": 12}])
    assert control.offer(offer)["state"] == "scheduled"
    assert api.doChangeQuantityItem(sessionHandle=session, itemId=offer,
                                    newItemQuantity=8).itemQuantityLeft == 8


def test_pages_follow_every_change_between_calls(api, session, control):
    """Paging keeps the sorted tab between calls only while nothing changes."""
    control.reset(demo=False)
    ids = control.add_offers([{"title": f"Szklanka {i:02}", "quantity": 10 + i, "price": 5}
                              for i in range(30)])
    by_quantity = {"sortType": 9, "sortOrder": 2}

    def page(number):
        answer = api.doGetMySellItems(sessionId=session, pageSize=10, pageNumber=number,
                                      sortOptions=by_quantity)
        return answer.sellItemsCounter, [i.itemId for i in items(answer.sellItemsList)]

    assert page(0) == (30, ids[::-1][:10])
    control.purchase(ids[29], quantity=39)  # sold out: leaves the tab
    assert page(0) == (29, ids[28::-1][:10])
    api.doChangeQuantityItem(sessionHandle=session, itemId=ids[0], newItemQuantity=500)
    assert page(0)[1][0] == ids[0]
    assert page(2) == (29, ids[9:0:-1])
    api.doFinishItem(sessionHandle=session, finishItemId=ids[5])
    assert page(2) == (28, [i for i in ids[9:0:-1] if i != ids[5]])
    control.reset(demo=False)
    assert page(0) == (0, [])
    fresh = control.add_offers([{"title": "Talerz", "quantity": 2, "start_offset_hours": 0.5}])
    assert page(0) == (0, [])
    control.advance_clock(hours=0.5)  # it starts
    assert page(0) == (1, fresh)
