"""Tracking numbers: doAddPackageInfoToPostBuyForm checks each carrier's format."""

from __future__ import annotations

import pytest
from zeep.exceptions import Fault

from .helpers import items

VALID = [
    (1, "1Z999AA10123456784"),          # UPS
    (2, "12345678901"),                 # GLS
    (4, "1234567890"),                  # DHL Express
    (4, "JJD000030123456789012"),       # DHL Parcel
    (5, "620123456789012345678901"),    # InPost: 24 digits
    (6, "00259007738912345678"),        # Poczta Polska domestic
    (6, "RR123456789PL"),               # Poczta Polska registered
    (7, "0000123456789U"),              # DPD
    (9, "1000123456789"),               # DPD (Aukro id)
    (10, "123456789012"),               # FedEx
    (11, "GE123456789PL"),              # TNT
    (15, "PX1234567890"),               # Pocztex
]
INVALID = [
    (1, "1Z999AA1012345678"),           # UPS one character short
    (1, "1z999aa10123456784"),          # UPS in lower case
    (5, "62012345678901234567890"),     # InPost 23 digits
    (5, "62012345678901234567890A"),    # InPost with a letter
    (4, "12345"),                       # DHL too short
    (6, "RR123456789DE"),               # not a Polish registered number
    (7, "ABC"),
    (10, "12345678901"),                # FedEx 11 digits
    (2, " 12345678901"),                # no trimming
]


@pytest.fixture
def form_id(control):
    control.reset(demo=False)
    offer = control.add_offer("Plecak miejski wodoodporny", quantity=50, price=139)
    return control.purchase(offer, buyer="ola_handmade")["form_id"]


def add(api, session, form_id, *packages):
    return api.doAddPackageInfoToPostBuyForm(sessionId=session, transactionId=form_id,
                                             packageInfo={"item": list(packages)})


@pytest.mark.parametrize("operator, number", VALID)
def test_valid_numbers_are_added(api, session, form_id, control, operator, number):
    answer = add(api, session, form_id, {"operatorId": operator, "packageId": number})
    assert items(answer.packageIdsAdded) == [number]
    assert items(answer.packageIdsNotAddedIncorrectPackageId) == []
    [package] = control.forms()[0]["packages"]
    assert (package["operator_id"], package["package_id"]) == (operator, number)


@pytest.mark.parametrize("operator, number", INVALID)
def test_wrong_numbers_land_in_incorrect_package_id(api, session, form_id, control, operator,
                                                     number):
    answer = add(api, session, form_id, {"operatorId": operator, "packageId": number})
    assert items(answer.packageIdsAdded) == []
    assert items(answer.packageIdsNotAddedIncorrectPackageId) == [number]
    assert control.forms()[0]["packages"] == []


def test_operator_problems_land_in_incorrect_operator_id(api, session, form_id):
    answer = add(api, session, form_id,
                 {"operatorId": 0, "packageId": "KUR-2024-77"},                 # no name
                 {"operatorId": 8, "packageId": "123456"},                      # no such id
                 {"operatorId": 0, "packageId": "KUR-2024-78", "operatorName": "Kurier Jan"},
                 {"operatorId": 5, "packageId": "1" * 24})
    assert items(answer.packageIdsNotAddedIncorrectOperatorId) == ["KUR-2024-77", "123456"]
    assert items(answer.packageIdsAdded) == ["KUR-2024-78", "1" * 24]


def test_packages_show_in_the_form_data(api, session, form_id):
    add(api, session, form_id, {"operatorId": 5, "packageId": "6" * 24})
    [form] = items(api.doGetPostBuyFormsDataForSellers(sessionId=session,
                                                       transactionsIdsArray={"item": [form_id]}))
    [tracking] = items(form.postBuyFormShipmentTracking)
    assert (tracking.postBuyFormOperatorId, tracking.postBuyFormPackageId) == (5, "6" * 24)
    assert tracking.postBuyFormOperatorName == "InPost"
    assert form.postBuyFormSentBySeller == 1


def test_adding_the_same_number_twice_keeps_one(api, session, form_id, control):
    for _ in range(2):
        answer = add(api, session, form_id, {"operatorId": 1, "packageId": "1Z999AA10123456784"})
        assert items(answer.packageIdsAdded) == ["1Z999AA10123456784"]
    assert len(control.forms()[0]["packages"]) == 1


def test_unknown_form_is_a_fault(api, session, form_id):
    with pytest.raises(Fault) as caught:
        add(api, session, 12345, {"operatorId": 5, "packageId": "1" * 24})
    assert caught.value.code == "ERR_INCORRECT_TRANSACTION_ID"


def test_at_most_20_packages_per_form(api, session, form_id, control):
    numbers = [f"{n:024d}" for n in range(21)]
    with pytest.raises(Fault) as caught:
        add(api, session, form_id, *[{"operatorId": 5, "packageId": n} for n in numbers])
    assert caught.value.code == "ERR_ITEMS_ARRAY_OVERSIZED"
    answer = add(api, session, form_id, *[{"operatorId": 5, "packageId": n} for n in numbers[:20]])
    assert len(items(answer.packageIdsAdded)) == 20
    with pytest.raises(Fault) as caught:
        add(api, session, form_id, {"operatorId": 5, "packageId": numbers[20]})
    assert caught.value.code == "ERR_ITEMS_ARRAY_OVERSIZED"
    assert len(control.forms()[0]["packages"]) == 20
