"""What an answer to a write proves: done, refused, or unknown. The one place that decides it.

Every write the sync sends (a quantity change, an end, a relist, a tracking number) gets
one of three outcomes from whatever came back:

- DONE: Allegro answered that it made the change;
- REFUSED: an answer that proves nothing happened (a session or rate-limit fault, bad
  input, a per-offer refusal that cannot follow from an earlier attempt of ours);
- UNKNOWN: everything else — no answer, a timeout, a dropped connection, HTTP 5xx, an
  answer that cannot be read, and every fault that does not prove the contrary.

UNKNOWN is never followed by a blind resend: the caller reads what Allegro now holds
(core/sync/recovery.py) and only then marks the change done, sends it again, or reports it.

The rules are in terms of codes and statuses, not of SOAP: a REST adapter maps its own
answers here (HTTP status, error codes; a command id and its report play the part of a
relist's localId) and gets the same three outcomes.
"""
from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    DONE = "done"
    REFUSED = "refused"
    UNKNOWN = "unknown"


# The writes, by WebAPI operation. A quantity change sets an absolute value, so sending it
# again is harmless in itself; the others must be read back before anything is resent.
QUANTITY = "doChangeQuantityItem"
END = "doFinishItems"
END_ONE = "doFinishItem"
RELIST = "doSellSomeAgain"
TRACKING = "doAddPackageInfoToPostBuyForm"
WRITES = frozenset({QUANTITY, END, END_ONE, RELIST, TRACKING})

# A fault that answers a whole write call, by code.
CALL_FAULTS: dict[str, Outcome] = {
    # Allegro's own trouble: it may come after the work was done (FACTS §4 lists these as
    # "try again later", with no promise that nothing was carried out).
    "ERR_INTERNAL_SYSTEM_ERROR": Outcome.UNKNOWN,
    "ERR_WEBAPI_NOT_AVAIL": Outcome.UNKNOWN,
    "ERR_NO_DATABASE": Outcome.UNKNOWN,  # the database may have failed after the write
    "Server": Outcome.UNKNOWN,  # a SOAP-ENV:Server fault with no ERR_ code: anything may have run
    # Checked before any work: the key is blocked for a minute, nothing was done.
    "ERR_MINUTE_LIMIT_EXCEEDED": Outcome.REFUSED,
    "ERR_IP_LIMIT_EXCEEDED": Outcome.REFUSED,
    # The session is checked before the operation runs.
    "ERR_NO_SESSION": Outcome.REFUSED,
    "ERR_SESSION_EXPIRED": Outcome.REFUSED,
    # The key, the account and the request's shape are checked before any work.
    "ERR_WEBAPI_KEY": Outcome.REFUSED,
    "ERR_WEBAPI_KEY_INACTIVE": Outcome.REFUSED,
    "ERR_WEBAPI_EXPIRED": Outcome.REFUSED,
    "ERR_INVALID_VERSION_CAT_SELL_FIELDS": Outcome.REFUSED,
    "ERR_BLOCKED_USER_CANT_INVOKE_METHOD": Outcome.REFUSED,
    "ERR_BLOCK_SELL_SELL": Outcome.REFUSED,
    "ERR_AUTHORIZATION_ERROR": Outcome.REFUSED,
    "ERR_LICENCE_EXPIRED_OR_CLOSED": Outcome.REFUSED,
    "ERR_INPUT_ARRAY_EMPTY": Outcome.REFUSED,
    "ERR_ITEMS_ARRAY_OVERSIZED": Outcome.REFUSED,
    "ERR_INVALID_DURATION_TIME": Outcome.REFUSED,  # doSellSomeAgain checks the whole call first
    "ERR_TOO_DISTANT_FUTURE": Outcome.REFUSED,  # likewise, the start time
    "ERR_GIVE_CANCEL_BIDS_REASON": Outcome.REFUSED,  # doFinishItems: checked before any offer ends
    "ERR_INCORRECT_TRANSACTION_ID": Outcome.REFUSED,  # tracking: an unknown form takes no parcel
    # A relist call whose localIds do not match its offers is refused whole; a localId
    # refused for one offer comes back per offer (see ITEM_ANSWERS_FROM_OUR_EARLIER_TRY).
    "ERR_INVALID_VALUE_IN_LOCAL_ID": Outcome.REFUSED,
    # A single-offer call (doChangeQuantityItem, doFinishItem) refused for its one offer:
    # the offer's own state was checked and nothing changed.
    "ERR_INVALID_ITEM_ID": Outcome.REFUSED,
    "ERR_INVALID_QUANTITY": Outcome.REFUSED,
    "ERR_BID_DURING_CHANGES": Outcome.REFUSED,
    "ERR_CANT_CHANGE_QUANTITY_AFTER_BID": Outcome.REFUSED,
    "ERR_CHANGING_QUANTITY_FOR_ADVERTISEMENT": Outcome.REFUSED,
    "ERR_CHANGING_QUANTITY_FOR_MULTI_OFFER_DISABLED": Outcome.REFUSED,
    "ERR_JUNIOR_LIMIT_EXCEEDED": Outcome.REFUSED,
    "ERR_MULTI_ITEM_AND_BUYNOW_AND_STARTING": Outcome.REFUSED,
    "ERR_MULTI_ITEMS_NOT_ALLOWED_IN_THIS_CATEGORY": Outcome.REFUSED,
    "ERR_YOU_CANT_CHANGE_ITEM": Outcome.REFUSED,  # an earlier change is still being applied
    # A quantity change on an ended offer: nothing to change. (On doFinishItem this is
    # "already ended", which an end of ours may have caused: see below.)
    "ERR_END_DURING_CHANGES": Outcome.REFUSED,
    # A relist refused for the offer's own state, checked before anything is listed.
    "ERR_ITEM_NOT_ENDED": Outcome.REFUSED,
    "ERR_SELL_AGAIN_TIME_EXPIRED": Outcome.REFUSED,
    "ERR_TOO_MANY_FUTURE_AT_THIS_TIME": Outcome.REFUSED,
    "ERR_TOO_MANY_YOUR_FUTURE_AUCTIONS": Outcome.REFUSED,
    # Codes of logins and reads: should a write ever get one, it was turned away at the door.
    "ERR_USER_PASSWD": Outcome.REFUSED,
    "ERR_PASSWORD_TOO_EASY": Outcome.REFUSED,
    "ERR_CAPTCHA_REQUIRED": Outcome.REFUSED,
    "ERR_JUNIOR_CANT_LOGIN_IN_THIS_COUNTRY": Outcome.REFUSED,
    "ERR_INPUT_COUNTRY_ERROR": Outcome.REFUSED,
    "ERR_UNKNOWN_FEATURE": Outcome.REFUSED,
    "ERR_INCORRECT_JOURNAL_START": Outcome.REFUSED,
    "ERR_INVALID_USER_TYPE": Outcome.REFUSED,
    "ERR_INVALID_PAGE_SIZE": Outcome.REFUSED,
    "ERR_INVALID_PAGE_NUMBER": Outcome.REFUSED,
}

