"""Actions whose outcome is unknown (left in `sending` by a killed run, or a call whose
answer was lost): ask Allegro what happened instead of sending them again.

- quantity: doGetItemsInfo shows the offer's initial quantity; it equals what was sent
  (quantity left + sold) exactly when the change was made;
- end: the offer is ended, or still live;
- relist: doVerifyItem(localId) names the new offer, if one was created; while Allegro
  answers "pending" or "queued" it is asked again, up to `patience` seconds;
- tracking: the post-buy form lists the parcels Allegro accepted.

What Allegro shows as done is recorded as done, with its local effect. What it shows
as not done is, with `resend`, handed back to be sent again (a relist always under its
stored localId, so a request still under way and the new one can never both list);
otherwise it is marked failed ("not sent") and the run plans it afresh from the current
state (a relist planned again reuses the localId: see actions.reusable_local_ids). What
Allegro cannot tell yet stays in `sending` for the next run — and so does everything but
a relist when the call timed out (`settle=False`): Allegro may still be carrying that
request out, and a "not done" read now could be overtaken by it.
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from core.allegro.port import Marketplace, OfferState
from core.db import database
from core.models import ActionKind, ActionState, ShipmentState
from core.sync.actions import Journalled
from core.sync import actions, effects, tracking
from core.i18n import N_, _

log = logging.getLogger(__name__)

NOT_SENT = N_("Allegro shows this was not done (the sync stopped before it was sent); it is planned again.")
# How long a relist Allegro reports as pending or queued is waited for, and how often asked.
VERIFY_PATIENCE = 30.0
VERIFY_INTERVAL = 1.0


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
    resend_allowed: bool = False
    resend: list[Journalled] = field(default_factory=list)  # not done: to be sent again, still `sending`


def recover(
    marketplace: Marketplace,
    pending: Sequence[Journalled],
    now: datetime,
    settle: bool = True,
    resend: bool = False,
    patience: float | None = None,
    stop: Callable[[], bool] | None = None,
) -> Recovered:
    """Resolve `pending` (actions in `sending`) by asking Allegro. Raises AllegroError when
    Allegro cannot be asked; the actions then stay in `sending`. With `settle=False` what
    Allegro shows as not done stays in `sending` too (counted in `in_doubt`), except
    relists, which are safe to send again under their localId. With `resend` what is not
    done is returned in `resend` (still `sending`) instead of being marked failed. `stop`
    (the seller cancelled) ends the wait for relists Allegro is still working on."""
    result = Recovered(settle=settle, resend_allowed=resend)
    by_kind: dict[str, list[Journalled]] = {}
    for action in pending:
        by_kind.setdefault(action.kind, []).append(action)
    if by_kind.get(ActionKind.QUANTITY):
        _quantities(marketplace, by_kind[ActionKind.QUANTITY], result)
    if by_kind.get(ActionKind.END):
        _ends(marketplace, by_kind[ActionKind.END], now, result)
    if by_kind.get(ActionKind.RELIST):
        wait = VERIFY_PATIENCE if patience is None else patience
        _relists(marketplace, by_kind[ActionKind.RELIST], result, wait, stop or _never)
    if by_kind.get(ActionKind.TRACKING):
        _tracking(marketplace, by_kind[ActionKind.TRACKING], result)
    return result


def _not_done(action: Journalled, result: Recovered) -> None:
    if action.kind == ActionKind.RELIST and action.local_id_used:
        # Allegro refused its localId as used, yet lists no offer under it: it is spent, and
        # the relist is planned afresh under a new one.
        actions.mark(action.id, ActionState.FAILED, _(NOT_SENT))
        result.not_done += 1
        return
    # A relist is keyed by its localId: sending it again while the first request may still
    # be under way lists it at most once (Allegro refuses a localId used before).
    safe_to_resend = result.settle or action.kind == ActionKind.RELIST
    if result.resend_allowed and safe_to_resend:
        result.resend.append(action)
        return
    if not result.settle:
        result.in_doubt += 1
        return
    if action.kind == ActionKind.TRACKING and action.shipment_id is not None:
        tracking.mark_sent(action.shipment_id, ShipmentState.PENDING)
    actions.mark(action.id, ActionState.FAILED, _(NOT_SENT))
    result.not_done += 1


def _quantities(marketplace: Marketplace, todo: list[Journalled], result: Recovered) -> None:
    wanted = {action.id: action.params for action in todo}
    offers = {o.offer_id: o for o in marketplace.offers_by_id(a.offer_id for a in todo)}
    with database.atomic():
        done = []
        for action in todo:
            p = wanted[action.id]
            offer = offers.get(action.offer_id)
            if offer is not None and offer.start_quantity == p["quantity"] + p["sold"]:
                done.append((action.id, action.listing_id, p["quantity"], p["sold"]))
            else:
                _not_done(action, result)
        effects.quantities_set(done)
        result.done += len(done)
        result.done_kinds[ActionKind.QUANTITY] += len(done)


def _ends(marketplace: Marketplace, todo: list[Journalled], now: datetime, result: Recovered) -> None:
    wanted = {action.id: action.params for action in todo}
    offers = {o.offer_id: o for o in marketplace.offers_by_id(a.offer_id for a in todo)}
    with database.atomic():
        done = []
        for action in todo:
            offer = offers.get(action.offer_id)
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


def _never() -> bool:
    return False


def _verify_patiently(
    marketplace: Marketplace, local_ids: list[int], patience: float, stop: Callable[[], bool]
) -> dict:
    """doVerifyItem on every localId, asked again while Allegro says it is still working
    on some (pending, queued), for at most `patience` seconds or until `stop()`."""
    verified = {v.local_id: v for v in marketplace.verify(local_ids)}
    deadline = time.monotonic() + patience
    while True:
        working = [i for i, v in verified.items() if v.in_progress]
        if not working or time.monotonic() >= deadline or stop():
            return verified
        time.sleep(min(VERIFY_INTERVAL, max(deadline - time.monotonic(), 0)))
        verified.update({v.local_id: v for v in marketplace.verify(working)})


def _relists(
    marketplace: Marketplace, todo: list[Journalled], result: Recovered, patience: float, stop: Callable[[], bool]
) -> None:
    wanted = {action.id: action.params for action in todo}
    verified = _verify_patiently(marketplace, [p["local_id"] for p in wanted.values()], patience, stop)
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
            elif found is not None and found.in_progress:
                result.still_unknown += 1  # Allegro is still creating it; ask again next run
            else:
                _not_done(action, result)


def _tracking(marketplace: Marketplace, todo: list[Journalled], result: Recovered) -> None:
    wanted = {action.id: action.params for action in todo}
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
