"""Relisting: doSellSomeAgain and doVerifyItem."""

from __future__ import annotations

import pytest
from zeep.exceptions import Fault

from .helpers import items

DAY = 86400


def code_of(call) -> str:
    with pytest.raises(Fault) as caught:
        call()
    return caught.value.code


@pytest.fixture
def ended(api, session, control):
    """Five buy-now offers and one auction, all ended by the seller just now."""
    control.reset(demo=False)
    ids = control.add_offers([{"title": f"Ręcznik bawełniany {i}", "quantity": 6, "price": 30}
                              for i in range(5)])
    ids.append(control.add_offer("Aukcja: stary zegar ścienny", format="auction", price=80,
                                 duration_days=7))
    api.doFinishItems(sessionHandle=session,
                      finishItemsList={"item": [{"finishItemId": i} for i in ids]})
    return ids


def sell_again(api, session, ids, local_ids=None, duration=7, start=0, options=0):
    kwargs = {"sessionHandle": session, "sellItemsArray": {"item": ids},
              "sellStartingTime": start, "sellAuctionDuration": duration, "sellOptions": options}
    if local_ids is not None:
        kwargs["localIds"] = {"item": local_ids}
    return api.doSellSomeAgain(**kwargs)


def test_relist_returns_source_ids_and_verify_finds_the_new_offer(api, session, ended, control):
    answer = sell_again(api, session, ended[:2], local_ids=[101, 102])
    again = items(answer.itemsSellAgain)
    assert [(a.sellItemId, a.sellItemLocalId) for a in again] == [(ended[0], 101), (ended[1], 102)]
    verified = api.doVerifyItem(sessionHandle=session, localId=101)
    assert verified.itemId not in ended and verified.itemListed == 1
    new = control.offer(verified.itemId)
    assert new["relisted_from"] == ended[0] and new["state"] == "active"
    assert new["title"] == "Ręcznik bawełniany 0" and new["quantity"] == 6
    assert new["local_id"] == 101
    assert api.doVerifyItem(sessionHandle=session, localId=555).itemId == -1


def test_relist_failures_and_unknown_ids_are_results(api, session, ended, control):
    live = control.add_offer("Wciąż trwająca oferta", quantity=2, price=10)
    answer = sell_again(api, session, [ended[0], live, 4242])
    assert [a.sellItemId for a in items(answer.itemsSellAgain)] == [ended[0]]
    [failed] = items(answer.itemsSellFailed)
    assert failed.sellItemId == live and failed.sellFaultCode == "ERR_ITEM_NOT_ENDED"
    assert items(answer.itemsSellNotFound) == [4242]


def test_relist_window_is_sixty_days(api, session, ended, control):
    control.advance_clock(days=59)
    session = _fresh_session(api)
    ok = sell_again(api, session, [ended[0]], local_ids=[1])
    assert [a.sellItemId for a in items(ok.itemsSellAgain)] == [ended[0]]
    control.advance_clock(days=2)
    session = _fresh_session(api)
    late = sell_again(api, session, [ended[1]], local_ids=[2])
    assert items(late.itemsSellAgain) == []
    [failed] = items(late.itemsSellFailed)
    assert failed.sellItemId == ended[1] and failed.sellFaultCode == "ERR_SELL_AGAIN_TIME_EXPIRED"
    assert api.doVerifyItem(sessionHandle=session, localId=2).itemId == -1


def _fresh_session(api):
    from .helpers import login

    return login(api)


def test_future_start_is_scheduled_then_goes_live(api, session, ended, control):
    start = control.now() + 2 * DAY
    sell_again(api, session, [ended[0]], local_ids=[7], start=start)
    verified = api.doVerifyItem(sessionHandle=session, localId=7)
    assert verified.itemListed == 2 and verified.itemStartingTime == start
    assert control.offer(verified.itemId)["state"] == "scheduled"
    listed = api.doGetMySellItems(sessionId=session).sellItemsCounter
    assert listed == 0  # scheduled offers are not on the Selling tab yet
    control.advance_clock(days=2, seconds=1)
    session = _fresh_session(api)
    assert control.offer(verified.itemId)["state"] == "active"
    assert api.doVerifyItem(sessionHandle=session, localId=7).itemListed == 1
    assert api.doGetMySellItems(sessionId=session).sellItemsCounter == 1


