"""One sync run of one channel: plan (read Allegro, store what to do), then apply (send it).

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

import json
import logging
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import wait
from datetime import UTC, datetime, timedelta

import peewee

from core import inventory
from core.allegro.errors import AllegroError, ConnectionFailed, OutcomeUnknown
from core.allegro.port import (
    FinishRequest,
    Marketplace,
    OfferState,
    Package,
    QuantityChange,
    RelistRequest,
)
from core.db import database
from core.models import (
    ActionKind,
    ActionState,
    Channel,
    Listing,
    ListingStatus,
    Order,
    OrderStatus,
    PlannedAction,
    ShipmentState,
    SyncRun,
    utcnow,
)
from core.sync import actions, bulk, drift, effects, guards, late_writes, listings, orders, recovery, stock, tracking
from core.sync.buffers import Buffers
from core.sync.listings import ListingView, Skipped
from core.sync.lock import ChannelLock
from core.sync.plan import Plan, ProposedAction, Report
from core.i18n import _

log = logging.getLogger(__name__)

Reporter = Callable[[str, int, int], None]
IsCancelled = Callable[[], bool]

QUANTITY_BATCH = 100  # the adapter spreads each batch over its connections
FINISH_BATCH = 25
RELIST_BATCH = 25
TRACKING_BATCH = 20  # forms per journal write
OFFER_TABS = (OfferState.ACTIVE, OfferState.SOLD, OfferState.NOT_SOLD)
NOTE_EXAMPLES = 5
DONE_COUNT = {
    ActionKind.QUANTITY: "quantities_changed",
    ActionKind.END: "listings_ended",
    ActionKind.RELIST: "listings_relisted",
    ActionKind.TRACKING: "tracking_accepted",
}


class SyncRefused(Exception):
    """The channel cannot be synced now (disabled); `message` is for the seller."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class SyncCancelled(Exception):
    """The seller cancelled; what was done so far is recorded."""

    @property
    def message(self) -> str:
        return _("The sync was cancelled.")


class SyncStorageFailed(Exception):
    """The app's own database refused a write (disk full, read-only, disk error), so the
    sync stopped; `message` is for the seller. Changes already sent are in the action
    journal as `sending` (written before each call), so the next sync asks Allegro."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def _storage_failure(error: BaseException | None) -> SyncStorageFailed | None:
    """A SyncStorageFailed when `error` (or what it arose from) is the database refusing to write.

    SQLite rolls a transaction back itself on a full disk, so what surfaces may be the
    "cannot rollback" that followed; the cause is further down the chain.
    """
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, peewee.DatabaseError | sqlite3.DatabaseError):
            text = str(error).lower()
            if "full" in text:
                return SyncStorageFailed(
                    _(
                        "The disk holding the app's database is full, so the sync stopped. Free some space "
                        "and sync again: nothing is lost, and changes already sent are checked with Allegro first."
                    )
                )
            if "readonly" in text or "read-only" in text or "disk i/o" in text:
                return SyncStorageFailed(
                    _(
                        "The app's database can no longer be written (a read-only folder or a disk error), so "
                        "the sync stopped. Make the data folder writable and sync again: nothing is lost."
                    )
                )
        error = error.__cause__ or error.__context__
    return None


def _timed_out(error: AllegroError | None) -> bool:
    """The request got no answer in time: Allegro may still be carrying it out."""
    cause = getattr(error, "cause", None) or error
    return isinstance(cause, ConnectionFailed) and cause.timed_out


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


class _Tally:
    """What one thread of a run counted, and the failures and notes it has for the seller."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.failures: list[str] = []
        self.notes: list[str] = []

    def merge(self, other: _Tally) -> None:
        self.counts.update(other.counts)
        self.failures += other.failures
        self.notes += other.notes


class _JointProgress:
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


