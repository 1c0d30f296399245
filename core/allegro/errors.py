"""Allegro's fault codes as typed errors, each with a sentence a seller understands.

The adapter converts every zeep fault and transport failure into one of these at the
edge; nothing above `core/allegro` sees a zeep object. Each error keeps Allegro's own
code and text (`code`, `allegro_text`) for the log and support, and carries the
seller's sentence in English and Polish (`message`, `message_pl`, `message_for(lang)`).
"""
from __future__ import annotations

from collections.abc import Iterable

from core import i18n


class AllegroError(Exception):
    """Something Allegro (or the way to it) refused or failed."""

    default_code = "ERR_UNKNOWN"
    en = "Allegro reported an error."
    pl = "Allegro zgłosiło błąd."
    transient = False  # worth trying again a little later
    # For a batch operation stopped by this error: the results it had already finished.
    completed: tuple = ()

    def __init__(
        self,
        code: str | None = None,
        allegro_text: str = "",
        *,
        message: str | None = None,
        message_pl: str | None = None,
    ) -> None:
        self.code = code or self.default_code
        self.allegro_text = allegro_text or ""
        self.message_en = message or self.en
        self.message_pl = message_pl or self.pl
        super().__init__(self.message_en)

    @property
    def message(self) -> str:
        """The seller's sentence in the app's language (core.i18n), for the UI, CLI and history."""
        return self.message_for(i18n.language())

    def message_for(self, lang: str | None) -> str:
        """The seller's sentence in `lang` ("pl", "pl_PL", "en", ...); English otherwise."""
        return self.message_pl if (lang or "").lower().startswith("pl") else self.message_en

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"


class LoginRejected(AllegroError):
    default_code = "ERR_USER_PASSWD"
    en = "Allegro rejected the username or password."
    pl = "Allegro odrzuciło nazwę użytkownika lub hasło."


class ApiKeyRejected(AllegroError):
    default_code = "ERR_WEBAPI_KEY"
    en = "Allegro rejected the WebAPI key. Check the key in My Allegro → WebAPI."
    pl = "Allegro odrzuciło klucz WebAPI. Sprawdź klucz w Moim Allegro → WebAPI."


class VersionKeyMismatch(AllegroError):
    """The configured Api Key Version is not Allegro's current one."""

    default_code = "ERR_INVALID_VERSION_CAT_SELL_FIELDS"

    def __init__(self, current: int, configured: int | None = None, allegro_text: str = "") -> None:
        self.current = current
        self.configured = configured
        super().__init__(
            self.default_code,
            allegro_text,
            message=f"Allegro's current Api Key Version is {current}, not {configured}. Use {current}?",
            message_pl=(
                f"Aktualna wersja klucza Allegro to {current}, a nie {configured}. Użyć {current}?"
            ),
        )


class CaptchaRequired(AllegroError):
    default_code = "ERR_CAPTCHA_REQUIRED"
    en = "Too many failed logins: log in once on allegro.pl in a browser, then try again."
    pl = "Zbyt wiele nieudanych logowań: zaloguj się raz na allegro.pl w przeglądarce i spróbuj ponownie."


class SessionExpired(AllegroError):
    default_code = "ERR_SESSION_EXPIRED"
    en = "The Allegro session ended and logging in again did not help."
    pl = "Sesja Allegro wygasła, a ponowne logowanie nie pomogło."


class AccountBlocked(AllegroError):
    default_code = "ERR_BLOCKED_USER_CANT_INVOKE_METHOD"
    en = "Allegro has blocked this account for this action."
    pl = "Allegro zablokowało to konto dla tej czynności."


class RateLimited(AllegroError):
    default_code = "ERR_MINUTE_LIMIT_EXCEEDED"
    en = "Allegro's request limit was reached. The app waits and tries again."
    pl = "Przekroczono limit zapytań do Allegro. Program odczeka i spróbuje ponownie."
    transient = True


class ServiceUnavailable(AllegroError):
    default_code = "ERR_WEBAPI_NOT_AVAIL"
    en = "Allegro is not available at the moment. Try again later."
    pl = "Allegro jest w tej chwili niedostępne. Spróbuj ponownie później."
    transient = True


