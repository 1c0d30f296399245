"""Every screen and dialog on a 1024×640 laptop screen, in English and in Polish: the window
fits, and no header, label, button or box shows its text cut or elided.

The shop is a real one on the sandbox (two channels, so the channel columns and choices
show, listings ended and pending relist, orders, sync runs); texts are measured with each
widget's own font metrics (tests/ui/layout_check.py).
"""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from core import channels
from core.models import Listing, ListingStatus, StockItem, StockLevel, utcnow
from core.stock_csv import read_import
from core.sync.engine import SyncEngine, decide
from tests.ui.desk_sandbox import control, desk, sandbox  # noqa: F401 - fixtures
from tests.sandbox_fixtures import sandbox_server  # noqa: F401 - fixture
from tests.ui.keys_check import clashes, mnemonics_shown
from tests.ui.layout_check import clipped_texts, too_big_for
from ui import i18n
from ui.main_window import MainWindow
from ui.screens import SCREENS

WIDTH, HEIGHT = 1024, 640


def sync(desk, approve=True):  # noqa: F811
    market = desk.marketplace()
    try:
        engine = SyncEngine(desk.channel_id, market)
        plan = engine.plan()
        if plan.to_confirm:
            decide(plan, [a.action_id for a in plan.to_confirm] if approve else [])
        return engine.apply(plan)
    finally:
        market.close()


@pytest.fixture
def shop(desk, control):  # noqa: F811
    """Stock linked to offers, some sold out (ended, pending relist), an auction with bids,
    orders, two sync runs and a second (switched off) channel."""
    desk.set(end_auctions=True, link_by_title=True, sync_orders_from=utcnow() - timedelta(days=30))
    titles = ["Kubek ceramiczny żółty 350 ml", "Szczoteczka soniczna do zębów biała", "Wiertarka udarowa 750 W z walizką"]
    offers = [desk.offer(title, quantity=4) for title in titles]
    auction = desk.offer("Zegar ścienny retro cichy mechanizm", quantity=1, fmt="auction")
    sync(desk)
    for n, (offer, title) in enumerate(zip(offers, titles)):
        item = desk.item(f"SKU-{n:03d}", title, stock=0 if n == 0 else 7)
        desk.link(offer, item)
    desk.link(auction, desk.item("ZEG-001", "Zegar ścienny retro cichy mechanizm", stock=0))
    control.bid(auction, buyer="licytant_77", amount=49.99)
    control.purchase(offers[1], buyer="zosia_kupuje", quantity=2)
    sync(desk)
    channels.save(channels.ChannelConfig(
        sub_source="Hurtownia Źródło", username="hurt@example.pl", password="x" * 10, api_key="KEY-456",
        api_key_version="1505", environment="production", enabled=False))
    return desk


@pytest.fixture(params=["en", "pl"])
def language(request, qapp):
    assert i18n.install_translators(qapp, request.param) == request.param
    return request.param


def settle(qtbot, window):
    for screen in getattr(window, "_screens", {}).values():
        loader = getattr(screen, "loader", None)
        if loader is not None:
            qtbot.waitUntil(lambda lo=loader: not lo.loading, timeout=10_000)
    for _ in range(5):
        QApplication.processEvents()


def fit(widget, qtbot):
    """Show `widget` at its own size, no bigger than the screen, as the window manager would."""
    qtbot.addWidget(widget)
    hint = widget.sizeHint()
    widget.resize(min(max(hint.width(), widget.minimumWidth()), WIDTH), min(max(hint.height(), widget.minimumHeight()), HEIGHT))
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    return too_big_for(widget, WIDTH, HEIGHT) + clipped_texts(widget)


def test_every_screen_of_the_main_window_fits_1024x640_with_its_texts_whole(qtbot, shop, language):
    window = MainWindow(shop.paths)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    problems = []
    for key, *_ in SCREENS:
        screen = window.show_screen(key)
        settle(qtbot, window)
        table = getattr(screen, "table", None)
        if table is not None and table.model().rowCount():
            table.selectRow(0)
            settle(qtbot, window)
        problems += [f"[{language}] {key}: {p}" for p in too_big_for(window, WIDTH, HEIGHT) + clipped_texts(window)]
    assert window.screen("listings").model.rowCount() >= 4  # a shop, not empty tables
    assert not problems, "\n".join(problems)


def test_the_first_run_welcome_fits_1024x640_with_its_texts_whole(qtbot, db, data_dir, language):
    from core.paths import app_paths

    window = MainWindow(app_paths(data_dir))
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    window.show_screen("home")
    settle(qtbot, window)
    problems = too_big_for(window, WIDTH, HEIGHT) + clipped_texts(window)
    assert not problems, "\n".join(f"[{language}] {p}" for p in problems)


