"""Every fault code the app can meet reads as a seller's sentence, in English and Polish."""
from __future__ import annotations

import pytest

from core.allegro import errors

# The codes FACTS.md §3–§10 name for the operations this app calls.
FACTS_CODES = [
    "ERR_INPUT_COUNTRY_ERROR", "ERR_NO_DATABASE", "ERR_UNKNOWN_FEATURE", "ERR_WEBAPI_EXPIRED",
    "ERR_WEBAPI_KEY", "ERR_WEBAPI_KEY_INACTIVE", "ERR_WEBAPI_NOT_AVAIL", "ERR_AUTHORIZATION_ERROR",
    "ERR_CAPTCHA_REQUIRED", "ERR_INVALID_VERSION_CAT_SELL_FIELDS", "ERR_JUNIOR_CANT_LOGIN_IN_THIS_COUNTRY",
    "ERR_LICENCE_EXPIRED_OR_CLOSED", "ERR_NO_SESSION", "ERR_SESSION_EXPIRED", "ERR_PASSWORD_TOO_EASY",
    "ERR_USER_PASSWD", "ERR_MINUTE_LIMIT_EXCEEDED", "ERR_IP_LIMIT_EXCEEDED",
    "ERR_BLOCKED_USER_CANT_INVOKE_METHOD", "ERR_INTERNAL_SYSTEM_ERROR",
    "ERR_BID_DURING_CHANGES", "ERR_BLOCK_SELL_SELL", "ERR_CHANGING_QUANTITY_FOR_ADVERTISEMENT",
    "ERR_CHANGING_QUANTITY_FOR_MULTI_OFFER_DISABLED", "ERR_INVALID_QUANTITY", "ERR_JUNIOR_LIMIT_EXCEEDED",
    "ERR_MULTI_ITEM_AND_BUYNOW_AND_STARTING", "ERR_MULTI_ITEMS_NOT_ALLOWED_IN_THIS_CATEGORY",
    "ERR_END_DURING_CHANGES", "ERR_GIVE_CANCEL_BIDS_REASON", "ERR_INPUT_ARRAY_EMPTY",
    "ERR_ITEMS_ARRAY_OVERSIZED", "ERR_YOU_CANT_CHANGE_ITEM", "ERR_TOO_DISTANT_FUTURE",
    "ERR_TOO_MANY_YOUR_FUTURE_AUCTIONS", "ERR_TOO_MANY_FUTURE_AT_THIS_TIME", "ERR_INVALID_VALUE_IN_LOCAL_ID",
    "ERR_INCORRECT_JOURNAL_START", "ERR_INVALID_USER_TYPE", "ERR_INCORRECT_TRANSACTION_ID",
]

EXPECTED_CLASS = {
    "ERR_USER_PASSWD": errors.LoginRejected,
    "ERR_WEBAPI_KEY": errors.ApiKeyRejected,
    "ERR_WEBAPI_KEY_INACTIVE": errors.ApiKeyRejected,
    "ERR_WEBAPI_EXPIRED": errors.ApiKeyRejected,
    "ERR_CAPTCHA_REQUIRED": errors.CaptchaRequired,
    "ERR_NO_SESSION": errors.SessionExpired,
    "ERR_SESSION_EXPIRED": errors.SessionExpired,
    "ERR_BLOCKED_USER_CANT_INVOKE_METHOD": errors.AccountBlocked,
    "ERR_MINUTE_LIMIT_EXCEEDED": errors.RateLimited,
    "ERR_WEBAPI_NOT_AVAIL": errors.ServiceUnavailable,
    "ERR_INTERNAL_SYSTEM_ERROR": errors.ServiceUnavailable,
    "ERR_INVALID_QUANTITY": errors.OfferRejected,
    "ERR_ITEMS_ARRAY_OVERSIZED": errors.InvalidRequest,
}


@pytest.mark.parametrize("code", FACTS_CODES)
def test_every_known_code_has_its_own_sentence_in_both_languages(code):
    error = errors.error_for(code, "Polski tekst Allegro.")
    assert code in errors.known_codes()
    assert not isinstance(error, errors.UnknownAllegroError)
    assert error.code == code
    assert error.allegro_text == "Polski tekst Allegro."
    assert error.message and error.message_pl and error.message != error.message_pl
    assert error.message.endswith((".", "?")) and error.message_pl.endswith((".", "?"))
    assert "ERR_" not in error.message  # the seller reads a sentence, not a code
    assert error.message_for("pl_PL") == error.message_pl
    assert error.message_for("en") == error.message
    assert str(error) == error.message


@pytest.mark.parametrize("code,cls", sorted(EXPECTED_CLASS.items()))
def test_codes_map_to_the_typed_error_the_app_reacts_to(code, cls):
    assert type(errors.error_for(code)) is cls


def test_wrong_password_reads_as_the_issue_asks():
    error = errors.error_for("ERR_USER_PASSWD", "Błędne hasło lub login.")
    assert error.message == "Allegro rejected the username or password."
    assert error.message_pl == "Allegro odrzuciło nazwę użytkownika lub hasło."
    assert error.allegro_text == "Błędne hasło lub login."


def test_unknown_code_keeps_allegros_code_and_text():
    error = errors.error_for("ERR_SOMETHING_NEW", "Coś nowego się stało.")
    assert isinstance(error, errors.UnknownAllegroError)
    assert error.code == "ERR_SOMETHING_NEW"
    assert error.allegro_text == "Coś nowego się stało."
    assert "ERR_SOMETHING_NEW" in error.message and "Coś nowego się stało." in error.message
    assert "ERR_SOMETHING_NEW" in error.message_pl


def test_prefixed_fault_codes_are_understood():
    assert errors.error_for("ns1:ERR_USER_PASSWD").code == "ERR_USER_PASSWD"
    assert errors.error_for("{https://webapi.allegro.pl/service.php}ERR_WEBAPI_KEY").code == "ERR_WEBAPI_KEY"


def test_version_key_mismatch_carries_the_current_value():
    error = errors.VersionKeyMismatch(current=1505, configured=1400)
    assert error.current == 1505 and error.configured == 1400
    assert "1505" in error.message and "1505" in error.message_pl
    assert error.code == "ERR_INVALID_VERSION_CAT_SELL_FIELDS"


def test_connection_failure_names_the_address_tried():
    error = errors.ConnectionFailed("http://127.0.0.1:9/service.php", timed_out=True)
    assert "http://127.0.0.1:9/service.php" in error.message
    assert "http://127.0.0.1:9/service.php" in error.message_pl
    assert error.code == "TIMEOUT"
    assert errors.ConnectionFailed("https://x/service.php").code == "CONNECTION_FAILED"


def test_outcome_unknown_lists_what_was_involved():
    error = errors.OutcomeUnknown("doFinishItems", offer_ids=[1, 2], local_ids=[7], form_ids=[])
    assert error.offer_ids == (1, 2) and error.local_ids == (7,) and error.form_ids == ()
    assert error.operation == "doFinishItems"
    assert "Allegro" in error.message and error.message_pl


def test_invalid_response_says_nothing_was_changed():
    error = errors.InvalidResponse("doGetMySellItems", "itemId is missing")
    assert "doGetMySellItems" in error.message and "Nothing was changed" in error.message
    assert error.detail == "itemId is missing"


def test_message_for_code_is_usable_for_per_offer_failures():
    assert errors.message_for_code("ERR_BID_DURING_CHANGES", "pl").startswith("Nie można")
    assert errors.message_for_code("ERR_BID_DURING_CHANGES", "en").startswith("The quantity")
