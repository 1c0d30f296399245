"""The journal of planned actions: what makes every change reach Allegro exactly once.

An action is stored before anything is sent (proposed or approved), switched to
`sending` in its own committed transaction just before the call, and marked `done` or
`failed` together with its local effect in one transaction after the answer. A run
killed between those two writes leaves the action in `sending`: the next run asks
Allegro what happened (see recovery.py) instead of sending it again.
"""
from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.db import database
from core.models import ActionKind, ActionState, PlannedAction, utcnow
from core.sync import bulk
from core.i18n import _

# doSellSomeAgain localIds are unique per account, and the WSDL types them xs:int.
# A random value in the upper part of that range keeps two databases on one account
# (or a restored backup) from reusing each other's ids.
_LOCAL_ID_LOW = 100_000_000
_LOCAL_ID_HIGH = 2**31 - 1

NEEDS_DECISION = (ActionKind.END, ActionKind.RELIST)
LOCAL_ID_USED = "local_id_used"  # in a relist's params: Allegro refused its localId as used


def new_local_id() -> int:
    return _LOCAL_ID_LOW + secrets.randbelow(_LOCAL_ID_HIGH - _LOCAL_ID_LOW)


@dataclass
class Draft:
    """An action worked out by the planning rules, not stored yet."""

    kind: str
    reason: str
    params: dict[str, Any] = field(default_factory=dict)
    listing_id: int | None = None
    shipment_id: int | None = None


@dataclass(frozen=True, slots=True)
class Journalled:
    """A stored action as the senders and recovery use it: its params parsed once, on loading."""

    id: int
    kind: str
    listing_id: int | None
    shipment_id: int | None
    params: dict[str, Any]
    offer_id: Any = None  # the offer it acts on (None for tracking); ints now, strings on REST
    start_at: datetime | None = None  # a relist's start (UTC, naive): fixed when first sent

    @property
    def local_id_used(self) -> bool:
        return bool(self.params.get(LOCAL_ID_USED))

    @classmethod
    def of(cls, action: PlannedAction) -> Journalled:
        p = params(action)
        start_at = datetime.fromisoformat(p["start_at"]) if p.get("start_at") else None
        return cls(action.id, action.kind, action.listing_id, action.shipment_id, p, p.get("offer_id"), start_at)


def load(query) -> list[Journalled]:
    """The actions a PlannedAction query selects, typed, in id order."""
    return [Journalled.of(a) for a in query.order_by(PlannedAction.id)]


def params(action: PlannedAction) -> dict[str, Any]:
    return json.loads(action.params or "{}")


def reusable_local_ids(listing_ids: Iterable[int]) -> dict[int, int]:
    """Listing id -> the localId of its latest relist Allegro has not shown as listed.

    A relist's localId is its idempotency key: chosen once, it is kept for every later
    try of that relist, so a request that was lost, killed or is still under way and the
    one sent now can never both list (Allegro refuses a localId used before).
    """
    ids = sorted(set(listing_ids))
    found: dict[int, int] = {}
    for chunk in _chunks(ids):
        query = (
            PlannedAction.select(PlannedAction.listing, PlannedAction.params)
            .where(
                (PlannedAction.kind == ActionKind.RELIST)
                & PlannedAction.listing.in_(chunk)
                & (PlannedAction.state != ActionState.DONE)
            )
            .order_by(PlannedAction.id)
            .tuples()
        )
        for listing_id, raw in query:
            p = json.loads(raw or "{}")
            if p.get(LOCAL_ID_USED):
                found.pop(listing_id, None)  # Allegro holds it spent: a new one is drawn
            elif p.get("local_id"):
                found[listing_id] = int(p["local_id"])  # the latest wins
    return found


def mark_local_id_used(action_id: int) -> None:
    """Allegro answered that this relist's localId was used before: if no offer turns up
    under it, it is spent, and the relist is never sent under it again."""
    action = PlannedAction.get_by_id(action_id)
    PlannedAction.update(params=json.dumps({**params(action), LOCAL_ID_USED: True}, sort_keys=True, default=str)).where(
        PlannedAction.id == action_id
    ).execute()


def store(channel_id: int, run_id: int, drafts: Sequence[Draft], auto_approve_all: bool) -> list[int]:
    """Store drafts; End and Relist wait for a decision unless `auto_approve_all`.
    A relist of a listing tried before keeps that try's localId."""
    now = utcnow()
    rows = []
    relists = [d for d in drafts if d.kind == ActionKind.RELIST and d.listing_id is not None]
    earlier = reusable_local_ids(d.listing_id for d in relists) if relists else {}
    for draft in relists:
        if draft.listing_id in earlier:
            draft.params["local_id"] = earlier[draft.listing_id]
    for draft in drafts:
        decided = auto_approve_all or draft.kind not in NEEDS_DECISION
        rows.append(
            {
                "run": run_id,
                "channel": channel_id,
                "kind": draft.kind,
                "listing": draft.listing_id,
                "shipment": draft.shipment_id,
                "params": json.dumps(draft.params, sort_keys=True, default=str),
                "reason": draft.reason,
                "state": ActionState.APPROVED if decided else ActionState.PROPOSED,
                "created_at": now,
                "updated_at": now,
            }
        )
    with database.atomic():
        before = PlannedAction.select(PlannedAction.id).where(PlannedAction.run == run_id).tuples()
        known = {i for (i,) in before}
        bulk.insert_many(PlannedAction, rows)
        ids = [
            i
            for (i,) in PlannedAction.select(PlannedAction.id)
            .where(PlannedAction.run == run_id)
            .order_by(PlannedAction.id)
            .tuples()
            if i not in known
        ]
    return ids