def test_the_screens_use_a_big_screen_too(qtbot, shop, language):
    """At 2560×1440 the title columns take the room; nothing is cut either."""
    window = MainWindow(shop.paths)
    qtbot.addWidget(window)
    window.resize(2560, 1440)
    window.show()
    problems = []
    for key in ("inventory", "listings"):
        screen = window.show_screen(key)
        settle(qtbot, window)
        header = screen.table.horizontalHeader()
        title = next(i for i, c in enumerate(screen.model.columns) if c.stretch)
        assert header.sectionSize(title) > screen.table.viewport().width() // 3, key
        problems += clipped_texts(window)
    assert not problems, "\n".join(problems)


def test_the_title_column_keeps_room_for_titles_at_1024(qtbot, shop, language):
    window = MainWindow(shop.paths)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    for key in ("inventory", "listings"):
        screen = window.show_screen(key)
        settle(qtbot, window)
        title = next(i for i, c in enumerate(screen.model.columns) if c.stretch)
        need = screen.table.fontMetrics().horizontalAdvance("Kubek ceramiczny żółty 350 ml")
        assert screen.table.columnWidth(title) >= need, key


def test_every_dialog_fits_1024x640_with_its_texts_whole(qtbot, shop, language, tmp_path):
    from ui.about import AboutDialog
    from ui.channels.integration_window import ChannelIntegrationWindow
    from ui.inventory.import_dialog import ImportPreviewDialog
    from ui.inventory.item_dialog import ItemDialog
    from ui.inventory.locations_dialog import LocationsDialog
    from ui.listings.link_dialog import LinkDialog
    from ui.preferences import PreferencesDialog
    from ui.sync.confirm_dialog import ConfirmDialog

    problems: list[str] = []

    def check(name, widget):
        problems.extend(f"[{language}] {name}: {p}" for p in fit(widget, qtbot))
        # two things on one Alt+letter make Qt cycle focus between them instead of acting
        problems.extend(f"[{language}] {name}: Alt+{c}" for c in clashes(mnemonics_shown(widget)))

    check("about", AboutDialog("0.1.0"))
    check("preferences", PreferencesDialog(shop.paths))
    item = StockItem.get(StockItem.sku == "SKU-001")
    check("new item", ItemDialog())
    check("edit item", ItemDialog(item.id))
    check("locations", LocationsDialog())
    check("link", LinkDialog("Kubek ceramiczny żółty 350 ml", "Kubek"))
    csv = tmp_path / "stock.csv"
    csv.write_text("sku,title,location,quantity\nSKU-001,Szczoteczka,Magazyn Główny,3\nNEW-1,Nowy,Magazyn Główny,x\n",
                   encoding="utf-8")
    check("import preview", ImportPreviewDialog(read_import(str(csv))))

    integration = ChannelIntegrationWindow(shop.paths)
    check("channel list", integration)
    integration.open_add_channel()
    check("add channel", integration)
    integration.open_integration()
    check("integration", integration)
    integration.open_config(shop.channel_id)
    check("channel config", integration)

    # stock runs out and comes back: ends and relists to confirm
    for listing in Listing.select().where(Listing.stock_item.is_null(False)):
        StockLevel.update(quantity=0 if listing.status == ListingStatus.ACTIVE else 5).where(
            StockLevel.item == listing.stock_item_id).execute()
    market = shop.marketplace()
    try:
        engine = SyncEngine(shop.channel_id, market)
        plan = engine.plan()
        assert plan.to_confirm
        check("confirm", ConfirmDialog(plan))
        engine.cancel(plan)
    finally:
        market.close()
    assert not problems, "\n".join(problems)


def test_a_shortened_column_header_names_itself_in_full_in_its_tooltip(qtbot, shop, language):
    """"Zamów.", "Licyt.": a header cut short on purpose says what it means when pointed at."""
    from PySide6.QtCore import Qt

    window = MainWindow(shop.paths)
    qtbot.addWidget(window)
    window.show()
    silent = []
    for key, *_ in SCREENS:
        screen = window.show_screen(key)
        settle(qtbot, window)
        model = getattr(screen, "model", None)
        if model is None:
            continue
        for column in range(model.columnCount()):
            title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            if title.endswith(".") and not tip:
                silent.append(f"[{language}] {key}: {title!r}")
    assert not silent, "\n".join(silent)


