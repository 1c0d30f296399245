"""Screenshots of the guards: a listing at oversell risk, the mass-end brake's question, and
the brake and stock-buffer options of a channel.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x900x24" \
        uv run python docs/screenshots/take_guard_screenshots.py [OUT_DIR]

Everything shown is real: a throw-away data folder, the sandbox on 127.0.0.1 with ten
listings, syncs run by the app's engine (one end declined, then six listings out of stock
at once). Writes listings-oversell.png, brake.png and guard-options.png.
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
from PySide6.QtCore import QSettings  # noqa: E402

from core import channels  # noqa: E402
from core.db import open_database  # noqa: E402
from core.models import Listing, Location, StockItem, StockLevel, utcnow  # noqa: E402
from core.paths import app_paths  # noqa: E402
from core.sync.engine import SyncEngine, decide  # noqa: E402
from core.sync.marketplace import make_marketplace  # noqa: E402
from sandbox.control import SandboxControl  # noqa: E402
from sandbox.server import SandboxServer  # noqa: E402
from tests.conftest import MemoryKeyring  # noqa: E402
from shot_size import size_window, speak  # noqa: E402
from ui.app import make_application  # noqa: E402

TITLES = [
    "Kubek ceramiczny żółty 330 ml", "Talerz obiadowy biały", "Wazon szklany 25 cm", "Czajnik elektryczny 1,7 l",
    "Misa sałatkowa bambusowa", "Dzbanek z pokrywką", "Lampka nocna LED", "Świeca sojowa lawenda",
    "Koc z wełny merino", "Poduszka lniana szara",
]


def sync(channel_id, paths, approve=True):
    market = make_marketplace(channel_id, paths)
    try:
        engine = SyncEngine(channel_id, market)
        plan = engine.plan()
        if plan.to_confirm:
            decide(plan, [a.action_id for a in plan.to_confirm] if approve else [])
        return engine.apply(plan)
    finally:
        market.close()


def main(out: Path) -> None:
    app = make_application([])
    speak(app)
    keyring.set_keyring(MemoryKeyring())
    folder = tempfile.mkdtemp(prefix="acm-guards-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    paths = app_paths(folder)
    open_database(paths.database)
    main_location = Location.create(name="Magazyn Główny", is_default=True)
    with SandboxServer(port=0) as server:
        control = SandboxControl(server.base_url)
        control.reset(seed=1, offers=0, demo=False)
        saved = channels.save(
            channels.ChannelConfig(
                sub_source="MyAllegroChannel", username="sandbox-seller", password="sandbox-pass-1",
                api_key="SANDBOX-WEBAPI-KEY", api_key_version=str(control.state()["version_key"]),
                environment=server.url, inventory_sync=True, end_listings=True, relist_items=True,
                mass_end_count=3, buffer_keep_back=2, buffer_max_listed=20,
                sync_orders_from=utcnow() - timedelta(hours=1),
            )
        )
        items = []
        for n, title in enumerate(TITLES):
            item = StockItem.create(sku=f"SKU-{100 + n}", title=title)
            StockLevel.create(item=item, location=main_location, quantity=12 + n)
            control.add_offer(title, quantity=10 + n, price=29.99 + n)
            items.append(item)
        sync(saved.id, paths)
        for listing in Listing.select():
            Listing.update(stock_item=StockItem.get(StockItem.title == listing.title)).where(Listing.id == listing.id).execute()
        sync(saved.id, paths)
        # one sells out and its end is declined: live, with nothing to send
        StockLevel.update(quantity=0).where(StockLevel.item == items[0]).execute()
        sync(saved.id, paths, approve=False)

        from ui.main_window import MainWindow
        from ui.sync.confirm_dialog import BrakeQuestion

        window = MainWindow(paths)
        size_window(window, 1280, 700)
        window.show()

        def settle(screen=None):
            for _ in range(40):
                app.processEvents()
            loader = getattr(screen, "loader", None)
            while loader is not None and loader.loading:
                app.processEvents()
            for _ in range(10):
                app.processEvents()

        listings = window.show_screen("listings")
        settle(listings)
        listings.table.clearSelection()  # the red status shows unselected
        settle(listings)
        window.grab().save(str(out / "listings-oversell.png"))
        print("wrote", out / "listings-oversell.png")

        # then a bad stock file: six of ten at zero at once
        for item in items[1:7]:
            StockLevel.update(quantity=0).where(StockLevel.item == item).execute()
        market = make_marketplace(saved.id, paths)
        engine = SyncEngine(saved.id, market)
        plan = engine.plan()
        box = BrakeQuestion(plan.channel_name, plan.held[0], window)
        box.show()
        settle()
        box.grab().save(str(out / "brake.png"))
        print("wrote", out / "brake.png")
        box.close()
        engine.cancel(plan)
        market.close()

        from ui.channels.integration_window import ChannelIntegrationWindow

        integration = ChannelIntegrationWindow(paths)
        size_window(integration, 1000, 820)
        integration.show()
        integration.open_config(saved.id)
        integration.config_page.guard_spins["buffer_keep_back"].setFocus()  # the help panel explains it
        integration.activateWindow()
        settle()
        integration.grab().save(str(out / "guard-options.png"))
        print("wrote", out / "guard-options.png")
        window.quit_app()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    target.mkdir(parents=True, exist_ok=True)
    main(target)
