"""Version key, login and sessions, as Allegro enforced them."""

from __future__ import annotations

import hashlib

import pytest
from zeep.exceptions import Fault

from sandbox.sessions import SELLER_LOGIN, SELLER_PASSWORD, WEBAPI_KEY, password_hash

from .helpers import envelope, fault_of, login, post_raw


def login_enc(api, password_hash_value, login_name=SELLER_LOGIN, key=WEBAPI_KEY, version=1505,
              country=1):
    return api.doLoginEnc(userLogin=login_name, userHashPassword=password_hash_value,
                          countryCode=country, webapiKey=key, localVersion=version)


def fault_code(call) -> str:
    with pytest.raises(Fault) as caught:
        call()
    return caught.value.code


def test_sys_status_gives_the_documented_version_key(api):
    status = api.doQuerySysStatus(sysvar=1, countryId=1, webapiKey=WEBAPI_KEY)
    assert status.verKey == 1505
    for sysvar in (3, 4):
        assert api.doQuerySysStatus(sysvar=sysvar, countryId=1, webapiKey=WEBAPI_KEY).verKey == 1505


def test_sys_status_refuses_bad_key_country_and_component(api):
    assert fault_code(lambda: api.doQuerySysStatus(sysvar=1, countryId=1, webapiKey="NOPE")) \
        == "ERR_WEBAPI_KEY"
    assert fault_code(lambda: api.doQuerySysStatus(sysvar=1, countryId=56, webapiKey=WEBAPI_KEY)) \
        == "ERR_INPUT_COUNTRY_ERROR"
    assert fault_code(lambda: api.doQuerySysStatus(sysvar=9, countryId=1, webapiKey=WEBAPI_KEY)) \
        == "ERR_UNKNOWN_FEATURE"


def test_all_sys_status_lists_poland_with_the_current_key(api, control):
    control.set_version_key(2024)
    statuses = api.doQueryAllSysStatus(countryId=1, webapiKey=WEBAPI_KEY)
    poland = [s for s in statuses if s.countryId == 1]
    assert len(poland) == 1 and poland[0].verKey == 2024
    assert len(statuses) == 2  # like the documented sample: another country beside Poland


def test_login_enc_takes_base64_of_the_raw_digest(api):
    result = login_enc(api, password_hash(SELLER_PASSWORD))
    assert result.userId > 0 and result.sessionHandlePart
    assert len(password_hash(SELLER_PASSWORD)) == 44


def test_login_enc_refuses_the_hex_digest(api):
    hex_digest = hashlib.sha256(SELLER_PASSWORD.encode()).hexdigest()
    assert fault_code(lambda: login_enc(api, hex_digest)) == "ERR_USER_PASSWD"


def test_plain_login_reads_only_sixteen_characters(api):
    ok = api.doLogin(userLogin=SELLER_LOGIN, userPassword=SELLER_PASSWORD, countryCode=1,
                     webapiKey=WEBAPI_KEY, localVersion=1505)
    assert ok.sessionHandlePart
    assert fault_code(lambda: api.doLogin(userLogin=SELLER_LOGIN, userPassword="wrong-password",
                                          countryCode=1, webapiKey=WEBAPI_KEY,
                                          localVersion=1505)) == "ERR_USER_PASSWD"


def test_stale_version_key_is_refused_and_the_new_one_works(api, control):
    assert control.set_version_key() == 1506
    stale = lambda: login_enc(api, password_hash(SELLER_PASSWORD), version=1505)  # noqa: E731
    assert fault_code(stale) == "ERR_INVALID_VERSION_CAT_SELL_FIELDS"
    current = api.doQuerySysStatus(sysvar=1, countryId=1, webapiKey=WEBAPI_KEY).verKey
    assert current == 1506
    assert login_enc(api, password_hash(SELLER_PASSWORD), version=current).sessionHandlePart


def test_bad_webapi_key_and_country_on_login(api):
    good = password_hash(SELLER_PASSWORD)
    assert fault_code(lambda: login_enc(api, good, key="SANDBOX-WRONG")) == "ERR_WEBAPI_KEY"
    assert fault_code(lambda: login_enc(api, good, country=2)) == "ERR_INPUT_COUNTRY_ERROR"


def test_four_bad_logins_then_captcha_even_with_the_right_password(api, control):
    bad = password_hash("not-the-password")
    for _ in range(4):
        assert fault_code(lambda: login_enc(api, bad)) == "ERR_USER_PASSWD"
    good = password_hash(SELLER_PASSWORD)
    assert fault_code(lambda: login_enc(api, good)) == "ERR_CAPTCHA_REQUIRED"
    assert fault_code(lambda: login_enc(api, good)) == "ERR_CAPTCHA_REQUIRED"
    control.reset()
    assert login_enc(api, good).sessionHandlePart


def test_a_good_login_resets_the_bad_login_count(api):
    bad, good = password_hash("nope"), password_hash(SELLER_PASSWORD)
    for _ in range(3):
        fault_code(lambda: login_enc(api, bad))
    assert login_enc(api, good).sessionHandlePart
    for _ in range(3):
        fault_code(lambda: login_enc(api, bad))
    assert login_enc(api, good).sessionHandlePart


