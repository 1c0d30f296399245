"""Screenshots of the seller's desk (Overview, Inventory, Listings, Orders, Sync, the confirmation dialog).

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x900x24" \
        uv run python docs/screenshots/take_desk_screenshots.py [OUT_DIR]

Everything shown is real: a throw-away data folder, the sandbox's demo shop on
127.0.0.1, stock items named after its offers, and syncs run by the app's engine
(orders imported, quantities pushed, listings ended, tracking numbers sent). Writes
main-window.png (the Overview), inventory.png, listings.png, orders.png, sync.png, confirm.png and sync-sending.png (a
sync sending quantities beside ends and relists; default: next to this file).
"""
from __future__ import annotations

import random
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import keyring  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402

from core import channels  # noqa: E402
from core.db import open_database  # noqa: E402
from core.listing_links import auto_link_exact_title, strike_off  # noqa: E402
from core.models import Listing, ListingStatus, Location, Order, OrderStatus, StockItem, StockLevel, utcnow  # noqa: E402
from core.paths import app_paths  # noqa: E402
from core.sync.engine import SyncEngine, decide  # noqa: E402
from core.sync.marketplace import make_marketplace  # noqa: E402
from core.sync.orders import ship_order  # noqa: E402
from sandbox.control import SandboxControl  # noqa: E402
from sandbox.server import SandboxServer  # noqa: E402
from tests.conftest import MemoryKeyring  # noqa: E402
from shot_size import size_dialog, size_window, speak  # noqa: E402
from ui.app import make_application  # noqa: E402


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


def sku_for(n: int, title: str) -> str:
    letters = "".join(ch for ch in title.upper() if ch.isalpha())[:3]
    return f"{letters}-{100 + n:03d}"