def test_start_more_than_30_days_ahead_is_refused(api, session, ended, control):
    too_far = control.now() + 30 * DAY + 60
    assert code_of(lambda: sell_again(api, session, [ended[0]], start=too_far)) \
        == "ERR_TOO_DISTANT_FUTURE"
    fine = control.now() + 29 * DAY
    assert items(sell_again(api, session, [ended[0]], start=fine).itemsSellAgain)


@pytest.mark.parametrize("duration", [3, 5, 7, 10, 20, 30, 0, 99])
def test_buy_now_durations(api, session, ended, control, duration):
    answer = sell_again(api, session, [ended[0]], local_ids=[50], duration=duration)
    assert items(answer.itemsSellAgain)
    new = control.offer(api.doVerifyItem(sessionHandle=session, localId=50).itemId)
    assert new["duration_days"] == duration


def test_auction_durations_and_until_sold_out(api, session, ended):
    auction = ended[-1]
    assert items(sell_again(api, session, [auction], duration=10).itemsSellAgain)
    for duration in (0, 99, 30):
        answer = sell_again(api, session, [auction], duration=duration)
        [failed] = items(answer.itemsSellFailed)
        assert failed.sellFaultCode == "ERR_INVALID_DURATION_TIME"
    assert code_of(lambda: sell_again(api, session, [ended[0]], duration=14)) \
        == "ERR_INVALID_DURATION_TIME"


def test_local_ids_are_unique_per_account(api, session, ended):
    sell_again(api, session, [ended[0]], local_ids=[900])
    answer = sell_again(api, session, [ended[1], ended[2]], local_ids=[900, 901])
    [failed] = items(answer.itemsSellFailed)
    assert failed.sellItemId == ended[1]
    assert failed.sellFaultCode == "ERR_INVALID_VALUE_IN_LOCAL_ID"
    assert [a.sellItemLocalId for a in items(answer.itemsSellAgain)] == [901]
    # the first relist keeps its local id
    assert api.doVerifyItem(sessionHandle=session, localId=900).itemId != -1
    zero = sell_again(api, session, [ended[3]], local_ids=[0])
    assert items(zero.itemsSellFailed)[0].sellFaultCode == "ERR_INVALID_VALUE_IN_LOCAL_ID"


def test_local_ids_must_match_the_offers(api, session, ended):
    assert code_of(lambda: sell_again(api, session, ended[:2], local_ids=[1])) \
        == "ERR_INVALID_VALUE_IN_LOCAL_ID"


def test_batch_limits(api, session, control):
    control.reset(demo=False)
    ids = control.add_offers([{"title": f"Notes w kropki {i}", "quantity": 1, "price": 9}
                              for i in range(26)])
    for start in (0, 25):
        api.doFinishItems(sessionHandle=session, finishItemsList={
            "item": [{"finishItemId": i} for i in ids[start:start + 25]]})
    assert code_of(lambda: sell_again(api, session, ids)) == "ERR_ITEMS_ARRAY_OVERSIZED"
    assert code_of(lambda: sell_again(api, session, [])) == "ERR_INPUT_ARRAY_EMPTY"
    answer = sell_again(api, session, ids[:25], local_ids=list(range(1, 26)))
    assert len(items(answer.itemsSellAgain)) == 25


def test_sell_options_1_removes_the_source_from_my_allegro(api, session, ended):
    before = {i.itemId for i in items(api.doGetMyNotSoldItems(sessionId=session).notSoldItemsList)}
    assert ended[0] in before
    sell_again(api, session, [ended[0]], options=1)
    after = {i.itemId for i in items(api.doGetMyNotSoldItems(sessionId=session).notSoldItemsList)}
    assert ended[0] not in after and ended[1] in after


def test_relisted_offer_gets_a_new_id_each_time(api, session, ended, control):
    sell_again(api, session, [ended[0]], local_ids=[31])
    sell_again(api, session, [ended[0]], local_ids=[32])
    first = api.doVerifyItem(sessionHandle=session, localId=31).itemId
    second = api.doVerifyItem(sessionHandle=session, localId=32).itemId
    assert len({first, second, ended[0]}) == 3
    assert control.calls()["executed"]["doSellSomeAgain"] == 2
