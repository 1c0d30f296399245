"""Allegro's fault codes as typed errors, each with a sentence a seller understands.

The adapter converts every zeep fault and transport failure into one of these at the
edge; nothing above `core/allegro` sees a zeep object. Each error keeps Allegro's own
code and text (`code`, `allegro_text`) for the log and support, and the seller's sentence
as English source text with named placeholders (`template`, `params`), translated through
core's catalogue when shown: `message` in the app's language, `message_for(lang)` in any.
"""
from __future__ import annotations

from collections.abc import Iterable

from core import i18n
from core.i18n import N_


class AllegroError(Exception):
    """Something Allegro (or the way to it) refused or failed."""

    default_code = "ERR_UNKNOWN"
    en = N_("Allegro reported an error.")
    transient = False  # worth trying again a little later
    # For a batch operation stopped by this error: the results it had already finished.
    completed: tuple = ()

    def __init__(self, code: str | None = None, allegro_text: str = "", *,
                 message: str | None = None, params: dict | None = None) -> None:
        """`message`: the English sentence marked with N_(), its {placeholders} filled from
        `params` after translating; the class's own sentence when None."""
        self.code = code or self.default_code
        self.allegro_text = allegro_text or ""
        self.template = message or self.en
        self.params = dict(params or {})
        super().__init__(self.message_for(i18n.ENGLISH))

    @property
    def message(self) -> str:
        """The seller's sentence in the app's language (core.i18n), for the UI, CLI and history."""
        return self.message_for(i18n.language())

    @property
    def message_en(self) -> str:
        return self.message_for(i18n.ENGLISH)

    @property
    def message_pl(self) -> str:
        return self.message_for(i18n.POLISH)

    def message_for(self, lang: str | None) -> str:
        """The seller's sentence in `lang` ("pl", "pl_PL", "en", ...); English otherwise."""
        text = i18n.translation(lang).gettext(self.template)
        return text.format(**self.params) if self.params else text

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"


class LoginRejected(AllegroError):
    default_code = "ERR_USER_PASSWD"
    en = N_("Allegro rejected the username or password.")


class ApiKeyRejected(AllegroError):
    default_code = "ERR_WEBAPI_KEY"
    en = N_("Allegro rejected the WebAPI key. Check the key in My Allegro → WebAPI.")


class VersionKeyMismatch(AllegroError):
    """The configured Api Key Version is not Allegro's current one."""

    default_code = "ERR_INVALID_VERSION_CAT_SELL_FIELDS"
    en = N_("Allegro's current Api Key Version is {current}, not {configured}. Use {current}?")

    def __init__(self, current: int, configured: int | None = None, allegro_text: str = "") -> None:
        self.current = current
        self.configured = configured
        super().__init__(self.default_code, allegro_text, params={"current": current, "configured": configured})


class CaptchaRequired(AllegroError):
    default_code = "ERR_CAPTCHA_REQUIRED"
    en = N_("Too many failed logins: log in once on allegro.pl in a browser, then try again.")


class SessionExpired(AllegroError):
    default_code = "ERR_SESSION_EXPIRED"
    en = N_("The Allegro session ended and logging in again did not help.")


class AccountBlocked(AllegroError):
    default_code = "ERR_BLOCKED_USER_CANT_INVOKE_METHOD"
    en = N_("Allegro has blocked this account for this action.")


class RateLimited(AllegroError):
    default_code = "ERR_MINUTE_LIMIT_EXCEEDED"
    en = N_("Allegro's request limit was reached. The app waits and tries again.")
    transient = True


class ServiceUnavailable(AllegroError):
    default_code = "ERR_WEBAPI_NOT_AVAIL"
    en = N_("Allegro is not available at the moment. Try again later.")
    transient = True


