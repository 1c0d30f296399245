"""Oversell risk on the screens: a linked live listing with nothing available is marked in
Listings (status, colour, a Show choice, why in the tooltip) and counted on the Overview."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.models import Channel, Listing, ListingStatus, Location, StockItem, StockLevel
from core.paths import app_paths
from ui.home import HomeScreen
from ui.listings.screen import ListingsScreen
from ui.tables import ALERT


@pytest.fixture
def shop(db):
    loc = Location.create(name="Magazyn", is_default=True)
    channel = Channel.create(sub_source="MyAllegro", username="u", api_key="k", inventory_sync=True, end_listings=False)
    for sku, title, stock, offer_id in (("KUB", "Kubek", 0, 1001), ("TAL", "Talerz", 4, 1002)):
        item = StockItem.create(sku=sku, title=title)
        StockLevel.create(item=item, location=loc, quantity=stock)
        Listing.create(channel=channel, offer_id=offer_id, title=title, format="buy_now", quantity=5, stock_item=item)
    # ended and unlinked listings are never at risk
    Listing.create(channel=channel, offer_id=1003, title="Kubek", format="buy_now", status=ListingStatus.ENDED,
                   stock_item=StockItem.get(sku="KUB"))
    Listing.create(channel=channel, offer_id=1004, title="Łopata", format="buy_now", quantity=3)
    return channel


@pytest.fixture
def listings(qtbot, shop, data_dir):
    widget = ListingsScreen(app_paths(data_dir))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.total() == 4, timeout=5000)
    yield widget
    widget.shutdown()


def status_of(screen, offer_id):
    for r in range(screen.model.rowCount()):
        if screen.model.index(r, 0).data() == str(offer_id):
            return screen.model.index(r, screen.model.STATUS_COLUMN)
    return None


def test_the_listing_at_risk_says_so_in_red_with_why(listings):
    risky = status_of(listings, 1001)
    assert risky.data() == "Live · oversell risk"
    assert risky.data(Qt.ItemDataRole.ForegroundRole).color() == ALERT
    assert "A buyer can still buy it" in risky.data(Qt.ItemDataRole.ToolTipRole)
    fine = status_of(listings, 1002)
    assert fine.data() == "Live" and fine.data(Qt.ItemDataRole.ForegroundRole) is None
    assert status_of(listings, 1003).data() == "Ended" and status_of(listings, 1004).data() == "Live"


def test_show_oversell_risk_lists_only_them(listings, qtbot):
    listings.show_choice.setCurrentIndex(listings.show_choice.findData("risk"))
    assert listings.show_choice.currentText() == "Oversell risk"
    qtbot.waitUntil(lambda: listings.model.rowCount() == 1, timeout=2000)
    assert listings.model.index(0, 0).data() == "1001"


def test_restocking_clears_the_mark(listings, qtbot):
    StockLevel.update(quantity=2).where(StockLevel.item == StockItem.get(sku="KUB")).execute()
    with qtbot.waitSignal(listings.loader.loaded, timeout=5000):
        listings.refresh()
    assert status_of(listings, 1001).data() == "Live"


def test_the_overview_counts_them(qtbot, shop, data_dir):
    home = HomeScreen(app_paths(data_dir))
    qtbot.addWidget(home)
    label = home.labels["oversell_risk"]
    qtbot.waitUntil(lambda: label.text() != "0", timeout=5000)  # counted off the window's thread
    assert label.text() == "1 listing: live with nothing available to send"
    assert ALERT.name() in label.styleSheet()
    Channel.update(inventory_sync=False).execute()  # stock is not kept in step: nothing is counted
    with qtbot.waitSignal(home.risks_shown, timeout=5000):
        home.refresh()
    assert label.text() == "0" and label.styleSheet() == ""
    home.shutdown()
