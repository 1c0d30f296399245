"""doGetMyFutureItems: the scheduled offers (My Allegro's "to be listed" tab)."""

from __future__ import annotations

import pytest
from zeep.exceptions import Fault

from .helpers import items, login

HOUR = 3600


def code_of(call) -> str:
    with pytest.raises(Fault) as caught:
        call()
    return caught.value.code


@pytest.fixture
def planned(control):
    """An empty shop: 3 running offers, 12 buy-now offers and 2 auctions starting later."""
    control.reset(demo=False)
    running = control.add_offers([{"title": f"Koc wełniany {i}", "quantity": 4, "price": 99}
                                  for i in range(3)])
    later = control.add_offers(
        [{"title": f"Filiżanka porcelanowa {i:02}", "quantity": 2 + i, "price": 15 + i,
          "start_offset_hours": 48 - 2 * i, "category_id": 20 if i % 2 else 10}
         for i in range(12)]
        + [{"title": "Aukcja: mosiężny świecznik", "format": "auction", "price": 60,
            "duration_days": 5, "start_offset_hours": 100},
           {"title": "Aukcja: łyżeczki srebrne", "format": "auction", "price": 40,
            "duration_days": 3, "start_offset_hours": 1}])
    return running, later


def test_scheduled_offers_are_listed_with_their_start_time_and_status(api, session, planned,
                                                                      control):
    running, later = planned
    answer = api.doGetMyFutureItems(sessionId=session)
    assert answer.futureItemsCounter == 14
    listed = items(answer.futureItemsList)
    assert sorted(i.itemId for i in listed) == sorted(later)
    assert not set(running) & {i.itemId for i in listed}
    truth = {o["offer_id"]: o for o in control.offers(later)}
    # Soonest first: the tab is ordered by start time.
    assert [i.itemStartTime for i in listed] == sorted(o["start_time"] for o in truth.values())
    cup = next(i for i in listed if i.itemTitle == "Filiżanka porcelanowa 03")
    assert cup.itemStartTime == truth[cup.itemId]["start_time"]
    assert cup.itemStartQuantity == 5 and cup.itemCategoryId == 20
    assert [(p.priceType, p.priceValue) for p in items(cup.itemPrice)] == [(1, 18.0)]
    assert cup.itemStatus == 1  # waiting for its start
    auction = next(i for i in listed if i.itemTitle == "Aukcja: mosiężny świecznik")
    assert [(p.priceType, p.priceValue) for p in items(auction.itemPrice)] == [(3, 60.0)]


def test_scheduled_offers_are_on_no_other_tab_until_they_start(api, session, planned, control):
    running, later = planned
    assert api.doGetMySellItems(sessionId=session).sellItemsCounter == 3
    control.advance_clock(hours=31)  # offsets 1, 26, 28 and 30 h: 4 have started
    session = login(api)  # sessions last an hour
    sell = api.doGetMySellItems(sessionId=session, pageSize=1000)
    future = api.doGetMyFutureItems(sessionId=session)
    started = {o["offer_id"] for o in control.offers(later) if o["state"] == "active"}
    assert len(started) == 4
    assert {i.itemId for i in items(sell.sellItemsList)} == set(running) | started
    assert {i.itemId for i in items(future.futureItemsList)} == set(later) - started
    assert future.futureItemsCounter == 10


def test_a_relist_with_a_future_start_appears_on_the_tab(api, session, control):
    control.reset(demo=False)
    [source] = control.add_offers([{"title": "Dywan sizalowy", "quantity": 2, "price": 250}])
    api.doFinishItem(sessionHandle=session, finishItemId=source)
    start = control.now() + 6 * HOUR
    api.doSellSomeAgain(sessionHandle=session, sellItemsArray={"item": [source]},
                        sellStartingTime=start, sellAuctionDuration=7, localIds={"item": [77]})
    new_id = api.doVerifyItem(sessionHandle=session, localId=77).itemId
    [item] = items(api.doGetMyFutureItems(sessionId=session).futureItemsList)
    assert (item.itemId, item.itemTitle, item.itemStartTime) == (new_id, "Dywan sizalowy", start)


def test_paging_is_zero_based_with_the_same_limits_as_the_other_tabs(api, session, planned):
    _, later = planned
    seen = []
    for page in range(3):
        answer = api.doGetMyFutureItems(sessionId=session, pageSize=5, pageNumber=page)
        assert answer.futureItemsCounter == 14
        seen += [i.itemId for i in items(answer.futureItemsList)]
    assert sorted(seen) == sorted(later) and len(seen) == 14
    assert items(api.doGetMyFutureItems(sessionId=session, pageSize=5,
                                        pageNumber=3).futureItemsList) == []
    assert len(items(api.doGetMyFutureItems(sessionId=session, pageSize=1000)
                     .futureItemsList)) == 14
    assert code_of(lambda: api.doGetMyFutureItems(sessionId=session, pageSize=1001)) \
        == "ERR_ITEMS_ARRAY_OVERSIZED"
    assert code_of(lambda: api.doGetMyFutureItems(sessionId=session, pageSize=0)) \
        == "ERR_INVALID_PAGE_SIZE"
    assert code_of(lambda: api.doGetMyFutureItems(sessionId=session, pageNumber=-1)) \
        == "ERR_INVALID_PAGE_NUMBER"
    assert code_of(lambda: api.doGetMyFutureItems(
        sessionId=session, itemIds={"item": list(range(1, 102))})) == "ERR_ITEMS_ARRAY_OVERSIZED"


def test_default_page_is_100(api, session, control):
    control.reset(demo=False)
    control.add_offers([{"title": f"Notes {i}", "start_offset_hours": 3} for i in range(130)])
    answer = api.doGetMyFutureItems(sessionId=session)
    assert answer.futureItemsCounter == 130 and len(items(answer.futureItemsList)) == 100


def test_ids_category_format_and_sort(api, session, planned):
    running, later = planned
    by_id = api.doGetMyFutureItems(sessionId=session, itemIds={"item": [later[0], running[0]]})
    assert [i.itemId for i in items(by_id.futureItemsList)] == [later[0]]
    category = api.doGetMyFutureItems(sessionId=session, categoryId=20)
    assert category.futureItemsCounter == 6
    assert all(i.itemCategoryId == 20 for i in items(category.futureItemsList))
    shop_only = api.doGetMyFutureItems(sessionId=session, filterOptions={"filterFormat": 2})
    assert shop_only.futureItemsCounter == 0  # the sandbox account has no shop offers
    by_title = api.doGetMyFutureItems(sessionId=session, pageSize=3,
                                      sortOptions={"sortType": 3, "sortOrder": 2})
    assert [i.itemTitle for i in items(by_title.futureItemsList)] == [
        "Filiżanka porcelanowa 11", "Filiżanka porcelanowa 10", "Filiżanka porcelanowa 09"]


def test_it_needs_a_live_session(api, control):
    assert code_of(lambda: api.doGetMyFutureItems(sessionId="no-such-session")) \
        == "ERR_NO_SESSION"


def test_the_four_tabs_partition_the_demo_shop(api, session, control):
    offers = [o for o in control.offers() if not o["hidden"]]
    counts = [api.doGetMySellItems(sessionId=session).sellItemsCounter,
              api.doGetMySoldItems(sessionId=session).soldItemsCounter,
              api.doGetMyNotSoldItems(sessionId=session).notSoldItemsCounter,
              api.doGetMyFutureItems(sessionId=session).futureItemsCounter]
    assert sum(counts) == len(offers)
    assert counts[3] == sum(1 for o in offers if o["state"] == "scheduled") > 0
