"""Actions whose outcome is unknown (left in `sending` by a killed run, or a call whose
answer was lost): ask Allegro what happened instead of sending them again.

- quantity: doGetItemsInfo shows the offer's initial quantity; it equals what was sent
  (quantity left + sold) exactly when the change was made;
- end: the offer is ended, or still live;
- relist: doVerifyItem(localId) names the new offer, if one was created;
- tracking: the post-buy form lists the parcels Allegro accepted.

What Allegro shows as done is recorded as done, with its local effect. What it shows
as not done is marked failed ("not sent"), and the run plans it afresh from the
current state. What it cannot tell yet stays in `sending` for the next run — and so
does everything when the call timed out (`settle=False`): Allegro may still be
carrying that request out, and a "not done" read now could be overtaken by it.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from core.allegro.port import Marketplace, OfferState
from core.db import database
from core.models import ActionKind, ActionState, PlannedAction, ShipmentState
from core.sync import actions, effects, tracking
from core.i18n import N_, _

log = logging.getLogger(__name__)

NOT_SENT = N_("Allegro shows this was not done (the sync stopped before it was sent); it is planned again.")
# doVerifyItem itemListed: 0 pending, 3 queued for relisting: Allegro is still on it.
_IN_PROGRESS = (0, 3)


@dataclass
class Recovered:
    done: int = 0
    not_done: int = 0
    still_unknown: int = 0
    in_doubt: int = 0  # not done yet, but the request may still be under way: asked again next run
    done_kinds: Counter = field(default_factory=Counter)
    relisted_listing_ids: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    settle: bool = True  # False: "not done" is not final yet


def recover(
    marketplace: Marketplace, pending: Sequence[PlannedAction], now: datetime, settle: bool = True
) -> Recovered:
    """Resolve `pending` (actions in `sending`) by asking Allegro. Raises AllegroError when
    Allegro cannot be asked; the actions then stay in `sending`. With `settle=False` what
    Allegro shows as not done stays in `sending` too (counted in `in_doubt`)."""
    result = Recovered(settle=settle)
    by_kind: dict[str, list[PlannedAction]] = {}
    for action in pending:
        by_kind.setdefault(action.kind, []).append(action)
    if by_kind.get(ActionKind.QUANTITY):
        _quantities(marketplace, by_kind[ActionKind.QUANTITY], result)
    if by_kind.get(ActionKind.END):
        _ends(marketplace, by_kind[ActionKind.END], now, result)
    if by_kind.get(ActionKind.RELIST):
        _relists(marketplace, by_kind[ActionKind.RELIST], result)
    if by_kind.get(ActionKind.TRACKING):
        _tracking(marketplace, by_kind[ActionKind.TRACKING], result)
    return result


def _not_done(action: PlannedAction, result: Recovered) -> None:
    if not result.settle:
        result.in_doubt += 1
        return
    if action.kind == ActionKind.TRACKING and action.shipment_id is not None:
        tracking.mark_sent(action.shipment_id, ShipmentState.PENDING)
    actions.mark(action.id, ActionState.FAILED, _(NOT_SENT))
    result.not_done += 1


def _quantities(marketplace: Marketplace, todo: list[PlannedAction], result: Recovered) -> None:
    wanted = {action.id: actions.params(action) for action in todo}
    offers = {o.offer_id: o for o in marketplace.offers_by_id(p["offer_id"] for p in wanted.values())}
    with database.atomic():
        done = []
        for action in todo:
            p = wanted[action.id]
            offer = offers.get(p["offer_id"])
            if offer is not None and offer.start_quantity == p["quantity"] + p["sold"]:
                done.append((action.id, action.listing_id, p["quantity"], p["sold"]))
            else:
                _not_done(action, result)
        effects.quantities_set(done)
        result.done += len(done)
        result.done_kinds[ActionKind.QUANTITY] += len(done)


def _ends(marketplace: Marketplace, todo: list[PlannedAction], now: datetime, result: Recovered) -> None:
    wanted = {action.id: actions.params(action) for action in todo}
    offers = {o.offer_id: o for o in marketplace.offers_by_id(p["offer_id"] for p in wanted.values())}
    with database.atomic():
        done = []
        for action in todo:
            offer = offers.get(wanted[action.id]["offer_id"])
            if offer is not None and offer.state in (OfferState.SOLD, OfferState.NOT_SOLD):
                done.append((action.id, action.listing_id, wanted[action.id]))
            elif offer is None:
                actions.mark(action.id, ActionState.FAILED, _("Allegro no longer knows this offer."))
                result.not_done += 1
            else:
                _not_done(action, result)
        effects.ended(done, now)
        result.done += len(done)
        result.done_kinds[ActionKind.END] += len(done)


def _relists(marketplace: Marketplace, todo: list[PlannedAction], result: Recovered) -> None:
    wanted = {action.id: actions.params(action) for action in todo}
    verified = {v.local_id: v for v in marketplace.verify(p["local_id"] for p in wanted.values())}
    with database.atomic():
        for action in todo:
            found = verified.get(wanted[action.id]["local_id"])
            if found is not None and found.offer_id:
                new_id = effects.relisted(
                    action.id, action.listing_id, found.offer_id, found.listed == 2, wanted[action.id]
                )
                result.relisted_listing_ids.append(new_id)
                result.done += 1
                result.done_kinds[action.kind] += 1
            elif found is not None and found.listed in _IN_PROGRESS:
                result.still_unknown += 1  # Allegro is still creating it; ask again next run
            else:
                _not_done(action, result)


def _tracking(marketplace: Marketplace, todo: list[PlannedAction], result: Recovered) -> None:
    wanted = {action.id: actions.params(action) for action in todo}
    forms = {f.form_id: f for f in marketplace.post_buy_forms({p["form_id"] for p in wanted.values()})}
    with database.atomic():
        for action in todo:
            p = wanted[action.id]
            form = forms.get(p["form_id"])
            known = {pkg.tracking_number for pkg in getattr(form, "packages", ())} if form else set()
            if p["tracking_number"] in known:
                effects.tracking_answer(action.id, action.shipment_id, p["tracking_number"], known, (), ())
                result.done += 1
                result.done_kinds[action.kind] += 1
            else:
                _not_done(action, result)
