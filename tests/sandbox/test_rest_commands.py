"""Quantity-change and publication commands: client UUIDs, 201 with zeros, tasks on the clock."""

from __future__ import annotations

import pytest

from .rest_support import criteria, errors_of, new_command_id

QUANTITY = "/sale/offer-quantity-change-commands/{commandId}"
PUBLICATION = "/sale/offer-publication-commands/{commandId}"


@pytest.fixture
def shop(control):
    control.reset(demo=False)
    buy_now = control.add_offers(
        [{"title": f"Świeca sojowa nr {i}", "quantity": 3, "price": 45} for i in range(5)]
    )
    auction = control.add_offer("Zegar ścienny", format="auction", price=50, duration_days=7)
    return buy_now, auction


def put(rest, template, command_id, body):
    return rest.call("PUT", template, template.replace("{commandId}", command_id), body=body)


def report(rest, template, command_id):
    return rest.get(template, template.replace("{commandId}", command_id)).json()


def tasks(rest, template, command_id, **params):
    path = template.replace("{commandId}", command_id) + "/tasks"
    return rest.get(template + "/tasks", path, params=params)


def change(rest, offer_ids, value, change_type="FIXED", command_id=None):
    command_id = command_id or new_command_id()
    answer = put(
        rest,
        QUANTITY,
        command_id,
        {
            "modification": {"changeType": change_type, "value": value},
            "offerCriteria": criteria(*offer_ids),
        },
    )
    return command_id, answer


def test_a_quantity_command_answers_201_with_zeros_then_its_tasks_succeed(rest, shop, control):
    buy_now, _ = shop
    control.rest_settings(command_delay_seconds=60)  # a busy machine takes no task past NEW before the clock moves
    command_id, answer = change(rest, buy_now[:3], 7)
    assert answer.status_code == 201
    assert answer.json()["taskCount"] == {"total": 0, "success": 0, "failed": 0}
    assert answer.json()["completedAt"] is None
    pending = tasks(rest, QUANTITY, command_id).json()["tasks"]
    assert [t["status"] for t in pending] == ["NEW"] * 3
    assert control.offer(buy_now[0])["quantity"] == 3  # nothing changed yet
    control.advance_clock(seconds=61)
    done = report(rest, QUANTITY, command_id)
    assert done["taskCount"] == {"total": 3, "success": 3, "failed": 0}
    assert done["completedAt"] is not None
    assert [o["quantity"] for o in control.offers(buy_now[:3])] == [7, 7, 7]
    assert {t["field"] for t in tasks(rest, QUANTITY, command_id).json()["tasks"]} == {"quantity"}


def test_the_soap_face_settles_a_command_too(rest, shop, control, api, session):
    buy_now, _ = shop
    change(rest, buy_now[:1], 8)
    control.advance_clock(seconds=1)
    info = api.doGetItemsInfo(sessionHandle=session, itemsIdArray={"item": [buy_now[0]]})
    assert info.arrayItemListInfo.item[0].itemInfo.itQuantity == 8


def test_gain_adds_and_a_result_below_one_fails_its_task(rest, shop, control):
    buy_now, auction = shop
    command_id, _ = change(rest, [buy_now[0], "123", auction], -3, "GAIN")
    control.bid(auction)
    control.advance_clock(seconds=1)
    listed = {t["offer"]["id"]: t for t in tasks(rest, QUANTITY, command_id).json()["tasks"]}
    assert listed[str(buy_now[0])]["errors"][0]["code"] == "INVALID_OFFER_QUANTITY"
    assert listed["123"]["errors"][0]["code"] == "OfferNotFoundException"
    assert listed[str(auction)]["status"] == "FAIL"
    assert report(rest, QUANTITY, command_id)["taskCount"] == {
        "total": 3,
        "success": 0,
        "failed": 3,
    }
    command_id, _ = change(rest, [buy_now[1]], 2, "GAIN")
    control.advance_clock(seconds=1)
    assert control.offer(buy_now[1])["quantity"] == 5


def test_a_command_id_is_used_once(rest, shop):
    buy_now, _ = shop
    command_id, _ = change(rest, buy_now[:1], 4)
    _, again = change(rest, buy_now[:1], 5, command_id=command_id)
    assert again.status_code == 409
    assert errors_of(again)[0][0] == "CommandIdAlreadyUsedException"
    _, bad = change(rest, buy_now[:1], 5, command_id="not-a-uuid")
    assert bad.status_code == 400


def test_fixed_zero_and_more_than_1000_offers_are_refused_at_once(rest, shop, control):
    buy_now, _ = shop
    _, zero = change(rest, buy_now[:1], 0)
    assert zero.status_code == 422
    assert errors_of(zero) == [("INCORRECT_QUANTITY_VALUE", "modification.value")]
    _, many = change(rest, range(1, 1002), 3)
    assert many.status_code == 422
    assert errors_of(many)[0][0] == "TooManyOffersInCommandException"
    _, none = change(rest, [], 3)
    assert none.status_code == 422
    assert control.offer(buy_now[0])["quantity"] == 3


