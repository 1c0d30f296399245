"""Text from Allegro, buyers and files is shown as the characters it is, never as markup.

Every field that reaches the screen holds a buyer login that, drawn as rich text, would
show a big green "PAID, ship it" and hide what follows. Each screen is opened on that
data, and every label and tooltip is read the way Qt draws it (rich text rendered to its
visible characters): wherever part of the login shows, the whole login shows literally.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui_Qt, QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

from core.models import (
    Channel,
    LinkState,
    Listing,
    Location,
    Order,
    OrderItem,
    Shipment,
    ShipmentState,
    StockItem,
    StockLevel,
    SyncRun,
)
from core.paths import app_paths
from core.sync.plan import Plan, ProposedAction

HOSTILE = '<h2 style="color:green">OPŁACONE ✓ wyślij</h2><font size=1>'
WORD = "OPŁACONE"  # what shows of the login whether drawn as markup or not


def hostile(field: str) -> str:
    return f"{HOSTILE} {field}"


def drawn(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What the seller reads: rich text rendered to its characters, plain text as is."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGui_Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def shown_labels(root: QWidget) -> list[str]:
    """The drawn text of every label under `root` that shows any of the login."""
    seen = []
    for label in root.findChildren(QLabel):
        text = drawn(label.text(), label.textFormat())
        if WORD in text:
            seen.append(text)
    return seen


def shown_tooltips(model) -> list[str]:
    seen = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
            if tip and WORD in drawn(tip):
                seen.append(drawn(tip))
    return seen


def assert_literal(texts: list[str], at_least: int = 1) -> None:
    assert len(texts) >= at_least, texts
    for text in texts:
        assert HOSTILE in text, f"shown as markup: {text!r}"


@pytest.fixture
def hostile_shop(db):
    loc = Location.create(name=hostile("location"), is_default=True)
    channel = Channel.create(sub_source=hostile("channel"), username="u", api_key="k")
    item = StockItem.create(sku=hostile("sku"), title=hostile("item title"))
    StockLevel.create(item=item, location=loc, quantity=0)
    Listing.create(channel=channel, offer_id=7001, title=hostile("listing title"), format="buy_now", stock_item=item)
    order = Order.create(
        channel=channel, form_id=5001, buyer_login=HOSTILE, buyer_email=hostile("email"),
        created_at=datetime(2026, 3, 2, 10, 30), amount=Decimal("89.97"), currency="PLN",
        pay_type=hostile("pay type"), pay_status=hostile("pay status"),
        ship_name=hostile("name"), ship_company=hostile("company"), ship_street=hostile("street"),
        ship_postcode="00-916", ship_city=hostile("city"), ship_country=hostile("country"),
        ship_phone=hostile("phone"), message=hostile("message"),
    )
    OrderItem.create(order=order, offer_id=7001, title=hostile("bought title"), quantity=1, price=Decimal("1"),
                     stock_item=item, link_state=LinkState.LISTING)
    Shipment.create(order=order, carrier_id=3, carrier_name=hostile("carrier"), tracking_number="ruch12345",
                    state=ShipmentState.REJECTED, reason=hostile("Allegro's reason"))
    SyncRun.create(channel=channel, finished_at=datetime(2026, 3, 2, 11, 0), outcome="failed",
                   errors=hostile("Allegro's error message"))
    return channel


def test_buyer_and_allegro_text_on_the_orders_screen_is_shown_literally(qtbot, hostile_shop, data_dir):
    from ui.orders.screen import OrdersScreen

    screen = OrdersScreen(app_paths(data_dir))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.total() == 1, timeout=5000)
    screen.select_order(Order.get().id)
    screen.shipments.selectRow(0)

    heading = drawn(screen.heading.text(), screen.heading.textFormat())
    assert f"Buyer: {HOSTILE}" in heading  # the login, whole, where the seller reads it
    assert "Unpaid" in heading or "Open" in heading or "open" in heading.lower()  # the status still shows
    address = drawn(screen.address.text(), screen.address.textFormat())
    for field in ("name", "street", "city", "country", "message"):
        assert hostile(field) in address, field
    assert_literal(shown_labels(screen), at_least=3)  # heading, address, the reason under the shipments
    tips = [drawn(screen.shipments.item(0, c).toolTip()) for c in range(screen.shipments.columnCount())]
    assert_literal([t for t in tips if WORD in t], at_least=1)
    screen.shutdown()


def test_item_titles_skus_and_listing_titles_are_shown_literally(qtbot, hostile_shop, data_dir):
    from ui.inventory.screen import InventoryScreen
    from ui.listings.link_dialog import LinkDialog
    from ui.listings.screen import ListingsScreen

    inventory = InventoryScreen(app_paths(data_dir))
    qtbot.addWidget(inventory)
    inventory.show()
    qtbot.waitUntil(lambda: inventory.model.total() == 1, timeout=5000)
    inventory.select_id(StockItem.get().id)
    inventory.show_detail()
    assert_literal(shown_labels(inventory), at_least=1)
    assert hostile("sku") in drawn(inventory.detail_title.text(), inventory.detail_title.textFormat())
    assert hostile("item title") in drawn(inventory.detail_title.text(), inventory.detail_title.textFormat())
    inventory.shutdown()

    listings = ListingsScreen(app_paths(data_dir))
    qtbot.addWidget(listings)
    listings.show()
    qtbot.waitUntil(lambda: listings.model.total() == 1, timeout=5000)
    assert_literal(shown_tooltips(listings.model))  # the linked item's title on the SKU column
    listings.shutdown()

    dialog = LinkDialog(hostile("listing title"))
    qtbot.addWidget(dialog)
    assert_literal(shown_labels(dialog))


def test_allegro_error_messages_in_the_sync_history_are_shown_literally(qtbot, hostile_shop, data_dir):
    from ui.sync.screen import SyncScreen

    screen = SyncScreen(app_paths(data_dir))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.total() == 1, timeout=5000)
    assert_literal(shown_tooltips(screen.model))
    screen._results = [(hostile("Allegro's error message"), True)]
    screen._show_results()
    assert_literal(shown_labels(screen))
    screen.shutdown()


def test_channel_names_and_titles_in_the_confirmation_dialog_are_shown_literally(qtbot):
    from ui.sync.confirm_dialog import ConfirmDialog

    plan = Plan(channel_id=1, channel_name=hostile("channel"), run_id=1)
    plan.ends = [ProposedAction(action_id=1, kind="end", listing_id=1, offer_id=1001, title=hostile("listing title"),
                                format="buy_now", bids=0, stock_item_id=1, sku=hostile("sku"),
                                stock_title=hostile("item title"), reason=hostile("reason"), available=0)]
    plan.needs_confirmation = True
    dialog = ConfirmDialog(plan)
    qtbot.addWidget(dialog)
    assert_literal(shown_labels(dialog))
    assert_literal(shown_tooltips(dialog.ends.model), at_least=3)  # title, SKU, reason


def test_messages_naming_allegro_or_file_data_are_shown_literally(qtbot):
    from ui.channels.message import Message
    from ui.confirm_box import ConfirmBox

    box = Message(None, "Test failed", hostile("Allegro's error message"), details=hostile("details"))
    qtbot.addWidget(box)
    assert_literal(shown_labels(box), at_least=2)
    confirm = ConfirmBox(None, "Ship", hostile("ship order"), "Ship", details=hostile("details"))
    qtbot.addWidget(confirm)
    assert_literal(shown_labels(confirm), at_least=2)


def test_text_that_only_looks_like_markup_keeps_its_ampersands_and_brackets():
    from ui.text import escape, plain_tooltip

    assert drawn(f"<b>{escape('Kubek & <Spodek>')}</b>") == "Kubek & <Spodek>"
    assert drawn(plain_tooltip("&lt;b&gt; is not bold")) == "&lt;b&gt; is not bold"
    assert drawn(plain_tooltip("line one\n<i>two</i>")).replace("\u2029", "\n").replace("\u2028", "\n") == (
        "line one\n<i>two</i>"
    )


def test_a_data_folder_named_like_markup_is_shown_literally(qtbot, tmp_path, monkeypatch):
    from core.db import database, open_database
    from ui.main_window import MainWindow
    from ui.preferences import PreferencesDialog

    name = '<b><font color="green">OPŁACONE ✓ wyślij<font size=1>'  # no "/": it is one folder's name
    paths = app_paths(tmp_path / name)
    monkeypatch.setenv("ACM_DATA_DIR", str(paths.data_dir))
    open_database(paths.database, backups_dir=paths.backups_dir)
    try:
        dialog = PreferencesDialog(paths)
        qtbot.addWidget(dialog)
        from PySide6.QtWidgets import QLineEdit  # a line edit shows plain text, always

        shown = shown_labels(dialog) + [f.text() for f in dialog.findChildren(QLineEdit) if WORD in f.text()]
        assert len(shown) >= 2 and all(name in text for text in shown), shown  # data folder, log folder
        window = MainWindow(paths)
        qtbot.addWidget(window)
        assert name in drawn(window.status_label.text(), window.status_label.textFormat())
        window.close()
    finally:
        database.close()
        database.initialize(None)


def test_an_allegro_error_message_after_a_failed_test_is_shown_literally(qtbot, monkeypatch, db, data_dir):
    from core.allegro.errors import UnknownAllegroError
    from ui.channels.integration_form import IntegrationForm
    from ui.channels.message import Message

    shown = []
    monkeypatch.setattr(Message, "ask", classmethod(lambda cls, box: shown.append(box)))
    form = IntegrationForm(app_paths(data_dir))
    qtbot.addWidget(form)
    busy = object()
    form._worker = busy
    error = UnknownAllegroError("ERR_ODD", HOSTILE)
    error.template, error.params = hostile("Allegro's error message"), {}  # Allegro's text as the whole sentence
    form._test_failed(busy, str(error), error)
    assert hostile("Allegro's error message") in drawn(form.status.text(), form.status.textFormat())
    assert_literal(shown_labels(form))
    assert_literal(shown_labels(shown[0]))
