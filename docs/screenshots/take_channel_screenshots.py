"""Screenshots of the Channel Integration screens, for the README.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x900x24" \
        uv run python docs/screenshots/take_channel_screenshots.py [OUT_DIR]

Uses a throw-away data folder and an in-memory keyring; writes channel-list.png,
add-channel.png, integration.png and channel-config.png (default: next to this file).
"""
from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import keyring  # noqa: E402

from core import channels  # noqa: E402
from core.db import open_database  # noqa: E402
from core.models import Channel, Location, utcnow  # noqa: E402
from core.paths import app_paths  # noqa: E402
from shot_size import size_dialog, speak  # noqa: E402
from tests.conftest import MemoryKeyring  # noqa: E402
from ui.app import make_application  # noqa: E402


def main(out: Path) -> None:
    import sandbox.embedded
    from core.allegro import local_sandbox

    local_sandbox.install(sandbox.embedded)  # as main.py wires it: the demo account's values
    app = make_application([])
    speak(app)
    keyring.set_keyring(MemoryKeyring())
    paths = app_paths(tempfile.mkdtemp(prefix="acm-shots-"))
    open_database(paths.database)
    Location.create(name="Magazyn Łódź", is_default=True)
    Location.create(name="Sklep Gdańsk")
    shop = channels.save(channels.ChannelConfig(
        sub_source="Allegro Łódź", username="sklep-żółw", password="x" * 10, api_key="KEY-123",
        api_key_version="1505", inventory_sync=True))
    wholesale = channels.save(channels.ChannelConfig(
        sub_source="Hurtownia Źródło", username="hurt@example.pl", password="x" * 10, api_key="KEY-456",
        api_key_version="1505", environment="production", enabled=False))
    rest = Channel.create(sub_source="Allegro REST", username="sklep-rest", api_key="", api_key_version=0,
                          environment="production", api="rest", enabled=True, inventory_sync=True)
    Channel.update(last_sync_at=utcnow() - timedelta(minutes=12), last_sync_outcome="ok").where(
        Channel.id == rest.id).execute()
    Channel.update(last_sync_at=utcnow() - timedelta(minutes=42), last_sync_outcome="ok").where(
        Channel.id == shop.id).execute()
    Channel.update(last_sync_at=utcnow() - timedelta(days=3), last_sync_outcome="failed").where(
        Channel.id == wholesale.id).execute()

    from ui.channels.integration_window import ChannelIntegrationWindow

    window = ChannelIntegrationWindow(paths)
    size_dialog(window)
    window.show()

    def grab(name: str) -> None:
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out / name))

    window.table.selectRow(0)
    grab("channel-list.png")
    window.open_add_channel()
    grab("add-channel.png")
    window.open_integration()
    form = window.integration_page.form
    form.sub_source.setText("Sklep Źdźbło")
    form.fill_demo_account()
    form.api_key_version.setText("15o5")
    # the sentence comes from core's validation, in the app's language
    form.show_errors({"api_key_version": channels.validate(form.to_config(), taken_names=set())["api_key_version"]})
    grab("integration.png")
    window.open_config(shop.id)
    page = window.config_page
    for box in (page.update_from_location, page.end_listings, page.end_auctions, page.relist_items):
        box.setChecked(True)
    page.relist_duration.setCurrentIndex(page.relist_duration.findData(7))
    window.activateWindow()
    page.end_listings.setFocus()  # the help panel explains the focused option
    grab("channel-config.png")


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    target.mkdir(parents=True, exist_ok=True)
    main(target)