class ConnectionFailed(AllegroError):
    """No answer: the connection failed or timed out. Names the address tried."""

    default_code = "CONNECTION_FAILED"
    transient = True

    def __init__(self, address: str, *, timed_out: bool = False, tls: bool = False, detail: str = "") -> None:
        self.address = address
        self.timed_out = timed_out
        if tls:
            code, en, pl = (
                "TLS_FAILED",
                f"The secure connection to {address} could not be verified.",
                f"Nie udało się zweryfikować bezpiecznego połączenia z {address}.",
            )
        elif timed_out:
            code, en, pl = (
                "TIMEOUT",
                f"Allegro at {address} did not answer in time.",
                f"Allegro pod adresem {address} nie odpowiedziało na czas.",
            )
        else:
            code, en, pl = (
                "CONNECTION_FAILED",
                f"Could not connect to Allegro at {address}.",
                f"Nie udało się połączyć z Allegro pod adresem {address}.",
            )
        super().__init__(code, detail, message=en, message_pl=pl)


class CallTooSlow(AllegroError):
    """The whole call took longer than its deadline (core/allegro/limits.py); it was stopped."""

    default_code = "CALL_DEADLINE"

    def __init__(self, address: str, seconds: float) -> None:
        self.address = address
        super().__init__(
            self.default_code,
            f"no whole answer within {seconds:g} s",
            message=(
                f"Allegro at {address} did not finish answering within {seconds:g} seconds, so the app "
                "stopped waiting. Try again later; if it keeps happening, check the network."
            ),
            message_pl=(
                f"Allegro pod adresem {address} nie skończyło odpowiadać w ciągu {seconds:g} sekund, więc "
                "aplikacja przestała czekać. Spróbuj później; jeśli to się powtarza, sprawdź sieć."
            ),
        )


class AnswerTooLarge(AllegroError):
    """The answer passed the size limit (core/allegro/limits.py); reading it stopped there."""

    default_code = "ANSWER_TOO_LARGE"

    def __init__(self, address: str, operation: str, limit: int) -> None:
        self.address = address
        megabytes = limit / (1024 * 1024)
        super().__init__(
            self.default_code,
            f"{operation}: more than {limit} bytes",
            message=(
                f"The answer from {address} to {operation} was larger than {megabytes:g} MB, far more than "
                "Allegro ever sends, so the app stopped reading it and stored nothing of it."
            ),
            message_pl=(
                f"Odpowiedź z {address} na {operation} była większa niż {megabytes:g} MB, znacznie więcej, "
                "niż Allegro kiedykolwiek wysyła, więc aplikacja przerwała jej czytanie i nic z niej nie zapisała."
            ),
        )


class OutcomeUnknown(AllegroError):
    """A change may or may not have reached Allegro (outcomes.Outcome.UNKNOWN); ask Allegro
    before repeating it."""

    default_code = "OUTCOME_UNKNOWN"

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
        super().__init__(
            self.default_code,
            cause.allegro_text if cause else "",
            message="Allegro did not confirm a change that was sent; the app checks on Allegro whether it was made.",
            message_pl=(
                "Allegro nie potwierdziło wysłanej zmiany; program sprawdzi w Allegro, czy została wprowadzona."
            ),
        )


class InvalidResponse(AllegroError):
    """Allegro's answer could not be read or did not fit the contract."""

    default_code = "INVALID_RESPONSE"

    def __init__(self, operation: str, detail: str = "") -> None:
        self.operation = operation
        self.detail = detail
        super().__init__(
            self.default_code,
            detail,
            message=f"Allegro sent an answer the app cannot read ({operation}). Nothing was changed.",
            message_pl=(
                f"Allegro przysłało odpowiedź, której program nie potrafi odczytać ({operation}). "
                "Nic nie zmieniono."
            ),
        )


