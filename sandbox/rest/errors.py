"""Allegro's two error shapes: ``{"errors":[...]}`` for the API, ``{"error": ...}`` for OAuth.

``message`` is for developers and always English; ``userMessage`` is safe to show and is
Polish or English by the request's ``Accept-Language`` (English unless it asks for Polish:
see sandbox/README.md, "REST choices").
"""

from __future__ import annotations

# code -> (HTTP status, English message, Polish userMessage, English userMessage)
CATALOG: dict[str, tuple[int, str, str, str]] = {
    "NotAcceptableException": (
        406,
        "Not acceptable representation requested. Please check 'Accept' request header",
        "Nieobsługiwany format odpowiedzi. Sprawdź nagłówek Accept.",
        "The requested representation is not supported. Check the Accept header.",
    ),
    "UnsupportedMediaTypeException": (
        415,
        "Unsupported media type. Send application/vnd.allegro.public.v1+json",
        "Nieobsługiwany format danych. Wyślij application/vnd.allegro.public.v1+json.",
        "Unsupported body format. Send application/vnd.allegro.public.v1+json.",
    ),
    "NotFoundException": (
        404,
        "Resource not found",
        "Nie znaleziono zasobu.",
        "The resource was not found.",
    ),
    "MethodNotAllowedException": (
        405,
        "Request method not supported",
        "Ta metoda nie jest obsługiwana dla tego zasobu.",
        "This method is not supported for this resource.",
    ),
    "PayloadTooLargeException": (
        413,
        "Request body too large",
        "Przesłane dane są zbyt duże.",
        "The request body is too large.",
    ),
    "MalformedJsonException": (
        400,
        "Malformed JSON in the request body",
        "Przesłane dane nie są poprawnym JSON-em.",
        "The request body is not valid JSON.",
    ),
    "UnknownJSONProperty": (
        400,
        "Unknown JSON property",
        "Przesłano nieznane pole.",
        "The request contains an unknown field.",
    ),
    "InvalidJSONValue": (
        400,
        "Invalid value type",
        "Pole ma niepoprawną wartość.",
        "A field has a value of the wrong type.",
    ),
    "MissingJSONProperty": (
        400,
        "Missing required property",
        "Brakuje wymaganego pola.",
        "A required field is missing.",
    ),
    "VALIDATION_ERROR": (
        400,
        "Invalid query parameter",
        "Niepoprawna wartość parametru.",
        "A parameter has an invalid value.",
    ),
    "AccessDenied": (
        403,
        "Access is denied",
        "Brak uprawnień do tego zasobu.",
        "You have no access to this resource.",
    ),
    "TooManyRequestsException": (
        429,
        "Too many requests",
        "Zbyt wiele zapytań. Spróbuj ponownie za chwilę.",
        "Too many requests. Try again in a moment.",
    ),
    "InternalServerErrorException": (
        500,
        "Internal server error",
        "Wystąpił błąd. Spróbuj ponownie później.",
        "Something went wrong. Try again later.",
    ),
    "OfferNotFoundException": (
        404,
        "Offer not found",
        "Nie znaleziono oferty.",
        "The offer was not found.",
    ),
    "AvailableStockMustEqualToZeroOrBeGreaterThanZero": (
        422,
        "Available stock must be equal to zero or greater than zero",
        "Liczba dostępnych sztuk nie może być ujemna.",
        "The available stock cannot be negative.",
    ),
    "AvailableStockMustEqualToOneOrBeGreaterThanOne": (
        422,
        "Available stock must be equal to one or greater than one",
        "Ofertę można aktywować tylko z co najmniej jedną sztuką.",
        "An offer can only be activated with at least one item in stock.",
    ),
    "OfferConflictException": (
        409,
        "The offer has bids and its stock cannot be changed",
        "W ofercie złożono już oferty kupna - zmiana niemożliwa.",
        "The offer already has bids: it cannot be changed.",
    ),
    "AuctionCannotBeActivatedException": (
        422,
        "An auction cannot be activated again. List a new offer instead",
        "Nie wznowisz licytacji. Musisz wystawić nową.",
        "An auction cannot be resumed. List a new offer instead.",
    ),
    "OfferActivationWindowExpiredException": (
        422,
        "The offer ended more than 60 days ago and cannot be activated",
        "Oferta zakończyła się ponad 60 dni temu - nie można jej wznowić.",
        "The offer ended more than 60 days ago: it cannot be resumed.",
    ),
    "ScheduledInThePastException": (
        422,
        "You cannot schedule activating an offer in the past",
        "Nie można zaplanować aktywacji oferty w przeszłości.",
        "You cannot schedule activating an offer in the past.",
    ),
    "CommandIdAlreadyUsedException": (
        409,
        "Command id was already used",
        "Ten identyfikator polecenia został już użyty.",
        "This command id was already used.",
    ),
    "CommandNotFoundException": (
        404,
        "Command not found",
        "Nie znaleziono polecenia.",
        "The command was not found.",
    ),
    "InvalidCommandIdException": (
        400,
        "Command id must be a UUID",
        "Identyfikator polecenia musi być UUID.",
        "The command id must be a UUID.",
    ),
    "INCORRECT_QUANTITY_VALUE": (
        422,
        "Incorrect value of quantity",
        "Niepoprawna liczba sztuk.",
        "Incorrect quantity value.",
    ),
    "INVALID_OFFER_QUANTITY": (
        422,
        "The quantity can not be changed to less than 1.",
        "Liczba sztuk nie może być mniejsza niż 1.",
        "The quantity cannot be less than 1.",
    ),
    "OfferAlreadyEnded": (
        422,
        "The offer has already ended",
        "Oferta jest już zakończona.",
        "The offer has already ended.",
    ),
    "TooManyOffersInCommandException": (
        422,
        "A command can change at most 1000 offers",
        "Jedno polecenie może zmienić najwyżej 1000 ofert.",
        "One command can change at most 1000 offers.",
    ),
    "EmptyOfferCriteriaException": (
        422,
        "offerCriteria must list at least one offer",
        "Podaj co najmniej jedną ofertę.",
        "List at least one offer.",
    ),
    "CheckoutFormNotFoundException": (
        404,
        "Checkout form not found",
        "Nie znaleziono zamówienia.",
        "The order was not found.",
    ),
    "InvalidCheckoutFormIdException": (
        422,
        "Checkout form id must be a UUID",
        "Niepoprawny identyfikator zamówienia.",
        "Invalid order id.",
    ),
    "CarrierIdValidationException": (
        400,
        "Unrecognized value in the field: carrierId",
        "Wystąpił błąd. Nieznany przewoźnik.",
        "Unknown carrier.",
    ),
    "CarrierNameValidationException": (
        400,
        "carrierName is required for carrier OTHER and may have at most 30 characters",
        "Podaj nazwę przewoźnika (najwyżej 30 znaków).",
        "Give the carrier's name (at most 30 characters).",
    ),
    "WaybillValidationException": (
        400,
        "Tracking number is invalid",
        "Numer przesyłki jest niepoprawny.",
        "The tracking number is invalid.",
    ),
    "CarrierWaybillValidationException": (
        400,
        "Provided waybill is not valid for this carrier",
        "Wystąpił błąd. Ten numer przesyłki jest niepoprawny dla tego przewoźnika. "
        "Sprawdź numer i spróbuj ponownie.",
        "This tracking number is not valid for this carrier. Check it and try again.",
    ),
    "WaybillUsedTooManyTimesException": (
        409,
        "The waybill was used in too many orders",
        "Ten numer przesyłki dodano już do zbyt wielu zamówień.",
        "This tracking number was already added to too many orders.",
    ),
    "TooManyShipmentsException": (
        409,
        "Too many shipments in the order",
        "Dodano zbyt wiele przesyłek do zamówienia.",
        "Too many shipments were added to this order.",
    ),
    "LineItemNotFoundException": (
        422,
        "Line item does not belong to the order",
        "Pozycja nie należy do tego zamówienia.",
        "The line item is not part of this order.",
    ),
    "FulfillmentStatusValidationException": (
        422,
        "This fulfillment status cannot be set by the seller",
        "Sprzedający nie może ustawić tego statusu.",
        "The seller cannot set this status.",
    ),
    "OutdatedRevisionException": (
        409,
        "The checkout form revision is outdated",
        "Zamówienie zmieniło się w międzyczasie. Odśwież je.",
        "The order changed in the meantime. Reload it.",
    ),
}


