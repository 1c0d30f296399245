"""The main window: navigation on the left, the current screen on the right, menus, status bar."""
from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ui.resources import app_icon
from ui.screens import SCREENS, resize_within_screen, screen_title
from ui.tray import SyncTray

log = logging.getLogger(__name__)

VERSION = "0.1.0"


class MainWindow(QMainWindow):
    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Allegro Channel Manager"))
        self.setWindowIcon(app_icon())
        resize_within_screen(self, 1200, 760)
        self._screens: dict[str, QWidget] = {}
        self._channel_window = None
        self._quitting = False
        self.tray = SyncTray(self)
        self.tray.open_requested.connect(self.bring_to_front)
        self.tray.sync_requested.connect(lambda: (self.bring_to_front(), self.sync_now()))
        self.tray.quit_requested.connect(self.quit_app)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Screens"))
        self.nav.setStyleSheet(
            "QListWidget#navigation { font-size: 11pt; border: none; background: palette(base); }"
            "QListWidget#navigation::item { padding: 8px 12px; }"
        )
        self.stack = QStackedWidget()
        self.splitter = QSplitter()
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        for key, title, _module, _cls in SCREENS:
            item = QListWidgetItem(screen_title(title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        # as wide as its longest name ("Synchronizacja"), so the screens keep the rest
        nav_width = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8
        self.nav.setMinimumWidth(nav_width)
        self.nav.setMaximumWidth(nav_width + 60)
        self.splitter.setSizes([nav_width, 1200 - nav_width])
        self.nav.currentRowChanged.connect(self._show_row)

        self._build_menus()
        self.status_label = QLabel(self.tr("Data folder: %1").replace("%1", str(paths.data_dir)))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # a folder name is not markup
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().showMessage(self.tr("Ready"))
        self._restore_state()
        self.apply_auto_sync()

    # --- menus ---------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.sync_action = QAction(self.tr("&Sync now"), self)
        self.sync_action.setObjectName("sync_now_action")
        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.sync_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.sync_action.triggered.connect(self.sync_now)
        file_menu.addAction(self.sync_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        # Some platforms (Windows, plain X11 themes) define no Quit key; Ctrl+Q is what sellers try.
        quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
        quit_action.triggered.connect(self.quit_app)
        file_menu.addAction(quit_action)

        view_menu = bar.addMenu(self.tr("&View"))
        for index, (key, title, _m, _c) in enumerate(SCREENS):
            action = QAction(screen_title(title), self)
            action.setObjectName(f"show_{key}")
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, k=key: self.show_screen(k))
            view_menu.addAction(action)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        self.channel_integration_action = QAction(self.tr("&Channel Integration…"), self)
        self.channel_integration_action.setObjectName("channel_integration_action")
        self.channel_integration_action.triggered.connect(self.open_channel_integration)
        settings_menu.addAction(self.channel_integration_action)
        self.preferences_action = QAction(self.tr("&Preferences…"), self)
        self.preferences_action.setObjectName("preferences_action")
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.open_preferences)
        settings_menu.addAction(self.preferences_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        logs_action = QAction(self.tr("Open the &log folder"), self)
        logs_action.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.log_dir)))
        )
        help_menu.addAction(logs_action)
        about_action = QAction(self.tr("&About"), self)
        about_action.setObjectName("about_action")
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def open_channel_integration(self, add_new: bool = False) -> None:
        """Settings → Channel Integration; `add_new` goes straight to Add New Channel."""
        from ui.channels.integration_window import ChannelIntegrationWindow

        if self._channel_window is None:
            self._channel_window = ChannelIntegrationWindow(self.paths, self)
        window = self._channel_window
        # Never leave a half-edited channel behind: an open config or integration page stays.
        if add_new and (not window.isVisible() or window.stack.currentWidget() is window.list_page):
            window.open_add_channel()
        self._channel_window.show()
        self._channel_window.raise_()
        self._channel_window.activateWindow()

    def open_preferences(self) -> None:
        from ui import i18n
        from ui.preferences import PreferencesDialog

        language_before = i18n.preferred_language()
        if PreferencesDialog.ask(self.paths, self):
            self.apply_auto_sync()
            language = i18n.preferred_language()
            if language == language_before:
                self.statusBar().showMessage(self.tr("Preferences saved."), 5000)
            elif self.switch_language(language):
                self.statusBar().showMessage(self.tr("Preferences saved. The app speaks %1 now.").replace(
                    "%1", i18n.NATIVE_NAMES[language]), 15000)
            else:
                self.statusBar().showMessage(
                    self.tr("Preferences saved. The app speaks %1 from its next start: a sync or an import is "
                            "running, or the Channel Integration window is open.").replace("%1", i18n.NATIVE_NAMES[language]),
                    15000,
                )

    def switch_language(self, language: str) -> bool:
        """Show the app in `language` at once: the menus, navigation and tray speak it, and the
        screens are built again in it (their layout and filters kept through their saved state).
        Not while a sync, an import or the demo's set-up runs, nor with the Channel Integration
        window open (a half-typed channel would be lost); False then, and the language comes
        with the next start."""
        from ui import i18n

        def working(screen) -> bool:  # a sync, the demo being added, a CSV import or export
            jobs = (getattr(screen, "worker", None), getattr(screen, "job", None))
            return bool(getattr(screen, "running", False)) or any(job is not None and job.running for job in jobs)

        busy = any(working(screen) for screen in self._screens.values())
        if busy or (self._channel_window is not None and self._channel_window.isVisible()):
            return False
        i18n.install_translators(QApplication.instance(), language)
        current = self.nav.currentItem().data(Qt.ItemDataRole.UserRole) if self.nav.currentItem() else SCREENS[0][0]
        for screen in list(self._screens.values()):
            getattr(screen, "shutdown", lambda: None)()  # saves its header widths and splitters
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self._screens.clear()
        if self._channel_window is not None:
            self._channel_window.deleteLater()
            self._channel_window = None
        self.setWindowTitle(self.tr("Allegro Channel Manager"))
        self.nav.setAccessibleName(self.tr("Screens"))
        for row, (_key, title, _module, _cls) in enumerate(SCREENS):
            self.nav.item(row).setText(screen_title(title))
        self.menuBar().clear()
        self._build_menus()
        self.status_label.setText(self.tr("Data folder: %1").replace("%1", str(self.paths.data_dir)))
        self.tray.retranslate()
        self.apply_auto_sync()
        self._show_row(self.nav.currentRow())
        self.show_screen(current)
        return True

    def show_about(self) -> None:
        from ui.about import AboutDialog

        AboutDialog.ask(VERSION, self)

    # --- sync ------------------------------------------------------------------
    def sync_now(self) -> QWidget | None:
        """F5: the Sync screen syncs the chosen channel (or every enabled one)."""
        if "sync" not in {s[0] for s in SCREENS}:
            return None
        screen = self.show_screen("sync")
        if not screen.sync_now() and getattr(screen, "running", False):
            self.statusBar().showMessage(self.tr("A sync is already running."), 5000)
        return screen

    def apply_auto_sync(self) -> None:
        """Follow the auto-sync setting: the Sync screen's timer runs (the screen is made
        even if never shown) and, with auto-sync on, the tray icon is there."""
        from ui.preferences import auto_sync_minutes, auto_sync_on

        on = auto_sync_on()
        screen = self._screens.get("sync")
        if screen is None and on and "sync" in {s[0] for s in SCREENS}:
            screen = self._make_screen("sync")
        if screen is not None and hasattr(screen, "auto"):
            # The Sync screen shows the same setting; its own handlers store it and (re)start its timer.
            screen.minutes.setValue(auto_sync_minutes())
            screen.auto.setChecked(on)
        self.tray.set_active(on)

    def bring_to_front(self) -> None:
        QApplication.setQuitOnLastWindowClosed(True)
        self.showNormal() if self.isMinimized() else self.show()
        self.raise_()
        self.activateWindow()
        self.tray.window_shown()

    def quit_app(self) -> None:
        """File → Quit and the tray's Quit: really end the app, auto-sync or not."""
        self._quitting = True
        if self.close() and not QApplication.quitOnLastWindowClosed():
            QApplication.quit()

    # --- screens -------------------------------------------------------------
    def show_screen(self, key: str) -> QWidget:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                break
        return self._screens[key]

    def screen(self, key: str) -> QWidget | None:
        return self._screens.get(key)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = SCREENS[row][0]
        widget = self._screens.get(key) or self._make_screen(key)
        self.stack.setCurrentWidget(widget)

    def _make_screen(self, key: str) -> QWidget:
        _key, _title, module, cls = next(s for s in SCREENS if s[0] == key)
        widget = getattr(importlib.import_module(module), cls)(self.paths, self)
        self._screens[key] = widget
        self.stack.addWidget(widget)
        if key == "sync":
            # The tray follows the Sync screen's own auto-sync switch and hears of each run at once.
            if hasattr(widget, "auto"):
                widget.auto.toggled.connect(lambda on: self.tray.set_active(on))
            if hasattr(widget, "run_finished"):
                widget.run_finished.connect(self.tray.refresh)
        return widget

    # --- state ---------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("main_window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        last = settings.value("main_window/screen", SCREENS[0][0])
        keys = [s[0] for s in SCREENS]
        self.show_screen(last if last in keys else keys[0])

    def closeEvent(self, event) -> None:
        if self.tray.active and not self._quitting:
            # Auto-sync keeps running: the window goes to the tray instead of closing.
            self._save_state()
            QApplication.setQuitOnLastWindowClosed(False)
            event.ignore()
            self.hide()
            self.tray.window_closed_to_tray()
            return
        self._save_state()
        for widget in self._screens.values():
            close = getattr(widget, "shutdown", None)
            if close:
                close()
        self.tray.shutdown()
        super().closeEvent(event)

    def _save_state(self) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        item = self.nav.currentItem()
        if item is not None:
            settings.setValue("main_window/screen", item.data(Qt.ItemDataRole.UserRole))

    def self_test(self) -> int:
        """For packaged builds: the window opened, the database answers, the WSDL loads."""
        from core.store import schema_answers

        try:
            schema_answers()
            from core.allegro.wsdl import load_wsdl

            load_wsdl()
        except Exception:
            log.exception("Self-test failed")
            return 1
        return 0 if self.isVisible() else 1