def build_shop(paths, server, control):
    rnd = random.Random(5)
    main = Location.create(name="Magazyn Główny", is_default=True)
    krakow = Location.create(name="Sklep Kraków")
    config = channels.ChannelConfig(
        sub_source="MyAllegroChannel",
        username="sandbox-seller",
        password="sandbox-pass-1",
        api_key="SANDBOX-WEBAPI-KEY",
        api_key_version=str(control.state()["version_key"]),
        environment=server.url,
        inventory_sync=True,
        end_listings=True,
        relist_items=True,
        end_auctions=True,
        end_auctions_with_bids=True,
        link_by_title=True,
        submit_tracking=True,
        relist_duration=10,
        sync_orders_from=utcnow() - timedelta(days=45),
    )
    channel_id = channels.save(config).id
    offers = control.offers()
    titles = sorted({o["title"] for o in offers})
    for n, title in enumerate(titles):
        if n % 9 == 4:
            continue  # a few listings stay unlinked: the seller links them by hand
        item = StockItem.create(sku=sku_for(n, title), title=title, barcode=f"590{rnd.randint(10**9, 10**10 - 1)}")
        StockLevel.create(item=item, location=main, quantity=0 if n % 7 == 3 else rnd.randint(2, 40))
        if n % 3 == 0:
            StockLevel.create(item=item, location=krakow, quantity=rnd.randint(0, 6))
    # the same title twice: an exact-title suggestion the app refuses to guess
    live_titles = {o["title"] for o in offers if o["state"] == "active"}
    stocked = [t for n, t in enumerate(titles) if n % 9 != 4 and t in live_titles]
    twin = stocked[len(stocked) // 2]
    StockItem.create(sku="DUP-" + sku_for(1, twin), title=twin)
    for n, title in enumerate(("Podkładka pod kubek korkowa 4 szt.", "Ściereczka z mikrofibry 3 szt.")):
        item = StockItem.create(sku=f"NEW-{n + 1:03d}", title=title)
        StockLevel.create(item=item, location=main, quantity=12 + n)
    sync(channel_id, paths)  # listings seen, orders imported
    auto_link_exact_title()
    sync(channel_id, paths)  # quantities pushed, empty listings ended
    # stock items added later, whose titles match unlinked listings: suggestions to accept
    unlinked = list(Listing.select().where(Listing.stock_item.is_null() & (Listing.status == ListingStatus.ACTIVE))
                    .order_by(Listing.title))
    for n, listing in enumerate(unlinked[:2]):
        if listing.title != twin:
            item = StockItem.create(sku=sku_for(900 + n, listing.title), title=listing.title)
            StockLevel.create(item=item, location=main, quantity=8 + n)
    return channel_id, main


def ship_some(channel_id):
    open_orders = list(Order.select().where((Order.channel == channel_id) & (Order.status == OrderStatus.OPEN))
                       .order_by(Order.created_at.desc()).limit(4))
    # RUCH12345 is refused by the carrier (the sandbox is told so in main())
    numbers = [(5, "620000000000000000000417"), (6, "RR123456785PL"), (3, "RUCH12345"), (7, "1234567890123U")]
    for order, (carrier, number) in zip(open_orders, numbers):
        ship_order(order, carrier, number)
    return open_orders


def main(out: Path) -> None:
    app = make_application([])
    speak(app)
    keyring.set_keyring(MemoryKeyring())
    folder = tempfile.mkdtemp(prefix="acm-desk-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    paths = app_paths(folder)
    open_database(paths.database)
    with SandboxServer(port=0) as server:
        control = SandboxControl(server.base_url)
        channel_id, main_location = build_shop(paths, server, control)
        control.refuse_packages(["RUCH12345"])
        shipped = ship_some(channel_id)
        sync(channel_id, paths)  # tracking numbers: accepted, rejected
        from ui.main_window import MainWindow
        from ui.sync.confirm_dialog import ConfirmDialog

        window = MainWindow(paths)
        size_window(window, 1280, 860)
        window.show()
        # a buyer buys while the seller watches: Sync now from the Sync screen
        busy = Listing.select().where((Listing.status == ListingStatus.ACTIVE) & (Listing.format == "buy_now")
                                      & Listing.stock_item.is_null(False)).order_by(Listing.title).first()
        control.purchase(int(busy.offer_id), buyer="zosia_kupuje", quantity=2)
        sync_screen = window.show_screen("sync")
        finished = []
        sync_screen.all_finished.connect(lambda: finished.append(True))
        asking = ConfirmDialog.ask  # nobody sits at this script's screen to answer a dialog
        ConfirmDialog.ask = classmethod(lambda cls, plan, parent=None: [a.action_id for a in plan.to_confirm])
        sync_screen.sync_now()
        while not finished:
            app.processEvents()
        ConfirmDialog.ask = asking
        # then a pending relist struck off, another one with stock back (to relist)
        pending = list(Listing.select().where(Listing.status == ListingStatus.PENDING_RELIST).order_by(Listing.title))
        if pending:
            strike_off(pending[0].id)
        for listing in pending[1:2]:
            StockLevel.update(quantity=6).where(
                (StockLevel.item == listing.stock_item_id) & (StockLevel.location == main_location)
            ).execute()
        # and stock runs out for two buy-now listings and an auction with bids
        live = list(Listing.select().where((Listing.status == ListingStatus.ACTIVE) & Listing.stock_item.is_null(False)
                                           & (Listing.format == "buy_now")).order_by(Listing.title).limit(2))
        live += list(Listing.select().where((Listing.status == ListingStatus.ACTIVE) & Listing.stock_item.is_null(False)
                                            & (Listing.bids > 0)).order_by(Listing.title).limit(1))
        for listing in live:
            StockLevel.update(quantity=0).where(StockLevel.item == listing.stock_item_id).execute()

        def settle(screen=None):
            for _ in range(40):
                app.processEvents()
                loader = getattr(screen, "loader", None)
                if loader is None or not loader.loading:
                    break
            for _ in range(10):
                app.processEvents()

        def shoot(key, name, prepare=None):
            screen = window.show_screen(key)
            settle(screen)
            if hasattr(screen, "loader"):
                while screen.loader.loading:
                    app.processEvents()
            settle(screen)
            if prepare:
                prepare(screen)
                settle(screen)
            window.grab().save(str(out / name))
            print("wrote", out / name)

        def inventory(screen):
            linked = Listing.select().where(Listing.stock_item.is_null(False)).order_by(Listing.title).first()
            screen.select_id(linked.stock_item_id)

        def listings(screen):
            screen.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # struck off, pending relist first
            screen.table.selectRow(0)

        def orders(screen):
            screen.select_order(shipped[2].id)

        shoot("inventory", "inventory.png", inventory)
        shoot("listings", "listings.png", listings)
        shoot("orders", "orders.png", orders)
        shoot("sync", "sync.png", lambda s: s.table.selectRow(0))
        shoot("home", "main-window.png", lambda s: s.refresh())

        market = make_marketplace(channel_id, paths)
        engine = SyncEngine(channel_id, market)
        plan = engine.plan()
        dialog = ConfirmDialog(plan, window)
        size_dialog(dialog)
        dialog.show()
        settle()
        dialog.grab().save(str(out / "confirm.png"))
        print("wrote", out / "confirm.png", f"({len(plan.ends)} to end, {len(plan.relists)} to relist)")
        dialog.close()
        engine.cancel(plan)
        market.close()

        # a sync sending: quantity changes beside the ends and relists, one step for both
        for listing in Listing.select().where((Listing.status == ListingStatus.ACTIVE) & (Listing.format == "buy_now")
                                              & Listing.stock_item.is_null(False)).order_by(Listing.title).limit(8):
            StockLevel.update(quantity=4).where(StockLevel.item == listing.stock_item_id).execute()
        control.set_faults(latency_ms=400)  # slow enough to be seen
        ConfirmDialog.ask = classmethod(lambda cls, plan, parent=None: [a.action_id for a in plan.to_confirm])
        sync_screen = window.show_screen("sync")
        finished.clear()
        sync_screen.sync_now()
        taken = False  # the first moment both steps show, in this run (an older picture is replaced)
        while not finished:
            app.processEvents()
            sending = " · " in sync_screen.step.text() and sync_screen.progress.value() > 0
            if sending and not taken:
                taken = True
                settle()
                window.grab().save(str(out / "sync-sending.png"))
                print("wrote", out / "sync-sending.png", f"({sync_screen.step.text()})")
        ConfirmDialog.ask = asking
        control.clear_faults()
        for screen in window._screens.values():
            getattr(screen, "shutdown", lambda: None)()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    target.mkdir(parents=True, exist_ok=True)
    main(target)