def test_captcha_can_be_cleared_through_control(api, control):
    bad = password_hash("nope")
    for _ in range(5):
        fault_code(lambda: login_enc(api, bad))
    control.clear_captcha()
    assert login_enc(api, password_hash(SELLER_PASSWORD)).sessionHandlePart


def test_session_expires_one_hour_after_login(api, control):
    session = login(api)
    control.advance_clock(seconds=59 * 60)
    assert api.doGetMySellItems(sessionId=session).sellItemsCounter > 0
    control.advance_clock(seconds=60)
    assert fault_code(lambda: api.doGetMySellItems(sessionId=session)) == "ERR_SESSION_EXPIRED"


def test_expired_sessions_and_unknown_handles_differ(api, control):
    session = login(api)
    assert control.expire_sessions() >= 1
    assert fault_code(lambda: api.doChangeQuantityItem(
        sessionHandle=session, itemId=1, newItemQuantity=1)) == "ERR_SESSION_EXPIRED"
    assert fault_code(lambda: api.doChangeQuantityItem(
        sessionHandle="no-such-session", itemId=1, newItemQuantity=1)) == "ERR_NO_SESSION"
    assert login(api)  # a new login works at once


def test_the_twenty_first_session_closes_the_oldest(api):
    sessions = [login(api) for _ in range(21)]
    assert fault_code(lambda: api.doGetMySellItems(sessionId=sessions[0])) == "ERR_SESSION_EXPIRED"
    assert api.doGetMySellItems(sessionId=sessions[1]).sellItemsCounter > 0
    assert api.doGetMySellItems(sessionId=sessions[-1]).sellItemsCounter > 0


def test_fault_shape_is_allegros(server):
    body = envelope(
        '<ns0:DoQuerySysStatusRequest xmlns:ns0="https://webapi.allegro.pl/service.php">'
        "<ns0:sysvar>1</ns0:sysvar><ns0:countryId>1</ns0:countryId>"
        "<ns0:webapiKey>BAD</ns0:webapiKey></ns0:DoQuerySysStatusRequest>")
    status, payload, headers = post_raw(server, body)
    assert status == 500 and headers["Content-Type"].startswith("text/xml")
    fault = fault_of(payload)
    assert fault["faultcode"] == "ERR_WEBAPI_KEY"  # bare code, no namespace prefix
    assert fault["faultstring"] == "Niepoprawna wartość klucza WebAPI lub klucz został zablokowany."
    assert fault["faultactor"] == "Invalid WebAPI key or the key has been blocked."


def test_zeep_sees_code_and_polish_message(api):
    with pytest.raises(Fault) as caught:
        login_enc(api, password_hash("nope"))
    assert caught.value.code == "ERR_USER_PASSWD"
    assert "hasło" in caught.value.message


SESSION_CALLS = {
    "doGetMySellItems": lambda api, s: api.doGetMySellItems(sessionId=s),
    "doGetMySoldItems": lambda api, s: api.doGetMySoldItems(sessionId=s),
    "doGetMyNotSoldItems": lambda api, s: api.doGetMyNotSoldItems(sessionId=s),
    "doGetItemsInfo": lambda api, s: api.doGetItemsInfo(sessionHandle=s, itemsIdArray={"item": [1]}),
    "doChangeQuantityItem": lambda api, s: api.doChangeQuantityItem(sessionHandle=s, itemId=1,
                                                                    newItemQuantity=1),
    "doFinishItem": lambda api, s: api.doFinishItem(sessionHandle=s, finishItemId=1),
    "doFinishItems": lambda api, s: api.doFinishItems(
        sessionHandle=s, finishItemsList={"item": [{"finishItemId": 1}]}),
    "doSellSomeAgain": lambda api, s: api.doSellSomeAgain(
        sessionHandle=s, sellItemsArray={"item": [1]}, sellAuctionDuration=7),
    "doVerifyItem": lambda api, s: api.doVerifyItem(sessionHandle=s, localId=1),
    "doGetSiteJournalDeals": lambda api, s: api.doGetSiteJournalDeals(sessionId=s),
    "doGetSiteJournalDealsInfo": lambda api, s: api.doGetSiteJournalDealsInfo(sessionId=s),
    "doGetPostBuyFormsIds": lambda api, s: api.doGetPostBuyFormsIds(sessionId=s),
    "doGetPostBuyFormsDataForSellers": lambda api, s: api.doGetPostBuyFormsDataForSellers(
        sessionId=s, transactionsIdsArray={"item": [1]}),
    "doGetTransactionsIDs": lambda api, s: api.doGetTransactionsIDs(
        sessionHandle=s, itemsIdArray={"item": [1]}, userRole="seller"),
    "doAddPackageInfoToPostBuyForm": lambda api, s: api.doAddPackageInfoToPostBuyForm(
        sessionId=s, transactionId=1, packageInfo={"item": []}),
}


@pytest.mark.parametrize("operation", sorted(SESSION_CALLS))
def test_every_session_operation_checks_the_session(api, control, operation):
    call = SESSION_CALLS[operation]
    assert fault_code(lambda: call(api, "made-up-handle")) == "ERR_NO_SESSION"
    session = login(api)
    control.expire_sessions()
    assert fault_code(lambda: call(api, session)) == "ERR_SESSION_EXPIRED"
    counts = control.calls()
    assert counts["counts"][operation] == 2 and operation not in counts["executed"]