class ConnectionFailed(AllegroError):
    """No answer: the connection failed or timed out. Names the address tried."""

    default_code = "CONNECTION_FAILED"
    transient = True

    def __init__(self, address: str, *, timed_out: bool = False, tls: bool = False, detail: str = "") -> None:
        self.address = address
        self.timed_out = timed_out
        if tls:
            code, message = "TLS_FAILED", N_("The secure connection to {address} could not be verified.")
        elif timed_out:
            code, message = "TIMEOUT", N_("Allegro at {address} did not answer in time.")
        else:
            code, message = "CONNECTION_FAILED", N_("Could not connect to Allegro at {address}.")
        super().__init__(code, detail, message=message, params={"address": address})


class CallTooSlow(AllegroError):
    """The whole call took longer than its deadline (core/allegro/limits.py); it was stopped."""

    default_code = "CALL_DEADLINE"
    en = N_("Allegro at {address} did not finish answering within {seconds} seconds, so the app stopped "
            "waiting. Try again later; if it keeps happening, check the network.")

    def __init__(self, address: str, seconds: float) -> None:
        self.address = address
        super().__init__(self.default_code, f"no whole answer within {seconds:g} s",
                         params={"address": address, "seconds": f"{seconds:g}"})


class AnswerTooLarge(AllegroError):
    """The answer passed the size limit (core/allegro/limits.py); reading it stopped there."""

    default_code = "ANSWER_TOO_LARGE"
    en = N_("The answer from {address} to {operation} was larger than {megabytes} MB, far more than Allegro "
            "ever sends, so the app stopped reading it and stored nothing of it.")

    def __init__(self, address: str, operation: str, limit: int) -> None:
        self.address = address
        super().__init__(self.default_code, f"{operation}: more than {limit} bytes",
                         params={"address": address, "operation": operation, "megabytes": f"{limit / 1048576:g}"})


class OutcomeUnknown(AllegroError):
    """A change may or may not have reached Allegro (outcomes.Outcome.UNKNOWN); ask Allegro
    before repeating it."""

    default_code = "OUTCOME_UNKNOWN"
    en = N_("Allegro did not confirm a change that was sent; the app checks on Allegro whether it was made.")

    def __init__(
        self,
        operation: str,
        *,
        offer_ids: Iterable[int] = (),
        local_ids: Iterable[int] = (),
        form_ids: Iterable[int] = (),
        cause: AllegroError | None = None,
    ) -> None:
        self.operation = operation
        self.offer_ids = tuple(offer_ids)
        self.local_ids = tuple(local_ids)
        self.form_ids = tuple(form_ids)
        self.cause = cause
        super().__init__(self.default_code, cause.allegro_text if cause else "")


class InvalidResponse(AllegroError):
    """Allegro's answer could not be read or did not fit the contract."""

    default_code = "INVALID_RESPONSE"
    en = N_("Allegro sent an answer the app cannot read ({operation}). Nothing was changed.")

    def __init__(self, operation: str, detail: str = "") -> None:
        self.operation = operation
        self.detail = detail
        super().__init__(self.default_code, detail, params={"operation": operation})


class InvalidRequest(AllegroError):
    """Allegro refused the request itself (bad input, a limit, a wrong id)."""

    default_code = "INVALID_REQUEST"
    en = N_("Allegro refused the request as invalid.")


class OfferRejected(AllegroError):
    """Allegro refused the change for this offer; other offers are unaffected."""

    default_code = "ERR_INVALID_QUANTITY"
    en = N_("Allegro refused the change for this offer.")


class UnknownAllegroError(AllegroError):
    """A code this app has no sentence for: keep Allegro's code and its own text."""

    en = N_("Allegro reported an error {code}: {text}")

    def __init__(self, code: str, allegro_text: str = "") -> None:
        super().__init__(code, allegro_text, params={"code": code, "text": allegro_text.strip() or "no description"})


