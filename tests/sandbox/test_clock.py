"""The sandbox clock: offers start and end as time passes."""

from __future__ import annotations

from sandbox.control import SandboxControlError

from .helpers import items, login


def test_an_auction_with_bids_sells_to_the_top_bidder_when_time_runs_out(api, control):
    control.reset(demo=False)
    auction = control.add_offer("Pióro wieczne złocone", format="auction", price=100,
                                duration_days=3)
    control.bid(auction, buyer="pierwszy", amount=120)
    control.bid(auction, buyer="drugi", amount=150)
    end_time = control.offer(auction)["end_time"]
    control.advance_clock(days=3, seconds=1)
    offer = control.offer(auction)
    assert (offer["state"], offer["ended_by"], offer["ended_at"]) == ("ended", "time", end_time)
    [form] = control.forms()
    assert form["buyer"] == "drugi" and form["items"][0]["price"] == 150.0
    events = control.journal()
    assert [e["type"] for e in events] == [1, 2] and events[0]["time"] == end_time


def test_an_auction_without_bids_just_ends(api, control):
    control.reset(demo=False)
    auction = control.add_offer("Puzzle 1000 elementów", format="auction", price=20,
                                duration_days=5)
    control.advance_clock(days=5)
    offer = control.offer(auction)
    assert (offer["state"], offer["ended_by"], offer["sold_quantity"]) == ("ended", "time", 0)
    assert control.journal() == []
    session = login(api)
    not_sold = api.doGetMyNotSoldItems(sessionId=session)
    assert [i.itemId for i in items(not_sold.notSoldItemsList)] == [auction]


def test_until_sold_out_offers_renew_and_fixed_ones_end(control):
    control.reset(demo=False)
    forever, month = control.add_offers([
        {"title": "Herbata z pigwą", "quantity": 5, "price": 29, "duration_days": 0},
        {"title": "Herbata z malinami", "quantity": 5, "price": 29, "duration_days": 30}])
    control.advance_clock(days=65)
    assert control.offer(forever)["state"] == "active"
    assert control.offer(month)["state"] == "ended"
    assert control.offer(forever)["end_time"] > control.now()


def test_scheduled_offers_start_on_time(control):
    control.reset(demo=False)
    offer = control.add_offer("Donica ceramiczna", quantity=3, price=119, start_offset_hours=10)
    assert control.offer(offer)["state"] == "scheduled"
    control.advance_clock(hours=9)
    assert control.offer(offer)["state"] == "scheduled"
    control.advance_clock(hours=1)
    assert control.offer(offer)["state"] == "active"


def test_offers_created_in_the_past_can_already_be_over(control):
    control.reset(demo=False)
    offer = control.add_offer("Kask rowerowy", quantity=1, price=119, duration_days=3,
                              start_offset_hours=-80)
    assert control.offer(offer)["state"] == "ended"


def test_the_clock_only_moves_forward(control):
    before = control.now()
    after = control.advance_clock(days=1, hours=2, seconds=3)
    assert after - before >= 86400 + 7203
    try:
        control.advance_clock(seconds=-10)
    except SandboxControlError as exc:
        assert exc.status == 400
    else:
        raise AssertionError("moving the clock back was accepted")


def test_server_time_follows_the_clock(api, control):
    control.advance_clock(days=10)
    session_time = api.doLoginEnc(
        userLogin="sandbox-seller",
        userHashPassword="b9MrwdEW8gHe3n/MTtJabMFm/eSNpDtQuR/GhnyxGo8=",
        countryCode=1, webapiKey="SANDBOX-WEBAPI-KEY", localVersion=1505).serverTime
    assert abs(session_time - control.now()) <= 2
