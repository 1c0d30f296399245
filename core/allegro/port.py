"""What the sync engine needs from Allegro, in plain Python.

The engine talks only to this port. `webapi.py` implements it over the legacy SOAP
WebAPI, `rest/marketplace.py` over the REST API. Times are timezone-aware UTC datetimes,
money is Decimal. Offer, order (form), line item and journal event ids are the
marketplace's own values as text: WebAPI numbers in decimal ("7301234567"), REST offer
numbers, checkout form and line item UUIDs and opaque event ids. Only the adapter that
made an id may compare or order it (a journal cursor is handed back, never compared).
localIds and carrier ids are WebAPI/app numbers and stay ints.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol, runtime_checkable


class OfferFormat(StrEnum):
    BUY_NOW = "buy_now"
    AUCTION = "auction"


class OfferState(StrEnum):
    ACTIVE = "active"  # on the "Selling" tab (doGetMySellItems)
    SOLD = "sold"  # ended with at least one sale (doGetMySoldItems)
    NOT_SOLD = "not_sold"  # ended with no sale (doGetMyNotSoldItems)
    SCHEDULED = "scheduled"  # relisted with a start time in the future


@dataclass(frozen=True, slots=True)
class Offer:
    offer_id: str
    title: str
    format: OfferFormat
    state: OfferState
    quantity: int  # items still available to buy
    start_quantity: int
    sold_quantity: int
    bids: int
    price: Decimal
    start_time: datetime | None
    end_time: datetime | None


@dataclass(frozen=True, slots=True)
class JournalDeal:
    """One event of the deals journal (doGetSiteJournalDeals)."""

    event_id: str
    event_type: int  # 1 deal created, 2 form filled, 3 form cancelled, 4 paid
    event_time: datetime
    deal_id: str  # the line item ("" when the event names none)
    transaction_id: str  # the post-buy form id; "" for type 1
    offer_id: str
    buyer_id: int
    quantity: int


@dataclass(frozen=True, slots=True)
class Address:
    full_name: str = ""
    company: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class FormItem:
    offer_id: str
    title: str
    quantity: int
    price: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True)
class PostBuyForm:
    form_id: str
    buyer_id: int
    buyer_login: str
    buyer_email: str
    items: tuple[FormItem, ...]
    amount: Decimal  # what the buyer pays in total
    postage_amount: Decimal
    pay_type: str
    pay_status: str
    created_at: datetime | None
    cancelled_at: datetime | None
    address: Address
    message: str = ""
    currency: str | None = None  # WebAPI forms carry none; the engine uses the channel's
    packages: tuple[Package, ...] = ()  # parcels Allegro accepted (postBuyFormShipmentTracking)

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


@dataclass(frozen=True, slots=True)
class FinishRequest:
    offer_id: str
    cancel_bids: bool = False  # False on an auction with bids sells to the top bidder
    reason: str = ""


@dataclass(frozen=True, slots=True)
class FinishResult:
    offer_id: str
    ok: bool
    error_code: str = ""
    message: str = ""
    unknown: bool = False  # no answer that proves either way (outcomes.py): read the offer back


@dataclass(frozen=True, slots=True)
class RelistRequest:
    offer_id: str
    local_id: int  # unique per account; how the new offer id is found again
    duration_days: int  # 0 = until sold out
    start_at: datetime | None = None  # None = now


@dataclass(frozen=True, slots=True)
class RelistResult:
    offer_id: str  # the source offer
    local_id: int
    ok: bool
    new_offer_id: str | None = None
    scheduled: bool = False
    error_code: str = ""
    message: str = ""
    unknown: bool = False  # no answer that proves either way (outcomes.py): verify the localId


@dataclass(frozen=True, slots=True)
class VerifiedOffer:
    """doVerifyItem's answer for one localId."""

    local_id: int
    offer_id: str | None  # None when Allegro knows no offer for this localId
    listed: int  # -1 will not be listed, 0 pending, 1 listed, 2 scheduled, 3 queued
    start_time: datetime | None = None

    @property
    def in_progress(self) -> bool:
        """Allegro is still working on it (pending or queued): ask again, do not resend."""
        return self.offer_id is None and self.listed in (0, 3)