class InvalidRequest(AllegroError):
    """Allegro refused the request itself (bad input, a limit, a wrong id)."""

    default_code = "INVALID_REQUEST"
    en = "Allegro refused the request as invalid."
    pl = "Allegro odrzuciło żądanie jako nieprawidłowe."


class OfferRejected(AllegroError):
    """Allegro refused the change for this offer; other offers are unaffected."""

    default_code = "ERR_INVALID_QUANTITY"
    en = "Allegro refused the change for this offer."
    pl = "Allegro odrzuciło zmianę tej oferty."


class UnknownAllegroError(AllegroError):
    """A code this app has no sentence for: keep Allegro's code and its own text."""

    def __init__(self, code: str, allegro_text: str = "") -> None:
        text = allegro_text.strip() or "no description"
        super().__init__(
            code,
            allegro_text,
            message=f"Allegro reported an error {code}: {text}",
            message_pl=f"Allegro zgłosiło błąd {code}: {text}",
        )


# code -> (class, English, Polish). Codes from FACTS.md §3–§10 plus what the sandbox emits.
_CATALOGUE: dict[str, tuple[type[AllegroError], str, str]] = {
    # login and keys (§3)
    "ERR_USER_PASSWD": (LoginRejected, LoginRejected.en, LoginRejected.pl),
    "ERR_PASSWORD_TOO_EASY": (
        LoginRejected,
        "Allegro wants a new password for this account: change it on allegro.pl, then here.",
        "Allegro wymaga nowego hasła do tego konta: zmień je na allegro.pl, a potem tutaj.",
    ),
    "ERR_WEBAPI_KEY": (ApiKeyRejected, ApiKeyRejected.en, ApiKeyRejected.pl),
    "ERR_WEBAPI_KEY_INACTIVE": (
        ApiKeyRejected,
        "This WebAPI key is not active: accept the WebAPI terms in My Allegro.",
        "Ten klucz WebAPI jest nieaktywny: zaakceptuj regulamin WebAPI w Moim Allegro.",
    ),
    "ERR_WEBAPI_EXPIRED": (
        ApiKeyRejected,
        "This WebAPI key has expired: generate a new one in My Allegro → WebAPI.",
        "Ten klucz WebAPI wygasł: wygeneruj nowy w Moim Allegro → WebAPI.",
    ),
    "ERR_CAPTCHA_REQUIRED": (CaptchaRequired, CaptchaRequired.en, CaptchaRequired.pl),
    "ERR_NO_SESSION": (SessionExpired, SessionExpired.en, SessionExpired.pl),
    "ERR_SESSION_EXPIRED": (SessionExpired, SessionExpired.en, SessionExpired.pl),
    "ERR_AUTHORIZATION_ERROR": (
        AccountBlocked,
        "Allegro says this account is closed.",
        "Allegro informuje, że to konto jest zamknięte.",
    ),
    "ERR_LICENCE_EXPIRED_OR_CLOSED": (
        AccountBlocked,
        "Allegro says this account's licence has expired or was closed.",
        "Allegro informuje, że licencja tego konta wygasła lub została zamknięta.",
    ),
    "ERR_JUNIOR_CANT_LOGIN_IN_THIS_COUNTRY": (
        AccountBlocked,
        "Allegro Junior accounts cannot log in to this site.",
        "Konta Allegro Junior nie mogą logować się w tym serwisie.",
    ),
    "ERR_BLOCKED_USER_CANT_INVOKE_METHOD": (AccountBlocked, AccountBlocked.en, AccountBlocked.pl),
    "ERR_BLOCK_SELL_SELL": (
        AccountBlocked,
        "Allegro has blocked selling on this account.",
        "Allegro zablokowało sprzedaż na tym koncie.",
    ),
    "ERR_INPUT_COUNTRY_ERROR": (
        InvalidRequest,
        "Allegro does not recognise the country of this account.",
        "Allegro nie rozpoznaje kraju tego konta.",
    ),
    "ERR_UNKNOWN_FEATURE": (
        InvalidRequest,
        "Allegro did not recognise the version query.",
        "Allegro nie rozpoznało zapytania o wersję.",
    ),
    # limits and availability (§3, §4)
    "ERR_MINUTE_LIMIT_EXCEEDED": (RateLimited, RateLimited.en, RateLimited.pl),
    "ERR_IP_LIMIT_EXCEEDED": (
        RateLimited,
        "Too many requests from this computer. The app waits and tries again.",
        "Zbyt wiele zapytań z tego komputera. Program odczeka i spróbuje ponownie.",
    ),
    "ERR_WEBAPI_NOT_AVAIL": (ServiceUnavailable, ServiceUnavailable.en, ServiceUnavailable.pl),
    "ERR_INTERNAL_SYSTEM_ERROR": (
        ServiceUnavailable,
        "Allegro had an internal error. Try again later.",
        "W Allegro wystąpił błąd wewnętrzny. Spróbuj ponownie później.",
    ),
    "ERR_NO_DATABASE": (
        ServiceUnavailable,
        "Allegro's database is not available at the moment. Try again later.",
        "Baza danych Allegro jest w tej chwili niedostępna. Spróbuj ponownie później.",
    ),
    # batches and input (§5, §7, §9)
    "ERR_INPUT_ARRAY_EMPTY": (
        InvalidRequest,
        "Allegro was sent an empty list.",
        "Do Allegro wysłano pustą listę.",
    ),
    "ERR_ITEMS_ARRAY_OVERSIZED": (
        InvalidRequest,
        "Allegro accepts at most 25 offers at a time.",
        "Allegro przyjmuje najwyżej 25 ofert naraz.",
    ),
    "ERR_INCORRECT_JOURNAL_START": (
        InvalidRequest,
        "Allegro does not know the journal position the app asked from.",
        "Allegro nie zna pozycji dziennika, od której program pytał.",
    ),
    "ERR_INVALID_USER_TYPE": (
        InvalidRequest,
        "Allegro did not accept the user role asked for.",
        "Allegro nie przyjęło podanej roli użytkownika.",
    ),
    "ERR_INCORRECT_TRANSACTION_ID": (
        InvalidRequest,
        "Allegro does not know this order (post-buy form).",
        "Allegro nie zna tego zamówienia (formularza pozakupowego).",
    ),
    "ERR_INVALID_VALUE_IN_LOCAL_ID": (
        InvalidRequest,
        "Allegro refused the relist's local id.",
        "Allegro odrzuciło lokalny identyfikator wystawienia.",
    ),
    "ERR_GIVE_CANCEL_BIDS_REASON": (
        InvalidRequest,
        "A reason is needed to cancel the bids.",
        "Aby anulować oferty kupna, trzeba podać powód.",
    ),
    "ERR_INVALID_ITEM_ID": (
        OfferRejected,
        "Allegro does not know this offer.",
        "Allegro nie zna tej oferty.",
    ),
    # quantities (§6)
    "ERR_INVALID_QUANTITY": (
        OfferRejected,
        "Allegro refused this quantity (allowed 1–999, no increase with bids, not below what was sold).",
        "Allegro odrzuciło tę liczbę sztuk (dozwolone 1–999, bez zwiększania przy ofertach kupna, "
        "nie mniej niż sprzedano).",
    ),
    "ERR_BID_DURING_CHANGES": (
        OfferRejected,
        "The quantity cannot change: the offer already has bids.",
        "Nie można zmienić liczby sztuk: oferta ma już oferty kupna.",
    ),
    "ERR_CHANGING_QUANTITY_FOR_ADVERTISEMENT": (
        OfferRejected,
        "A classified ad has no quantity to change.",
        "Ogłoszenie nie ma liczby sztuk do zmiany.",
    ),
    "ERR_CHANGING_QUANTITY_FOR_MULTI_OFFER_DISABLED": (
        OfferRejected,
        "The quantity of a multi-variant offer cannot be changed here.",
        "Liczby sztuk oferty wielowariantowej nie można tu zmienić.",
    ),
    "ERR_JUNIOR_LIMIT_EXCEEDED": (
        OfferRejected,
        "The Allegro Junior limit does not allow this quantity.",
        "Limit Allegro Junior nie pozwala na tę liczbę sztuk.",
    ),
    "ERR_MULTI_ITEM_AND_BUYNOW_AND_STARTING": (
        OfferRejected,
        "An auction with several items cannot have this quantity.",
        "Licytacja z wieloma sztukami nie może mieć takiej liczby sztuk.",
    ),
    "ERR_MULTI_ITEMS_NOT_ALLOWED_IN_THIS_CATEGORY": (
        OfferRejected,
        "This category allows only one item per offer.",
        "W tej kategorii oferta może mieć tylko jedną sztukę.",
    ),
    "ERR_END_DURING_CHANGES": (
        OfferRejected,
        "The offer has already ended; it cannot be changed.",
        "Oferta już się zakończyła; nie można jej zmienić.",
    ),
    "ERR_CANT_CHANGE_QUANTITY_AFTER_BID": (
        OfferRejected,
        "The quantity cannot change: the offer already has bids.",
        "Nie można zmienić liczby sztuk: oferta ma już oferty kupna.",
    ),
    # ending and relisting (§7, §8)
    "ERR_YOU_CANT_CHANGE_ITEM": (
        OfferRejected,
        "Allegro is still applying an earlier change to this offer. Try again later.",
        "Allegro wciąż wprowadza wcześniejszą zmianę tej oferty. Spróbuj później.",
    ),
    "ERR_TOO_DISTANT_FUTURE": (
        OfferRejected,
        "A relist can start at most 30 days ahead.",
        "Wystawienie może rozpocząć się najwyżej 30 dni naprzód.",
    ),
    "ERR_TOO_MANY_YOUR_FUTURE_AUCTIONS": (
        OfferRejected,
        "The account already has the most scheduled offers Allegro allows.",
        "Konto ma już najwięcej zaplanowanych ofert, na ile pozwala Allegro.",
    ),
    "ERR_TOO_MANY_FUTURE_AT_THIS_TIME": (
        OfferRejected,
        "Too many offers are scheduled for that time: choose another start.",
        "Na ten czas zaplanowano zbyt wiele ofert: wybierz inny początek.",
    ),
    "ERR_ITEM_NOT_ENDED": (
        OfferRejected,
        "The offer is still live, so it cannot be relisted.",
        "Oferta nadal trwa, więc nie można wystawić jej ponownie.",
    ),
    "ERR_SELL_AGAIN_TIME_EXPIRED": (
        OfferRejected,
        "The offer ended more than 60 days ago; Allegro no longer relists it.",
        "Oferta zakończyła się ponad 60 dni temu; Allegro nie wystawi jej ponownie.",
    ),
    "ERR_INVALID_DURATION_TIME": (
        OfferRejected,
        "Allegro does not allow this listing duration.",
        "Allegro nie pozwala na taki czas trwania oferty.",
    ),
    "ERR_INVALID_PAGE_SIZE": (
        InvalidRequest,
        "Allegro refused the page size asked for (1–1000).",
        "Allegro odrzuciło żądany rozmiar strony (1–1000).",
    ),
    "ERR_INVALID_PAGE_NUMBER": (
        InvalidRequest,
        "Allegro refused the page number asked for.",
        "Allegro odrzuciło żądany numer strony.",
    ),
}


def error_for(code: str | None, allegro_text: str = "") -> AllegroError:
    """The typed error for an Allegro fault code; unknown codes keep code and text."""
    code = normalise_code(code)
    entry = _CATALOGUE.get(code)
    if entry is None:
        if code == "ERR_INVALID_VERSION_CAT_SELL_FIELDS":
            # Without the current key the seller gets the plain sentence; login() fills it in.
            return AllegroError(
                code,
                allegro_text,
                message="Allegro's Api Key Version has changed. Test the channel to accept the new one.",
                message_pl="Wersja klucza Allegro zmieniła się. Przetestuj kanał, aby przyjąć nową.",
            )
        return UnknownAllegroError(code or "ERR_UNKNOWN", allegro_text)
    cls, en, pl = entry
    return cls(code, allegro_text, message=en, message_pl=pl)


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
