"""Sync: run a sync now or every N minutes, watch its progress, read the history of runs."""
from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.choices import channel_choices, channel_name
from core.sync_history import CHANNEL_ID, COLUMN_COUNT, OUTCOME, PROBLEMS, daily_totals, run_detail, run_rows
from ui.counts import COUNTED, RUN_COUNT_KEYS
from ui.filter_bar import refill_channel_choice
from ui.keyboard import down_into, set_enabled
from ui.sync.chart import DailyChart
from ui.sync.confirm_dialog import BrakeQuestion, ConfirmDialog
from ui.sync_worker import SyncSession, SyncState
from ui.tables import (
    ALERT,
    Column,
    RowTableModel,
    TableLoader,
    finish,
    hide_channel_column,
    local_time,
    make_table,
    prepare,
    restore_header,
    save_header,
)

ALL = ""
AUTO_MINUTES_DEFAULT = 15
CHART_DAYS = 14
SIDE_WIDTH = 280  # the run's details and the chart beside the table need about this much

OUTCOMES = [
    ("all", QT_TRANSLATE_NOOP("SyncScreen", "All runs"), None),
    ("ok", QT_TRANSLATE_NOOP("SyncScreen", "OK"), lambda r: r[OUTCOME] == "ok"),
    ("partial", QT_TRANSLATE_NOOP("SyncScreen", "Partly failed"), lambda r: r[OUTCOME] == "partial"),
    ("failed", QT_TRANSLATE_NOOP("SyncScreen", "Failed"), lambda r: r[OUTCOME] == "failed"),
    ("cancelled", QT_TRANSLATE_NOOP("SyncScreen", "Cancelled"), lambda r: r[OUTCOME] == "cancelled"),
    ("problems", QT_TRANSLATE_NOOP("SyncScreen", "With problems"), lambda r: r[10] > 0),
]


class DeskSyncSession(SyncSession):
    def apply_undecided(self) -> None:
        """Send what needs no decision (quantities, tracking); ends and relists stay
        proposed and the run says they wait. An automatic sync must never stop for a
        dialog nobody may be there to answer, nor hold back stock updates meanwhile."""
        if self.state != SyncState.WAITING:
            raise RuntimeError("nothing waits for confirmation")
        self._apply(None)


class RunsModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("RunsModel", "Started"), width=120),
                Column(QCoreApplication.translate("RunsModel", "Channel"), width=110),
                Column(QCoreApplication.translate("RunsModel", "Outcome"), width=90),
                Column(QCoreApplication.translate("RunsModel", "Took"), width=50),
                Column(QCoreApplication.translate("RunsModel", "Orders"), numeric=True, tooltip=QCoreApplication.translate("RunsModel", "Orders imported"), width=52),
                Column(QCoreApplication.translate("RunsModel", "Qty sent"), numeric=True, tooltip=QCoreApplication.translate("RunsModel", "Quantities sent to Allegro"), width=60),
                Column(QCoreApplication.translate("RunsModel", "Ended"), numeric=True, tooltip=QCoreApplication.translate("RunsModel", "Listings ended"), width=50),
                Column(QCoreApplication.translate("RunsModel", "Relisted"), numeric=True, tooltip=QCoreApplication.translate("RunsModel", "Listings relisted"), width=60),
                Column(QCoreApplication.translate("RunsModel", "Tracking"), numeric=True, tooltip=QCoreApplication.translate("RunsModel", "Tracking numbers accepted"), width=60),
                Column(QCoreApplication.translate("RunsModel", "Problems"), numeric=True, width=65),
            ],
            parent,
        )

    def foreground(self, row, column):
        if (column == 2 and row[OUTCOME] in ("failed", "partial")) or (column == 9 and row[10]):
            return ALERT
        return None

    def tooltip(self, row, column):
        return row[PROBLEMS] or None if column in (2, 9) else None


def report_text(report) -> str:
    """One line about a finished run, in the seller's words."""
    c = report.counts
    parts = []
    for key in RUN_COUNT_KEYS:
        n = c.get(key, 0)
        if n:
            parts.append(COUNTED.run_count(key, n))
    outcome = REPORT_OUTCOMES.get(report.outcome)
    outcome = QCoreApplication.translate("SyncScreen", outcome) if outcome else report.outcome
    if parts:
        return f"{report.channel_name}: {outcome} — {', '.join(parts)}."
    return f"{report.channel_name}: {outcome}" + QCoreApplication.translate("SyncScreen", "; nothing needed changing.")


