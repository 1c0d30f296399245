"""A small hand-written Allegro behind the Marketplace port, for the engine's unit tests.

It keeps offers, a deals journal and post-buy forms in memory, counts calls per
operation, and can be told to fail a call before or after doing its work (the
second is the "answer lost" case that must never cause a repeat).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from core.allegro import outcomes
from core.allegro.errors import ConnectionFailed, OutcomeUnknown, ServiceUnavailable
from core.allegro.port import (
    Address,
    FinishResult,
    FormItem,
    JournalDeal,
    LoginInfo,
    Offer,
    OfferFormat,
    OfferState,
    Package,
    PostBuyForm,
    QuantityResult,
    RelistResult,
    TrackingResult,
    VerifiedOffer,
)



@dataclass
class FakeOffer:
    offer_id: str
    title: str
    format: OfferFormat
    start_quantity: int
    sold: int = 0
    bids: int = 0
    top_bidder: str = ""
    state: OfferState = OfferState.ACTIVE
    ended_at: datetime | None = None
    start_time: datetime | None = None
    relisted_from: str | None = None

    @property
    def left(self) -> int:
        return self.start_quantity - self.sold

    def view(self) -> Offer:
        return Offer(
            offer_id=self.offer_id,
            title=self.title,
            format=self.format,
            state=self.state,
            quantity=max(self.left, 0),
            start_quantity=self.start_quantity,
            sold_quantity=self.sold,
            bids=self.bids,
            price=Decimal("10.00"),
            start_time=self.start_time,
            end_time=self.ended_at,
        )


@dataclass
class Fault:
    operation: str
    when: str = "before"  # before: nothing happens; after: it happens, the answer is lost
    count: int = 1


@dataclass
class FakeMarketplace:
    now: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    offers_: dict[str, FakeOffer] = field(default_factory=dict)
    events: list[JournalDeal] = field(default_factory=list)
    forms: dict[str, PostBuyForm] = field(default_factory=dict)
    packages: dict[str, list[Package]] = field(default_factory=dict)
    refused_packages: set[str] = field(default_factory=set)  # right format, refused anyway (as the sandbox's control)
    local_ids: dict[int, str] = field(default_factory=dict)
    calls: Counter = field(default_factory=Counter)
    sent: list[tuple] = field(default_factory=list)  # every change as it took effect
    faults: list[Fault] = field(default_factory=list)
    # quantity changes whose answer timed out and that Allegro carries out late: each lands
    # at the end of the next change_quantities call, after that call's own changes
    late: list[tuple[str, int]] = field(default_factory=list)
    _next: int = 7_000_000

    # -- test controls --------------------------------------------------------------

    def _id(self) -> str:
        """Ids as the port carries them: the marketplace's own values, as text."""
        self._next += 1
        return str(self._next)

    def add_offer(self, title: str, quantity: int = 5, fmt: str = "buy_now", bids: int = 0, state=OfferState.ACTIVE) -> str:
        offer = FakeOffer(self._id(), title, OfferFormat(fmt), quantity, bids=bids, state=state)
        if state != OfferState.ACTIVE:
            offer.ended_at = self.now
        self.offers_[offer.offer_id] = offer
        return offer.offer_id

    def _event(self, kind: int, deal_id: str, form_id: str, offer_id: str, quantity: int) -> None:
        event_id = str(int(self.events[-1].event_id) + 1) if self.events else "1000"
        self.events.append(JournalDeal(event_id, kind, self.now, deal_id, form_id, offer_id, 77, quantity))

    def purchase(self, offer_id: str, quantity: int = 1, buyer: str = "kupujacy") -> str:
        offer = self.offers_[offer_id]
        offer.sold += quantity
        if offer.left <= 0 and offer.format == OfferFormat.BUY_NOW:
            offer.state, offer.ended_at = OfferState.SOLD, self.now
        return self._form(offer, quantity, buyer)

    def _form(self, offer: FakeOffer, quantity: int, buyer: str) -> str:
        deal_id, form_id = self._id(), self._id()
        self.forms[form_id] = PostBuyForm(
            form_id=form_id,
            buyer_id=77,
            buyer_login=buyer,
            buyer_email=f"{buyer}@example.pl",
            items=(FormItem(offer.offer_id, offer.title, quantity, Decimal("10.00"), Decimal(10 * quantity)),),
            amount=Decimal(10 * quantity) + Decimal("9.99"),
            postage_amount=Decimal("9.99"),
            pay_type="co",
            pay_status="Rozpoczęta",
            created_at=self.now,
            cancelled_at=None,
            address=Address(full_name="Jan Kowalski", street="Długa 1", postcode="00-001", city="Warszawa", country="PL"),
        )
        self._event(1, deal_id, "", offer.offer_id, quantity)
        self._event(2, deal_id, form_id, offer.offer_id, quantity)
        return form_id

    def cancel_form(self, form_id: str) -> None:
        self.forms[form_id] = replace(self.forms[form_id], cancelled_at=self.now)
        item = self.forms[form_id].items[0]
        self._event(3, "", form_id, item.offer_id, item.quantity)

    def advance(self, days: float = 0, hours: float = 0) -> None:
        self.now += timedelta(days=days, hours=hours)
        for offer in self.offers_.values():
            if offer.state == OfferState.SCHEDULED and offer.start_time <= self.now:
                offer.state = OfferState.ACTIVE

    def fail(self, operation: str, when: str = "before", count: int = 1) -> None:
        """`when`: before (nothing happens), after (it happens, the answer is lost), or
        late (change_quantities only: the answer times out, the change lands later)."""
        self.faults.append(Fault(operation, when, count))

    def _fault(self, operation: str, when: str) -> bool:
        for fault in self.faults:
            if fault.operation == operation and fault.when == when and fault.count > 0:
                fault.count -= 1
                return True
        return False

    def _before(self, operation: str, **ids) -> None:
        self.calls[operation] += 1
        if self._fault(operation, "before"):
            raise ServiceUnavailable()

    def _after(self, operation: str, **ids) -> None:
        if self._fault(operation, "after"):
            raise OutcomeUnknown(operation, **ids)

    # -- the port ---------------------------------------------------------------------

    def current_version_key(self) -> int:
        return 1505

    def login(self) -> LoginInfo:
        self.calls["login"] += 1
        return LoginInfo(user_id=1, version_key=1505, server_time=self.now)

    def offers(self, states=(OfferState.ACTIVE,)):
        self._before("offers")
        wanted = set(states)
        return iter([o.view() for o in self.offers_.values() if o.state in wanted])

    def offers_by_id(self, offer_ids):
        self._before("offers_by_id")
        return [self.offers_[i].view() for i in offer_ids if i in self.offers_]

    def journal(self, start):
        after = [e for e in self.events if start is None or int(e.event_id) > int(start)]
        for page_start in range(0, max(len(after), 1), 100):
            self._before("journal")
            page = after[page_start : page_start + 100]
            if page:
                yield page
            if len(page) < 100:
                return

    def post_buy_forms(self, form_ids):
        ids = list(form_ids)
        for _ in range(0, len(ids), 25):
            self._before("post_buy_forms")
        return [replace(self.forms[i], packages=tuple(self.packages.get(i, ()))) for i in ids if i in self.forms]

    def change_quantities(self, changes, progress=None):
        landing, self.late = self.late, []
        try:
            return self._change_quantities(changes)
        finally:
            for offer_id, start_quantity in landing:
                self.offers_[offer_id].start_quantity = start_quantity
                self.sent.append(("late quantity", offer_id, start_quantity - self.offers_[offer_id].sold))

    def _change_quantities(self, changes):
        out = []
        for change in changes:
            self._before("change_quantities")
            offer = self.offers_[change.offer_id]
            if offer.state != OfferState.ACTIVE and offer.state != OfferState.SCHEDULED:
                out.append(QuantityResult(change.offer_id, False, error_code="ERR_END_DURING_CHANGES", message="ended"))
                continue
            if self._fault("change_quantities", "late"):
                self.late.append((change.offer_id, change.quantity_left + change.sold_quantity))
                raise ConnectionFailed("fake", timed_out=True)
            offer.start_quantity = change.quantity_left + change.sold_quantity
            self.sent.append(("quantity", change.offer_id, change.quantity_left))
            self._after("change_quantities", offer_ids=[change.offer_id])
            out.append(QuantityResult(change.offer_id, True, quantity_left=offer.left))
        return out

    def finish(self, requests, progress=None):
        requests = list(requests)
        out = []
        for start in range(0, len(requests), 25):
            batch = requests[start : start + 25]
            self._before("finish")
            for request in batch:
                offer = self.offers_[request.offer_id]
                if offer.state not in (OfferState.ACTIVE, OfferState.SCHEDULED):
                    unknown = outcomes.of_item_answer(outcomes.END, "ERR_END_DURING_CHANGES") is outcomes.Outcome.UNKNOWN
                    out.append(FinishResult(request.offer_id, False, "ERR_END_DURING_CHANGES", "already ended", unknown))
                    continue
                offer.ended_at = self.now
                self.sent.append(("finish", request.offer_id))
                if offer.format == OfferFormat.AUCTION and offer.bids and not request.cancel_bids:
                    offer.sold += 1
                    offer.state = OfferState.SOLD
                    self._form(offer, 1, offer.top_bidder or "licytujacy")
                else:
                    offer.state = OfferState.SOLD if offer.sold else OfferState.NOT_SOLD
                out.append(FinishResult(request.offer_id, True))
            self._after("finish", offer_ids=[r.offer_id for r in batch])
        return out

    def relist(self, requests, progress=None):
        requests = list(requests)
        out = []
        for start in range(0, len(requests), 25):
            batch = requests[start : start + 25]
            self._before("relist")
            for request in batch:
                source = self.offers_[request.offer_id]
                if source.state in (OfferState.ACTIVE, OfferState.SCHEDULED):
                    out.append(RelistResult(request.offer_id, request.local_id, False, error_code="ERR_ITEM_NOT_ENDED"))
                    continue
                if self.now - source.ended_at >= timedelta(days=60):
                    out.append(
                        RelistResult(request.offer_id, request.local_id, False, error_code="ERR_SELL_AGAIN_TIME_EXPIRED", message="too old")
                    )
                    continue
                if request.local_id in self.local_ids:  # unique per account for good
                    out.append(RelistResult(request.offer_id, request.local_id, False,
                                            error_code="ERR_INVALID_VALUE_IN_LOCAL_ID", message="local id used",
                                            unknown=True))
                    continue
                new = FakeOffer(self._id(), source.title, source.format, source.start_quantity, relisted_from=source.offer_id)
                if request.start_at and request.start_at > self.now:
                    new.state, new.start_time = OfferState.SCHEDULED, request.start_at
                self.offers_[new.offer_id] = new
                self.local_ids[request.local_id] = new.offer_id
                self.sent.append(("relist", request.offer_id, request.duration_days))
                out.append(RelistResult(request.offer_id, request.local_id, True, new_offer_id=new.offer_id,
                                        scheduled=new.state == OfferState.SCHEDULED))
            self._after("relist", offer_ids=[r.offer_id for r in batch], local_ids=[r.local_id for r in batch])
        return out

    def verify(self, local_ids):
        out = []
        for local_id in local_ids:
            self._before("verify")
            offer_id = self.local_ids.get(local_id)
            listed = -1 if offer_id is None else (2 if self.offers_[offer_id].state == OfferState.SCHEDULED else 1)
            out.append(VerifiedOffer(local_id, offer_id, listed))
        return out

    def add_tracking(self, form_id, packages):
        from sandbox import tracking as carriers  # one source of truth for the formats: the sandbox's

        self._before("add_tracking")
        added, wrong_carrier, wrong_number = [], [], []
        for package in packages:
            verdict = carriers.check(package.carrier_id, package.tracking_number, package.carrier_name)
            if package.tracking_number in self.refused_packages:
                verdict = carriers.BAD_PACKAGE
            if verdict == carriers.BAD_OPERATOR:
                wrong_carrier.append(package.tracking_number)
            elif verdict == carriers.OPERATOR_OK:
                known = self.packages.setdefault(form_id, [])
                if package not in known:
                    known.append(package)
                    self.sent.append(("tracking", form_id, package.tracking_number))
                added.append(package.tracking_number)
            else:
                wrong_number.append(package.tracking_number)
        self._after("add_tracking", form_ids=[form_id])
        return TrackingResult(form_id, tuple(added), tuple(wrong_carrier), tuple(wrong_number))

    def close(self) -> None:
        pass
