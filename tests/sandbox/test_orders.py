"""Purchases, the deals journal and post-buy forms."""

from __future__ import annotations

import pytest
from zeep.exceptions import Fault

from .helpers import items, login

DAY = 86400


def code_of(call) -> str:
    with pytest.raises(Fault) as caught:
        call()
    return caught.value.code


@pytest.fixture
def stock(control):
    control.reset(demo=False)
    return control.add_offers([
        {"title": "Miód gryczany 1 kg", "quantity": 999, "price": 49.5},
        {"title": "Kawa ziarnista świeżo palona", "quantity": 2, "price": 89},
    ])


def journal(api, session, start=0):
    return items(api.doGetSiteJournalDeals(sessionId=session, journalStart=start))


def test_a_paid_purchase_writes_deal_form_and_payment_events(api, session, stock, control):
    result = control.purchase(stock[0], buyer="gosia_w", quantity=2, paid=True)
    events = journal(api, session)
    assert [e.dealEventType for e in events] == [1, 2, 4]
    deal, form, paid = events
    assert deal.dealTransactionId == 0  # the form id is unknown at the deal event
    assert form.dealTransactionId == paid.dealTransactionId == result["form_id"]
    assert {e.dealId for e in events} == {result["deal_id"]}
    assert {e.dealItemId for e in events} == {stock[0]}
    assert {e.dealQuantity for e in events} == {2}
    assert control.offer(stock[0])["quantity"] == 997


def test_the_last_item_ends_the_offer(api, session, stock, control):
    control.purchase(stock[1], quantity=2)
    offer = control.offer(stock[1])
    assert (offer["state"], offer["ended_by"], offer["quantity"]) == ("ended", "sold_out", 0)
    sold = api.doGetMySoldItems(sessionId=session)
    assert [i.itemId for i in items(sold.soldItemsList)] == [stock[1]]


def test_journal_pages_by_100_ascending_and_only_grows(api, session, stock, control):
    for n in range(50):
        control.purchase(stock[0], quantity=1, paid=n % 2 == 0)  # 25 paid (3 events), 25 not (2)
    page1 = journal(api, session)
    assert len(page1) == 100
    ids = [e.dealEventId for e in page1]
    assert ids == sorted(ids) and len(set(ids)) == 100
    times = [e.dealEventTime for e in page1]
    assert times == sorted(times)
    page2 = journal(api, session, ids[-1])
    assert len(page2) == 25 and page2[0].dealEventId > ids[-1]
    assert journal(api, session, page2[-1].dealEventId) == []
    # more purchases append after the last page; nothing earlier changes
    control.purchase(stock[0], quantity=1)
    after = journal(api, session, page2[-1].dealEventId)
    assert [e.dealEventType for e in after] == [1, 2, 4]
    assert [e.dealEventId for e in journal(api, session)] == ids


def test_journal_info_counts_up_to_10000(api, session, stock, server):
    info = api.doGetSiteJournalDealsInfo(sessionId=session, journalStart=0)
    assert info.dealEventsCount == 0 and info.dealLastEventTime == 0
    # 3,400 paid purchases = 10,200 events; made in-process to keep the test fast
    big = server.shop.add_offers([{"title": "Woda źródlana 0,5 l", "quantity": 999, "price": 2}
                                  for _ in range(4)])
    for n in range(3400):
        server.shop.purchase(big[n % 4], buyer="hurtownia_wody", quantity=1)
    info = api.doGetSiteJournalDealsInfo(sessionId=session, journalStart=0)
    assert info.dealEventsCount == 10_000
    events = server.shop.events
    assert info.dealLastEventTime == events[9_999].time
    tail = api.doGetSiteJournalDealsInfo(sessionId=session, journalStart=events[-11].id)
    assert tail.dealEventsCount == 10 and tail.dealLastEventTime == events[-1].time


def test_negative_journal_start_is_refused(api, session, stock):
    assert code_of(lambda: api.doGetSiteJournalDealsInfo(sessionId=session, journalStart=-5)) \
        == "ERR_INCORRECT_JOURNAL_START"
    assert code_of(lambda: api.doGetSiteJournalDeals(sessionId=session, journalStart=-5)) \
        == "ERR_INCORRECT_JOURNAL_START"


def test_cancelled_form_adds_event_3(api, session, stock, control):
    result = control.purchase(stock[0], quantity=1)
    control.cancel_form(result["form_id"])
    assert [e.dealEventType for e in journal(api, session)] == [1, 2, 4, 3]


def test_forms_data_has_buyer_address_and_amounts(api, session, stock, control):
    result = control.purchase(stock[0], buyer="marek1987", quantity=3, shipment_id=4)
    [form] = items(api.doGetPostBuyFormsDataForSellers(
        sessionId=session, transactionsIdsArray={"item": [result["form_id"], 777]}))
    assert form.postBuyFormId == result["form_id"]
    assert form.postBuyFormBuyerLogin == "marek1987"
    assert form.postBuyFormPostageAmount == 15.99
    assert form.postBuyFormAmount == pytest.approx(3 * 49.5 + 15.99)
    assert form.postBuyFormPaymentAmount == pytest.approx(form.postBuyFormAmount)
    assert form.postBuyFormPayStatus == "Zakończona"
    assert form.postBuyFormShipmentId == 4
    address = form.postBuyFormShipmentAddress
    assert address.postBuyFormAdrFullName and address.postBuyFormAdrCity
    assert len(address.postBuyFormAdrPostcode) == 6 and address.postBuyFormAdrPostcode[2] == "-"
    [item] = items(form.postBuyFormItems)
    assert (item.postBuyFormItId, item.postBuyFormItQuantity) == (stock[0], 3)
    assert item.postBuyFormItTitle == "Miód gryczany 1 kg"
    [deal] = items(item.postBuyFormItDeals)
    assert deal.dealId == result["deal_id"] and deal.dealQuantity == 3


