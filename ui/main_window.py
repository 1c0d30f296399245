"""The main window: navigation on the left, the current screen on the right, menus, status bar."""
from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ui.resources import app_icon
from ui.screens import SCREENS

log = logging.getLogger(__name__)

VERSION = "0.1.0"


class MainWindow(QMainWindow):
    def __init__(self, paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Allegro Channel Manager"))
        self.setWindowIcon(app_icon())
        self.resize(1200, 760)
        self._screens: dict[str, QWidget] = {}
        self._channel_window = None

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Screens"))
        self.nav.setMaximumWidth(220)
        self.nav.setMinimumWidth(150)
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
        self.splitter.setSizes([180, 1020])
        self.setCentralWidget(self.splitter)
        for key, title, _module, _cls in SCREENS:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)

        self._build_menus()
        self.status_label = QLabel(self.tr("Data folder: %1").replace("%1", str(paths.data_dir)))
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().showMessage(self.tr("Ready"))
        self._restore_state()

    # --- menus ---------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = bar.addMenu(self.tr("&View"))
        for index, (key, title, _m, _c) in enumerate(SCREENS):
            action = QAction(title, self)
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

    def open_channel_integration(self) -> None:
        from ui.channels.integration_window import ChannelIntegrationWindow

        if self._channel_window is None:
            self._channel_window = ChannelIntegrationWindow(self.paths, self)
        self._channel_window.show()
        self._channel_window.raise_()
        self._channel_window.activateWindow()

    def about_text(self) -> str:
        return self.tr(
            "<h3>Allegro Channel Manager %1</h3>"
            "<p>Keeps your stock and your Allegro.pl listings in step: orders in, quantities out, "
            "listings ended when stock runs out and relisted when it returns.</p>"
            "<p>Built with Qt for Python (PySide6, LGPLv3), zeep (MIT), peewee (MIT), keyring (MIT) "
            "and platformdirs (MIT).</p>"
        ).replace("%1", VERSION)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Allegro Channel Manager"), self.about_text())

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
        key, _title, module, cls = SCREENS[row]
        widget = self._screens.get(key)
        if widget is None:
            widget = getattr(importlib.import_module(module), cls)(self.paths, self)
            self._screens[key] = widget
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

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
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        item = self.nav.currentItem()
        if item is not None:
            settings.setValue("main_window/screen", item.data(Qt.ItemDataRole.UserRole))
        for widget in self._screens.values():
            close = getattr(widget, "shutdown", None)
            if close:
                close()
        super().closeEvent(event)

    def self_test(self) -> int:
        """For packaged builds: the window opened, the database answers, the WSDL loads."""
        from core.models import SchemaInfo

        try:
            SchemaInfo.select().count()
            from core.allegro.wsdl import load_wsdl

            load_wsdl()
        except Exception:
            log.exception("Self-test failed")
            return 1
        return 0 if self.isVisible() else 1