class RestError(Exception):
    """An Allegro API error: answered as ErrorsHolder with the code's status."""

    def __init__(
        self,
        code: str,
        path: str | None = None,
        details: str | None = None,
        status: int | None = None,
        message: str | None = None,
    ):
        default_status, english, _, _ = CATALOG.get(code, (400, code, code, code))
        self.code = code
        self.path = path
        self.details = details
        self.status = status or default_status
        self.message = message or english
        super().__init__(f"{self.status} {code}: {self.message}")

    def body(self, polish: bool) -> dict:
        _, _, user_pl, user_en = CATALOG.get(self.code, (0, "", self.message, self.message))
        return {
            "errors": [
                {
                    "code": self.code,
                    "message": self.message,
                    "details": self.details,
                    "path": self.path,
                    "userMessage": user_pl if polish else user_en,
                }
            ]
        }


class AuthFailure(Exception):
    """An OAuth-style error: ``{"error": ..., "error_description": ...}``."""

    def __init__(self, status: int, error: str, description: str):
        self.status = status
        self.error = error
        self.description = description
        super().__init__(f"{status} {error}: {description}")

    def body(self) -> dict:
        return {"error": self.error, "error_description": self.description}


def wants_polish(accept_language: str | None) -> bool:
    """True when Accept-Language's first choice is Polish (pl, pl-PL)."""
    if not accept_language:
        return False
    first = accept_language.split(",")[0].split(";")[0].strip().lower()
    return first == "pl" or first.startswith("pl-")
