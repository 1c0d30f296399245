"""Ending offers: doFinishItems / doFinishItem, including auctions with bids."""

from __future__ import annotations

import pytest
from zeep.exceptions import Fault

from .helpers import items


def code_of(call) -> str:
    with pytest.raises(Fault) as caught:
        call()
    return caught.value.code


@pytest.fixture
def world(control):
    control.reset(demo=False)
    ids = control.add_offers([{"title": f"Świeca sojowa nr {i}", "quantity": 3, "price": 45}
                              for i in range(30)])
    auction = control.add_offer("Obraz olejny Łazienki", format="auction", price=100,
                                duration_days=7)
    return ids, auction


def finish(api, session, *entries):
    return api.doFinishItems(sessionHandle=session, finishItemsList={"item": list(entries)})


def test_finish_25_at_once(api, session, world, control):
    ids, _ = world
    answer = finish(api, session, *[{"finishItemId": i} for i in ids[:25]])
    assert sorted(items(answer.finishItemsSucceed)) == sorted(ids[:25])
    assert items(answer.finishItemsFailed) == []
    states = {o["offer_id"]: (o["state"], o["ended_by"]) for o in control.offers(ids[:26])}
    assert all(states[i] == ("ended", "seller") for i in ids[:25])
    assert states[ids[25]] == ("active", None)


def test_26_is_refused_and_nothing_ends(api, session, world, control):
    ids, _ = world
    assert code_of(lambda: finish(api, session, *[{"finishItemId": i} for i in ids[:26]])) \
        == "ERR_ITEMS_ARRAY_OVERSIZED"
    assert all(o["state"] == "active" for o in control.offers(ids))


def test_empty_list_is_refused(api, session, world):
    assert code_of(lambda: finish(api, session)) == "ERR_INPUT_ARRAY_EMPTY"


def test_per_offer_failures_are_results_not_faults(api, session, world):
    ids, _ = world
    finish(api, session, {"finishItemId": ids[0]})
    answer = finish(api, session, {"finishItemId": ids[0]}, {"finishItemId": 999},
                    {"finishItemId": ids[1]})
    assert items(answer.finishItemsSucceed) == [ids[1]]
    failed = {f.finishItemId: f for f in items(answer.finishItemsFailed)}
    assert failed[ids[0]].finishErrorCode == "ERR_END_DURING_CHANGES"
    assert failed[999].finishErrorCode == "ERR_INVALID_ITEM_ID"
    assert failed[999].finishErrorMessage  # Polish text for the seller


def test_cancelling_bids_needs_a_reason(api, session, world, control):
    ids, auction = world
    control.bid(auction)
    call = lambda: finish(api, session, {"finishItemId": ids[0]},  # noqa: E731
                          {"finishItemId": auction, "finishCancelAllBids": 1})
    assert code_of(call) == "ERR_GIVE_CANCEL_BIDS_REASON"
    # the whole call was refused: not even the first offer ended
    assert control.offer(ids[0])["state"] == "active"
    assert code_of(lambda: api.doFinishItem(sessionHandle=session, finishItemId=auction,
                                            finishCancelAllBids=1, finishCancelReason=" ")) \
        == "ERR_GIVE_CANCEL_BIDS_REASON"


def test_ending_an_auction_keeping_bids_sells_to_the_top_bidder(api, session, world, control):
    _, auction = world
    control.bid(auction, buyer="pierwszy_licytant", amount=100)
    control.bid(auction, buyer="zwyciezca", amount=140)
    events_before = len(control.journal())
    answer = finish(api, session, {"finishItemId": auction, "finishCancelAllBids": 0})
    assert items(answer.finishItemsSucceed) == [auction]
    offer = control.offer(auction)
    assert (offer["state"], offer["ended_by"], offer["sold_quantity"]) == ("ended", "seller", 1)
    [form] = [f for f in control.forms() if f["items"][0]["offer_id"] == auction]
    assert form["buyer"] == "zwyciezca" and form["items"][0]["price"] == 140.0
    new_events = control.journal()[events_before:]
    assert [e["type"] for e in new_events] == [1, 2]
    assert {e["offer_id"] for e in new_events} == {auction}
    assert new_events[1]["form_id"] == form["form_id"]
    # the sale shows in the seller's Sold list and in the forms
    sold = api.doGetMySoldItems(sessionId=session)
    assert [i.itemId for i in items(sold.soldItemsList)] == [auction]
    data = api.doGetPostBuyFormsDataForSellers(
        sessionId=session, transactionsIdsArray={"item": [form["form_id"]]})
    assert items(data)[0].postBuyFormBuyerLogin == "zwyciezca"


def test_ending_an_auction_cancelling_bids_sells_nothing(api, session, world, control):
    _, auction = world
    control.bid(auction)
    events_before = len(control.journal())
    assert api.doFinishItem(sessionHandle=session, finishItemId=auction, finishCancelAllBids=1,
                            finishCancelReason="Pomyłka") == 1
    offer = control.offer(auction)
    assert (offer["state"], offer["bids"], offer["sold_quantity"]) == ("ended", 0, 0)
    assert len(control.journal()) == events_before
    assert [i.itemId for i in items(api.doGetMyNotSoldItems(sessionId=session).notSoldItemsList)] \
        == [auction]


def test_finish_item_single_and_its_faults(api, session, world, control):
    ids, _ = world
    assert api.doFinishItem(sessionHandle=session, finishItemId=ids[5]) == 1
    assert code_of(lambda: api.doFinishItem(sessionHandle=session, finishItemId=ids[5])) \
        == "ERR_END_DURING_CHANGES"
    assert code_of(lambda: api.doFinishItem(sessionHandle=session, finishItemId=1)) \
        == "ERR_INVALID_ITEM_ID"


def test_a_scheduled_offer_can_be_ended(api, session, control):
    control.reset(demo=False)
    offer = control.add_offer("Karmnik dla ptaków", quantity=2, price=35, start_offset_hours=5)
    answer = finish(api, session, {"finishItemId": offer})
    assert items(answer.finishItemsSucceed) == [offer]
    control.advance_clock(hours=6)
    assert control.offer(offer)["state"] == "ended"