# Per-offer answers that only make sense if an earlier attempt of ours went through:
# read back like UNKNOWN, never taken as a refusal.
ITEM_ANSWERS_FROM_OUR_EARLIER_TRY: dict[str, frozenset[str]] = {
    END: frozenset({"ERR_END_DURING_CHANGES"}),  # "already ended": maybe by our own end
    END_ONE: frozenset({"ERR_END_DURING_CHANGES"}),
    RELIST: frozenset({"ERR_INVALID_VALUE_IN_LOCAL_ID"}),  # "local id already used": maybe by our relist
}


def of_call_fault(code: str) -> Outcome:
    """A fault answering a whole write call. A code not listed proves nothing: UNKNOWN."""
    return CALL_FAULTS.get(code, Outcome.UNKNOWN)


def of_call_fault_for(operation: str, code: str) -> Outcome:
    """As of_call_fault, for one operation: a single-offer end's "already ended" may be ours."""
    if code in ITEM_ANSWERS_FROM_OUR_EARLIER_TRY.get(operation, ()):
        return Outcome.UNKNOWN
    return of_call_fault(code)


def of_item_answer(operation: str, code: str) -> Outcome:
    """One offer's failure inside an answer that was read: a refusal, unless it is an
    answer to an earlier attempt of ours (then UNKNOWN: read back)."""
    if code in ITEM_ANSWERS_FROM_OUR_EARLIER_TRY.get(operation, ()):
        return Outcome.UNKNOWN
    return Outcome.REFUSED


def of_http_status(status: int) -> Outcome:
    """An HTTP answer that is not a readable fault: 5xx (a server or proxy error) may follow
    the work; 4xx means the request was not taken in; 2xx is read by the caller."""
    if status >= 500:
        return Outcome.UNKNOWN
    if status >= 400:
        return Outcome.REFUSED
    return Outcome.DONE


def of_transport(request_sent: bool) -> Outcome:
    """No answer at all: refused only when the request never left (connection refused,
    connect timeout); after it went out (read timeout, dropped connection) UNKNOWN."""
    return Outcome.UNKNOWN if request_sent else Outcome.REFUSED
