"""Sending the approved actions to Allegro, batch by batch, each change exactly once.

Every sender goes through one template (Sender.send_batch): mark the batch `sending`
(committed), call Allegro, take what it completed even when the call failed, record each
answer with its local effect, and ask Allegro about whatever is left unknown (recovery.py),
sending again once what it shows as not done. The four senders only say how to build
their requests and how to record an answer.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from core.allegro.errors import AllegroError, ConnectionFailed, OutcomeUnknown
from core.allegro.port import FinishRequest, Marketplace, Package, QuantityChange, RelistRequest
from core.channels import ChannelOptions
from core.db import database
from core.models import ActionKind, ActionState, Listing, ShipmentState
from core.sync import actions, effects, late_writes, listings, recovery, tracking
from core.sync.actions import Journalled
from core.sync.run_record import Reporter, Steps, SyncCancelled, Tally
from core.i18n import _, n_

QUANTITY_BATCH = 100  # the adapter spreads each batch over its connections
FINISH_BATCH = 25
RELIST_BATCH = 25
TRACKING_BATCH = 20  # forms per journal write
DONE_COUNT = {
    ActionKind.QUANTITY: "quantities_changed",
    ActionKind.END: "listings_ended",
    ActionKind.RELIST: "listings_relisted",
    ActionKind.TRACKING: "tracking_accepted",
}


def _timed_out(error: AllegroError | None) -> bool:
    """The request got no answer in time: Allegro may still be carrying it out."""
    cause = getattr(error, "cause", None) or error
    return isinstance(cause, ConnectionFailed) and cause.timed_out


def _titles(batch: Sequence[Journalled]) -> dict[int, str]:
    ids = [a.listing_id for a in batch if a.listing_id]
    return dict(Listing.select(Listing.id, Listing.title).where(Listing.id.in_(ids)).tuples()) if ids else {}


def _record_failure(tally: Tally, kind: str, title: str, message: str) -> None:
    tally.counts[f"{kind}_failed"] += 1
    tally.failures.append(f"{title}: {message}")


class BatchKind:
    """What one kind of action adds to the template: its requests, its call, its answers."""

    fixes_params = False  # prepare() fixes values that are stored when the batch is marked sending

    def prepare(self, batch: list[Journalled]) -> list[Journalled]:
        """The batch as it is sent; values fixed only now go into its params."""
        return batch

    def before_call(self, batch: Sequence[Journalled]) -> None:
        """Further writes in the transaction that marks the batch `sending`."""

    def call(self, batch: Sequence[Journalled]) -> Any:
        raise NotImplementedError

    def completed(self, error: AllegroError) -> Any:
        """What a failed call still completed (the adapter's `completed`)."""
        return {r.offer_id: r for r in getattr(error, "completed", ())}

    def answered(self, results) -> Any:
        return {r.offer_id: r for r in results}

    def record(self, batch: Sequence[Journalled], answer: Any, titles: dict[int, str], tally: Tally) -> bool:
        """Record each answer with its effect; True when some outcome is not known."""
        raise NotImplementedError

    def recovered(self, found: recovery.Recovered, tally: Tally) -> None:
        """What asking Allegro found, beyond what recovery recorded."""


class Quantities(BatchKind):
    def __init__(self, marketplace: Marketplace, now: Callable[[], datetime]) -> None:
        self.marketplace, self.now = marketplace, now

    def call(self, batch):
        p = [a.params for a in batch]
        return self.answered(self.marketplace.change_quantities([QuantityChange(x["offer_id"], x["quantity"], x["sold"]) for x in p]))

    def record(self, batch, answer, titles, tally) -> bool:
        done, refused, may_land_late = [], [], []
        for action in batch:
            result = answer.get(action.offer_id)
            if result is None:
                continue  # outcome unknown: asked below
            if result.may_land_late:
                may_land_late.append(action)
            if result.ok:
                done.append((action.id, action.listing_id, action.params["quantity"], action.params["sold"]))
            else:
                refused.append((action.id, ActionState.FAILED, result.message, None))
                _record_failure(tally, "quantity", titles.get(action.listing_id, str(action.offer_id)), result.message)
        with database.atomic():
            effects.quantities_set(done)
            actions.mark_many(refused)
        late_writes.watch(may_land_late, self.now())
        tally.counts["quantities_changed"] += len(done)
        return len(answer) < len(batch)


class Ends(BatchKind):
    def __init__(self, marketplace: Marketplace, now: Callable[[], datetime]) -> None:
        self.marketplace, self.now = marketplace, now

    def call(self, batch):
        return self.answered(self.marketplace.finish([FinishRequest(a.offer_id, cancel_bids=False) for a in batch]))

    def record(self, batch, answer, titles, tally) -> bool:
        unknown = False
        done, refused = [], []
        for action in batch:
            result = answer.get(action.offer_id)
            if result is None or result.unknown:
                unknown = True  # e.g. "already ended", maybe by an earlier try of ours: read it back
            elif result.ok:
                done.append((action.id, action.listing_id, action.params))
            else:
                refused.append((action.id, ActionState.FAILED, result.message, None))
                _record_failure(tally, "end", titles.get(action.listing_id, str(action.offer_id)), result.message)
        with database.atomic():
            effects.ended(done, self.now())
            actions.mark_many(refused)
        tally.counts["listings_ended"] += len(done)
        return unknown


class Relists(BatchKind):
    """Relists under the localIds stored with them (the same on every try); the start
    time is fixed once, when a batch is first sent, and kept in the journal."""

    fixes_params = True

    def __init__(self, marketplace: Marketplace, now: Callable[[], datetime], options: ChannelOptions) -> None:
        self.marketplace, self.now, self.options = marketplace, now, options
        self.new_listing_ids: list[int] = []

    def prepare(self, batch):
        start_at = listings.relist_start(self.now(), self.options.relist_delay)
        stamp = start_at.isoformat() if start_at else None
        return [replace(a, params={**a.params, "start_at": stamp}, start_at=start_at) for a in batch]

    def call(self, batch):
        return self.answered(
            self.marketplace.relist(
                [
                    RelistRequest(
                        offer_id=a.offer_id,
                        local_id=a.params["local_id"],
                        duration_days=a.params["duration_days"],
                        start_at=a.start_at.replace(tzinfo=UTC) if a.start_at else None,
                    )
                    for a in batch
                ]
            )
        )

    def record(self, batch, answer, titles, tally) -> bool:
        unknown = False
        with database.atomic():
            done = []
            for action in batch:
                result = answer.get(action.offer_id)
                title = titles.get(action.listing_id, str(action.offer_id))
                if result is not None and result.unknown and result.error_code:
                    # "localId already used": by an earlier try of ours, if doVerifyItem names its offer
                    unknown = True
                    actions.mark_local_id_used(action.id)
                elif result is None or result.unknown or (result.ok and not result.new_offer_id):
                    unknown = True  # relisted, maybe, or the new id is not known yet: verify the localId
                elif result.ok:
                    done.append((action.id, action.listing_id, result.new_offer_id, result.scheduled, action.params))
                elif result.error_code == "ERR_SELL_AGAIN_TIME_EXPIRED":
                    effects.expired(action.id, action.listing_id, result.message)
                    _record_failure(tally, "relist", title, result.message)
                else:
                    actions.mark(action.id, ActionState.FAILED, result.message)
                    _record_failure(tally, "relist", title, result.message)
            self.new_listing_ids += effects.relisted_many(done)
        tally.counts["listings_relisted"] += len(done)
        return unknown

    def recovered(self, found, tally) -> None:
        self.new_listing_ids += found.relisted_listing_ids
        tally.counts["listings_relisted"] += len(found.relisted_listing_ids)


class FormTracking(BatchKind):
    """The tracking numbers of one order (post-buy form): one call, one answer for all."""

    def __init__(self, marketplace: Marketplace, form_id: str) -> None:
        self.marketplace, self.form_id = marketplace, form_id

    def before_call(self, batch) -> None:
        for action in batch:
            if action.shipment_id:
                tracking.mark_sent(action.shipment_id, ShipmentState.SENDING)

    def call(self, batch):
        packages = [
            Package(
                carrier_id=a.params["carrier_id"],
                tracking_number=a.params["tracking_number"],
                carrier_name=a.params.get("carrier_name") or "",
            )
            for a in batch
        ]
        return self.marketplace.add_tracking(self.form_id, packages)

    def completed(self, error):
        return None  # no answer: every number is asked about

    def record(self, batch, answer, titles, tally) -> bool:
        if answer is None:
            return True
        with database.atomic():
            for action in batch:
                number = action.params["tracking_number"]
                state = effects.tracking_answer(
                    action.id, action.shipment_id, number, answer.added, answer.wrong_carrier, answer.wrong_number,
                    dict(answer.reasons),
                )
                if state == ShipmentState.ACCEPTED:
                    tally.counts["tracking_accepted"] += 1
                elif state == ShipmentState.REJECTED:
                    tally.counts["tracking_rejected"] += 1
                    tally.failures.append(
                        _("Tracking number {number} (order {order}) was rejected by Allegro: {why}").format(
                            number=number, order=self.form_id, why=actions.result(action.id)
                        )
                    )
        return False


class Sender:
    """Sends batches of journalled actions for one run and records what came of them."""

    def __init__(self, marketplace: Marketplace, now: Callable[[], datetime]) -> None:
        self.marketplace, self.now = marketplace, now
        self.cancelled: Callable[[], bool] = lambda: False  # the seller's cancel, for waits outside a step

    # -- the template ---------------------------------------------------------------------

    def send_batch(self, kind: BatchKind, batch: Sequence[Journalled], tally: Tally, first_try: bool = True) -> None:
        batch = kind.prepare(list(batch)) if first_try else list(batch)
        fixed = [(a.id, a.params) for a in batch] if first_try and kind.fixes_params else []
        with database.atomic():
            actions.mark_sending([a.id for a in batch], fixed)
            kind.before_call(batch)
        error: AllegroError | None = None
        try:
            answer = kind.call(batch)
        except AllegroError as exc:
            error, answer = exc, kind.completed(exc)
        unknown = kind.record(batch, answer, _titles(batch), tally)
        if error is not None or unknown:
            again = (lambda todo: self.send_batch(kind, todo, tally, first_try=False)) if first_try else None
            found = self.unknown(batch, error, tally, again)
            if found is not None:
                kind.recovered(found, tally)

    def send_in_batches(self, kind: BatchKind, todo: Sequence[Journalled], size: int, name: str, steps: Steps, tally: Tally) -> None:
        total = len(todo)
        for start in range(0, total, size):
            steps(name, start, total)
            self.send_batch(kind, todo[start : start + size], tally)
        steps.report(name, total, total)

    # -- the four kinds -------------------------------------------------------------------

    def send_quantities(self, todo: Sequence[Journalled], steps: Steps, tally: Tally) -> None:
        self.send_in_batches(Quantities(self.marketplace, self.now), todo, QUANTITY_BATCH, _("Changing quantities"), steps, tally)

    def send_ends(self, todo: Sequence[Journalled], steps: Steps, tally: Tally) -> None:
        self.send_in_batches(Ends(self.marketplace, self.now), todo, FINISH_BATCH, _("Ending listings"), steps, tally)

    def send_relists(self, options: ChannelOptions, todo: Sequence[Journalled], steps: Steps, tally: Tally) -> list[int]:
        """Returns the ids of the new listings."""
        kind = Relists(self.marketplace, self.now, options)
        self.send_in_batches(kind, todo, RELIST_BATCH, _("Relisting"), steps, tally)
        return kind.new_listing_ids

    def send_tracking(self, todo: Sequence[Journalled], steps: Steps, tally: Tally) -> None:
        by_form: dict[int, list[Journalled]] = {}
        for action in todo:
            by_form.setdefault(action.params["form_id"], []).append(action)
        forms = list(by_form.items())
        name = _("Sending tracking numbers")
        for start in range(0, len(forms), TRACKING_BATCH):
            steps(name, start, len(forms))
            for form_id, group in forms[start : start + TRACKING_BATCH]:
                self.send_batch(FormTracking(self.marketplace, form_id), group, tally)
        steps.report(name, len(forms), len(forms))

    # -- outcomes not known -----------------------------------------------------------------

    def unknown(
        self,
        batch: Sequence[Journalled],
        error: AllegroError | None,
        tally: Tally,
        resend: Callable[[list[Journalled]], object] | None = None,
    ) -> recovery.Recovered | None:
        """Some of `batch` may have reached Allegro: ask it, record what it says. What it
        shows as not done is sent again once by `resend` (given on the first try only)."""
        pending = actions.still_sending(a.id for a in batch)
        if not pending:
            return None
        late_writes.watch([a for a in pending if a.kind == ActionKind.QUANTITY], self.now())
        in_doubt = _timed_out(error)
        if error is not None and not isinstance(error, OutcomeUnknown):
            resend = None  # a refusal, or trouble that outlasted the retries: the next sync tries again
        try:
            found = self.recover(pending, tally, settle=not in_doubt, resend=resend is not None)
        except AllegroError as again:
            tally.failures.append(
                n_(
                    "{n} change may or may not have reached Allegro ({why}); "
                    "the next sync checks it before sending anything again.",
                    "{n} changes may or may not have reached Allegro ({why}); "
                    "the next sync checks them before sending anything again.",
                    len(pending),
                ).format(n=len(pending), why=again.message)
            )
            raise
        for kind, n in found.done_kinds.items():
            if kind != ActionKind.RELIST:  # the relist path counts its new listings itself
                tally.counts[DONE_COUNT[kind]] += n
        if found.resend:
            tally.counts["sent_again_after_check"] += len(found.resend)
            resend(found.resend)
        if found.not_done:
            tally.failures.append(_not_done_sentence(found.not_done, error))
        if found.in_doubt:
            tally.failures.append(
                n_(
                    "Allegro did not answer {n} change in time and may still be making it; "
                    "the next sync checks it before sending anything again.",
                    "Allegro did not answer {n} changes in time and may still be making them; "
                    "the next sync checks them before sending anything again.",
                    found.in_doubt,
                ).format(n=found.in_doubt)
            )
        return found

    def recover(
        self, pending: Sequence[Journalled], tally: Tally, settle: bool = True, resend: bool = False
    ) -> recovery.Recovered:
        found = recovery.recover(self.marketplace, pending, self.now(), settle, resend, stop=self.cancelled)
        tally.counts.update(recovered_done=found.done, recovered_not_done=found.not_done)
        if found.still_unknown:
            tally.counts["still_unknown"] += found.still_unknown
            tally.notes.append(
                n_(
                    "{n} relist is still being processed by Allegro.",
                    "{n} relists are still being processed by Allegro.",
                    found.still_unknown,
                ).format(n=found.still_unknown)
            )
        return found


def _not_done_sentence(n: int, error: AllegroError | None) -> str:
    if error is not None:
        return n_(
            "{n} change did not reach Allegro: {why}. The next sync plans it again.",
            "{n} changes did not reach Allegro: {why}. The next sync plans them again.",
            n,
        ).format(n=n, why=error.message)
    return n_(
        "{n} change did not reach Allegro. The next sync plans it again.",
        "{n} changes did not reach Allegro. The next sync plans them again.",
        n,
    ).format(n=n)


# -- two chains side by side -------------------------------------------------------------


class JointProgress:
    """Two chains sent side by side shown as one step: the steps under way, named together,
    with their counts added up (a finished step's stay in the sum)."""

    def __init__(self, report: Reporter) -> None:
        self._report = report
        self._lock = threading.Lock()
        self._steps: dict[tuple[int, str], tuple[int, int]] = {}  # (chain, step) -> (done, total)
        self._chains = 0

    def reporter(self) -> Reporter:
        with self._lock:
            chain, self._chains = self._chains, self._chains + 1

        def report(step: str, done: int, total: int) -> None:
            with self._lock:
                self._steps[(chain, step)] = (done, total)
                # this thread's steps first (in the order they began), then the chain's
                steps = sorted(self._steps.items(), key=lambda kv: kv[0][0])
                under_way = dict.fromkeys(name for (_c, name), (d, t) in steps if d < t)
                self._report(
                    " · ".join(under_way) or step,
                    sum(d for d, _t in self._steps.values()),
                    sum(t for _d, t in self._steps.values()),
                )

        return report


Chain = Callable[[Steps, Tally], None]


def side_by_side(here: Chain, beside: Chain, steps: Steps, tally: Tally) -> None:
    """Run `here` on this thread and `beside` on a thread (and database connection) of its
    own, with a tally of its own merged at the end. Progress is reported as one step; the
    first failure stops the other at its next batch and is raised once both have stopped."""
    progress = JointProgress(steps.report)
    stop = threading.Event()

    def stopped() -> bool:
        return stop.is_set() or steps.cancelled()

    here_steps = Steps(progress.reporter(), stopped, steps.lock)
    beside_steps = Steps(progress.reporter(), stopped)  # the lock's thread beats for the run
    beside_tally = Tally()

    def run_beside() -> None:
        try:
            beside(beside_steps, beside_tally)
        except BaseException:
            stop.set()
            raise
        finally:
            database.close()  # this thread's connection

    first: BaseException | None = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-chain") as pool:
        chain = pool.submit(run_beside)
        try:
            here(here_steps, tally)
            while not wait([chain], timeout=1.0).done:
                if steps.lock is not None:
                    steps.lock.heartbeat()  # the chain may run on after this side has finished
        except BaseException as error:
            first = error
            stop.set()
        try:
            chain.result()
        except BaseException as error:
            # What stopped the other side is the reason; that side only saw `stop`.
            if first is None or (isinstance(first, SyncCancelled) and not isinstance(error, SyncCancelled)):
                first = error
        finally:
            tally.merge(beside_tally)
    if first is not None:
        raise first
