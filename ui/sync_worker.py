"""One sync of one channel, off the GUI thread: a plan worker, the seller's decision, an apply worker.

    session = SyncSession(channel_id, paths)
    session.progress_changed.connect(bar.update)          # (step, done, total)
    session.confirmation_needed.connect(show_dialog)      # a Plan: plan.to_confirm lists End/Relist
    session.applied.connect(show_report)                  # a core.sync.plan.Report
    session.failed.connect(show_error)                    # the seller's sentence
    session.start()
    ...
    session.confirm(approved_action_ids)  # from the dialog's "Apply selected"
    session.apply_undecided()             # auto-sync: send the rest, ends/relists stay proposed
    session.cancel()                      # Cancel: stops between batches, or closes the run

The confirmation dialog opens between the two workers, never inside one: the plan
worker has finished when `confirmation_needed` arrives, and the apply worker starts
only on `confirm()`. Without anything to confirm (or with No Manual Confirmation) the
session applies at once. The channel stays locked from planning until the run ends.
"""
from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from core.store import release_connection
from core.sync import decisions
from core.sync.engine import SyncCancelled, SyncEngine, decide
from core.sync.plan import Plan
from ui.workers import Worker

log = logging.getLogger(__name__)


class SyncState:
    IDLE = "idle"
    PLANNING = "planning"
    WAITING = "waiting"  # for the seller's decision
    APPLYING = "applying"
    DONE = "done"


def _default_factory(channel_id: int, paths):
    from core.sync.marketplace import make_marketplace

    return make_marketplace(channel_id, paths)


class SyncSession(QObject):
    progress_changed = Signal(str, int, int)  # step, done, total (total 0 = unknown)
    plan_ready = Signal(object)  # Plan, always, before any confirmation
    confirmation_needed = Signal(object)  # Plan with End/Relist actions waiting for a decision
    applied = Signal(object)  # Report
    cancelled = Signal()  # the seller cancelled; nothing more was sent
    failed = Signal(str)  # the seller's sentence
    finished = Signal()  # always last

    def __init__(
        self,
        channel_id: int,
        paths=None,
        marketplace_factory: Callable | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.channel_id = channel_id
        self.paths = paths
        self._factory = marketplace_factory or _default_factory
        self.state = SyncState.IDLE
        self.plan: Plan | None = None
        self.report = None
        self._engine: SyncEngine | None = None
        self._marketplace = None
        self._worker: Worker | None = None
        self._waiting_since: float | None = None  # when the dialog opened (monotonic)

    # -- the seller's controls ---------------------------------------------------------------

    def start(self) -> None:
        if self.state != SyncState.IDLE:
            raise RuntimeError("a SyncSession runs once")
        # What exists now (window, contract, modules) lives on: frozen, the collector's full
        # passes during the sync walk only the sync's own objects and keep the window responsive.
        gc.freeze()
        self.state = SyncState.PLANNING
        self._run(self._plan_job, self._planned)

    def confirm(self, approved_ids) -> None:
        """Apply: the ticked End/Relist actions are approved, the others rejected."""
        if self.state != SyncState.WAITING:
            raise RuntimeError("nothing waits for confirmation")
        self._apply(list(approved_ids))

    def apply_undecided(self) -> None:
        """Apply without deciding: quantities and tracking are sent, ends and relists stay
        proposed (for an automatic sync with nobody at the dialog)."""
        if self.state != SyncState.WAITING:
            raise RuntimeError("nothing waits for confirmation")
        self._apply(None)

    def cancel(self) -> None:
        """Stop between batches; while the dialog is open, close the run with nothing sent."""
        if self.state in (SyncState.PLANNING, SyncState.APPLYING) and self._worker is not None:
            self._worker.cancel()
        elif self.state == SyncState.WAITING:
            self.state = SyncState.APPLYING
            self._run(self._close_job, self._closed, self._waited())

    @property
    def running(self) -> bool:
        return self.state in (SyncState.PLANNING, SyncState.WAITING, SyncState.APPLYING)

    # -- jobs (on worker threads) --------------------------------------------------------------

    def _plan_job(self, report, cancelled):
        try:
            self._marketplace = self._factory(self.channel_id, self.paths)
            self._engine = SyncEngine(self.channel_id, self._marketplace)
            return self._engine.plan(report, cancelled)
        except BaseException:
            self._close_marketplace()
            raise
        finally:
            release_connection()  # this thread's connection; the next job has its own thread

    def _waited(self) -> dict[str, int]:
        """The seconds the run waited for the seller, once (the history's Took leaves them out)."""
        if self._waiting_since is None:
            return {}
        waited, self._waiting_since = time.monotonic() - self._waiting_since, None
        return {decisions.WAITED: round(waited)}

    def _apply_job(self, report, cancelled, approved_ids, waited):
        try:
            if approved_ids is not None:
                decide(self.plan, approved_ids)
                self._engine.record(decisions.decision_note(self.plan, approved_ids))
            self._engine.record(**waited)
            return self._engine.apply(self.plan, report, cancelled)
        finally:
            self._close_marketplace()
            release_connection()

    def _close_job(self, report, cancelled, waited):
        try:
            self._engine.record(decisions.cancel_note(), **waited)
            return self._engine.cancel(self.plan)
        finally:
            self._close_marketplace()
            release_connection()

    def _close_marketplace(self) -> None:
        if self._marketplace is not None:
            try:
                self._marketplace.close()
            except Exception:  # noqa: BLE001 - closing must not hide the real outcome
                log.exception("Closing the Allegro connection failed")
            self._marketplace = None

    # -- results (on the GUI thread) ----------------------------------------------------------

    def _run(self, job, on_success, *args) -> None:
        worker = Worker(job, *args)
        worker.progress_changed.connect(self.progress_changed)
        worker.succeeded.connect(on_success)
        worker.failed.connect(self._failed)
        self._worker = worker
        worker.start()

    def _planned(self, plan: Plan) -> None:
        self.plan = plan
        self.plan_ready.emit(plan)
        if plan.needs_confirmation:
            self.state = SyncState.WAITING
            self._waiting_since = time.monotonic()
            self.confirmation_needed.emit(plan)
        else:
            self._apply(None)

    def _apply(self, approved_ids) -> None:
        self.state = SyncState.APPLYING
        self._run(self._apply_job, self._applied, approved_ids, self._waited())

    def _applied(self, report) -> None:
        self.report = report
        self.state = SyncState.DONE
        self.applied.emit(report)
        self.finished.emit()

    def _closed(self, report) -> None:
        self.report = report
        self.state = SyncState.DONE
        self.cancelled.emit()
        self.finished.emit()

    def _failed(self, message: str, error: object) -> None:
        self.state = SyncState.DONE
        if isinstance(error, SyncCancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(message)
        self.finished.emit()