# code -> (class, English sentence). Codes from FACTS.md §3–§10 plus what the sandbox emits.
_CATALOGUE: dict[str, tuple[type[AllegroError], str]] = {
    # login and keys (§3)
    "ERR_USER_PASSWD": (LoginRejected, LoginRejected.en),
    "ERR_PASSWORD_TOO_EASY": (
        LoginRejected,
        N_("Allegro wants a new password for this account: change it on allegro.pl, then here."),
    ),
    "ERR_WEBAPI_KEY": (ApiKeyRejected, ApiKeyRejected.en),
    "ERR_WEBAPI_KEY_INACTIVE": (
        ApiKeyRejected,
        N_("This WebAPI key is not active: accept the WebAPI terms in My Allegro."),
    ),
    "ERR_WEBAPI_EXPIRED": (
        ApiKeyRejected,
        N_("This WebAPI key has expired: generate a new one in My Allegro → WebAPI."),
    ),
    "ERR_CAPTCHA_REQUIRED": (CaptchaRequired, CaptchaRequired.en),
    "ERR_NO_SESSION": (SessionExpired, SessionExpired.en),
    "ERR_SESSION_EXPIRED": (SessionExpired, SessionExpired.en),
    "ERR_AUTHORIZATION_ERROR": (AccountBlocked, N_("Allegro says this account is closed.")),
    "ERR_LICENCE_EXPIRED_OR_CLOSED": (
        AccountBlocked,
        N_("Allegro says this account's licence has expired or was closed."),
    ),
    "ERR_JUNIOR_CANT_LOGIN_IN_THIS_COUNTRY": (
        AccountBlocked,
        N_("Allegro Junior accounts cannot log in to this site."),
    ),
    "ERR_BLOCKED_USER_CANT_INVOKE_METHOD": (AccountBlocked, AccountBlocked.en),
    "ERR_BLOCK_SELL_SELL": (AccountBlocked, N_("Allegro has blocked selling on this account.")),
    "ERR_INPUT_COUNTRY_ERROR": (
        InvalidRequest,
        N_("Allegro does not recognise the country of this account."),
    ),
    "ERR_UNKNOWN_FEATURE": (InvalidRequest, N_("Allegro did not recognise the version query.")),
    # limits and availability (§3, §4)
    "ERR_MINUTE_LIMIT_EXCEEDED": (RateLimited, RateLimited.en),
    "ERR_IP_LIMIT_EXCEEDED": (
        RateLimited,
        N_("Too many requests from this computer. The app waits and tries again."),
    ),
    "ERR_WEBAPI_NOT_AVAIL": (ServiceUnavailable, ServiceUnavailable.en),
    "ERR_INTERNAL_SYSTEM_ERROR": (ServiceUnavailable, N_("Allegro had an internal error. Try again later.")),
    "ERR_NO_DATABASE": (
        ServiceUnavailable,
        N_("Allegro's database is not available at the moment. Try again later."),
    ),
    # batches and input (§5, §7, §9)
    "ERR_INPUT_ARRAY_EMPTY": (InvalidRequest, N_("Allegro was sent an empty list.")),
    "ERR_ITEMS_ARRAY_OVERSIZED": (InvalidRequest, N_("Allegro accepts at most 25 offers at a time.")),
    "ERR_INCORRECT_JOURNAL_START": (
        InvalidRequest,
        N_("Allegro does not know the journal position the app asked from."),
    ),
    "ERR_INVALID_USER_TYPE": (InvalidRequest, N_("Allegro did not accept the user role asked for.")),
    "ERR_INCORRECT_TRANSACTION_ID": (InvalidRequest, N_("Allegro does not know this order (post-buy form).")),
    "ERR_INVALID_VALUE_IN_LOCAL_ID": (InvalidRequest, N_("Allegro refused the relist's local id.")),
    "ERR_GIVE_CANCEL_BIDS_REASON": (InvalidRequest, N_("A reason is needed to cancel the bids.")),
    "ERR_INVALID_ITEM_ID": (OfferRejected, N_("Allegro does not know this offer.")),
    # quantities (§6)
    "ERR_INVALID_QUANTITY": (
        OfferRejected,
        N_("Allegro refused this quantity (allowed 1–999, no increase with bids, not below what was sold)."),
    ),
    "ERR_BID_DURING_CHANGES": (OfferRejected, N_("The quantity cannot change: the offer already has bids.")),
    "ERR_CHANGING_QUANTITY_FOR_ADVERTISEMENT": (
        OfferRejected,
        N_("A classified ad has no quantity to change."),
    ),
    "ERR_CHANGING_QUANTITY_FOR_MULTI_OFFER_DISABLED": (
        OfferRejected,
        N_("The quantity of a multi-variant offer cannot be changed here."),
    ),
    "ERR_JUNIOR_LIMIT_EXCEEDED": (
        OfferRejected,
        N_("The Allegro Junior limit does not allow this quantity."),
    ),
    "ERR_MULTI_ITEM_AND_BUYNOW_AND_STARTING": (
        OfferRejected,
        N_("An auction with several items cannot have this quantity."),
    ),
    "ERR_MULTI_ITEMS_NOT_ALLOWED_IN_THIS_CATEGORY": (
        OfferRejected,
        N_("This category allows only one item per offer."),
    ),
    "ERR_END_DURING_CHANGES": (OfferRejected, N_("The offer has already ended; it cannot be changed.")),
    "ERR_CANT_CHANGE_QUANTITY_AFTER_BID": (
        OfferRejected,
        N_("The quantity cannot change: the offer already has bids."),
    ),
    # ending and relisting (§7, §8)
    "ERR_YOU_CANT_CHANGE_ITEM": (
        OfferRejected,
        N_("Allegro is still applying an earlier change to this offer. Try again later."),
    ),
    "ERR_TOO_DISTANT_FUTURE": (OfferRejected, N_("A relist can start at most 30 days ahead.")),
    "ERR_TOO_MANY_YOUR_FUTURE_AUCTIONS": (
        OfferRejected,
        N_("The account already has the most scheduled offers Allegro allows."),
    ),
    "ERR_TOO_MANY_FUTURE_AT_THIS_TIME": (
        OfferRejected,
        N_("Too many offers are scheduled for that time: choose another start."),
    ),
    "ERR_ITEM_NOT_ENDED": (OfferRejected, N_("The offer is still live, so it cannot be relisted.")),
    "ERR_SELL_AGAIN_TIME_EXPIRED": (
        OfferRejected,
        N_("The offer ended more than 60 days ago; Allegro no longer relists it."),
    ),
    "ERR_INVALID_DURATION_TIME": (OfferRejected, N_("Allegro does not allow this listing duration.")),
    "ERR_INVALID_PAGE_SIZE": (InvalidRequest, N_("Allegro refused the page size asked for (1–1000).")),
    "ERR_INVALID_PAGE_NUMBER": (InvalidRequest, N_("Allegro refused the page number asked for.")),
}


