"""WebAPI fault codes with the Polish faultstring and English faultactor Allegro sent."""

from __future__ import annotations

# code -> (Polish faultstring, English faultactor). Texts quoted in FACTS.md or in
# public client fault tables are used verbatim; the rest are written in the same style.
MESSAGES: dict[str, tuple[str, str]] = {
    "ERR_INTERNAL_SYSTEM_ERROR": ("Wewnętrzny bład systemu.", "Internal System Error."),
    "ERR_WEBAPI_NOT_AVAIL": (
        "W tej chwili nie można skorzystać z Allegro API! Proszę spróbować później!",
        "Allegro WebAPI is not available at the moment. Please try again later.",
    ),
    "ERR_NO_DATABASE": ("Problemy z bazą danych Allegro.", "Allegro database problems."),
    "ERR_MINUTE_LIMIT_EXCEEDED": (
        "Przekroczono limit zapytań na minutę dla klucza WebAPI.",
        "The per-minute request limit of this WebAPI key was exceeded.",
    ),
    "ERR_WEBAPI_KEY": (
        "Niepoprawna wartość klucza WebAPI lub klucz został zablokowany.",
        "Invalid WebAPI key or the key has been blocked.",
    ),
    "ERR_WEBAPI_KEY_INACTIVE": (
        "Klucz WebAPI jest nieaktywny. Zaakceptuj regulamin WebAPI.",
        "The WebAPI key is inactive: the WebAPI terms were not accepted.",
    ),
    "ERR_INPUT_COUNTRY_ERROR": ("Brak/niepoprawny kod kraju.", "Missing or invalid country code."),
    "ERR_UNKNOWN_FEATURE": (
        "Niepoprawna wartość parametru sysvar.",
        "Unknown component (sysvar).",
    ),
    "ERR_INVALID_VERSION_CAT_SELL_FIELDS": (
        "Niepoprawna wersja kategorii lub pól sprzedaży. Proszę sprawdzić lokalne wersje i "
        "uaktualnić oprogramowanie!",
        "Invalid version of categories or sell form fields. Check your local versions "
        "and update your software.",
    ),
    "ERR_USER_PASSWD": ("Błędne hasło lub login.", "Incorrect login or password."),
    "ERR_CAPTCHA_REQUIRED": (
        "Zbyt wiele nieudanych prób logowania. Zaloguj się w serwisie, przepisując kod z obrazka.",
        "Too many failed logins. Log in on the website and solve the CAPTCHA first.",
    ),
    "ERR_NO_SESSION": (
        "Niepoprawny identyfikator sesji.",
        "Invalid session identifier.",
    ),
    "ERR_SESSION_EXPIRED": ("Sesja wygasła.", "The session has expired."),
    "ERR_INPUT_ARRAY_EMPTY": ("Przekazana tablica jest pusta.", "The input array is empty."),
    "ERR_ITEMS_ARRAY_OVERSIZED": (
        "Przekroczono maksymalną liczbę elementów w tablicy.",
        "Too many elements in the input array.",
    ),
    "ERR_INVALID_PAGE_SIZE": (
        "Niepoprawna wielkość strony (dopuszczalny zakres: 1-1000).",
        "Invalid page size (allowed range: 1-1000).",
    ),
    "ERR_INVALID_PAGE_NUMBER": (
        "Niepoprawny numer strony (numeracja od 0).",
        "Invalid page number (pages are numbered from 0).",
    ),
    "ERR_INVALID_ITEM_ID": ("Niepoprawny identyfikator oferty.", "Invalid offer id."),
    "ERR_INVALID_QUANTITY": (
        "Niepoprawna wartość w polu określającym liczbę sztuk (dopuszczalny zakres: 1-999).",
        "Invalid quantity (allowed range: 1-999).",
    ),
    "ERR_BID_DURING_CHANGES": (
        "Zmiana niemożliwa - w ofercie złożono już oferty kupna.",
        "The change is impossible: the offer already has bids.",
    ),
    "ERR_END_DURING_CHANGES": (
        "Oferta została zakończona - zmiana niemożliwa.",
        "The offer has ended: it cannot be changed.",
    ),
    "ERR_GIVE_CANCEL_BIDS_REASON": (
        "Podaj powód odwołania ofert kupna.",
        "Give a reason for cancelling the bids.",
    ),
    "ERR_ITEM_NOT_ENDED": (
        "Oferta jeszcze trwa - nie można wystawić jej ponownie.",
        "The offer has not ended yet: it cannot be listed again.",
    ),
    "ERR_SELL_AGAIN_TIME_EXPIRED": (
        "Oferta zakończyła się ponad 60 dni temu - nie można wystawić jej ponownie.",
        "The offer ended more than 60 days ago: it cannot be listed again.",
    ),
    "ERR_INVALID_DURATION_TIME": (
        "Niepoprawna wartość w polu określającym czas trwania aukcji.",
        "Invalid listing duration.",
    ),
    "ERR_TOO_DISTANT_FUTURE": (
        "Niepoprawna (zbyt odległa) data rozpoczęcia aukcji (maks. 30 dni naprzód).",
        "The start date is too far ahead (at most 30 days).",
    ),
    "ERR_INVALID_VALUE_IN_LOCAL_ID": (
        "Niepoprawna wartość lokalnego identyfikatora (dopuszczalny zakres: 1-9999999999999).",
        "Invalid local id (allowed range 1-9999999999999, unique per account).",
    ),
    "ERR_INCORRECT_JOURNAL_START": (
        "Niepoprawny punkt startowy dziennika.",
        "Invalid journal start point.",
    ),
    "ERR_INVALID_USER_TYPE": (
        "Niepoprawny typ użytkownika (dozwolone: seller, buyer).",
        "Invalid user role (allowed: seller, buyer).",
    ),
    "ERR_INCORRECT_TRANSACTION_ID": (
        "Niepoprawny identyfikator transakcji.",
        "Invalid transaction id.",
    ),
}


class WebApiFault(Exception):
    """An Allegro-style SOAP fault: bare ERR_* code, Polish string, English actor."""

    def __init__(self, code: str, polish: str | None = None, english: str | None = None):
        default_pl, default_en = MESSAGES.get(code, (code, code))
        self.code = code
        self.polish = polish or default_pl
        self.english = english or default_en
        super().__init__(f"{code}: {self.english}")


def message_pair(code: str) -> tuple[str, str]:
    """The (Polish, English) texts of a code, for per-item failure lists."""
    return MESSAGES.get(code, (code, code))
