"""Starting the GUI: one instance per data folder, database opened, main window shown."""
from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.db import DatabaseError, open_database
from core.logsetup import setup_logging
from core.paths import DATABASE_URL_ENV, app_paths
from ui.resources import app_icon

log = logging.getLogger(__name__)

APP_DISPLAY_NAME = "Allegro Channel Manager"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName("AllegroChannelManager")
    app.setOrganizationName("AllegroChannelManager")
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    # Wayland matches the window to resources/allegro-channel-manager.desktop (its icon, its name).
    app.setDesktopFileName("allegro-channel-manager")
    app.setWindowIcon(app_icon())
    return app


def acquire_instance_lock(paths) -> QLockFile | None:
    """The one-writer guard: None when another instance already holds this data folder."""
    lock = QLockFile(str(paths.lock_file))
    lock.setStaleLockTime(0)  # a lock left by a crashed instance is taken over (its pid is gone)
    if not lock.tryLock(100):
        return None
    return lock


def run_gui(args: list[str], data_dir: str | None = None) -> int:
    import os

    self_test = "--self-test" in args
    qt_args = [a for a in args if a != "--self-test"]
    app = make_application(qt_args)
    paths = app_paths(data_dir)
    setup_logging(paths.log_file)
    lock = acquire_instance_lock(paths)
    if lock is None:
        QMessageBox.warning(
            None,
            APP_DISPLAY_NAME,
            f"Allegro Channel Manager is already running with the data folder\n{paths.data_dir}\n\n"
            "Switch to the open window instead of starting a second one.",
        )
        return 1
    try:
        open_database(paths.database, url=os.environ.get(DATABASE_URL_ENV), backups_dir=paths.backups_dir)
    except DatabaseError as e:
        log.error("Cannot open the database: %s", e)
        QMessageBox.critical(None, APP_DISPLAY_NAME, str(e))
        return 1

    from ui.main_window import MainWindow

    window = MainWindow(paths)
    window.show()
    log.info("Started with data folder %s", paths.data_dir)
    if self_test:
        QTimer.singleShot(0, lambda: app.exit(window.self_test()))
    code = app.exec()
    lock.unlock()
    return code