def error_for(code: str | None, allegro_text: str = "") -> AllegroError:
    """The typed error for an Allegro fault code; unknown codes keep code and text."""
    code = normalise_code(code)
    entry = _CATALOGUE.get(code)
    if entry is None:
        if code == "ERR_INVALID_VERSION_CAT_SELL_FIELDS":
            # Without the current key the seller gets the plain sentence; login() fills it in.
            return AllegroError(
                code, allegro_text,
                message=N_("Allegro's Api Key Version has changed. Test the channel to accept the new one."),
            )
        return UnknownAllegroError(code or "ERR_UNKNOWN", allegro_text)
    cls, message = entry
    return cls(code, allegro_text, message=message)


def message_for_code(code: str, lang: str | None = "en", allegro_text: str = "") -> str:
    """The seller's sentence for a code, e.g. for per-offer failures shown in a table."""
    return error_for(code, allegro_text).message_for(lang)


def known_codes() -> frozenset[str]:
    return frozenset(_CATALOGUE) | {"ERR_INVALID_VERSION_CAT_SELL_FIELDS"}


def normalise_code(code: str | None) -> str:
    """Faults carry the bare code; tolerate a namespace prefix or a Clark name anyway."""
    if not code:
        return ""
    code = str(code).strip()
    if code.startswith("{") and "}" in code:
        code = code.split("}", 1)[1]
    if ":" in code:
        code = code.rsplit(":", 1)[1]
    return code
