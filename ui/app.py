"""Starting the GUI: one instance per data folder, database opened, main window shown."""
from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QLockFile, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.store import DatabaseError, open_database
from core.logsetup import setup_logging
from core.paths import DATABASE_URL_ENV, DataFolderError, app_paths, tighten_file
from ui.i18n import install_translators
from ui.resources import app_icon

log = logging.getLogger(__name__)

APP_DISPLAY_NAME = "Allegro Channel Manager"


def make_application(argv: list[str] | None = None) -> QApplication:
    # Sync workers share the interpreter lock with the window; short turns keep its event
    # loop responsive while they read (measurements: docs/performance.md).
    sys.setswitchinterval(0.0005)
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName("AllegroChannelManager")
    app.setOrganizationName("AllegroChannelManager")
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    # Wayland matches the window to resources/allegro-channel-manager.desktop (its icon, its name).
    app.setDesktopFileName("allegro-channel-manager")
    app.setWindowIcon(app_icon())
    return app


class DataFolderNotWritable(Exception):
    """The lock file cannot be made in the data folder (read-only, full): not a second instance."""


def acquire_instance_lock(paths) -> QLockFile | None:
    """The one-writer guard: None when another instance already holds this data folder.
    Raises DataFolderNotWritable when the folder refuses the lock file itself."""
    lock = QLockFile(str(paths.lock_file))
    lock.setStaleLockTime(0)  # a lock left by a crashed instance is taken over (its pid is gone)
    if not lock.tryLock(100):
        if lock.error() != QLockFile.LockError.LockFailedError:
            raise DataFolderNotWritable(str(paths.data_dir))
        return None
    tighten_file(paths.lock_file)  # it names this computer and the app's process
    return lock


def open_app_database(paths) -> bool:
    """Open the database: ACM_DATABASE_URL, else the URL in Preferences, else the file in the
    data folder. False (after telling the seller why) when the app cannot start on it."""
    from ui.preferences import database_url_at_start, shown_url

    url, source = database_url_at_start(paths)
    try:
        open_database(paths.database, url=url, backups_dir=paths.backups_dir)
        return True
    except DatabaseError as e:
        problem = str(e)
    except Exception as e:  # noqa: BLE001 - a server address can fail in many ways (driver, network, login)
        if url is None:
            raise
        problem = f"{type(e).__name__}: {e}".strip()
    log.error("Cannot open the database: %s", problem)
    if source != "preferences":
        where = ""
        if url:
            where = (
                QCoreApplication.translate("app", "The database at %1 cannot be opened (%2).")
                .replace("%1", shown_url(url))
                .replace("%2", DATABASE_URL_ENV)
                + "\n\n"
            )
        QMessageBox.critical(None, APP_DISPLAY_NAME, where + problem)
        return False
    answer = QMessageBox.question(
        None,
        APP_DISPLAY_NAME,
        QCoreApplication.translate(
            "app",
            "The database at %1 (set in Preferences) cannot be opened:\n%2\n\n"
            "Open the database file in the data folder instead, just this time?\n%3",
        )
        .replace("%1", shown_url(url))
        .replace("%2", problem)
        .replace("%3", str(paths.database)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        open_database(paths.database, backups_dir=paths.backups_dir)
    except DatabaseError as e:
        QMessageBox.critical(None, APP_DISPLAY_NAME, str(e))
        return False
    return True


def run_gui(args: list[str], data_dir: str | None = None) -> int:
    self_test = "--self-test" in args
    qt_args = [a for a in args if a != "--self-test"]
    app = make_application(qt_args)
    install_translators(app)
    try:
        paths = app_paths(data_dir)
    except DataFolderError as e:
        QMessageBox.critical(None, APP_DISPLAY_NAME, str(e))
        return 1
    setup_logging(paths.log_file)
    try:
        lock = acquire_instance_lock(paths)
    except DataFolderNotWritable:
        QMessageBox.critical(
            None,
            APP_DISPLAY_NAME,
            QCoreApplication.translate(
                "app",
                "The data folder\n%1\ncannot be written (it is read-only or the disk is full). "
                "Make it writable or free some space, then start the app again; nothing was changed.",
            ).replace("%1", str(paths.data_dir)),
        )
        return 1
    if lock is None:
        QMessageBox.warning(
            None,
            APP_DISPLAY_NAME,
            QCoreApplication.translate(
                "app",
                "Allegro Channel Manager is already running with the data folder\n%1\n\n"
                "Switch to the open window instead of starting a second one.",
            ).replace("%1", str(paths.data_dir)),
        )
        return 1
    if not open_app_database(paths):
        return 1

    from ui.main_window import MainWindow

    window = MainWindow(paths)
    window.show()
    from ui import first_paint

    first_paint.watch(app, window)  # benchmarks/bench_scale.py times the cold start with it
    log.info("Started with data folder %s", paths.data_dir)
    # Parse the WSDL on a background thread once the window is painted, so the first
    # Test or sync does not wait for it and start-up does not either.
    from core.allegro import wsdl

    def warm_adapter() -> None:
        import core.allegro.webapi  # noqa: F401  (the first sync then starts at once)

    QTimer.singleShot(0, lambda: wsdl.preload(then=warm_adapter))
    if self_test:
        QTimer.singleShot(0, lambda: app.exit(window.self_test()))
    code = app.exec()
    lock.unlock()
    return code