def test_one_value_per_command(rest, shop):
    buy_now, _ = shop
    answer = put(
        rest,
        QUANTITY,
        new_command_id(),
        {
            "modification": {"changeType": "FIXED", "value": 2},
            "offerCriteria": [
                {"type": "CONTAINS_OFFERS", "offers": [{"id": str(buy_now[0]), "value": 9}]}
            ],
        },
    )
    assert answer.status_code == 400
    assert errors_of(answer) == [("UnknownJSONProperty", "offerCriteria[0].offers[0].value")]


def test_an_unknown_command_is_404_and_task_paging_is_checked(rest, shop):
    assert rest.get(QUANTITY, QUANTITY.replace("{commandId}", new_command_id())).status_code == 404
    buy_now, _ = shop
    command_id, _ = change(rest, buy_now, 2)
    assert len(tasks(rest, QUANTITY, command_id, limit=2, offset=1).json()["tasks"]) == 2
    assert tasks(rest, QUANTITY, command_id, limit=1001).status_code == 422


def publish(rest, action, offer_ids, **extra):
    command_id = new_command_id()
    answer = put(
        rest,
        PUBLICATION,
        command_id,
        {"publication": {"action": action, **extra}, "offerCriteria": criteria(*offer_ids)},
    )
    return command_id, answer


def test_end_then_activate_a_buy_now_offer_under_the_same_id(rest, shop, control):
    buy_now, _ = shop
    command_id, answer = publish(rest, "END", buy_now[:2])
    assert answer.status_code == 201
    control.advance_clock(seconds=1)
    assert report(rest, PUBLICATION, command_id)["taskCount"]["success"] == 2
    assert [o["state"] for o in control.offers(buy_now[:2])] == ["ended", "ended"]
    command_id, _ = publish(rest, "ACTIVATE", buy_now[:1])
    control.advance_clock(seconds=1)
    assert control.offer(buy_now[0])["state"] == "active"
    field = tasks(rest, PUBLICATION, command_id).json()["tasks"][0]["field"]
    assert field == "publication"


def test_activating_an_auction_or_ending_twice_fails_its_task(rest, shop, control):
    buy_now, auction = shop
    publish(rest, "END", [auction, buy_now[0]])
    control.advance_clock(seconds=1)
    command_id, _ = publish(rest, "ACTIVATE", [auction])
    ended_id, _ = publish(rest, "END", [buy_now[0]])
    control.advance_clock(seconds=1)
    failed = tasks(rest, PUBLICATION, command_id).json()["tasks"][0]
    assert failed["status"] == "FAIL"
    assert failed["errors"][0]["code"] == "AuctionCannotBeActivatedException"
    again = tasks(rest, PUBLICATION, ended_id).json()["tasks"][0]
    assert (again["status"], again["errors"][0]["code"]) == ("FAIL", "OfferAlreadyEnded")


def test_activation_can_be_scheduled_but_not_in_the_past(rest, shop, control):
    buy_now, _ = shop
    publish(rest, "END", buy_now[:1])
    control.advance_clock(seconds=1)
    _, past = publish(rest, "ACTIVATE", buy_now[:1], scheduledFor="2020-01-01T00:00:00Z")
    assert past.status_code == 422
    assert errors_of(past)[0] == ("ScheduledInThePastException", "publication.scheduledFor")
    from datetime import datetime, timedelta, timezone

    later = datetime.fromtimestamp(control.now(), timezone.utc) + timedelta(hours=2)
    publish(rest, "ACTIVATE", buy_now[:1], scheduledFor=later.strftime("%Y-%m-%dT%H:%M:%SZ"))
    control.advance_clock(seconds=1)
    offer = rest.get("/sale/product-offers/{offerId}", f"/sale/product-offers/{buy_now[0]}")
    assert offer.json()["publication"]["status"] == "ACTIVATING"
    control.advance_clock(hours=2)
    assert control.offer(buy_now[0])["state"] == "active"


def test_a_reset_forgets_commands_not_yet_done(rest, shop, control):
    buy_now, _ = shop
    command_id, _ = change(rest, buy_now[:1], 9)
    control.reset(demo=False)
    fresh = control.add_offer("Nowa świeca", quantity=3)
    control.advance_clock(seconds=1)
    assert control.offer(fresh)["quantity"] == 3
    assert rest.get(QUANTITY, QUANTITY.replace("{commandId}", command_id)).status_code == 404


def test_commands_count_offer_changes_against_the_users_minute(rest, shop, control):
    control.rest_settings(user_offer_changes_per_minute=4)
    buy_now, _ = shop
    assert change(rest, buy_now[:3], 2)[1].status_code == 201
    refused = change(rest, buy_now[:2], 2)[1]
    assert refused.status_code == 429
    assert change(rest, buy_now[:1], 2)[1].status_code == 201  # 3 + 1 = 4 fit
    control.advance_clock(seconds=60)
    assert change(rest, buy_now[:4], 2)[1].status_code == 201
