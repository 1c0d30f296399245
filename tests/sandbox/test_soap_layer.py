"""The SOAP layer: its fast paths agree with zeep's own (de)serialisation."""

from __future__ import annotations

import pytest
from lxml import etree
from zeep import Client, Settings

from sandbox.soap import WSDL_PATH, contract

FLAT = {
    "doChangeQuantityItem": ({"sessionHandle": "S//02_1", "itemId": 7100000001,
                              "newItemQuantity": 12},
                             {"itemId": 7100000001, "itemInfo": "Zmiana <ilości> & -",
                              "itemQuantityLeft": 9, "itemQuantitySold": 3}),
    "doLoginEnc": ({"userLogin": "sandbox-seller", "userHashPassword": "abc=", "countryCode": 1,
                    "webapiKey": "K", "localVersion": 1505},
                   {"sessionHandlePart": "x//02_1", "userId": 48213751, "serverTime": 1700000000}),
    "doVerifyItem": ({"sessionHandle": "S", "localId": 5},
                     {"itemId": -1, "itemListed": -1, "itemStartingTime": 0}),
    "doFinishItem": ({"sessionHandle": "S", "finishItemId": 3, "finishCancelAllBids": None,
                      "finishCancelReason": None}, {"finishValue": 1}),
}


@pytest.fixture(scope="module")
def zeep_client():
    return Client(str(WSDL_PATH), settings=Settings(strict=True))


@pytest.mark.parametrize("operation", sorted(FLAT))
def test_flat_requests_parse_like_zeep(zeep_client, operation):
    request, _ = FLAT[operation]
    sent = {k: v for k, v in request.items() if v is not None}
    message = zeep_client.create_message(zeep_client.service, operation, **sent)
    parsed = contract().parse_request(etree.tostring(message))
    assert parsed.operation == operation
    assert parsed.params == request


@pytest.mark.parametrize("operation", sorted(FLAT))
def test_flat_responses_match_zeeps_serializer(operation):
    _, response = FLAT[operation]
    soap = contract()
    fast = soap.build_response(operation, response)
    assert soap.validate_response(fast) is None
    assert fast == soap.build_response_zeep(operation, response)


def test_flat_responses_refuse_missing_and_unknown_fields():
    soap = contract()
    with pytest.raises(ValueError, match="itemQuantitySold"):
        soap.build_response("doChangeQuantityItem",
                            {"itemId": 1, "itemInfo": "-", "itemQuantityLeft": 1})
    with pytest.raises(TypeError):
        soap.build_response("doVerifyItem",
                            {"itemId": 1, "itemListed": 1, "itemStartingTime": 0, "extra": 1})
