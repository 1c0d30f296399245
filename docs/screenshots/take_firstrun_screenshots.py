"""Screenshots of the first run (welcome), Preferences and About, for the README.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x900x24" \
        uv run python docs/screenshots/take_firstrun_screenshots.py [OUT_DIR]

Uses a throw-away data folder, QSettings file and in-memory keyring; writes welcome.png
(an empty database), welcome-done.png (after the one-click demo and its first sync, the
confirmation answered with the ticks as they come), preferences.png and about.png.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import keyring  # noqa: E402
from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402

from shot_size import size_dialog, size_window, speak  # noqa: E402
from tests.conftest import MemoryKeyring  # noqa: E402


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal, timeout_ms: int = 120_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main(out: Path) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="acm-firstrun-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))
    keyring.set_keyring(MemoryKeyring())

    import sandbox.embedded
    from core.allegro import local_sandbox
    from core.db import open_database
    from core.paths import app_paths
    from ui.app import make_application

    local_sandbox.install(sandbox.embedded)  # as main.py wires it
    speak(make_application([]))
    paths = app_paths(scratch / "data")
    open_database(paths.database)

    from ui.about import AboutDialog
    from ui.main_window import MainWindow
    from ui.preferences import PreferencesDialog
    from ui.sync.confirm_dialog import ConfirmDialog

    window = MainWindow(paths)
    size_window(window, 1200, 800)
    window.show()
    wait(400)
    window.grab().save(str(out / "welcome.png"))

    home = window.screen("home")
    home.demo_button.click()
    wait_for(home.demo_ready)
    ConfirmDialog.ask = classmethod(lambda cls, plan, parent=None: cls(plan, parent).approved_ids())
    home.sync_button.click()
    wait_for(home.demo_synced)
    window.show_screen("home")
    wait(400)
    window.grab().save(str(out / "welcome-done.png"))

    dialog = PreferencesDialog(paths, window)
    size_dialog(dialog)
    dialog.show()
    wait(300)
    dialog.grab().save(str(out / "preferences.png"))
    dialog.close()

    about = AboutDialog("0.1.0", window)
    size_dialog(about)
    about.show()
    wait(300)
    about.grab().save(str(out / "about.png"))
    about.close()

    window.quit_app()
    local_sandbox.stop_all()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
