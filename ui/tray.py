"""The icon next to the clock while auto-sync runs: how the last sync went, its last
problem, and Open / Sync now / Quit.

It reads the sync history from the database rather than listening to one screen, so
it also reports a sync started elsewhere (the Sync screen, a `main.py sync` from cron on
the same database). It is only shown where the desktop has a tray.
"""
from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from core.overview import SyncStatus, latest_run_id, sync_status
from ui.resources import app_icon

log = logging.getLogger(__name__)

NOTICE_SHOWN_KEY = "tray/hidden_notice_shown"
POLL_MS = 15_000
# Windows cuts a tray tooltip at 127 characters; the menu carries the full text.
TOOLTIP_LIMIT = 120
OUTCOME_WORDS = {
    "ok": QT_TRANSLATE_NOOP("SyncTray", "done"),
    "partial": QT_TRANSLATE_NOOP("SyncTray", "done with problems"),
    "failed": QT_TRANSLATE_NOOP("SyncTray", "failed"),
    "cancelled": QT_TRANSLATE_NOOP("SyncTray", "cancelled"),
}



def _local(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).astimezone().strftime("%H:%M")


class SyncTray(QObject):
    """Build it with the main window; `set_active(True)` shows it where a tray exists."""

    open_requested = Signal()
    sync_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setObjectName("tray_icon")
        self.menu = QMenu()
        self.menu.setObjectName("tray_menu")
        self.status_action = QAction(self.tr("No sync yet"), self.menu)
        self.status_action.setEnabled(False)
        self.problem_action = QAction("", self.menu)
        self.problem_action.setEnabled(False)
        self.problem_action.setVisible(False)
        self.open_action = QAction(self.menu)
        self.sync_action = QAction(self.menu)
        self.quit_action = QAction(self.menu)
        self.retranslate()
        self.open_action.triggered.connect(self.open_requested)
        self.sync_action.triggered.connect(self.sync_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        for action in (self.status_action, self.problem_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        for action in (self.open_action, self.sync_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.timer = QTimer(self)
        self.timer.setObjectName("tray_poll")
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.refresh)
        self.active = False
        self.window_hidden = False
        self.status = SyncStatus()
        self._told_run_id = self._current_run_id()  # only runs after this one are announced
        self.icon.setToolTip(self.tr("Allegro Channel Manager"))

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    # --- showing ------------------------------------------------------------------------
    def retranslate(self) -> None:
        """The menu's words in the app's language now (after a language switch)."""
        self.open_action.setText(self.tr("&Open Allegro Channel Manager"))
        self.sync_action.setText(self.tr("&Sync now"))
        self.quit_action.setText(self.tr("&Quit"))
        status = getattr(self, "status", None)
        if status is not None:
            self.status_action.setText(self.status_text(status))
            self.problem_action.setText(self.problem_text(status))

    def set_active(self, on: bool) -> bool:
        """Show the icon (True) when asked and the desktop has a tray; hide it otherwise."""
        self.active = bool(on) and self.available()
        if self.active:
            self.refresh()
            self.timer.start()
        else:
            self.timer.stop()
        self.icon.setVisible(self.active)
        return self.active

    def window_closed_to_tray(self) -> None:
        """The window was closed while auto-sync runs: say once where the app went."""
        self.window_hidden = True
        settings = QSettings()
        if settings.value(NOTICE_SHOWN_KEY, False, type=bool):
            return
        settings.setValue(NOTICE_SHOWN_KEY, True)
        self.notify(
            self.tr("Allegro Channel Manager keeps syncing"),
            self.tr(
                "Auto-sync goes on with the window closed. Click this icon to open the window; "
                "choose Quit in its menu to stop."
            ),
        )

    def window_shown(self) -> None:
        self.window_hidden = False

    def notify(self, title: str, text: str, warning: bool = False) -> None:
        icon = QSystemTrayIcon.MessageIcon.Warning if warning else QSystemTrayIcon.MessageIcon.Information
        self.icon.showMessage(title, text, icon, 10_000)

    # --- status -------------------------------------------------------------------------
    def refresh(self) -> SyncStatus:
        try:
            status = sync_status()
        except Exception:  # noqa: BLE001 - a tray must never take the app down (database busy, gone)
            log.exception("Reading the sync status for the tray failed")
            return self.status
        self.status = status
        self.status_action.setText(self.status_text(status))
        self.problem_action.setText(self.problem_text(status))
        self.problem_action.setVisible(bool(status.problems))
        tooltip = self.tr("Allegro Channel Manager") + "\n" + self.status_text(status)
        if status.problems:
            tooltip += "\n" + status.problems[0]
        self.icon.setToolTip(tooltip if len(tooltip) <= TOOLTIP_LIMIT else tooltip[: TOOLTIP_LIMIT - 1] + "…")
        self._announce(status)
        return status

    def status_text(self, status: SyncStatus) -> str:
        if status.running:
            return self.tr("Syncing %1…").replace("%1", ", ".join(status.running))
        if status.last_finished is None:
            return self.tr("No sync yet")
        if status.ok:
            text = self.tr("Last sync %1: all done").replace("%1", _local(status.last_finished))
        else:
            bad = [f"{c} {self.tr(OUTCOME_WORDS[o]) if o in OUTCOME_WORDS else o}" for c, o in status.outcomes if o not in ("ok", "cancelled")]
            text = self.tr("Last sync %1: %2").replace("%1", _local(status.last_finished)).replace(
                "%2", "; ".join(bad) or self.tr("with problems")
            )
        if status.waiting:
            text += self.tr(" — %n waiting for your confirmation", "", status.waiting)
        return text

    def problem_text(self, status: SyncStatus) -> str:
        if not status.problems:
            return ""
        more = len(status.problems) - 1
        return self.tr("Last problem: %1").replace("%1", status.problems[0]) + (
            self.tr(" (and %n more)", "", more) if more else ""
        )

    def _announce(self, status: SyncStatus) -> None:
        """With the window closed, a finished run with a problem, or ends waiting for a
        decision, gets a message once; the seller would not see it otherwise."""
        if status.running or status.last_run_id <= self._told_run_id:
            return
        self._told_run_id = status.last_run_id
        if not (self.active and self.window_hidden):
            return
        if status.problems:
            self.notify(self.tr("Sync problem"), status.problems[0], warning=True)
        elif status.waiting:
            self.notify(
                self.tr("Listings wait for you"),
                self.tr(
                    "%n listing(s) to end or relist wait for your confirmation. Open the app and press Sync now.", "",
                    status.waiting,
                ),
            )

    @staticmethod
    def _current_run_id() -> int:
        try:
            return latest_run_id()
        except Exception:  # noqa: BLE001 - no database yet
            return 0

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def shutdown(self) -> None:
        self.timer.stop()
        self.icon.hide()