def test_forms_data_limits(api, session, stock):
    assert code_of(lambda: api.doGetPostBuyFormsDataForSellers(
        sessionId=session, transactionsIdsArray={"item": list(range(1, 27))})) \
        == "ERR_ITEMS_ARRAY_OVERSIZED"
    assert code_of(lambda: api.doGetPostBuyFormsDataForSellers(
        sessionId=session, transactionsIdsArray={"item": []})) == "ERR_INPUT_ARRAY_EMPTY"
    assert items(api.doGetPostBuyFormsDataForSellers(
        sessionId=session, transactionsIdsArray={"item": list(range(1, 26))})) == []


def seller_filter():
    return {"item": [{"filterId": "userRole", "filterValueId": {"item": ["seller"]}}]}


def test_forms_ids_cover_the_last_month_newest_first(api, session, stock, control):
    old = control.purchase(stock[0])["form_id"]
    control.advance_clock(days=20)
    newer = [control.purchase(stock[0])["form_id"] for _ in range(3)]
    session = login(api)
    answer = api.doGetPostBuyFormsIds(sessionId=session, filterOptions=seller_filter())
    assert answer.formsCount == 4
    assert items(answer.formsIds) == list(reversed(newer)) + [old]
    control.advance_clock(days=11)
    session = login(api)
    answer = api.doGetPostBuyFormsIds(sessionId=session, filterOptions=seller_filter())
    assert items(answer.formsIds) == list(reversed(newer))
    as_buyer = api.doGetPostBuyFormsIds(
        sessionId=session,
        filterOptions={"item": [{"filterId": "userRole", "filterValueId": {"item": ["buyer"]}}]})
    assert as_buyer.formsCount == 0


def test_forms_ids_paging_and_limits(api, session, stock, control):
    made = [control.purchase(stock[0])["form_id"] for _ in range(5)]
    page = api.doGetPostBuyFormsIds(sessionId=session, resultSize=2, resultOffset=2)
    assert page.formsCount == 5 and items(page.formsIds) == [made[2], made[1]]
    assert code_of(lambda: api.doGetPostBuyFormsIds(sessionId=session, resultSize=1001)) \
        == "ERR_ITEMS_ARRAY_OVERSIZED"
    assert code_of(lambda: api.doGetPostBuyFormsIds(sessionId=session, resultSize=0)) \
        == "ERR_INVALID_PAGE_SIZE"
    assert api.doGetPostBuyFormsIds(sessionId=session, resultSize=1000).formsCount == 5


def test_transactions_ids_only_paid_or_cash_on_delivery(api, session, stock, control):
    paid = control.purchase(stock[0], paid=True)["form_id"]
    unpaid = control.purchase(stock[0], paid=False)["form_id"]
    cod = control.purchase(stock[0], paid=False, cod=True)["form_id"]
    cancelled = control.purchase(stock[0], paid=True)["form_id"]
    control.cancel_form(cancelled)
    answer = api.doGetTransactionsIDs(sessionHandle=session, itemsIdArray={"item": [stock[0]]},
                                      userRole="seller")
    assert items(answer) == [cod, paid]  # newest first; unpaid and cancelled left out
    control.pay_form(unpaid)
    answer = api.doGetTransactionsIDs(sessionHandle=session, itemsIdArray={"item": [stock[0]]},
                                      userRole="seller")
    assert sorted(items(answer)) == sorted([cod, paid, unpaid])
    cod_only = api.doGetTransactionsIDs(sessionHandle=session, itemsIdArray={"item": [stock[0]]},
                                        userRole="seller", shipmentIdArray={"item": [3, 5, 8]})
    assert items(cod_only) == [cod]


def test_transactions_ids_limits_and_role(api, session, stock):
    assert code_of(lambda: api.doGetTransactionsIDs(
        sessionHandle=session, itemsIdArray={"item": list(range(1, 27))}, userRole="seller")) \
        == "ERR_ITEMS_ARRAY_OVERSIZED"
    assert code_of(lambda: api.doGetTransactionsIDs(
        sessionHandle=session, itemsIdArray={"item": []}, userRole="seller")) \
        == "ERR_INPUT_ARRAY_EMPTY"
    assert code_of(lambda: api.doGetTransactionsIDs(
        sessionHandle=session, itemsIdArray={"item": stock}, userRole="admin")) \
        == "ERR_INVALID_USER_TYPE"
    assert items(api.doGetTransactionsIDs(sessionHandle=session, itemsIdArray={"item": stock},
                                          userRole="buyer")) == []


def test_shipment_data_lists_delivery_methods(api):
    answer = api.doGetShipmentData(countryId=1, webapiKey="SANDBOX-WEBAPI-KEY")
    methods = items(answer.shipmentDataList)
    assert {m.shipmentType for m in methods} == {1, 2}
    assert any("pobranie" in m.shipmentName.lower() or "pobraniowa" in m.shipmentName.lower()
               for m in methods if m.shipmentType == 2)
    assert answer.localVersion == 1505
    assert code_of(lambda: api.doGetShipmentData(countryId=1, webapiKey="X")) == "ERR_WEBAPI_KEY"


def test_demo_journal_has_recent_purchases(api, session, control):
    control.reset(seed=1)
    first = journal(api, session)
    assert len(first) == 100
    types = {e.dealEventType for e in first + journal(api, session, first[-1].dealEventId)}
    assert types == {1, 2, 3, 4}
