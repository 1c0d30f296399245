"""Every port operation of the WebAPI adapter against a real sandbox on 127.0.0.1,
with the batching and paging boundaries counted on the sandbox's side."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from core.allegro import errors
from core.allegro.port import (
    FinishRequest,
    OfferFormat,
    OfferState,
    Package,
    QuantityChange,
    RelistRequest,
)
from tests.core.test_webapi_support import (  # noqa: F401  (fixtures)
    buy_now,
    calls,
    demo,
    executed_ids,
    make_marketplace,
    market,
    shop,
    webapi_control,
    webapi_server,
)

# -- login ---------------------------------------------------------------------------------


def test_login_returns_the_account_and_the_key_used(market, shop):
    info = market.login()
    state = shop.state()
    assert info.user_id == state["seller"]["user_id"]
    assert info.version_key == state["version_key"] == market.version_key
    assert info.server_time is not None
    assert calls(shop) == {"doQuerySysStatus": 1, "doLoginEnc": 1}


def test_calls_log_in_by_themselves_once(market, shop):
    buy_now(shop, 3)
    assert len(list(market.offers())) == 3
    assert len(list(market.offers())) == 3
    assert calls(shop)["doLoginEnc"] == 1


def test_wrong_password_is_a_login_rejected_in_the_sellers_words(webapi_server, shop):
    with make_marketplace(webapi_server, shop, password="not-the-password") as mp:
        with pytest.raises(errors.LoginRejected) as caught:
            mp.login()
    assert caught.value.message == "Allegro rejected the username or password."
    assert caught.value.message_for("pl") == "Allegro odrzuciło nazwę użytkownika lub hasło."
    assert caught.value.allegro_text  # Allegro's own Polish text is kept for support
    assert calls(shop)["doLoginEnc"] == 1  # a wrong password is never retried


def test_repeated_wrong_passwords_end_in_captcha(webapi_server, shop):
    seen = []
    with make_marketplace(webapi_server, shop, password="wrong-wrong") as mp:
        for _ in range(6):
            try:
                mp.login()
            except errors.AllegroError as exc:
                seen.append(type(exc))
    shop.clear_captcha()
    assert seen[0] is errors.LoginRejected
    assert seen[-1] is errors.CaptchaRequired
    assert "allegro.pl" in errors.CaptchaRequired().message


def test_a_bad_webapi_key_is_an_api_key_rejected(webapi_server, shop):
    with make_marketplace(webapi_server, shop, key="NOT-A-KEY") as mp:
        with pytest.raises(errors.ApiKeyRejected) as caught:
            mp.current_version_key()
    assert caught.value.code == "ERR_WEBAPI_KEY"
    assert "WebAPI key" in caught.value.message


# -- version key ---------------------------------------------------------------------------


def test_a_stale_configured_version_is_reported_with_the_current_one(webapi_server, shop):
    current = shop.state()["version_key"]
    with make_marketplace(webapi_server, shop, version=current - 7) as mp:
        assert mp.current_version_key() == current
        with pytest.raises(errors.VersionKeyMismatch) as caught:
            mp.login()
        assert caught.value.current == current and caught.value.configured == current - 7
        assert str(current) in caught.value.message
        assert calls(shop)["doLoginEnc"] == 0  # the mismatch is caught before logging in
        mp.accept_version_key(caught.value.current)  # the user clicked "Use it"
        assert mp.login().version_key == current


def test_sync_mode_follows_a_version_key_that_changed_mid_run(webapi_server, shop):
    ids = buy_now(shop, 2)
    with make_marketplace(webapi_server, shop, accept_current_version=True) as mp:
        first = mp.login().version_key
        new = shop.set_version_key()  # Allegro bumps the key...
        shop.expire_sessions()  # ...and the session ends
        assert {o.offer_id for o in mp.offers()} == {str(i) for i in ids}
        assert mp.version_key == new != first
    assert calls(shop)["doLoginEnc"] == 2


def test_strict_mode_stops_when_the_key_changed_mid_run(webapi_server, shop):
    buy_now(shop, 1)
    with make_marketplace(webapi_server, shop) as mp:
        mp.login()
        new = shop.set_version_key()
        shop.expire_sessions()
        with pytest.raises(errors.VersionKeyMismatch) as caught:
            list(mp.offers())
        assert caught.value.current == new


def test_a_key_that_moves_between_query_and_login_is_fetched_again_once(webapi_server, shop):
    current = shop.state()["version_key"]
    with make_marketplace(webapi_server, shop, accept_current_version=True) as mp:
        real = mp.session.current_version_key
        answers = iter([current - 1])  # the first query still saw yesterday's key

        def query():
            return next(answers, None) or real()

        mp.session.current_version_key = query
        assert mp.login().version_key == current
    counts = calls(shop)
    assert counts["doLoginEnc"] == 2  # stale key refused, then the fresh one
    assert counts["doQuerySysStatus"] == 1  # the re-fetch (the first answer was scripted)


# -- offers --------------------------------------------------------------------------------


def test_offers_read_every_tab_as_the_sandbox_has_them(market, demo):
    offers = list(market.offers([OfferState.ACTIVE, OfferState.SOLD, OfferState.NOT_SOLD]))
    truth = {str(o["offer_id"]): o for o in demo.offers() if not o["hidden"]}
    listed = {o.offer_id: o for o in offers}
    assert len(listed) == len(offers)  # each offer once
    active = {i for i, o in truth.items() if o["state"] == "active"}
    ended = {i for i, o in truth.items() if o["state"] == "ended"}
    assert {o.offer_id for o in offers if o.state is OfferState.ACTIVE} == active
    assert {o.offer_id for o in offers if o.state in (OfferState.SOLD, OfferState.NOT_SOLD)} == ended
    for offer in offers:
        t = truth[offer.offer_id]
        assert offer.title == t["title"]
        assert offer.format.value == t["format"]
        assert offer.start_quantity == t["start_quantity"]
        assert offer.sold_quantity == t["sold_quantity"]
        assert offer.bids == t["bids"]
        if offer.state is OfferState.ACTIVE:
            assert offer.quantity == t["quantity"]
        if offer.state is OfferState.SOLD:
            assert offer.sold_quantity > 0
        expected = t["highest_bid"] if t["bids"] else t["price"]
        assert offer.price == Decimal(str(expected)).quantize(Decimal("0.01"))
    assert any(o.format is OfferFormat.AUCTION and o.bids for o in offers)


@pytest.mark.parametrize("count,pages", [(999, 1), (1000, 1), (1001, 2)])
def test_offer_lists_page_by_1000(market, shop, count, pages):
    ids = buy_now(shop, count, quantity=1)
    shop.reset_calls()
    offers = list(market.offers())
    assert sorted(o.offer_id for o in offers) == sorted(map(str, ids))
    assert calls(shop)["doGetMySellItems"] == pages


def test_the_other_tabs_first_pages_are_asked_for_with_the_first_tabs(market, demo, monkeypatch):
    # Most tabs fit on one page: they are not kept waiting for every page of the first tab.
    real = market.offer_reads.tab_page
    asked_before_first: list = []

    def tab_page(state, page):
        if (state, page) == (OfferState.ACTIVE, 0):
            asked_before_first.extend(asked)
        return real(state, page)

    asked: list = []
    real_submit = market.pages.submit
    monkeypatch.setattr(market.offer_reads, "tab_page", tab_page)
    monkeypatch.setattr(market.pages, "submit", lambda fn, *a: asked.append(a) or real_submit(fn, *a))
    tabs = [OfferState.ACTIVE, OfferState.SOLD, OfferState.NOT_SOLD]
    offers = list(market.offers(tabs))
    assert asked_before_first == [(OfferState.SOLD, 0), (OfferState.NOT_SOLD, 0)]
    # handed over in tab order all the same
    states = [o.state for o in offers]
    assert states == sorted(states, key=[OfferState.ACTIVE, OfferState.SOLD, OfferState.NOT_SOLD].index)
    assert {OfferState.ACTIVE, OfferState.SOLD, OfferState.NOT_SOLD} <= set(states)


def test_offers_by_id_look_up_any_tab_10_at_a_time(market, demo):
    truth = {o["offer_id"]: o for o in demo.offers()}
    ids = sorted(truth)[:11]
    found = market.offers_by_id([str(i) for i in ids] + ["1", "2"])  # unknown ids are left out
    assert [o.offer_id for o in found] == [str(i) for i in ids]
    assert calls(demo)["doGetItemsInfo"] == 2  # 10 + 1 (+ the 2 unknown in the second)
    for offer in found:
        t = truth[int(offer.offer_id)]
        assert offer.quantity == t["quantity"] and offer.title == t["title"]
        want = {"active": {OfferState.ACTIVE}, "scheduled": {OfferState.SCHEDULED},
                "ended": {OfferState.SOLD, OfferState.NOT_SOLD}}[t["state"]]
        assert offer.state in want


@pytest.mark.parametrize("count,expected_calls", [(10, 1), (11, 2)])
def test_items_info_batches_are_10(market, shop, count, expected_calls):
    ids = buy_now(shop, count)
    shop.reset_calls()
    assert len(market.offers_by_id(ids)) == count
    assert calls(shop)["doGetItemsInfo"] == expected_calls


# -- journal and forms ---------------------------------------------------------------------


def _purchases(control, n: int) -> list[int]:
    ids = buy_now(control, n, quantity=900)
    for offer_id in ids:
        control.purchase(offer_id, paid=False)
    return ids


def test_journal_pages_by_the_last_event_until_a_short_page(market, shop):
    _purchases(shop, 60)  # a purchase writes its deal and form events
    truth = [e["event_id"] for e in shop.journal()]
    assert len(truth) > 100
    shop.reset_calls()
    pages = list(market.journal(None))
    assert [d.event_id for page in pages for d in page] == [str(t) for t in truth]
    assert all(len(page) == 100 for page in pages[:-1])
    assert calls(shop)["doGetSiteJournalDeals"] == len(truth) // 100 + 1
    # from a cursor: only what came after it
    later = list(market.journal(str(truth[49])))
    assert [d.event_id for page in later for d in page] == [str(t) for t in truth[50:]]


def test_journal_of_exactly_100_events_asks_once_more(market, shop):
    _purchases(shop, 60)
    truth = [e["event_id"] for e in shop.journal()]
    start = truth[-101]  # exactly 100 events after it
    shop.reset_calls()
    pages = list(market.journal(start))
    assert [len(p) for p in pages] == [100]
    assert calls(shop)["doGetSiteJournalDeals"] == 2


def test_the_next_journal_page_is_asked_for_before_this_one_is_read(market, shop, monkeypatch):
    # The pages are a chain (each starts after the last event of the one before): the
    # next one is asked for from the raw answer's last event id, before the page is read.
    _purchases(shop, 160)
    truth = [e["event_id"] for e in shop.journal()]
    assert len(truth) > 300
    log: list[tuple[str, int]] = []
    from core.allegro import responses

    real_deal, real_submit = responses.journal_deal, market.chain_pool.submit
    monkeypatch.setattr(responses, "journal_deal", lambda s: log.append(("read", s["dealEventId"])) or real_deal(s))
    monkeypatch.setattr(
        market.chain_pool, "submit", lambda fn, cursor, *a: log.append(("asked", cursor)) or real_submit(fn, cursor, *a)
    )
    shop.reset_calls()
    pages = list(market.journal(None))
    assert [d.event_id for page in pages for d in page] == [str(t) for t in truth]
    assert calls(shop)["doGetSiteJournalDeals"] == len(truth) // 100 + 1  # not one call more
    for page in pages[:-1]:  # each full page asked for the next before its first event was read
        assert log.index(("asked", int(page[-1].event_id))) < log.index(("read", int(page[0].event_id)))


def test_a_journal_read_stopped_early_asks_for_nothing_more(market, shop, monkeypatch):
    _purchases(shop, 120)
    asked = []
    real_submit = market.chain_pool.submit
    monkeypatch.setattr(market.chain_pool, "submit", lambda *a: asked.append(real_submit(*a)) or asked[-1])
    shop.set_faults(latency_ms=300)  # the page asked for early is still on its way at the stop
    pages = market.journal(None)
    first = next(pages)
    pages.close()
    while not all(f.done() for f in asked):  # the page in flight comes back, and asks for no other
        asked[-1].exception(timeout=10)
    assert len(first) == 100 and len(asked) == 1
    assert calls(shop)["doGetSiteJournalDeals"] == 2


def test_journal_deals_carry_what_the_engine_needs(market, shop):
    offer_id = buy_now(shop, 1, quantity=10)[0]
    shop.purchase(offer_id, buyer="ania.kot", quantity=3, paid=True)
    deals = [d for page in market.journal(None) for d in page]
    truth = shop.journal()
    assert [d.event_type for d in deals] == [e["type"] for e in truth]
    created = [d for d in deals if d.event_type == 1][0]
    assert created.offer_id == str(offer_id) and created.quantity == 3 and created.transaction_id == ""
    form_event = [d for d in deals if d.event_type == 2][0]
    assert form_event.transaction_id == str(shop.forms()[0]["form_id"])


@pytest.mark.parametrize("count,expected_calls", [(25, 1), (26, 2)])
def test_post_buy_forms_25_per_call(market, shop, count, expected_calls):
    _purchases(shop, count)
    truth = {f["form_id"]: f for f in shop.forms()}
    assert len(truth) == count
    shop.reset_calls()
    forms = market.post_buy_forms(list(truth))
    assert sorted(f.form_id for f in forms) == sorted(map(str, truth))
    assert calls(shop)["doGetPostBuyFormsDataForSellers"] == expected_calls
    assert market.post_buy_forms(["123"]) == []  # an unknown id is left out
    for form in forms:
        t = truth[int(form.form_id)]
        assert form.buyer_login == t["buyer"]
        assert form.amount == Decimal(str(t["amount"])).quantize(Decimal("0.01"))
        assert [i.offer_id for i in form.items] == [str(i["offer_id"]) for i in t["items"]]
        assert form.address.city == t["address"]["city"]
        assert form.created_at == datetime.fromtimestamp(t["created_at"], UTC)
        assert not form.cancelled


def test_one_batch_of_forms_is_fetched_on_the_callers_thread(market, shop):
    # The order feed asks for 25 forms at a time from threads of its own; on the adapter's
    # pool they would wait behind whatever fills it (the listing pages, in a sync).
    import threading

    _purchases(shop, 25)
    ids = [f["form_id"] for f in shop.forms()]
    release = threading.Event()
    busy = [market.pool.submit(release.wait, 30) for _ in range(market.pool_size)]
    try:
        forms = market.post_buy_forms(ids)
        assert sorted(f.form_id for f in forms) == sorted(map(str, ids))
        assert not any(f.done() for f in busy)  # the pool was full all along
    finally:
        release.set()


def test_a_cancelled_form_says_so(market, shop):
    offer_id = buy_now(shop, 1, quantity=10)[0]
    form_id = shop.purchase(offer_id, paid=False)["form_id"]
    shop.cancel_form(form_id)
    (form,) = market.post_buy_forms([form_id])
    assert form.cancelled and form.cancelled_at is not None


# -- quantities ----------------------------------------------------------------------------


def test_quantity_changes_set_what_buyers_can_buy(market, shop):
    ids = buy_now(shop, 30, quantity=5)
    sold_one = ids[0]
    shop.purchase(sold_one, quantity=2)
    changes = [QuantityChange(i, quantity_left=7 + n % 3, sold_quantity=2 if i == sold_one else 0)
               for n, i in enumerate(ids)]
    progress = []
    results = market.change_quantities(changes, progress=lambda d, t: progress.append((d, t)))
    assert [r.offer_id for r in results] == [str(i) for i in ids] and all(r.ok for r in results)
    truth = {o["offer_id"]: o["quantity"] for o in shop.offers(ids)}
    for change, result in zip(changes, results):
        assert truth[change.offer_id] == change.quantity_left == result.quantity_left
    assert progress[-1] == (30, 30) and len(progress) == 30
    assert calls(shop)["doChangeQuantityItem"] == 30


def test_a_refused_quantity_is_a_result_not_an_exception(market, shop):
    ok_id = buy_now(shop, 1)[0]
    auction = shop.add_offer("Zegarek kieszonkowy", format="auction", quantity=1, price=50.0)
    shop.bid(auction)
    results = market.change_quantities([QuantityChange(ok_id, 3, 0), QuantityChange(auction, 2, 0),
                                        QuantityChange(ok_id + 999_999, 2, 0)])
    assert results[0].ok
    assert not results[1].ok and results[1].error_code == "ERR_BID_DURING_CHANGES"
    assert results[1].message == "The quantity cannot change: the offer already has bids."
    assert not results[2].ok and results[2].error_code == "ERR_INVALID_ITEM_ID"


# -- ending --------------------------------------------------------------------------------


@pytest.mark.parametrize("count,expected_calls", [(25, 1), (26, 2)])
def test_finish_ends_offers_25_per_call(market, shop, count, expected_calls):
    ids = buy_now(shop, count)
    shop.reset_calls()
    results = market.finish([FinishRequest(i) for i in ids])
    assert [r.offer_id for r in results] == [str(i) for i in ids] and all(r.ok for r in results)
    assert {o["state"] for o in shop.offers(ids)} == {"ended"}
    assert calls(shop)["doFinishItems"] == expected_calls
    assert set(executed_ids(shop, "doFinishItems").values()) == {1}


def test_finishing_an_ended_offer_is_a_per_offer_failure(market, shop):
    live, ended = buy_now(shop, 2)
    market.finish([FinishRequest(ended)])
    results = market.finish([FinishRequest(live), FinishRequest(ended)])
    assert results[0].ok
    assert not results[1].ok and results[1].error_code == "ERR_END_DURING_CHANGES"
    assert "ended" in results[1].message


def test_ending_an_auction_with_bids_sells_to_the_top_bidder(market, shop):
    auction = shop.add_offer("Zegarek kieszonkowy", format="auction", quantity=1, price=50.0)
    shop.bid(auction, buyer="ania.kot", amount=61.0)
    (result,) = market.finish([FinishRequest(auction, cancel_bids=False)])
    assert result.ok
    (form,) = shop.forms()
    assert form["buyer"] == "ania.kot" and form["items"][0]["offer_id"] == auction


def test_ending_with_cancelled_bids_sends_a_reason_and_sells_nothing(market, shop):
    auction = shop.add_offer("Zegarek kieszonkowy", format="auction", quantity=1, price=50.0)
    shop.bid(auction)
    (result,) = market.finish([FinishRequest(auction, cancel_bids=True)])
    assert result.ok and shop.forms() == []


# -- relisting -----------------------------------------------------------------------------


@pytest.mark.parametrize("count,expected_calls", [(25, 1), (26, 2)])
def test_relist_returns_new_ids_mapped_to_sources(market, shop, count, expected_calls):
    ids = buy_now(shop, count, quantity=4)
    market.finish([FinishRequest(i) for i in ids])
    shop.reset_calls()
    requests = [RelistRequest(i, local_id=5000 + n, duration_days=0) for n, i in enumerate(ids)]
    results = market.relist(requests)
    assert [r.offer_id for r in results] == [str(i) for i in ids]
    assert all(r.ok and r.new_offer_id and not r.scheduled for r in results)
    new = {o["offer_id"]: o for o in shop.offers([r.new_offer_id for r in results])}
    for request, result in zip(requests, results):
        offer = new[int(result.new_offer_id)]
        assert offer["relisted_from"] == request.offer_id and offer["local_id"] == request.local_id
        assert offer["state"] == "active"
    counts = calls(shop)
    assert counts["doSellSomeAgain"] == expected_calls
    assert counts["doVerifyItem"] == count
    assert set(executed_ids(shop, "doSellSomeAgain").values()) == {1}


def test_relist_with_a_future_start_is_scheduled(market, shop):
    (offer_id,) = buy_now(shop, 1)
    market.finish([FinishRequest(offer_id)])
    start = datetime.fromtimestamp(shop.now(), UTC) + timedelta(days=2)
    (result,) = market.relist([RelistRequest(offer_id, local_id=77, duration_days=0, start_at=start)])
    assert result.ok and result.scheduled and result.new_offer_id
    (offer,) = shop.offers([result.new_offer_id])
    assert offer["state"] == "scheduled" and offer["start_time"] == int(start.timestamp())
    (verified,) = market.verify([77])
    assert verified.offer_id == result.new_offer_id and verified.listed == 2
    assert verified.start_time == start.replace(microsecond=0)


def test_relist_failures_are_results(market, shop):
    live, old, fresh = buy_now(shop, 3)
    market.finish([FinishRequest(old)])
    shop.advance_clock(days=61)
    market.finish([FinishRequest(fresh)])
    results = market.relist([
        RelistRequest(live, 1, 0), RelistRequest(old, 2, 0), RelistRequest(fresh, 3, 0),
        RelistRequest(424242, 4, 0),
    ])
    codes = [(r.ok, r.error_code) for r in results]
    assert codes == [(False, "ERR_ITEM_NOT_ENDED"), (False, "ERR_SELL_AGAIN_TIME_EXPIRED"),
                     (True, ""), (False, "ERR_INVALID_ITEM_ID")]
    assert "60 days" in results[1].message
    assert calls(shop)["doVerifyItem"] == 1  # only the one that was relisted


def test_relists_with_different_durations_go_in_separate_calls(market, shop):
    ids = buy_now(shop, 4)
    market.finish([FinishRequest(i) for i in ids])
    shop.reset_calls()
    results = market.relist([RelistRequest(i, 900 + n, 0 if n % 2 else 30) for n, i in enumerate(ids)])
    assert all(r.ok for r in results)
    assert calls(shop)["doSellSomeAgain"] == 2
    durations = {o["offer_id"]: o["duration_days"] for o in shop.offers([r.new_offer_id for r in results])}
    assert [durations[int(r.new_offer_id)] for r in results] == [30, 0, 30, 0]


def test_verify_an_unknown_local_id(market, shop):
    (found,) = market.verify([123456])
    assert found.offer_id is None and found.listed == -1


# -- tracking ------------------------------------------------------------------------------


def test_tracking_numbers_are_checked_per_carrier(market, shop):
    offer_id = buy_now(shop, 1)[0]
    form_id = shop.purchase(offer_id)["form_id"]
    result = market.add_tracking(form_id, [
        Package(carrier_id=4, tracking_number="1234567890"),  # DHL: 10 or 11 digits
        Package(carrier_id=5, tracking_number="NOT-INPOST"),
        Package(carrier_id=99, tracking_number="123"),
        Package(carrier_id=0, tracking_number="XYZ123", carrier_name="Kurier Lokalny"),
    ])
    (form,) = shop.forms()
    on_allegro = {p["package_id"] for p in form["packages"]}
    assert set(result.added) == on_allegro
    assert "NOT-INPOST" in result.wrong_number and "123" in result.wrong_carrier
    assert result.form_id == str(form_id)


def test_tracking_for_an_unknown_form_is_a_typed_error(market, shop):
    with pytest.raises(errors.InvalidRequest) as caught:
        market.add_tracking(987654, [Package(4, "1234567890")])
    assert caught.value.code == "ERR_INCORRECT_TRANSACTION_ID"
    assert calls(shop)["doAddPackageInfoToPostBuyForm"] == 1


def test_many_parcels_are_sent_20_per_call(market, shop):
    offer_id = buy_now(shop, 1)[0]
    form_id = shop.purchase(offer_id)["form_id"]
    packages = [Package(0, f"PKG{n:04d}", carrier_name="Kurier Lokalny") for n in range(20)]
    result = market.add_tracking(form_id, packages)
    assert len(result.added) == 20
    assert calls(shop)["doAddPackageInfoToPostBuyForm"] == 1


def test_scheduled_offers_are_listed_from_the_future_tab(market, shop):
    (offer_id,) = buy_now(shop, 1, quantity=6)
    market.finish([FinishRequest(offer_id)])
    start = datetime.fromtimestamp(shop.now(), UTC) + timedelta(days=3)
    (relisted,) = market.relist([RelistRequest(offer_id, local_id=31, duration_days=0, start_at=start)])
    shop.reset_calls()
    scheduled = list(market.offers([OfferState.SCHEDULED]))
    assert [o.offer_id for o in scheduled] == [relisted.new_offer_id]
    (offer,) = scheduled
    assert offer.state is OfferState.SCHEDULED and offer.start_quantity == 6
    assert offer.start_time == start.replace(microsecond=0)
    assert calls(shop)["doGetMyFutureItems"] == 1
    everything = {o.offer_id: o.state for o in market.offers(list(OfferState))}
    assert everything[relisted.new_offer_id] is OfferState.SCHEDULED
    assert everything[str(offer_id)] is OfferState.NOT_SOLD


def test_the_calls_of_ends_and_relists_go_first_and_verify_off_the_quantity_pool(market, shop):
    """A sync sends ends and relists beside quantity changes: their calls are a chain (each
    waits for the one before), so they ask for a connection as urgent, and a relist's
    doVerifyItem calls do not queue on the pool the quantity changes fill."""
    import threading

    ids = buy_now(shop, 3, quantity=4)
    sent = []
    call = market.session.caller.call

    def recording(operation, args, **kwargs):
        sent.append((operation, kwargs.get("urgent", False), threading.current_thread().name))
        return call(operation, args, **kwargs)

    market.session.caller.call = recording
    market.finish([FinishRequest(i) for i in ids[:2]])
    results = market.relist([RelistRequest(i, local_id=9100 + n, duration_days=0) for n, i in enumerate(ids[:2])])
    market.change_quantities([QuantityChange(ids[2], 3, 0), QuantityChange(ids[2], 2, 0)])
    assert all(r.ok and r.new_offer_id for r in results)
    urgent = {op for op, is_urgent, _thread in sent if is_urgent}
    assert urgent == {"doFinishItems", "doSellSomeAgain", "doVerifyItem"}
    assert {t.split("_")[0] for op, _u, t in sent if op == "doVerifyItem"} == {"webapi-chain"}
    assert {t.split("_")[0] for op, _u, t in sent if op == "doChangeQuantityItem"} == {"webapi"}
    assert not any(u for op, u, _t in sent if op == "doChangeQuantityItem")