def test_the_measuring_finds_cut_labels_buttons_headers_and_a_window_too_wide(qtbot):
    """The checks above see what a seller would: each kind of cut text, and a window wider than the screen."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    label = QLabel("Wszystkie włączone kanały")
    button = QPushButton("Synchronizuj teraz")
    combo = QComboBox()
    combo.addItem("Wszystkie włączone kanały")
    table = QTableView()
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["Pozycja magazynowa", "Szt."])
    table.setModel(model)
    table.setSortingEnabled(True)
    hint = QLineEdit()
    hint.setPlaceholderText("Filtruj po numerze oferty, tytule, SKU lub statusie (Ctrl+F)")
    for widget in (label, button, combo, table, hint):
        layout.addWidget(widget)
    for widget in (label, button, combo, hint):
        widget.setFixedWidth(60)
    table.setColumnWidth(0, 40)
    wide = QLabel("x" * 400)
    layout.addWidget(wide)
    window.show()
    found = "\n".join(clipped_texts(window))
    for text in ("Wszystkie włączone kanały' needs", "Synchronizuj teraz", "QComboBox", "'Pozycja magazynowa' needs",
                 "placeholder 'Filtruj po numerze oferty"):
        assert text in found
    assert "'Szt.'" not in found  # its section is wide enough
    assert too_big_for(window, WIDTH, HEIGHT)  # the long label makes it wider than 1024


def test_the_sync_history_shows_every_column_whole_at_1024_and_sits_beside_the_details_when_wide(qtbot, shop, language):
    from PySide6.QtCore import Qt

    window = MainWindow(shop.paths)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    screen = window.show_screen("sync")
    settle(qtbot, window)
    table, header = screen.table, screen.table.horizontalHeader()
    assert table.model().rowCount() >= 2

    def right_edge() -> int:
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        return max(header.sectionViewportPosition(i) + header.sectionSize(i) for i in shown)

    # a laptop: the details and the chart go under the table; no column is cut at its right edge
    assert screen.splitter.orientation() == Qt.Orientation.Vertical
    assert not table.horizontalScrollBar().isVisible()
    assert right_edge() <= table.viewport().width()
    assert screen.chart.isVisible() and screen.details.isVisible()
    assert not clipped_texts(window), clipped_texts(window)

    # a wide screen: beside each other again, and still whole
    window.resize(1920, 1080)
    settle(qtbot, window)
    assert screen.splitter.orientation() == Qt.Orientation.Horizontal
    assert not table.horizontalScrollBar().isVisible()
    assert right_edge() <= table.viewport().width()
    assert not clipped_texts(window), clipped_texts(window)


def test_the_oversell_risk_status_shows_whole_in_the_listings_at_1024(qtbot, shop, language):
    from core.listing_rows import RISK

    window = MainWindow(shop.paths)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    screen = window.show_screen("listings")
    settle(qtbot, window)
    model, table = screen.model, screen.table
    risky = [r for r in range(model.rowCount()) if model.row_data(r)[RISK]]
    assert risky, "the shop has a live listing with nothing to send"
    column = model.STATUS_COLUMN
    text = model.index(risky[0], column).data()
    assert ("oversell risk" if language == "en" else "Aktywna · bez towaru") in text
    need = table.fontMetrics().horizontalAdvance(text)
    assert need + 6 <= table.columnWidth(column), (text, need, table.columnWidth(column))


def test_a_rest_channels_config_fits_1024x640_on_both_tabs_with_its_texts_whole(qtbot, db, data_dir, language):
    from core.allegro.rest.tokens import store_tokens, token_account
    from core.models import Channel
    from core.paths import app_paths
    from ui.channels.integration_window import ChannelIntegrationWindow

    channel = Channel.create(sub_source="Sklep REST", username="sandbox-seller", api_key="", api_key_version=0,
                             environment="allegrosandbox", api="rest")
    store_tokens(token_account(channel), {"access_token": "a", "refresh_token": "r", "expires_in": 3600})
    window = ChannelIntegrationWindow(app_paths(data_dir))
    window.open_config(channel.id)
    problems = fit(window, qtbot)
    window.config_page.tabs.setCurrentIndex(1)
    for _ in range(5):
        QApplication.processEvents()
    account = window.config_page.account
    assert account.login.isVisible() and account.connect_button.isVisible() and account.test_button.isVisible()
    problems += clipped_texts(window) + [f"Alt+{c}" for c in clashes(mnemonics_shown(window))]
    assert not problems, "\n".join(f"[{language}] {p}" for p in problems)


def test_listings_and_orders_show_every_column_at_1024_without_scrolling_sideways(qtbot, shop, language):
    """Suggestion and Channel are on screen, not behind a sideways scroll; the title keeps its room."""
    window = MainWindow(shop.paths)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    for key in ("listings", "orders"):
        screen = window.show_screen(key)
        settle(qtbot, window)
        table, header = screen.table, screen.table.horizontalHeader()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        assert len(shown) == len(screen.model.columns), f"{key}: the Channel column shows with two channels"
        right = max(header.sectionViewportPosition(i) + header.sectionSize(i) for i in shown)
        assert right <= table.viewport().width(), (key, right, table.viewport().width())
        assert table.horizontalScrollBar().maximum() == 0, key
        stretch = next(i for i, c in enumerate(screen.model.columns) if c.stretch)
        assert table.columnWidth(stretch) >= table.column_fit.title_min(), key
        assert not clipped_texts(screen), clipped_texts(screen)


def test_sorting_by_a_narrow_column_widens_it_for_the_arrow_and_its_header_stays_whole(qtbot, shop, language):
    from PySide6.QtCore import Qt

    window = MainWindow(shop.paths)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    screen = window.show_screen("listings")
    settle(qtbot, window)
    table = screen.table
    qty = 3
    before = table.columnWidth(qty)
    table.sortByColumn(qty, Qt.SortOrder.DescendingOrder)
    settle(qtbot, window)
    assert table.columnWidth(qty) > before
    assert not clipped_texts(screen), clipped_texts(screen)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the arrow moves on: Qty gives its room back
    settle(qtbot, window)
    assert table.columnWidth(qty) == before
    assert not clipped_texts(screen), clipped_texts(screen)


def test_a_listing_title_cut_short_by_a_narrow_window_shows_whole_in_its_tooltip(qtbot, shop, language):
    from PySide6.QtCore import Qt

    window = MainWindow(shop.paths)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    screen = window.show_screen("listings")
    settle(qtbot, window)
    model = screen.model
    titles = [model.index(r, model.TITLE_COLUMN).data() for r in range(model.rowCount())]
    tips = [model.index(r, model.TITLE_COLUMN).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    assert titles and tips == titles


def test_the_confirmation_shows_every_column_at_1024_without_scrolling_sideways(qtbot, shop, language):
    from ui.sync.confirm_dialog import ActionsView, ConfirmDialog

    for listing in Listing.select().where(Listing.stock_item.is_null(False)):
        StockLevel.update(quantity=0 if listing.status == ListingStatus.ACTIVE else 5).where(
            StockLevel.item == listing.stock_item_id).execute()
    market = shop.marketplace()
    try:
        engine = SyncEngine(shop.channel_id, market)
        plan = engine.plan()
        assert plan.to_confirm
        dialog = ConfirmDialog(plan)
        problems = fit(dialog, qtbot)
        for view in dialog.findChildren(ActionsView):
            header = view.horizontalHeader()
            right = max(header.sectionViewportPosition(i) + header.sectionSize(i) for i in range(header.count()))
            assert right <= view.viewport().width() + 1, (view.objectName(), right, view.viewport().width())
            assert view.horizontalScrollBar().maximum() == 0, view.objectName()
        engine.cancel(plan)
    finally:
        market.close()
    assert not problems, "\n".join(problems)


def test_the_rest_form_connect_dialog_link_preview_and_brake_fit_1024x640_with_their_texts_whole(
    qtbot, db, data_dir, language, sandbox_server, memory_keyring  # noqa: F811
):
    from types import SimpleNamespace

    from core.allegro.rest.tokens import store_application
    from core.paths import app_paths
    from ui.channels.integration_window import ChannelIntegrationWindow
    from ui.channels.rest_form import ADDRESS
    from ui.listings.link_preview import CHANNEL_NAME, OFFER, LinkPreview
    from ui.sync.confirm_dialog import BrakeQuestion

    paths = app_paths(data_dir)
    problems: list[str] = []

    def check(name, widget):
        problems.extend(f"[{language}] {name}: {p}" for p in fit(widget, qtbot))
        problems.extend(f"[{language}] {name}: Alt+{c}" for c in clashes(mnemonics_shown(widget)))

    store_application(sandbox_server.rest_url, paths, "SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")
    window = ChannelIntegrationWindow(paths)
    window.open_integration("allegro_rest")
    page = window.rest_page
    page.sub_source.setText("Sklep Źdźbło")
    page.environment.setCurrentIndex(page.environment.findData(ADDRESS))
    page.address.setText(sandbox_server.rest_url)
    check("rest form", window)
    dialog = page.connect_with_allegro()
    qtbot.waitUntil(lambda: dialog.code is not None, timeout=20_000)
    check("connect", dialog)
    dialog.shutdown()

    rows = []
    for i, channel in enumerate(["Sklep A", "Sklep B", "Sklep A"]):
        row = [None] * 20
        row[OFFER], row[2], row[CHANNEL_NAME] = 7_100_000_000 + i % 2, "Kubek ceramiczny żółty 350 ml", channel
        rows.append(tuple(row))
    check("link preview", LinkPreview(rows, ambiguous=2))
    for kind in ("end", "quantity"):
        check(f"brake ({kind})", BrakeQuestion("Sklep Źdźbło", SimpleNamespace(kind=kind, count=7, message="…")))
    assert not problems, "\n".join(problems)