def drop_undecided(channel_id: int) -> int:
    """Forget actions of earlier runs that were never sent (proposed or approved).

    Nothing of them reached Allegro; this run plans afresh from the current state, so
    a stale quantity or an end that is no longer needed is never sent.
    """
    return (
        PlannedAction.delete()
        .where(
            (PlannedAction.channel == channel_id)
            & PlannedAction.state.in_([ActionState.PROPOSED, ActionState.APPROVED])
        )
        .execute()
    )


def decide(action_ids: Iterable[int], approved_ids: Iterable[int]) -> tuple[int, int]:
    """Approve the proposed actions in `approved_ids`, reject the other proposed ones.

    Only actions still `proposed` change. Returns (approved, rejected).
    """
    ids = list(action_ids)
    approved = set(approved_ids) & set(ids)
    rejected = set(ids) - approved
    now = utcnow()
    with database.atomic():
        n_ok = n_no = 0
        for chunk in _chunks(sorted(approved)):
            n_ok += (
                PlannedAction.update(state=ActionState.APPROVED, updated_at=now)
                .where(PlannedAction.id.in_(chunk) & (PlannedAction.state == ActionState.PROPOSED))
                .execute()
            )
        for chunk in _chunks(sorted(rejected)):
            n_no += (
                PlannedAction.update(state=ActionState.REJECTED, updated_at=now, result=_("Not approved."))
                .where(PlannedAction.id.in_(chunk) & (PlannedAction.state == ActionState.PROPOSED))
                .execute()
            )
    return n_ok, n_no


def mark_sending(action_ids: Sequence[int], params: Sequence[tuple[int, dict]] = ()) -> None:
    """Commit `sending` before the call: from here on the outcome must be asked, not assumed.
    `params` (action id, params) are what is fixed only now, stored in the same transaction."""
    now = utcnow()
    with database.atomic():
        bulk.update_many(PlannedAction, ("params",), [(json.dumps(p, sort_keys=True, default=str), i) for i, p in params])
        for chunk in _chunks(list(action_ids)):
            PlannedAction.update(state=ActionState.SENDING, updated_at=now).where(
                PlannedAction.id.in_(chunk)
            ).execute()


def mark(action_id: int, state: str, result: str = "", params: dict | None = None) -> None:
    """Record an action's outcome (and its final params). Call inside the transaction that stores its effect."""
    mark_many([(action_id, state, result, params)])


def mark_many(outcomes: Sequence[tuple[int, str, str, dict | None]]) -> None:
    """(action id, state, result, params or None to keep them) for many actions at once."""
    now = utcnow()
    keep = [(state, result, now, action_id) for action_id, state, result, p in outcomes if p is None]
    replace = [
        (state, result, json.dumps(p, sort_keys=True, default=str), now, action_id)
        for action_id, state, result, p in outcomes
        if p is not None
    ]
    bulk.update_many(PlannedAction, ("state", "result", "updated_at"), keep)
    bulk.update_many(PlannedAction, ("state", "result", "params", "updated_at"), replace)


def approved(run_id: int, kind: str) -> list[Journalled]:
    return load(
        PlannedAction.select().where(
            (PlannedAction.run == run_id) & (PlannedAction.kind == kind) & (PlannedAction.state == ActionState.APPROVED)
        )
    )


def by_ids(action_ids: Iterable[int]) -> list[Journalled]:
    return load(PlannedAction.select().where(PlannedAction.id.in_(list(action_ids))))


def still_sending(action_ids: Iterable[int]) -> list[Journalled]:
    """Those of these actions still in `sending`: their outcome is not known yet."""
    return load(PlannedAction.select().where(PlannedAction.id.in_(list(action_ids)) & (PlannedAction.state == ActionState.SENDING)))


def in_flight(channel_id: int) -> list[Journalled]:
    """Actions a killed or failed run left in `sending`: their outcome is not known."""
    return load(
        PlannedAction.select().where((PlannedAction.channel == channel_id) & (PlannedAction.state == ActionState.SENDING))
    )


def result(action_id: int) -> str:
    """What was recorded as an action's outcome (Allegro's reason, for a refusal)."""
    return PlannedAction.get_by_id(action_id).result


def _chunks(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
