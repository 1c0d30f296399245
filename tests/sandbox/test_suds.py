"""A second SOAP stack (suds) logs in and lists offers, fetching the WSDL from the sandbox."""

from __future__ import annotations

import pytest
from suds import WebFault
from suds.cache import NoCache
from suds.client import Client

from sandbox.sessions import SELLER_LOGIN, SELLER_PASSWORD, WEBAPI_KEY, password_hash


@pytest.fixture(scope="module")
def suds_client(server):
    return Client(server.wsdl_url, cache=NoCache(), timeout=30)


def test_suds_reads_the_wsdl_pointing_at_the_sandbox(suds_client, server):
    assert suds_client.wsdl.services[0].ports[0].location == server.url


def test_suds_logs_in_and_lists_offers(suds_client, control):
    service = suds_client.service
    version = service.doQuerySysStatus(1, 1, WEBAPI_KEY).verKey
    assert version == 1505
    login = service.doLoginEnc(SELLER_LOGIN, password_hash(SELLER_PASSWORD), 1, WEBAPI_KEY,
                               version)
    session = login.sessionHandlePart
    assert session and login.userId > 0
    answer = service.doGetMySellItems(sessionId=session, pageSize=1000, pageNumber=0)
    active = [o for o in control.offers() if o["state"] == "active"]
    assert answer.sellItemsCounter == len(active)
    listed = answer.sellItemsList.item
    assert {i.itemId for i in listed} == {o["offer_id"] for o in active}
    titles = {i.itemTitle for i in listed}
    assert titles == {o["title"] for o in active}
    assert any(set("ąęłóśżźćń") & set(t) for t in titles)


def test_suds_sees_faults(suds_client):
    with pytest.raises(WebFault) as caught:
        suds_client.service.doLoginEnc(SELLER_LOGIN, password_hash("wrong"), 1, WEBAPI_KEY, 1505)
    assert caught.value.fault.faultcode == "ERR_USER_PASSWD"
    assert "hasło" in caught.value.fault.faultstring