REPORT_OUTCOMES = {
    "ok": QT_TRANSLATE_NOOP("SyncScreen", "done"),
    "partial": QT_TRANSLATE_NOOP("SyncScreen", "done with problems"),
    "failed": QT_TRANSLATE_NOOP("SyncScreen", "failed"),
    "cancelled": QT_TRANSLATE_NOOP("SyncScreen", "cancelled"),
}


class SyncScreen(QWidget):
    run_finished = Signal()  # one channel's run ended (for tests and other screens)
    all_finished = Signal()  # the whole Sync now (one or all channels) ended

    def __init__(self, paths, parent: QWidget | None = None, session_class=DeskSyncSession) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("sync")
        self.session_class = session_class
        self.session: DeskSyncSession | None = None
        self._queue: list[int] = []
        self._auto_run = False
        self._waiting_note: list[str] = []
        self._results: list[tuple[str, bool]] = []

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_controls())

        self.model = RunsModel(self)
        self.loader = TableLoader(self.model, lambda: prepare(run_rows(), COLUMN_COUNT), self)
        self.loader.loaded.connect(lambda _n: self._after_history())
        self.model.filtered.connect(self._update_count)

        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        history_label = QLabel(self.tr("<b>History</b>"))
        filters.addWidget(history_label)
        self.filter = QLineEdit()
        self.filter.setObjectName("history_filter")
        self.filter.setPlaceholderText(self.tr("Filter runs (channel, outcome, date, problem text)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter sync runs"))
        self.filter.textChanged.connect(self._filter_changed)
        filters.addWidget(self.filter, 2)
        self.history_channel = QComboBox()
        self.history_channel.setObjectName("history_channel")
        self.history_channel.setAccessibleName(self.tr("Channel of the runs shown"))
        self.history_channel.setMinimumContentsLength(16)  # "Wszystkie kanały" whole, not cut
        filters.addWidget(self.history_channel, 1)
        self.outcome = QComboBox()
        self.outcome.setObjectName("history_outcome")
        self.outcome.setAccessibleName(self.tr("Outcome of the runs shown"))
        for key, text, _keep in OUTCOMES:
            self.outcome.addItem(self.tr(text), key)
        filters.addWidget(self.outcome, 1)
        self.count = QLabel()
        self.count.setObjectName("history_count")
        filters.addWidget(self.count)
        history_layout.addLayout(filters)
        self.table = make_table("runs_table", self.model, self, sort=(0, Qt.SortOrder.DescendingOrder))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_run())
        history_layout.addWidget(self.table, 1)
        down_into(self.filter, self.table)

        side = QWidget()
        side.setObjectName("run_side")
        # details over the chart beside the table; details beside the chart under it (narrow windows)
        self.side_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, side)
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        self.details = QPlainTextEdit()
        self.details.setObjectName("run_details")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("What the selected run did"))
        self.details.setPlaceholderText(self.tr("Select a run to see what it did and every problem."))
        self.side_layout.addWidget(self.details, 3)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_title = QLabel(self.tr("<b>Last %n day(s)</b>", "", CHART_DAYS))
        chart_layout.addWidget(self.chart_title)
        self.chart = DailyChart()
        chart_layout.addWidget(self.chart, 1)
        self.side_layout.addWidget(chart_box, 2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("sync_splitter")
        self.splitter.addWidget(history)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

        self.auto_timer = QTimer(self)
        self.auto_timer.setObjectName("auto_sync_timer")
        self.auto_timer.timeout.connect(self._auto_sync)

        settings = QSettings()
        state = settings.value("sync/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([700, 320])  # the history table first: its ten columns need the room
        restore_header(self.table, "sync_runs")
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_history())
        self.minutes.setValue(settings.value("sync/auto_minutes", AUTO_MINUTES_DEFAULT, type=int))
        self.auto.setChecked(settings.value("sync/auto", False, type=bool))
        self.auto.toggled.connect(self._auto_changed)
        self.minutes.valueChanged.connect(lambda _v: self._auto_changed(self.auto.isChecked()))
        self._auto_changed(self.auto.isChecked())
        self.history_channel.currentIndexChanged.connect(lambda _i: self._apply_choice())
        self.outcome.currentIndexChanged.connect(lambda _i: self._apply_choice())
        self.fill_channels()
        self._set_running(False)
        self.refresh_history()

    # --- building ------------------------------------------------------------
    def _build_controls(self) -> QWidget:
        box = QGroupBox(self.tr("Sync with Allegro"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        channel_label = QLabel(self.tr("Cha&nnel:"))
        self.channel = QComboBox()
        self.channel.setObjectName("sync_channel")
        self.channel.setMinimumContentsLength(18)
        channel_label.setBuddy(self.channel)
        row.addWidget(channel_label)
        row.addWidget(self.channel)
        self.sync_button = QPushButton(self.tr("S&ync now"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.clicked.connect(lambda: self.sync_now())
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setObjectName("cancel_sync")
        self.cancel_button.clicked.connect(lambda: self.cancel())
        row.addWidget(self.sync_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        layout.addLayout(row)
        # automatic sync on a row of its own: beside the buttons it made the screen 1200 px wide in Polish
        row = QHBoxLayout()
        self.auto = QCheckBox(self.tr("Sync all enabled channels &automatically every"))
        self.auto.setObjectName("auto_sync")
        self.auto.setToolTip(
            self.tr("Off by default. Run it on one computer only: two computers syncing one account import orders twice.")
        )
        self.minutes = QSpinBox()
        self.minutes.setObjectName("auto_minutes")
        self.minutes.setRange(5, 24 * 60)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Minutes between automatic syncs"))
        row.addWidget(self.auto)
        row.addWidget(self.minutes)
        self.next_run = QLabel()
        self.next_run.setObjectName("next_auto_sync")
        row.addWidget(self.next_run)
        row.addStretch(1)
        layout.addLayout(row)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("sync_progress")
        self.progress.setTextVisible(True)
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.step = QLabel(self.tr("Ready."))
        self.step.setTextFormat(Qt.TextFormat.PlainText)  # channel names
        self.step.setObjectName("sync_step")
        self.step.setMinimumWidth(200)
        progress_row.addWidget(self.step, 1)
        progress_row.addWidget(self.progress, 1)
        layout.addLayout(progress_row)
        self.result = QLabel()
        self.result.setTextFormat(Qt.TextFormat.PlainText)  # channel names and Allegro's messages
        self.result.setObjectName("sync_result")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        return box

    # --- channels ------------------------------------------------------------
    def fill_channels(self) -> None:
        enabled = channel_choices(enabled_only=True)
        all_enabled = (self.tr("All enabled channels"), ALL) if len(enabled) != 1 else None
        refill_channel_choice(self.channel, enabled, all_enabled)
        hide_channel_column(self.table, 1)
        everyone = channel_choices()
        refill_channel_choice(self.history_channel, everyone, (self.tr("All channels"), ALL))
        # with one channel "All channels" and that channel show the same runs: room for the filter instead
        self.history_channel.setVisible(len(everyone) > 1)
        if not self.running:
            set_enabled(self.sync_button, bool(enabled), self.tr("No channel is enabled: add or enable one under Settings → Channel Integration."))
            if not enabled:
                self.step.setText(self.tr("No enabled channel: add one under Settings → Channel Integration."))

    def showEvent(self, event) -> None:  # channels may have been added or switched off meanwhile
        super().showEvent(event)
        self.fill_channels()

    # --- running a sync --------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.session is not None and self.session.running

    def sync_now(self, auto: bool = False) -> bool:
        """Sync the chosen channel, or every enabled one; False when one is running already."""
        if self.running or self._queue:
            return False
        chosen = None if auto else self.channel.currentData()
        if chosen in (None, ALL):
            ids = [c.id for c in channel_choices(enabled_only=True)]
        else:
            ids = [chosen]
        if not ids:
            self.step.setText(self.tr("No enabled channel to sync."))
            return False
        self._queue = ids
        self._auto_run = auto
        self._results = []
        self._waiting_note = []
        self.result.clear()
        self._set_running(True)
        self._next()
        return True

    def _next(self) -> None:
        if not self._queue:
            self._set_running(False)
            self._show_results()
            self.all_finished.emit()
            return
        channel_id = self._queue.pop(0)
        session = self.session_class(channel_id, self.paths, parent=self)
        self.session = session
        self._channel_name = channel_name(channel_id)
        session.progress_changed.connect(self._progress)
        session.confirmation_needed.connect(lambda plan, s=session: QTimer.singleShot(0, lambda: self._confirm(s, plan)))
        session.applied.connect(self._applied)
        session.cancelled.connect(lambda: self._results.append((self.tr("%1: cancelled; nothing more was sent.").replace("%1", self._channel_name), False)))
        session.failed.connect(lambda message: self._results.append((f"{self._channel_name}: {message}", True)))
        session.finished.connect(self._session_finished)
        self.step.setText(self.tr("%1: starting…").replace("%1", self._channel_name))
        self.progress.setRange(0, 0)
        session.start()

    def _progress(self, step: str, done: int, total: int) -> None:
        text = f"{self._channel_name}: {step}"
        if total:
            text += self.tr(" — %1 of %2").replace("%1", str(done)).replace("%2", str(total))
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            if done:
                text += f" — {done}"
            self.progress.setRange(0, 0)
        self.step.setText(text)

    def _confirm(self, session: DeskSyncSession, plan) -> None:
        if session is not self.session or session.state != SyncState.WAITING:
            return
        if self._auto_run:
            self._leave_for_later(session, plan)
            return
        self.step.setText(self.tr("%1: waiting for your confirmation…").replace("%1", plan.channel_name))
        answered = self._ask_brakes(session, plan)
        if answered is None:
            return
        approved, shown = answered
        if shown.to_confirm:
            ticked = ConfirmDialog.ask(shown, self)
            if session.state != SyncState.WAITING:
                return
            if ticked is None:
                session.cancel()
                return
            approved += ticked
        session.confirm(approved)

    def _leave_for_later(self, session: DeskSyncSession, plan) -> None:
        """Auto-sync asks nothing: what waits for the seller is noted, the rest is sent."""
        held = {i for h in plan.held for i in h.action_ids}
        waiting = sum(1 for a in plan.to_confirm if a.action_id not in held)
        if waiting:
            self._waiting_note.append(
                self.tr(
                    "%1: %n listing(s) to end or relist wait for your confirmation; press Sync now to review them.",
                    "", waiting,
                ).replace("%1", plan.channel_name)
            )
        if held:
            self._waiting_note.append(
                self.tr("%1: the mass-end brake held %n change(s); press Sync now to answer its question.", "", len(held))
                .replace("%1", plan.channel_name)
            )
        session.apply_undecided()

    def _ask_brakes(self, session: DeskSyncSession, plan):
        """Each brake asks first; the safe answer cancels the sync. Returns (the actions the
        answers approved, the plan left to confirm), or None when the sync stops here."""
        approved: list[int] = []
        shown = plan
        for hold in plan.held:
            answer = BrakeQuestion.ask(plan.channel_name, hold, self)
            if session.state != SyncState.WAITING:
                return None
            if answer == BrakeQuestion.CANCEL:
                session.cancel()
                return None
            if hold.kind == "quantity" and answer == BrakeQuestion.GO:
                approved += hold.action_ids
            elif hold.kind == "end" and answer == BrakeQuestion.WITHOUT:
                skipped = set(hold.action_ids)
                shown = replace(shown, ends=[a for a in shown.ends if a.action_id not in skipped])
        return approved, shown

    def _applied(self, report) -> None:
        self._results.append((report_text(report), report.failed))
        for failure in report.failures:
            self._results.append(("  • " + failure, True))

    def _session_finished(self) -> None:
        self.run_finished.emit()
        self.refresh_history()
        self._next()

    def cancel(self) -> None:
        """Stop after the current batch; channels not started yet are not synced."""
        self._queue = []
        if self.session is not None and self.session.running:
            self.step.setText(self.tr("Cancelling after the current batch…"))
            self.session.cancel()

    def _show_results(self) -> None:
        """One line per channel (and per failure): red for what failed, plain for what was done."""
        lines = [(text, bad) for text, bad in self._results] + [(note, False) for note in self._waiting_note]
        self.result.setText(
            "".join(
                f'<div style="color: {ALERT.name()}">{html.escape(text, quote=False)}</div>' if bad
                else f"<div>{html.escape(text, quote=False)}</div>"
                for text, bad in lines
            ).replace("  ", "&nbsp;&nbsp;")
        )
        self.result.setStyleSheet("")
        self.step.setText(self.tr("Last sync finished at %1.").replace("%1", QDateTime.currentDateTime().toString("HH:mm")))

    def _set_running(self, running: bool) -> None:
        # retainSizeWhenHidden keeps the row still, so nothing jumps when a sync starts
        self.progress.setVisible(running)
        set_enabled(self.sync_button, not running, self.tr("A sync is running; Cancel stops it after the current batch."))
        self.channel.setEnabled(not running)
        set_enabled(self.cancel_button, running, self.tr("No sync is running."))

    # --- automatic sync --------------------------------------------------------
    def _auto_changed(self, on: bool) -> None:
        QSettings().setValue("sync/auto", on)
        QSettings().setValue("sync/auto_minutes", self.minutes.value())
        if on:
            self.auto_timer.start(self.minutes.value() * 60_000)
            self._show_next_run()
        else:
            self.auto_timer.stop()
            self.next_run.setText(self.tr("(off)"))

    def _show_next_run(self) -> None:
        at = QDateTime.currentDateTime().addMSecs(self.auto_timer.remainingTime())
        self.next_run.setText(self.tr("next at %1").replace("%1", at.toString("HH:mm")))

    def _auto_sync(self) -> None:
        if not self.sync_now(auto=True):
            self.next_run.setText(self.tr("skipped: a sync is running"))
            return
        self._show_next_run()

    # --- history -------------------------------------------------------------
    def refresh_history(self) -> None:
        self.loader.refresh()

    def _after_history(self) -> None:
        self._update_count()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)
        self.show_run()
        channel_id = self.history_channel.currentData()
        self.chart.set_days(daily_totals(CHART_DAYS, None if channel_id in (ALL, None) else channel_id))

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)

    def _apply_choice(self) -> None:
        channel_id = self.history_channel.currentData()
        keep = dict((k, f) for k, _t, f in OUTCOMES)[self.outcome.currentData()]
        if channel_id in (ALL, None):
            self.model.set_row_filter(keep)
        else:
            self.model.set_row_filter(lambda r: r[CHANNEL_ID] == channel_id and (keep is None or keep(r)))
        self.chart.set_days(daily_totals(CHART_DAYS, None if channel_id in (ALL, None) else channel_id))

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        self.count.setText(
            self.tr("%n run(s)", "", total)
            if shown == total
            else self.tr("%1 of %n run(s)", "", total).replace("%1", str(shown))
        )

    def show_run(self) -> None:
        index = self.table.currentIndex()
        detail = run_detail(self.model.row_id(index.row())) if index.isValid() else None
        if detail is None:
            self.details.clear()
            return
        lines = [f"{detail.channel} — {local_time(detail.started) if detail.started else ''} — {detail.outcome}", ""]
        lines += [f"{text}: {value}" for text, value in detail.counts] or [self.tr("Nothing needed changing.")]
        if detail.problems:
            lines += ["", self.tr("Problems:")] + [f"• {p}" for p in detail.problems]
        if detail.notes:
            lines += ["", self.tr("Notes:")] + [f"• {n}" for n in detail.notes]
        self.details.setPlainText("\n".join(lines))

    # --- layout --------------------------------------------------------------
    def history_width(self) -> int:
        """The width the history table needs to show every column whole, without scrolling."""
        header = self.table.horizontalHeader()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        if not shown:
            return 0
        last = max(shown, key=header.visualIndex)  # it stretches: count what it needs, not what it got
        width = sum(header.sectionSize(i) for i in shown if i != last)
        width += max(header.sectionSizeHint(last), self.table.sizeHintForColumn(last))
        return width + 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()

    def _fit_history(self) -> None:
        """Side by side when the table's columns fit beside the run's details; on a narrow
        window (a 1024 px laptop) the details and the chart go under the table instead, so
        every column of the history shows whole without scrolling sideways."""
        need = self.history_width() + SIDE_WIDTH + self.splitter.handleWidth()
        narrow = self.splitter.width() < need
        wanted = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.splitter.orientation() == wanted:
            return
        self.splitter.setOrientation(wanted)
        self.side_layout.setDirection(
            QBoxLayout.Direction.LeftToRight if narrow else QBoxLayout.Direction.TopToBottom
        )
        if narrow:
            height = self.splitter.height()
            self.splitter.setSizes([height * 3 // 5, height - height * 3 // 5])
        else:
            width = self.splitter.width()
            table = min(self.history_width(), width - SIDE_WIDTH)
            self.splitter.setSizes([table, width - table])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_history()

    # --- state ---------------------------------------------------------------
    def shutdown(self) -> None:
        settings = QSettings()
        settings.setValue("sync/splitter", self.splitter.saveState())
        save_header(self.table, "sync_runs")
        self.auto_timer.stop()
        self._queue = []
        if self.session is not None and self.session.running:
            self.session.cancel()
            worker = getattr(self.session, "_worker", None)
            if worker is not None:
                finish(worker)
        self.loader.shutdown()
