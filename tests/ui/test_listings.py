"""The Listings (inventory mapping) screen through its widgets, against a real database."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from core.models import Channel, Listing, ListingStatus, Location, StockItem, StockLevel, utcnow
from core.paths import app_paths
from tests.helpers import type_text
from PySide6.QtWidgets import QDialog

from ui.listings.link_dialog import LinkDialog
from ui.listings.link_preview import LinkPreview
from ui.listings.screen import ListingsScreen


@pytest.fixture
def shop(db):
    loc = Location.create(name="Magazyn", is_default=True)
    channel = Channel.create(sub_source="MyAllegro", username="u", api_key="k")
    other = Channel.create(sub_source="Outlet", username="v", api_key="k")
    kubek = StockItem.create(sku="KUB-01", title="Kubek ceramiczny żółty")
    StockLevel.create(item=kubek, location=loc, quantity=6)
    StockItem.create(sku="PAR-01", title="Parasol składany")
    StockItem.create(sku="PAR-02", title="Parasol składany")
    czajnik = StockItem.create(sku="CZA-01", title="Czajnik elektryczny 1,7 l")
    StockLevel.create(item=czajnik, location=loc, quantity=2)
    ended = utcnow() - timedelta(days=12, hours=1)
    for offer_id, title, fmt, status, extra in (
        (1001, "Kubek ceramiczny żółty", "buy_now", ListingStatus.ACTIVE, {}),
        (1002, "Parasol składany", "auction", ListingStatus.ACTIVE, {"bids": 2}),
        (1003, "Czajnik elektryczny 1,7 l", "buy_now", ListingStatus.PENDING_RELIST, {"ended_at": ended}),
        (1004, "Łopata ogrodowa", "buy_now", ListingStatus.ACTIVE, {}),
    ):
        Listing.create(channel=channel, offer_id=offer_id, title=title, format=fmt, status=status, quantity=1, **extra)
    Listing.create(channel=other, offer_id=2001, title="Kubek ceramiczny żółty", format="buy_now", quantity=3)
    Listing.update(stock_item=czajnik).where(Listing.offer_id == 1003).execute()
    return channel


@pytest.fixture
def screen(qtbot, shop, data_dir):
    widget = ListingsScreen(app_paths(data_dir))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.total() == 5, timeout=5000)
    yield widget
    widget.shutdown()


COLUMNS = ["Offer ID", "Title", "Format", "Qty", "Bids", "Status", "SKU", "Available", "Suggestion", "Channel"]


def row(screen, offer_id, channel="MyAllegro"):
    for r in range(screen.model.rowCount()):
        values = [screen.model.index(r, c).data() for c in range(len(COLUMNS))]
        if values[0] == str(offer_id) and values[9] == channel:
            return dict(zip(COLUMNS, values))
    raise AssertionError(f"offer {offer_id} not shown")


def offers(screen):
    return sorted(int(screen.model.index(r, 0).data()) for r in range(screen.model.rowCount()))


def select(screen, offer_id, channel="MyAllegro"):
    for r in range(screen.model.rowCount()):
        if screen.model.index(r, 0).data() == str(offer_id) and screen.model.index(r, 9).data() == channel:
            screen.table.selectRow(r)
            return
    raise AssertionError(f"offer {offer_id} not shown")


def wait_reload(qtbot, screen):
    return qtbot.waitSignal(screen.loader.loaded, timeout=5000)


def test_every_listing_with_status_link_and_suggestion(screen):
    assert row(screen, 1003) == {
        "Offer ID": "1003",
        "Title": "Czajnik elektryczny 1,7 l",
        "Format": "Buy now",
        "Qty": "1",
        "Bids": "0",
        "Status": "Pending relist (47 days left)",
        "SKU": "CZA-01",
        "Available": "2",
        "Suggestion": "",
        "Channel": "MyAllegro",
    }
    sku = screen.model.index(screen.model.row_of(Listing.get(offer_id=1003).id), 6)
    assert sku.data(Qt.ItemDataRole.ToolTipRole) == "Czajnik elektryczny 1,7 l"
    assert not screen.table.isColumnHidden(9)  # two channels: their names are shown
    assert row(screen, 1001)["Suggestion"] == "Exact title: KUB-01"
    assert row(screen, 1002)["Suggestion"] == "Ambiguous: 2 items (PAR-01, PAR-02)"
    assert row(screen, 1002)["Format"] == "Auction" and row(screen, 1002)["Bids"] == "2"
    ambiguous = screen.model.index(screen.model.row_of(Listing.get(offer_id=1002).id), 8)
    assert ambiguous.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    # a narrow window elides the column: the tooltip names the items whole, and why
    assert ambiguous.data(Qt.ItemDataRole.ToolTipRole).startswith("Ambiguous: 2 items (PAR-01, PAR-02)\n")
    assert row(screen, 1004)["Suggestion"] == ""
    assert screen.count.text() == "5 listings"


def test_filters_by_text_channel_and_kind(screen):
    type_text(screen.filter, "łopata")
    assert offers(screen) == [1004]
    screen.filter.clear()
    screen.channel.setCurrentIndex(screen.channel.findText("Outlet"))
    assert offers(screen) == [2001]
    screen.channel.setCurrentIndex(0)
    screen.show_choice.setCurrentIndex(screen.show_choice.findText("Ambiguous titles"))
    assert offers(screen) == [1002]
    screen.show_choice.setCurrentIndex(screen.show_choice.findText("Pending relist"))
    assert offers(screen) == [1003]
    screen.show_choice.setCurrentIndex(screen.show_choice.findText("Unlinked"))
    assert offers(screen) == [1001, 1002, 1004, 2001]
    assert screen.count.text() == "4 of 5 listings"


def test_link_by_search_and_undo(screen, qtbot, monkeypatch):
    def choose(cls, title, search="", parent=None):
        dialog = cls(title, search, parent)
        qtbot.addWidget(dialog)
        dialog.search.clear()
        type_text(dialog.search, "czajnik")
        dialog.run_search()
        assert dialog.model.index(0, 0).data() == "CZA-01"
        dialog.link_button.click()
        return dialog.chosen_id

    monkeypatch.setattr(LinkDialog, "ask", classmethod(choose))
    select(screen, 1004)
    with wait_reload(qtbot, screen):
        screen.link_button.click()
    assert row(screen, 1004)["SKU"] == "CZA-01"
    assert Listing.get(offer_id=1004).stock_item.sku == "CZA-01"
    assert "Linked offer 1004" in screen.notice.text()
    assert screen.undo_button.text() == "Undo Linked offer 1004"
    with wait_reload(qtbot, screen):
        screen.undo_button.click()
    assert row(screen, 1004)["SKU"] == ""
    assert Listing.get(offer_id=1004).stock_item is None


def test_link_dialog_searches_sku_or_title_with_the_keyboard(qtbot, shop):
    dialog = LinkDialog("Parasol składany", "parasol")
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == ["PAR-01", "PAR-02"]
    dialog.search.setFocus()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.chosen_id == StockItem.get(sku="PAR-02").id
    assert dialog.result() == 1


def test_accepting_exact_suggestions_never_links_ambiguous_ones(screen, qtbot, monkeypatch):
    monkeypatch.setattr(LinkPreview, "exec", lambda self: QDialog.DialogCode.Accepted)
    with wait_reload(qtbot, screen):
        screen.link_exact_button.click()
    assert row(screen, 1001)["SKU"] == "KUB-01"
    assert row(screen, 2001, "Outlet")["SKU"] == "KUB-01"
    assert row(screen, 1002)["SKU"] == ""  # ambiguous: left for the seller
    assert "1 ambiguous title left to link by hand" in screen.notice.text()
    with wait_reload(qtbot, screen):
        screen.undo_stack.undo()
    assert Listing.select().where(Listing.stock_item.is_null(False)).count() == 1  # only the czajnik


def test_accept_suggestion_for_the_selected_listing(screen, qtbot):
    select(screen, 1002)
    assert not screen.accept_button.isEnabled()  # ambiguous: nothing to accept
    select(screen, 1001)
    assert screen.accept_button.isEnabled()
    with wait_reload(qtbot, screen):
        screen.accept_button.click()
    assert Listing.get(offer_id=1001).stock_item.sku == "KUB-01"
    assert Listing.get(offer_id=2001).stock_item is None


def test_strike_off_and_reinstate_with_undo(screen, qtbot):
    select(screen, 1001)
    assert not screen.strike_button.isEnabled()
    select(screen, 1003)
    with wait_reload(qtbot, screen):
        screen.strike_button.click()
    assert row(screen, 1003)["Status"] == "Struck off"
    assert Listing.get(offer_id=1003).status == ListingStatus.STRUCK_OFF
    assert screen.reinstate_button.isEnabled()
    with wait_reload(qtbot, screen):
        screen.undo_button.click()
    assert Listing.get(offer_id=1003).status == ListingStatus.PENDING_RELIST
    with wait_reload(qtbot, screen):
        screen.undo_stack.redo()
    assert Listing.get(offer_id=1003).status == ListingStatus.STRUCK_OFF
    select(screen, 1003)
    with wait_reload(qtbot, screen):
        screen.reinstate_button.click()
    assert row(screen, 1003)["Status"].startswith("Pending relist")


def test_unlink_keeps_the_selection_and_is_undoable(screen, qtbot):
    select(screen, 1003)
    with wait_reload(qtbot, screen):
        screen.unlink_button.click()
    assert Listing.get(offer_id=1003).stock_item is None
    assert screen.selected_ids() == [Listing.get(offer_id=1003).id]
    with wait_reload(qtbot, screen):
        qtbot.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Listing.get(offer_id=1003).stock_item.sku == "CZA-01"


def test_the_table_model_is_a_valid_qt_model(screen, qtmodeltester):
    qtmodeltester.check(screen.model)


def test_link_all_exact_matches_shows_what_it_will_link_before_it_links(screen, qtbot, monkeypatch):
    shown = []

    def look_then_cancel(dialog):
        shown.append(
            (
                dialog.heading.text(),
                dialog.counts.text(),
                dialog.warning.isVisibleTo(dialog),
                [dialog.list.item(i).text() for i in range(dialog.list.count())],
                dialog.link_button.text(),
            )
        )
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(LinkPreview, "exec", look_then_cancel)
    screen.link_exact_button.click()
    heading, counts, warned, items, button = shown[0]
    assert heading == "Link 2 listings, each to the one stock item with exactly its title?"
    assert counts == "By channel: MyAllegro: 1, Outlet: 1. 1 ambiguous title is left for linking by hand."
    assert not warned
    assert sorted(items) == [
        "1001  Kubek ceramiczny żółty  →  KUB-01  (MyAllegro)",
        "2001  Kubek ceramiczny żółty  →  KUB-01  (Outlet)",
    ]
    assert button == "&Link 2 listings"
    assert Listing.select().where(Listing.stock_item.is_null(False)).count() == 1  # cancelled: only the czajnik
    assert screen.notice.text() == "Nothing was linked."


def test_the_preview_warns_when_the_same_offers_are_in_two_channels(screen, qtbot, monkeypatch):
    Listing.create(channel=Channel.get(sub_source="Outlet"), offer_id=1001, title="Kubek ceramiczny żółty", format="buy_now")
    with wait_reload(qtbot, screen):
        screen.refresh()
    seen = []
    monkeypatch.setattr(LinkPreview, "exec", lambda dialog: seen.append(dialog.warning) or QDialog.DialogCode.Rejected)
    screen.link_exact_button.click()
    assert not seen[0].isHidden()
    assert seen[0].text().startswith("1 offer appears in more than one channel")
