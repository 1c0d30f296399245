"""One sync run of one channel, as its steps: plan (read Allegro, store what to do), then
apply (send it). Each step's work lives in a module of its own:

    1. lock the channel, open the run's record          run_record.py, lock.py
    2. log in (a new Api Key Version is accepted)       channels.accept_version_key
    3. ask Allegro about actions left unfinished         sending.py, recovery.py
    4. read listings and orders, side by side            reading.py
    5. plan the actions, hold what a brake stops         planning.py, listings.py, stock.py, guards.py
    6. the seller confirms (outside the engine)          decide()
    7. send quantities, ends, relists, tracking          sending.py, effects.py
    8. record the outcome, release the lock              run_record.py

    engine = SyncEngine(channel, marketplace)
    plan = engine.plan(report, cancelled)         # orders imported, actions stored
    decide(plan, approved_ids)                    # the confirmation dialog's answer
    result = engine.apply(plan, report, cancelled)
    # or engine.cancel(plan) when the seller cancels the dialog: nothing is sent

`report(step, done, total)` and `cancelled()` are plain callables, so the same code
runs headless and on a QThread. Cancelling stops between batches. The channel stays
locked from plan() until apply() or cancel() returns.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import peewee

from core.allegro.errors import AllegroError
from core.allegro.port import Marketplace, OfferState
from core.channels import ChannelOptions, accept_version_key, options_of
from core.models import ActionKind, ActionState, Channel, PlannedAction, utcnow
from core.sync import actions, guards, late_writes, planning, reading
from core.sync.actions import Draft
from core.sync.lock import ChannelLock
from core.sync.plan import Plan, ProposedAction, Report
from core.sync.run_record import (  # noqa: F401  (the engine's errors, as callers import them)
    IsCancelled,
    Reporter,
    RunRecord,
    Steps,
    SyncCancelled,
    SyncRefused,
    SyncStorageFailed,
    Tally,
    storage_failure,
)
from core.sync.sending import Sender, side_by_side
from core.i18n import _, n_

OFFER_TABS = (OfferState.ACTIVE, OfferState.SOLD, OfferState.NOT_SOLD)


def _nothing(*_args) -> None:
    return None


def _never() -> bool:
    return False


def decide(plan_or_actions: Plan | Iterable[ProposedAction] | Iterable[int], approved_ids: Iterable[int]) -> tuple[int, int]:
    """The seller's answer to the confirmation dialog: ticked actions are approved, the
    others rejected. Returns (approved, rejected). Not calling it (Cancel) decides
    nothing: the actions stay proposed and are planned again next sync."""
    if isinstance(plan_or_actions, Plan):
        ids = [a.action_id for a in plan_or_actions.to_confirm] + plan_or_actions.held_quantity_ids
    else:
        ids = [a if isinstance(a, int) else a.action_id for a in plan_or_actions]
    return actions.decide(ids, approved_ids)


class SyncEngine:
    def __init__(
        self, channel: Channel | int, marketplace: Marketplace, *, offer_tabs=OFFER_TABS, allow_mass_end: bool = False
    ) -> None:
        self.allow_mass_end = allow_mass_end  # the seller allowed what the brakes would hold (guards.py)
        self.channel_id = channel if isinstance(channel, int) else channel.id
        self.marketplace = marketplace
        self.offer_tabs = tuple(offer_tabs)
        self.sender = Sender(marketplace, self.now)
        self.run: RunRecord | None = None
        self.tally = Tally()
        self._skew = timedelta(0)

    @property
    def lock(self) -> ChannelLock | None:
        return self.run.lock if self.run is not None else None

    def now(self) -> datetime:
        """Allegro's time (naive UTC): the 60-day window and start times follow its clock."""
        return utcnow() + self._skew

    # -- plan: steps 1-5 --------------------------------------------------------------------

    def plan(self, report: Reporter | None = None, cancelled: IsCancelled | None = None) -> Plan:
        row = Channel.get_by_id(self.channel_id)
        if not row.enabled:
            raise SyncRefused(_("{name} is disabled; it is not synced.").format(name=row.sub_source))
        self.run = RunRecord(row)
        self.run.lock_channel()
        self.tally = Tally()
        steps = self._steps(report, cancelled)
        try:
            self.run.start()
            return self._plan(row, steps)
        except BaseException as error:
            failure = self.run.fail(self.tally, error)
            if failure is not error:
                raise failure from None
            raise

    def _steps(self, report: Reporter | None, cancelled: IsCancelled | None) -> Steps:
        steps = Steps(report or _nothing, cancelled or _never, self.lock)
        self.sender.cancelled = steps.cancelled
        return steps

    def _plan(self, row: Channel, steps: Steps) -> Plan:
        self._log_in(steps)
        row = Channel.get_by_id(self.channel_id)  # with the version key accepted at login
        options = options_of(row)
        pending = actions.in_flight(options.id)
        if pending:
            steps(_("Checking unfinished actions on Allegro"), 0, len(pending))
            self.sender.recover(pending, self.tally)
        if options.inventory_sync:
            late_writes.note_landed(self.marketplace, options.id, self.now(), self.tally)  # set again below
        actions.drop_undecided(options.id)
        reading.read(row, options, self.marketplace, self.offer_tabs, self.now, steps, self.tally)
        return self._make_plan(options, steps)

    def _log_in(self, steps: Steps) -> None:
        steps(_("Logging in to Allegro"))
        login = self.marketplace.login()
        if login.server_time is not None:
            self._skew = login.server_time.astimezone(UTC).replace(tzinfo=None) - utcnow()
        old = accept_version_key(self.channel_id, login.version_key)
        if old is not None:
            self.tally.notes.append(
                _("Allegro's Api Key Version is now {new} (was {old}); the channel uses the new one.").format(
                    new=login.version_key, old=old
                )
            )

    def _make_plan(self, options: ChannelOptions, steps: Steps) -> Plan:
        tally, now = self.tally, self.now()
        drafts: list[Draft] = []
        views, available = [], {}
        planning.expire_old(options, now, tally)
        if options.inventory_sync:
            steps(_("Planning stock"))
            drafts, views, available = planning.plan_stock(options, now, tally)
        if options.submit_tracking:
            steps(_("Planning tracking numbers"))
            drafts += planning.plan_tracking(options, tally)
        steps(_("Saving the plan"))
        run_id = self.run.run_id
        ids = actions.store(options.id, run_id, drafts, options.no_manual_confirmation)
        holds = [] if self.allow_mass_end else guards.brakes(options, ids, drafts, views)
        if holds:
            guards.hold(holds)
            tally.counts["held_by_brake"] = sum(h.count for h in holds)
            tally.notes.extend(h.message for h in holds)
        plan = planning.build_plan(options, run_id, ids, drafts, views, available, holds, now, tally)
        self.run.save_progress(tally)
        steps.report(_("Plan ready"), len(ids), len(ids))
        return plan

    # -- apply: steps 7-8 -------------------------------------------------------------------

    def apply(self, plan: Plan, report: Reporter | None = None, cancelled: IsCancelled | None = None) -> Report:
        """Send the plan's approved actions: quantities, ends, relists, tracking."""
        if self.run is None or plan.run_id != self.run.run_id:
            raise RuntimeError("apply() needs the plan made by this engine's plan()")
        steps = self._steps(report, cancelled)
        try:
            self.lock.heartbeat(force=True)
            self._send(options_of(self.channel_id), steps)  # as the channel is now, after the dialog
        except BaseException as error:
            failure = self.run.fail(self.tally, error)
            if failure is not error:
                raise failure from None
            raise
        self._note_undecided()
        self._note_oversell_risk()
        try:
            return self.run.finish(self.tally, "partial" if self.tally.failures else "ok")
        except peewee.DatabaseError as error:
            raise (storage_failure(error) or error) from None

    def cancel(self, plan: Plan) -> Report:
        """The seller cancelled the confirmation: nothing is sent, the actions stay proposed."""
        self.tally.notes.append(_("Cancelled before sending; nothing was changed on Allegro."))
        self._note_oversell_risk()
        return self.run.finish(self.tally, "cancelled")

    def record(self, note: str = "", **counts: int) -> None:
        """What the seller decided outside the engine (the dialog's answer, how long it
        waited), kept in the run's record; call it before apply() or cancel()."""
        if note:
            self.tally.notes.append(note)
        self.tally.counts.update(counts)

    def _send(self, options: ChannelOptions, steps: Steps) -> None:
        run = self.run.run_id
        quantity = actions.approved(run, ActionKind.QUANTITY)
        ends = actions.approved(run, ActionKind.END)
        relists = actions.approved(run, ActionKind.RELIST)

        def send_quantities(steps: Steps, tally: Tally) -> None:
            self.sender.send_quantities(quantity, steps, tally)

        def end_and_relist(steps: Steps, tally: Tally) -> None:
            if ends:
                self.sender.send_ends(ends, steps, tally)
            if relists:
                new_listing_ids = self.sender.send_relists(options, relists, steps, tally)
                if new_listing_ids and options.inventory_sync:  # a relist copies the old quantity
                    self._send_follow_up_quantities(options, new_listing_ids, steps, tally, relisted=True)

        if quantity and (ends or relists):
            # Ends and relists are chains (each call waits for the one before, a relist for
            # its doVerifyItem), quantities are one call per listing spread over every
            # connection: sent side by side the chain fills the connections the quantities
            # leave idle. They touch different listings and every action is journalled on
            # its own, so exactly-once holds whichever finishes first.
            side_by_side(send_quantities, end_and_relist, steps, self.tally)
        else:
            if quantity:
                send_quantities(steps, self.tally)
            end_and_relist(steps, self.tally)
        uploads = actions.approved(run, ActionKind.TRACKING)
        if uploads:
            self.sender.send_tracking(uploads, steps, self.tally)
        if options.inventory_sync:
            self._read_back_late_writes(options, steps)
        steps.report(_("Done"), 1, 1)

    def _send_follow_up_quantities(self, options, listing_ids, steps: Steps, tally: Tally, relisted=False) -> None:
        """Quantities planned after a send (planning.follow_up_quantities), stored approved and sent."""
        drafts = planning.follow_up_quantities(options, listing_ids, tally, relisted)
        if drafts:
            ids = actions.store(options.id, self.run.run_id, drafts, True)
            self.sender.send_quantities(actions.by_ids(ids), steps, tally)

    def _read_back_late_writes(self, options: ChannelOptions, steps: Steps) -> None:
        """Quantities whose answer was unknown, read back at the end of the run and corrected."""
        try:
            landed = late_writes.note_landed(self.marketplace, options.id, self.now(), self.tally)
        except AllegroError as error:
            self.tally.notes.append(
                _("Quantities whose answer was late could not be read back ({why}); the next sync checks them.").format(
                    why=error.message
                )
            )
            return
        if landed:
            self._send_follow_up_quantities(options, [found.listing_id for found in landed], steps, self.tally)

    def _note_undecided(self) -> None:
        undecided = PlannedAction.select().where(
            (PlannedAction.run == self.run.run_id) & (PlannedAction.state == ActionState.PROPOSED)
        )
        held = undecided.where(PlannedAction.result == guards.HELD).count()
        waiting = undecided.where(PlannedAction.kind.in_(actions.NEEDS_DECISION) & (PlannedAction.result != guards.HELD)).count()
        if held:
            self.tally.counts["held_by_brake"] = held
        if waiting > 0:
            self.tally.counts["waiting_for_confirmation"] = waiting
            self.tally.notes.append(
                n_(
                    "{n} listing to end or relist waits for confirmation.",
                    "{n} listings to end or relist wait for confirmation.",
                    waiting,
                ).format(n=waiting)
            )

    def _note_oversell_risk(self) -> None:
        risks = guards.oversell_risks(options_of(self.channel_id))
        if risks:
            self.tally.counts["oversell_risk"] = len(risks)
            self.tally.notes.append(guards.risk_note(risks))
