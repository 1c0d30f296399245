"""Screenshots of connecting a REST channel: Add New Channel's two integrations, the
Allegro.pl (REST) form, the Connect with Allegro dialog and, once the sandbox approved it,
the channel's Account tab (only what REST has), for the README.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x900x24" \
        uv run python docs/screenshots/take_rest_screenshots.py [OUT_DIR]

ACM_SCREENSHOT_LANG=pl for Polish. Uses a throw-away data folder, an in-memory keyring
and a sandbox started here; writes rest-add-channel.png, rest-integration.png,
rest-connect.png and rest-config.png (default: next to this file).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import keyring  # noqa: E402

from core.db import open_database  # noqa: E402
from core.paths import app_paths  # noqa: E402
from sandbox.control import SandboxControl  # noqa: E402
from sandbox.server import SandboxServer  # noqa: E402
from shot_size import size_dialog, speak  # noqa: E402
from tests.conftest import MemoryKeyring  # noqa: E402
from ui.app import make_application  # noqa: E402


def main(out: Path) -> None:
    app = make_application([])
    speak(app)
    keyring.set_keyring(MemoryKeyring())
    paths = app_paths(tempfile.mkdtemp(prefix="acm-shots-"))
    open_database(paths.database)
    from core.allegro.rest.tokens import store_application
    from ui.channels.integration_window import ChannelIntegrationWindow
    from ui.channels.rest_form import ADDRESS

    with SandboxServer() as server:
        store_application(server.rest_url, paths, "SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")
        window = ChannelIntegrationWindow(paths)
        size_dialog(window)
        window.show()

        def settle(widget, name: str) -> None:
            for _ in range(5):
                app.processEvents()
            widget.grab().save(str(out / name))

        window.open_add_channel()
        settle(window, "rest-add-channel.png")
        window.open_integration("allegro_rest")
        page = window.rest_page
        page.sub_source.setText("Sklep Źdźbło")
        page.environment.setCurrentIndex(page.environment.findData(ADDRESS))
        page.address.setText(server.rest_url)
        settle(window, "rest-integration.png")
        dialog = page.connect_with_allegro()
        deadline = time.monotonic() + 20
        while dialog.code is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        size_dialog(dialog)
        settle(dialog, "rest-connect.png")
        # the seller's Allow on the approval page: the channel is saved, then its Account tab
        SandboxControl(server.base_url).approve_device(dialog.code.user_code)
        deadline = time.monotonic() + 30
        while not dialog.result.text() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        dialog.shutdown()
        dialog.close()
        window.open_config(window.selected_channel_id())
        window.config_page.tabs.setCurrentIndex(1)
        settle(window, "rest-config.png")


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    target.mkdir(parents=True, exist_ok=True)
    main(target)