class SyncEngine:
    def __init__(
        self, channel: Channel | int, marketplace: Marketplace, *, offer_tabs=OFFER_TABS, allow_mass_end: bool = False
    ) -> None:
        self.allow_mass_end = allow_mass_end  # the seller allowed what the brakes would hold (guards.py)
        self.channel_id = channel if isinstance(channel, int) else channel.id
        self.marketplace = marketplace
        self.offer_tabs = tuple(offer_tabs)
        self.lock: ChannelLock | None = None
        self._skew = timedelta(0)
        self._run_id: int | None = None
        self._tally = _Tally()
        self._beside = threading.local()  # the tally of a chain sent beside this thread's work
        self._cancelled: IsCancelled = _never  # the seller's cancel, for waits outside a step

    # -- time -------------------------------------------------------------------------

    def now(self) -> datetime:
        """Allegro's time (naive UTC): the 60-day window and start times follow its clock."""
        return utcnow() + self._skew

    # -- plan ---------------------------------------------------------------------------

    def plan(self, report: Reporter | None = None, cancelled: IsCancelled | None = None) -> Plan:
        report, cancelled = report or _nothing, cancelled or _never
        self._cancelled = cancelled
        channel = Channel.get_by_id(self.channel_id)
        if not channel.enabled:
            raise SyncRefused(_("{name} is disabled; it is not synced.").format(name=channel.sub_source))
        self.lock = ChannelLock(channel.id, channel.sub_source)
        try:
            self.lock.acquire()
        except peewee.DatabaseError as error:
            raise (_storage_failure(error) or error) from None
        self._tally = _Tally()
        try:
            self._run_id = SyncRun.create(channel=channel.id).id
            return self._plan(channel, report, cancelled)
        except BaseException as error:
            failure = _storage_failure(error) or error
            self._finish_run(channel, "cancelled" if isinstance(error, SyncCancelled) else "failed", failure)
            if failure is not error:
                raise failure from None
            raise

    # What the run counted and has to tell. A chain sent beside (see _apply) keeps its own
    # tally, added to the run's when it has finished, so no count is updated from two threads.
    @property
    def _counts(self) -> Counter[str]:
        return getattr(self._beside, "tally", self._tally).counts

    @property
    def _failures(self) -> list[str]:
        return getattr(self._beside, "tally", self._tally).failures

    @property
    def _notes(self) -> list[str]:
        return getattr(self._beside, "tally", self._tally).notes

    def _step(self, report: Reporter, cancelled: IsCancelled, name: str, done: int = 0, total: int = 0) -> None:
        if cancelled():
            raise SyncCancelled()
        if self.lock is not None and not hasattr(self._beside, "tally"):
            self.lock.heartbeat()  # the lock's thread beats for the run; a chain beside only reports
        report(name, done, total)

    def _plan(self, channel: Channel, report: Reporter, cancelled: IsCancelled) -> Plan:
        self._step(report, cancelled, _("Logging in to Allegro"))
        login = self.marketplace.login()
        if login.server_time is not None:
            server = login.server_time.astimezone(UTC).replace(tzinfo=None)
            self._skew = server - utcnow()
        if login.version_key and login.version_key != channel.api_key_version:
            self._notes.append(
                _("Allegro's Api Key Version is now {new} (was {old}); the channel uses the new one.").format(
                    new=login.version_key, old=channel.api_key_version
                )
            )
            Channel.update(api_key_version=login.version_key).where(Channel.id == channel.id).execute()
            channel.api_key_version = login.version_key

        pending = actions.in_flight(channel.id)
        if pending:
            self._step(report, cancelled, _("Checking unfinished actions on Allegro"), 0, len(pending))
            self._recover(pending)
        if channel.inventory_sync:
            self._late_writes_landed(channel)  # the stock rules below set them again
        actions.drop_undecided(channel.id)

        # Listings and orders are read side by side: the listing pages on the adapter's
        # threads, the journal (page after page) and its forms on the feed's. This thread
        # stores the orders that have arrived meanwhile, then refreshes the listings.
        self._step(report, cancelled, _("Reading listings"))
        # 20,000 rows are read fastest before the threads start: beside threads parsing
        # answers, each row waited for its turn at the interpreter lock.
        stored = listings.stored_rows(channel.id)
        feed = orders.OrderFeed(channel, self.marketplace)
        importer = orders.OrderImport(
            channel,
            feed,
            progress=lambda n: self._step(report, cancelled, _("Importing orders"), n, 0),
            cancelled=cancelled,
        )
        reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="listings")
        try:
            # The pages are compared with the stored rows as they arrive, on the reading
            # thread; this one writes what changed (the connection is this thread's).
            now = self.now()
            reading = reader.submit(
                lambda: listings.compare(channel.id, self.marketplace.offers(self.offer_tabs), now, stored)
            )
            while True:
                try:
                    found = reading.result(timeout=0.05)
                    break
                except FutureTimeout:
                    importer.store_arrived()
                    self._step(report, cancelled, _("Reading listings"))
            refreshed = listings.store(found)
            elsewhere, changed = drift.after_refresh(channel.id, refreshed.drift, found.inserts)
            self._notes.extend(elsewhere)
            if changed:
                self._counts["listings_changed_elsewhere"] = changed
            self._counts.update(
                listings_seen=refreshed.seen,
                listings_new=refreshed.new,
                listings_ended_elsewhere=refreshed.ended_elsewhere,
            )
            self._step(report, cancelled, _("Importing orders"))
            got = importer.finish()
        except orders.Stop:
            raise SyncCancelled() from None
        finally:
            feed.close()
            reader.shutdown(wait=False, cancel_futures=True)  # a cancelled read ends with the session
        merged = getattr(self.marketplace, "merged_away", None)  # REST: forms merged into another
        if merged:
            # A merged-away form's purchases come again under the new form: the old order
            # must not hold the stock twice.
            Order.update(status=OrderStatus.CANCELLED).where(
                (Order.channel == channel.id) & Order.form_id.in_(list(merged)) & (Order.status == OrderStatus.OPEN)
            ).execute()
            self._notes.append(
                _("{count} order(s) were merged by Allegro into another order; they come in as that order.").format(
                    count=len(merged)
                )
            )
            merged.clear()
        relinked = orders.relink(channel)
        self._counts.update(
            orders_imported=got.imported,
            orders_updated=got.updated,
            orders_cancelled=got.cancelled,
            order_items_relinked=relinked,
        )
        for form_id in got.cancelled_after_shipping:
            self._notes.append(_("The buyer cancelled order {order} after it was shipped.").format(order=form_id))
        unlinked = orders.unlinked_items(channel.id)
        if unlinked:
            self._counts["order_items_unlinked"] = len(unlinked)
            ambiguous = [u for u in unlinked if u[3] == "ambiguous"]
            self._counts["order_items_ambiguous"] = len(ambiguous)
            self._notes.append(
                _("{n} order item(s) are not linked to stock and hold no stock").format(n=len(unlinked))
                + ("; " + _("{n} match several stock items by title").format(n=len(ambiguous)) if ambiguous else "")
                + ": "
                + "; ".join(
                    _("“{title}” (order {order})").format(title=title, order=form)
                    for form, _item, title, _state in unlinked[:NOTE_EXAMPLES]
                )
                + ("…" if len(unlinked) > NOTE_EXAMPLES else "")
            )

        drafts: list[actions.Draft] = []
        expired = listings.expire_old(channel.id, self.now())
        if expired:
            self._counts["listings_expired"] = expired
            self._notes.append(_("{n} listing(s) ended over 60 days ago: Allegro no longer relists them.").format(n=expired))
        views: list[ListingView] = []
        available: dict[int, int] = {}
        if channel.inventory_sync:
            self._step(report, cancelled, _("Planning stock"))
            drafts, views, available = self._plan_stock(channel)
        if channel.submit_tracking:
            self._step(report, cancelled, _("Planning tracking numbers"))
            drafts += tracking.plan_uploads(channel.id)
            invalid = tracking.invalid_notes(channel.id)
            if invalid:
                self._counts["tracking_invalid"] = tracking.invalid_count(channel.id)
                self._notes.extend(invalid)

        self._step(report, cancelled, _("Saving the plan"))
        ids = actions.store(channel.id, self._run_id, drafts, channel.no_manual_confirmation)
        holds = [] if self.allow_mass_end else guards.brakes(channel, ids, drafts, views)
        if holds:
            guards.hold(holds)
            self._counts["held_by_brake"] = sum(h.count for h in holds)
            self._notes.extend(h.message for h in holds)
        plan = self._build_plan(channel, ids, drafts, views, available, holds)
        self._save_progress()
        report(_("Plan ready"), len(ids), len(ids))
        return plan

    def _plan_stock(self, channel: Channel):
        views = listings.snapshot(channel.id)
        item_ids = {v.stock_item_id for v in views if v.stock_item_id is not None}
        location_id = stock.stock_location_id(channel)
        # the linked items as a subquery: at 20,000 of 100,000 items the database finds
        # their levels by index faster than a pass over every level
        linked = Listing.select(Listing.stock_item).where(
            (Listing.channel == channel.id) & Listing.stock_item.is_null(False)
        )
        avail = inventory.availability(location_id, linked)
        available = {item_id: avail.get(item_id, inventory.NOTHING).available for item_id in item_ids}
        where = stock.where_text(channel)
        buffers = Buffers.of(channel)
        now = self.now()
        live_titles = {v.title for v in views if v.live}
        drafts: list[actions.Draft] = []
        skipped: dict[str, list[str]] = {}

        def taken(outcome) -> bool:
            """A rule's answer: a draft ends the listing's turn, a Skipped is noted and the next rule tried."""
            if outcome is None:
                return False
            if isinstance(outcome, Skipped):
                skipped.setdefault(outcome.why, []).append(outcome.title)
                return False
            drafts.append(outcome)
            return True

        for view in views:  # End, else Quantity, else Relist (no closures: 20,000 listings)
            if view.stock_item_id is None:
                continue
            have = available[view.stock_item_id]
            listable = buffers.listable(have)
            before = len(drafts)
            if taken(listings.end_draft(view, have, channel, where, listable)) or taken(
                stock.quantity_draft(view, have, where, listable)
            ):
                pass
            elif taken(listings.relist_draft(view, have, channel, now, live_titles, listable)):
                live_titles.add(view.title)  # one relist per title
            if buffers.active and len(drafts) > before:
                drafts[-1].reason += "; " + buffers.explain(have)
        for why, titles in skipped.items():
            self._notes.append(
                _("{n} listing(s) {why}: ").format(n=len(titles), why=_(why))
                + "; ".join(f"“{t}”" for t in titles[:NOTE_EXAMPLES])
                + ("…" if len(titles) > NOTE_EXAMPLES else "")
            )
            self._counts["skipped_" + why.split(",")[0].replace(" ", "_")] += len(titles)
        return drafts, views, available

    def _build_plan(self, channel, ids, drafts, views, available, holds=()) -> Plan:
        plan = Plan(channel.id, channel.sub_source, self._run_id, action_ids=list(ids), held=list(holds))
        held = {i for h in holds for i in h.action_ids}
        by_id = {v.id: v for v in views}
        needed = [d for d in drafts if d.kind in (ActionKind.END, ActionKind.RELIST)]
        names = listings.stock_names(by_id[d.listing_id].stock_item_id for d in needed if d.listing_id in by_id)
        for action_id, draft in zip(ids, drafts, strict=True):
            if draft.kind == ActionKind.QUANTITY:
                plan.quantity_changes += 1
            elif draft.kind == ActionKind.TRACKING:
                plan.tracking_uploads += 1
            else:
                view = by_id[draft.listing_id]
                sku, title = names.get(view.stock_item_id, ("", ""))
                p = draft.params
                start_at = datetime.fromisoformat(p["start_at"]) if p.get("start_at") else None
                shown = ProposedAction(
                    action_id=action_id,
                    kind=draft.kind,
                    listing_id=view.id,
                    offer_id=view.offer_id,
                    title=view.title,
                    format=view.format,
                    bids=view.bids,
                    stock_item_id=view.stock_item_id,
                    sku=sku,
                    stock_title=title,
                    reason=draft.reason,
                    available=available.get(view.stock_item_id, 0),
                    sells_to_top_bidder=draft.kind == ActionKind.END and view.is_auction and view.bids > 0,
                    duration_days=p.get("duration_days"),
                    start_at=start_at,
                    ended_at=view.ended_at,
                    days_left=p.get("days_left"),
                    approved=channel.no_manual_confirmation and action_id not in held,
                )
                (plan.ends if draft.kind == ActionKind.END else plan.relists).append(shown)
        plan.needs_confirmation = bool(plan.to_confirm or plan.held)
        plan.counts = dict(self._counts)
        plan.notes = list(self._notes)
        return plan

    # -- apply --------------------------------------------------------------------------

    def apply(self, plan: Plan, report: Reporter | None = None, cancelled: IsCancelled | None = None) -> Report:
        """Send the plan's approved actions: quantities, ends, relists, tracking."""
        report, cancelled = report or _nothing, cancelled or _never
        self._cancelled = cancelled
        channel = Channel.get_by_id(self.channel_id)
        if self.lock is None or plan.run_id != self._run_id:
            raise RuntimeError("apply() needs the plan made by this engine's plan()")
        try:
            self.lock.heartbeat(force=True)
            self._apply(channel, plan, report, cancelled)
        except BaseException as error:
            failure = _storage_failure(error) or error
            self._finish_run(channel, "cancelled" if isinstance(error, SyncCancelled) else "failed", failure)
            if failure is not error:
                raise failure from None
            raise
        undecided = PlannedAction.select().where(
            (PlannedAction.run == self._run_id) & (PlannedAction.state == ActionState.PROPOSED)
        )
        held = undecided.where(PlannedAction.result == guards.HELD).count()
        waiting = undecided.where(
            PlannedAction.kind.in_(actions.NEEDS_DECISION) & (PlannedAction.result != guards.HELD)
        ).count()
        if held:
            self._counts["held_by_brake"] = held
        if waiting > 0:
            self._counts["waiting_for_confirmation"] = waiting
            self._notes.append(_("{n} listing(s) to end or relist wait for confirmation.").format(n=waiting))
        self._note_oversell_risk(channel)
        outcome = "partial" if self._failures else "ok"
        try:
            return self._finish_run(channel, outcome)
        except peewee.DatabaseError as error:
            raise (_storage_failure(error) or error) from None

    def cancel(self, plan: Plan) -> Report:
        """The seller cancelled the confirmation: nothing is sent, the actions stay proposed."""
        channel = Channel.get_by_id(self.channel_id)
        self._notes.append(_("Cancelled before sending; nothing was changed on Allegro."))
        self._note_oversell_risk(channel)
        return self._finish_run(channel, "cancelled")

    def record(self, note: str = "", **counts: int) -> None:
        """What the seller decided outside the engine (the dialog's answer, how long it
        waited), kept in the run's record; call it before apply() or cancel()."""
        if note:
            self._notes.append(note)
        self._counts.update(counts)

    def _note_oversell_risk(self, channel: Channel) -> None:
        risks = guards.oversell_risks(channel)
        if risks:
            self._counts["oversell_risk"] = len(risks)
            self._notes.append(guards.risk_note(risks))

    def _apply(self, channel: Channel, plan: Plan, report: Reporter, cancelled: IsCancelled) -> None:
        run = self._run_id
        quantity = actions.approved(run, ActionKind.QUANTITY)
        ends = actions.approved(run, ActionKind.END)
        relists = actions.approved(run, ActionKind.RELIST)

        def send_quantities(report: Reporter, cancelled: IsCancelled) -> None:
            self._send_quantities(quantity, report, cancelled)

        def end_and_relist(report: Reporter, cancelled: IsCancelled) -> None:
            if ends:
                self._send_ends(ends, report, cancelled)
            if relists:
                new_listing_ids = self._send_relists(channel, relists, report, cancelled)
                if new_listing_ids and channel.inventory_sync:
                    self._quantities_after_relist(channel, new_listing_ids, report, cancelled)

        if quantity and (ends or relists):
            # Ends and relists are chains (each call waits for the one before, a relist for
            # its doVerifyItem), quantities are one call per listing spread over every
            # connection: sent side by side the chain fills the connections the quantities
            # leave idle. They touch different listings (a live one's quantity; an ended or
            # sold-out one's end or relist) and every action is journalled on its own, so
            # exactly-once holds whichever finishes first.
            self._side_by_side(send_quantities, end_and_relist, report, cancelled)
        else:
            if quantity:
                send_quantities(report, cancelled)
            end_and_relist(report, cancelled)
        uploads = actions.approved(run, ActionKind.TRACKING)
        if uploads:
            self._send_tracking(uploads, report, cancelled)
        if channel.inventory_sync:
            self._read_back_late_writes(channel, report, cancelled)
        report(_("Done"), 1, 1)

    def _late_writes_landed(self, channel: Channel) -> list[late_writes.Landed]:
        """Watched quantities Allegro now shows otherwise than the app set them, each noted."""
        landed = late_writes.landed_over(self.marketplace, channel.id, self.now())
        for found in landed:
            self._notes.append(
                _(
                    "A late change landed on Allegro over the quantity of “{title}”: it showed {shown} "
                    "where the app expected {believed}; it is set from the stock again."
                ).format(title=found.title, shown=found.shown, believed=found.believed)
            )
        if landed:
            self._counts["late_writes_corrected"] += len(landed)
        return landed

    def _read_back_late_writes(self, channel: Channel, report: Reporter, cancelled: IsCancelled) -> None:
        """Quantities whose answer was unknown, read back at the end of the run and corrected."""
        try:
            landed = self._late_writes_landed(channel)
        except AllegroError as error:
            self._notes.append(
                _("Quantities whose answer was late could not be read back ({why}); the next sync checks them.").format(
                    why=error.message
                )
            )
            return
        if landed:
            self._quantities_to_stock(channel, [found.listing_id for found in landed], report, cancelled)

    def _side_by_side(self, here, beside, report: Reporter, cancelled: IsCancelled) -> None:
        """Run `here` on this thread and `beside` on a thread (and database connection) of its
        own. Progress is reported as one step; the first failure stops the other at its next
        batch and is raised once both have stopped."""
        progress = _JointProgress(report)
        report_here, report_beside = progress.reporter(), progress.reporter()
        stop = threading.Event()

        def stopped() -> bool:
            return stop.is_set() or cancelled()

        def run_beside() -> None:
            self._beside.tally = tally
            try:
                beside(report_beside, stopped)
            except BaseException:
                stop.set()
                raise
            finally:
                del self._beside.tally
                database.close()  # this thread's connection

        tally = _Tally()
        first: BaseException | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-chain") as pool:
            chain = pool.submit(run_beside)
            try:
                here(report_here, stopped)
                while not wait([chain], timeout=1.0).done:
                    if self.lock is not None:
                        self.lock.heartbeat()  # the chain may run on after this side has finished
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
                self._tally.merge(tally)
        if first is not None:
            raise first

    def _batches(self, todo: Sequence[PlannedAction], size: int, step: str, report, cancelled):
        total = len(todo)
        for start in range(0, total, size):
            self._step(report, cancelled, step, start, total)
            yield todo[start : start + size]
        report(step, total, total)

    def _unknown(
        self,
        batch: Sequence[PlannedAction],
        error: AllegroError | None,
        resend: Callable[[list[PlannedAction]], object] | None = None,
    ) -> recovery.Recovered | None:
        """Some of `batch` may have reached Allegro: ask it, record what it says. What it
        shows as not done is sent again once by `resend` (given on the first try only)."""
        pending = [a for a in PlannedAction.select().where(
            PlannedAction.id.in_([a.id for a in batch]) & (PlannedAction.state == ActionState.SENDING)
        )]
        if not pending:
            return None
        late_writes.watch([a for a in pending if a.kind == ActionKind.QUANTITY], self.now())
        in_doubt = _timed_out(error)
        if error is not None and not isinstance(error, OutcomeUnknown):
            resend = None  # a refusal, or trouble that outlasted the retries: the next sync tries again
        try:
            found = self._recover(pending, settle=not in_doubt, resend=resend is not None)
        except AllegroError as again:
            self._failures.append(
                _(
                    "{n} change(s) may or may not have reached Allegro ({why}); "
                    "the next sync checks them before sending anything again."
                ).format(n=len(pending), why=again.message)
            )
            raise
        for kind, n in found.done_kinds.items():
            if kind != ActionKind.RELIST:  # the relist path counts its new listings itself
                self._counts[DONE_COUNT[kind]] += n
        if found.resend:
            self._counts["sent_again_after_check"] += len(found.resend)
            resend(found.resend)
        if found.not_done:
            if error is not None:
                text = _("{n} change(s) did not reach Allegro: {why}. The next sync plans them again.")
            else:
                text = _("{n} change(s) did not reach Allegro. The next sync plans them again.")
            self._failures.append(text.format(n=found.not_done, why=error.message if error is not None else ""))
        if found.in_doubt:
            self._failures.append(
                _(
                    "Allegro did not answer {n} change(s) in time and may still be making them; "
                    "the next sync checks them before sending anything again."
                ).format(n=found.in_doubt)
            )
        return found

    def _recover(
        self, pending: Sequence[PlannedAction], settle: bool = True, resend: bool = False
    ) -> recovery.Recovered:
        found = recovery.recover(self.marketplace, pending, self.now(), settle, resend, stop=self._cancelled)
        self._counts.update(recovered_done=found.done, recovered_not_done=found.not_done)
        if found.still_unknown:
            self._counts["still_unknown"] += found.still_unknown
            self._notes.append(_("{n} relist(s) are still being processed by Allegro.").format(n=found.still_unknown))
        return found

    def _record_failure(self, kind: str, title: str, message: str) -> None:
        self._counts[f"{kind}_failed"] += 1
        self._failures.append(f"{title}: {message}")

    def _titles(self, batch: Sequence[PlannedAction]) -> dict[int, str]:
        ids = [a.listing_id for a in batch if a.listing_id]
        return dict(Listing.select(Listing.id, Listing.title).where(Listing.id.in_(ids)).tuples()) if ids else {}

    def _send_quantities(self, todo, report, cancelled) -> None:
        for batch in self._batches(todo, QUANTITY_BATCH, _("Changing quantities"), report, cancelled):
            self._send_quantity_batch(batch, first_try=True)

    def _send_quantity_batch(self, batch: Sequence[PlannedAction], first_try: bool) -> None:
        params = {a.id: actions.params(a) for a in batch}
        actions.mark_sending([a.id for a in batch])
        changes = [QuantityChange(params[a.id]["offer_id"], params[a.id]["quantity"], params[a.id]["sold"]) for a in batch]
        error: AllegroError | None = None
        try:
            results = self.marketplace.change_quantities(changes)
        except AllegroError as exc:
            error, results = exc, list(getattr(exc, "completed", ()))
        by_offer = {r.offer_id: r for r in results}
        titles = self._titles(batch)
        done, refused, may_land_late = [], [], []
        for action in batch:
            p = params[action.id]
            result = by_offer.get(p["offer_id"])
            if result is None:
                continue  # outcome unknown: asked below
            if result.may_land_late:
                may_land_late.append(action)
            if result.ok:
                done.append((action.id, action.listing_id, p["quantity"], p["sold"]))
            else:
                refused.append((action.id, ActionState.FAILED, result.message, None))
                self._record_failure("quantity", titles.get(action.listing_id, str(p["offer_id"])), result.message)
        with database.atomic():
            effects.quantities_set(done)
            actions.mark_many(refused)
        late_writes.watch(may_land_late, self.now())
        self._counts["quantities_changed"] += len(done)
        if error is not None or len(by_offer) < len(batch):
            again = (lambda todo: self._send_quantity_batch(todo, first_try=False)) if first_try else None
            self._unknown(batch, error, again)

    def _send_ends(self, todo, report, cancelled) -> None:
        for batch in self._batches(todo, FINISH_BATCH, _("Ending listings"), report, cancelled):
            self._send_end_batch(batch, first_try=True)

    def _send_end_batch(self, batch: Sequence[PlannedAction], first_try: bool) -> None:
        params = {a.id: actions.params(a) for a in batch}
        actions.mark_sending([a.id for a in batch])
        requests = [FinishRequest(params[a.id]["offer_id"], cancel_bids=False) for a in batch]
        error: AllegroError | None = None
        try:
            results = self.marketplace.finish(requests)
        except AllegroError as exc:
            error, results = exc, list(getattr(exc, "completed", ()))
        by_offer = {r.offer_id: r for r in results}
        titles = self._titles(batch)
        unknown = False
        now = self.now()
        done, refused = [], []
        for action in batch:
            p = params[action.id]
            result = by_offer.get(p["offer_id"])
            if result is None or result.unknown:
                unknown = True  # e.g. "already ended", maybe by an earlier try of ours: read it back
            elif result.ok:
                done.append((action.id, action.listing_id, p))
            else:
                refused.append((action.id, ActionState.FAILED, result.message, None))
                self._record_failure("end", titles.get(action.listing_id, str(p["offer_id"])), result.message)
        with database.atomic():
            effects.ended(done, now)
            actions.mark_many(refused)
        self._counts["listings_ended"] += len(done)
        if error is not None or unknown:
            again = (lambda todo: self._send_end_batch(todo, first_try=False)) if first_try else None
            self._unknown(batch, error, again)

    def _send_relists(self, channel: Channel, todo, report, cancelled) -> list[int]:
        new_listing_ids: list[int] = []
        for batch in self._batches(todo, RELIST_BATCH, _("Relisting"), report, cancelled):
            params = {a.id: actions.params(a) for a in batch}
            now = self.now()
            start_at = now + timedelta(minutes=channel.relist_delay) if channel.relist_delay > 0 else None
            for action in batch:
                params[action.id]["start_at"] = start_at.isoformat() if start_at else None
            with database.atomic():
                bulk.update_many(
                    PlannedAction, ("params",), [(json.dumps(params[a.id], sort_keys=True), a.id) for a in batch]
                )
            fresh = list(PlannedAction.select().where(PlannedAction.id.in_([a.id for a in batch])).order_by(PlannedAction.id))
            new_listing_ids += self._send_relist_batch(fresh, first_try=True)
        return new_listing_ids

    def _send_relist_batch(self, batch: Sequence[PlannedAction], first_try: bool) -> list[int]:
        """Send one batch under the localIds stored with it (the same on every try)."""
        new_listing_ids: list[int] = []
        params = {a.id: actions.params(a) for a in batch}
        actions.mark_sending([a.id for a in batch])
        requests = [
            RelistRequest(
                offer_id=params[a.id]["offer_id"],
                local_id=params[a.id]["local_id"],
                duration_days=params[a.id]["duration_days"],
                start_at=datetime.fromisoformat(params[a.id]["start_at"]).replace(tzinfo=UTC)
                if params[a.id].get("start_at")
                else None,
            )
            for a in batch
        ]
        error: AllegroError | None = None
        try:
            results = self.marketplace.relist(requests)
        except AllegroError as exc:
            error, results = exc, list(getattr(exc, "completed", ()))
        by_offer = {r.offer_id: r for r in results}
        titles = self._titles(batch)
        unknown = False
        with database.atomic():
            done = []
            for action in batch:
                p = params[action.id]
                result = by_offer.get(p["offer_id"])
                title = titles.get(action.listing_id, str(p["offer_id"]))
                if result is not None and result.unknown and result.error_code:
                    # "localId already used": by an earlier try of ours, if doVerifyItem names its offer
                    unknown = True
                    actions.mark_local_id_used(action.id)
                elif result is None or result.unknown or (result.ok and not result.new_offer_id):
                    unknown = True  # relisted, maybe, or the new id is not known yet: verify the localId
                elif result.ok:
                    done.append((action.id, action.listing_id, result.new_offer_id, result.scheduled, p))
                    self._counts["listings_relisted"] += 1
                elif result.error_code == "ERR_SELL_AGAIN_TIME_EXPIRED":
                    effects.expired(action.id, action.listing_id, result.message)
                    self._record_failure("relist", title, result.message)
                else:
                    actions.mark(action.id, ActionState.FAILED, result.message)
                    self._record_failure("relist", title, result.message)
            new_listing_ids += effects.relisted_many(done)
        if error is not None or unknown:
            again = None
            if first_try:
                def again(todo: list[PlannedAction]) -> None:
                    new_listing_ids.extend(self._send_relist_batch(todo, first_try=False))
            found = self._unknown(batch, error, again)
            if found is not None:
                new_listing_ids += found.relisted_listing_ids
                self._counts["listings_relisted"] += len(found.relisted_listing_ids)
        return new_listing_ids

    def _quantities_after_relist(self, channel: Channel, listing_ids: list[int], report, cancelled) -> None:
        """A relist copies the old offer's quantity; bring it to what is available now."""
        self._quantities_to_stock(channel, listing_ids, report, cancelled, relisted=True)

    def _quantities_to_stock(self, channel: Channel, listing_ids, report, cancelled, relisted: bool = False) -> None:
        """Send the quantity each of these listings should show by the stock, where Allegro differs."""
        views = listings.snapshot(channel.id, listing_ids)
        item_ids = {v.stock_item_id for v in views if v.stock_item_id}
        avail = inventory.availability(stock.stock_location_id(channel), item_ids)
        where = stock.where_text(channel)
        drafts = []
        buffers = Buffers.of(channel)
        for view in views:
            have = avail.get(view.stock_item_id, inventory.NOTHING).available
            draft = stock.quantity_draft(view, have, where, buffers.listable(have))
            if draft is not None:
                drafts.append(draft)
            elif relisted and buffers.listable(have) <= 0:
                self._notes.append(
                    _("“{title}” was relisted but its stock is gone again; the next sync proposes ending it.").format(title=view.title)
                )
        if drafts:
            ids = actions.store(channel.id, self._run_id, drafts, True)
            todo = list(PlannedAction.select().where(PlannedAction.id.in_(ids)).order_by(PlannedAction.id))
            self._send_quantities(todo, report, cancelled)

    def _send_tracking(self, todo, report, cancelled) -> None:
        by_form: dict[int, list[PlannedAction]] = {}
        for action in todo:
            by_form.setdefault(actions.params(action)["form_id"], []).append(action)
        forms = list(by_form.items())
        for start in range(0, len(forms), TRACKING_BATCH):
            self._step(report, cancelled, _("Sending tracking numbers"), start, len(forms))
            for form_id, group in forms[start : start + TRACKING_BATCH]:
                self._send_form_tracking(form_id, group)
        report(_("Sending tracking numbers"), len(forms), len(forms))

    def _send_form_tracking(self, form_id: int, group: list[PlannedAction], first_try: bool = True) -> None:
        params = {a.id: actions.params(a) for a in group}
        with database.atomic():
            actions.mark_sending([a.id for a in group])
            for action in group:
                if action.shipment_id:
                    tracking.mark_sent(action.shipment_id, ShipmentState.SENDING)
        packages = [
            Package(
                carrier_id=params[a.id]["carrier_id"],
                tracking_number=params[a.id]["tracking_number"],
                carrier_name=params[a.id].get("carrier_name") or "",
            )
            for a in group
        ]
        try:
            answer = self.marketplace.add_tracking(form_id, packages)
        except AllegroError as exc:
            again = (lambda todo: self._send_form_tracking(form_id, todo, first_try=False)) if first_try else None
            self._unknown(group, exc, again)
            return
        with database.atomic():
            for action in group:
                number = params[action.id]["tracking_number"]
                state = effects.tracking_answer(
                    action.id,
                    action.shipment_id,
                    number,
                    answer.added,
                    answer.wrong_carrier,
                    answer.wrong_number,
                    dict(answer.reasons),
                )
                if state == ShipmentState.ACCEPTED:
                    self._counts["tracking_accepted"] += 1
                elif state == ShipmentState.REJECTED:
                    self._counts["tracking_rejected"] += 1
                    why = PlannedAction.get_by_id(action.id).result  # Allegro's reason, as recorded
                    self._failures.append(
                        _("Tracking number {number} (order {order}) was rejected by Allegro: {why}").format(
                            number=number, order=form_id, why=why
                        )
                    )

    # -- the run's record ----------------------------------------------------------------

    def _save_progress(self) -> None:
        SyncRun.update(counts=json.dumps(dict(self._counts), sort_keys=True)).where(SyncRun.id == self._run_id).execute()

    def _finish_run(self, channel: Channel, outcome: str, error: BaseException | None = None) -> Report:
        if error is not None and not isinstance(error, SyncCancelled):
            message = getattr(error, "message", None) or str(error) or type(error).__name__
            self._failures.append(message)
            log.warning("Sync of %s stopped: %s", channel.sub_source, message)
        now = utcnow()
        try:
            if self._run_id is not None:
                SyncRun.update(
                    finished_at=now,
                    outcome=outcome,
                    counts=json.dumps(dict(self._counts), sort_keys=True),
                    errors="\n".join(self._failures + [f"Note: {n}" for n in self._notes]),
                ).where(SyncRun.id == self._run_id).execute()
            Channel.update(last_sync_at=now, last_sync_outcome=outcome).where(Channel.id == channel.id).execute()
        except peewee.DatabaseError as unwritable:
            if error is None:
                raise
            # already stopping for a reason the seller is told; the record is what fails now
            log.warning("Could not record the end of the sync of %s: %s", channel.sub_source, unwritable)
        finally:
            if self.lock is not None:
                try:
                    self.lock.release()
                except peewee.DatabaseError as unwritable:  # this process's row: taken over next time
                    log.warning("Could not release the sync lock of %s: %s", channel.sub_source, unwritable)
        return Report(
            channel.id,
            channel.sub_source,
            self._run_id or 0,
            outcome,
            counts=dict(self._counts),
            failures=list(self._failures),
            notes=list(self._notes),
        )