@dataclass(frozen=True, slots=True)
class QuantityChange:
    offer_id: str
    quantity_left: int  # what buyers should be able to buy
    sold_quantity: int  # WebAPI sets the initial quantity, so it needs what was sold


@dataclass(frozen=True, slots=True)
class QuantityResult:
    offer_id: str
    ok: bool
    quantity_left: int | None = None
    error_code: str = ""
    message: str = ""
    # An earlier attempt of this change got no answer (it was sent again): it may still
    # land later, over a change made after it. The sync reads such offers back.
    may_land_late: bool = False


@dataclass(frozen=True, slots=True)
class Package:
    carrier_id: int  # Allegro operatorId (0 = other, then carrier_name is required)
    tracking_number: str
    carrier_name: str = ""


@dataclass(frozen=True, slots=True)
class TrackingResult:
    form_id: str
    added: tuple[str, ...] = ()
    wrong_carrier: tuple[str, ...] = ()
    wrong_number: tuple[str, ...] = ()
    # Allegro's own sentence for a refused number, when it gives one (REST userMessage)
    reasons: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class LoginInfo:
    user_id: int
    version_key: int
    server_time: datetime | None = None


@dataclass(slots=True)
class Credentials:
    """How to reach and log in to one account. Never logged, never stored in the db."""

    url: str  # the service address, e.g. https://webapi.allegro.pl/service.php
    username: str
    password: str = field(repr=False)
    api_key: str = field(repr=False)
    api_key_version: int
    country: int = 1

    def __repr__(self) -> str:  # the key and password never reach a log line
        return f"Credentials(url={self.url!r}, username={self.username!r})"


Progress = Callable[[int, int], None]  # (done, total)


@runtime_checkable
class Marketplace(Protocol):
    """The Allegro operations the sync needs. Batching and paging are the adapter's job:
    callers pass any number of ids."""

    def current_version_key(self) -> int:
        """Allegro's current version key (doQuerySysStatus)."""

    def login(self) -> LoginInfo:
        """Log in with the configured credentials; raises a typed AllegroError."""

    def offers(self, states: Iterable[OfferState] = (OfferState.ACTIVE,)) -> Iterator[Offer]:
        """Every offer of the account in the given My Allegro tabs, paged."""

    def offers_by_id(self, offer_ids: Iterable[str]) -> list[Offer]:
        """Offers looked up by id (whatever their tab); unknown ids are left out."""

    def journal(self, start: str | None) -> Iterator[list[JournalDeal]]:
        """The deals journal after event `start` (None = from the beginning), a page at a time."""

    def post_buy_forms(self, form_ids: Iterable[str]) -> list[PostBuyForm]:
        """Post-buy forms of the seller; unknown ids are left out."""

    def change_quantities(
        self, changes: Iterable[QuantityChange], progress: Progress | None = None
    ) -> list[QuantityResult]:
        """Set each offer's quantity left to sell. A per-offer failure is a result."""

    def finish(self, requests: Iterable[FinishRequest], progress: Progress | None = None) -> list[FinishResult]:
        """End offers. A per-offer failure is a result, not an exception."""

    def relist(self, requests: Iterable[RelistRequest], progress: Progress | None = None) -> list[RelistResult]:
        """Relist ended offers; each result carries the new offer id when Allegro gave one."""

    def verify(self, local_ids: Iterable[int]) -> list[VerifiedOffer]:
        """Which offer (if any) was created for each localId."""

    def add_tracking(self, form_id: str, packages: Iterable[Package]) -> TrackingResult:
        """Attach tracking numbers to a post-buy form."""

    def close(self) -> None:
        """Release connections."""
