"""Messages tied to their cause, colours that mean something, and the keyboard paths a
seller uses: in the real windows, in English and in Polish."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import QApplication, QMenu

from core import channels
from core.models import Listing, ListingStatus, StockItem
from tests.sandbox_fixtures import sandbox_control, sandbox_server  # noqa: F401
from tests.ui.channel_helpers import fill, fill_account, messages, paths, run_test, window, world  # noqa: F401
from tests.ui.desk_sandbox import control, desk, sandbox  # noqa: F401
from tests.ui.keys_check import clashes, menu_mnemonics, mnemonics_shown
from tests.ui.test_small_screen import language, settle, shop, sync  # noqa: F401
from ui import i18n
from ui.main_window import MainWindow
from ui.screens import SCREENS
from ui.tables import ALERT


def red_lines(label) -> list[str]:
    """The lines of a rich-text label drawn in the alert red."""
    doc = QTextDocument()
    doc.setHtml(label.text())
    red = []
    block = doc.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.charFormat().foreground().color() == QColor(ALERT):
                red.append(block.text())
                break
            fragments += 1
        block = block.next()
    return red


def shown_lines(label) -> list[str]:
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText().splitlines()


# --- stale messages -------------------------------------------------------------------------


def test_a_red_field_error_goes_as_soon_as_the_field_is_filled(qtbot, window, messages):  # noqa: F811
    window.open_add_channel()
    window.open_integration()
    screen = window.integration_page
    form = screen.form
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)  # everything empty
    assert not form.errors["username"].isHidden() and not form.errors["api_key"].isHidden()
    assert screen.message.text() == "The channel was not saved: correct the fields marked in red."

    fill(form.username, "sklep-żółw")
    assert form.errors["username"].isHidden()  # filled: its sentence is gone
    assert not form.errors["api_key"].isHidden()  # the others still wait
    assert screen.message.text() != ""  # fields are still red: the banner stays
    fill_account(form)
    assert all(label.isHidden() for label in form.errors.values())
    assert screen.message.text() == ""  # nothing red is left: nor is the banner


def test_a_field_error_that_is_still_true_stays_and_says_the_current_problem(qtbot, window, messages):  # noqa: F811
    window.open_add_channel()
    window.open_integration()
    form = window.integration_page.form
    fill_account(form, version="")
    qtbot.mouseClick(window.integration_page.save_button, Qt.MouseButton.LeftButton)
    assert form.errors["api_key_version"].text() == "Enter the Api Key Version, a whole number such as 1505."
    form.api_key_version.setText("15o5")  # pasted: the field is still wrong, the sentence says how
    assert form.errors["api_key_version"].text() == "The Api Key Version must be a whole number, such as 1505."
    fill(form.api_key_version, "1505")
    assert form.errors["api_key_version"].isHidden()


def test_the_not_saved_banner_goes_after_a_successful_test(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    window.open_add_channel()
    window.open_integration()
    screen = window.integration_page
    fill_account(screen.form, sub_source="", url=sandbox_server.url)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "The channel was not saved: correct the fields marked in red."
    shown = run_test(qtbot, screen.form, messages)
    assert shown.text == "OK"
    assert screen.message.text() == ""


def test_the_future_date_error_goes_when_the_date_is_fixed(qtbot, window, messages):  # noqa: F811
    channel = channels.save(channels.ChannelConfig(
        sub_source="Sklep", username="sklep", password="x" * 10, api_key="KEY", api_key_version="1505"))
    window.open_config(channel.id)
    page = window.config_page
    page.sync_orders_from.setDateTime(page.sync_orders_from.dateTime().addDays(5))
    assert not page.save()
    assert page.errors["sync_orders_from"].text() == "Sync Orders From cannot be in the future."
    assert page.message.text() == "Not saved: correct the fields marked in red."
    page.sync_orders_from.setDateTime(page.sync_orders_from.dateTime().addDays(-10))
    assert page.errors["sync_orders_from"].isHidden()
    assert page.message.text() == ""
    assert page.save()


def test_undo_replaces_the_linked_message_that_offered_it(qtbot, desk, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QDialog

    from ui.listings.link_preview import LinkPreview
    from ui.listings.screen import ListingsScreen

    monkeypatch.setattr(LinkPreview, "exec", lambda dialog: QDialog.DialogCode.Accepted)  # the seller links

    for n, title in enumerate(("Kubek żółty", "Talerz głęboki")):
        desk.offer(title, quantity=3)
        StockItem.create(sku=f"SKU-{n}", title=title)
    sync(desk)
    screen = ListingsScreen(desk.paths)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: not screen.loader.loading and screen.model.rowCount() == 2)
    screen.link_all_exact()
    assert screen.notice.text() == "Linked 2 listings by exact title (Ctrl+Z undoes it)"
    screen.undo_stack.undo()
    assert screen.notice.text() == "Undone: Linked 2 listings by exact title"
    assert "Ctrl+Z" not in screen.notice.text()
    assert Listing.select().where(Listing.stock_item.is_null(False)).count() == 0
    screen.undo_stack.redo()
    assert screen.notice.text() == "Redone: Linked 2 listings by exact title"
    screen.shutdown()


# --- colours -------------------------------------------------------------------------------------


def test_the_sync_summary_is_red_only_on_the_channel_that_failed(qtbot, desk, sandbox):  # noqa: F811
    from ui.sync.screen import SyncScreen

    channels.save(channels.ChannelConfig(
        sub_source="Zepsuty", username="sandbox-seller", password="not-the-password", api_key="SANDBOX-WEBAPI-KEY",
        api_key_version="1505", environment=sandbox.url))
    screen = SyncScreen(desk.paths)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.all_finished, timeout=60_000):
        assert screen.sync_now()
    lines = shown_lines(screen.result)
    assert lines[0].startswith("MyAllegro: done")
    assert lines[1].startswith("Zepsuty: ")
    assert red_lines(screen.result) == [lines[1]]  # "done" is not a failure
    screen.shutdown()


# --- keyboard ------------------------------------------------------------------------------------


def test_no_two_things_on_one_screen_share_an_alt_letter_with_each_other_or_the_menus(qtbot, shop, language):  # noqa: F811
    main = MainWindow(shop.paths)
    qtbot.addWidget(main)
    main.show()
    found = []
    for key, *_ in SCREENS:
        main.show_screen(key)
        settle(qtbot, main)
        found += [f"[{language}] {key}: {c}" for c in clashes(mnemonics_shown(main))]
    for action in main.menuBar().actions():
        found += [f"[{language}] menu {action.text()}: {c}" for c in clashes(menu_mnemonics(action.menu()))]
    assert not found, "\n".join(found)


def test_the_first_run_welcome_shares_no_alt_letter_with_the_menus(qtbot, db, data_dir, language):  # noqa: F811
    from core.paths import app_paths

    main = MainWindow(app_paths(data_dir))
    qtbot.addWidget(main)
    main.show()
    home = main.show_screen("home")
    found = clashes(mnemonics_shown(main))
    assert not found, f"[{language}] " + "\n".join(found)
    from PySide6.QtWidgets import QPushButton

    silent = [b.text() for b in home.findChildren(QPushButton) if b.isVisible() and not b.isEnabled() and not b.toolTip()]
    assert not silent  # "Sync now" waits for the demo channel and says so


def open_menu_with_keys(qtbot, main, letter: Qt.Key) -> QMenu:
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget() or main, letter, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    return QApplication.activePopupWidget()


@pytest.mark.qt_log_ignore("grabbing the keyboard")
def test_alt_s_on_the_overview_opens_the_settings_menu(qtbot, shop):  # noqa: F811
    main = MainWindow(shop.paths)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    home = main.show_screen("home")
    settle(qtbot, main)
    assert any(b.isVisible() and "ync now" in b.text() for b in (home.quick_sync_button, home.sync_button))
    home.setFocus()
    menu = open_menu_with_keys(qtbot, main, Qt.Key.Key_S)
    assert menu.title() == "&Settings"
    menu.close()


@pytest.mark.qt_log_ignore("grabbing the keyboard")
def test_the_polish_settings_menu_opens_its_items_with_the_keyboard(qtbot, qapp, db, data_dir, monkeypatch):
    from core.paths import app_paths
    from ui.preferences import PreferencesDialog

    i18n.install_translators(qapp, "pl")
    asked = []
    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(lambda cls, app_paths_, parent=None: asked.append(True)))
    main = MainWindow(app_paths(data_dir))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    menu = open_menu_with_keys(qtbot, main, Qt.Key.Key_U)
    assert menu.title() == "&Ustawienia"
    assert [a.text() for a in menu.actions()] == ["&Integracja kanałów…", "&Preferencje…"]
    for _ in range(3):  # the arrows move through the items
        if menu.activeAction() is main.preferences_action:
            break
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is main.preferences_action
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: asked == [True], timeout=3000)
    menu = open_menu_with_keys(qtbot, main, Qt.Key.Key_U)
    qtbot.keyClick(menu, Qt.Key.Key_I)  # its mnemonic
    qtbot.waitUntil(lambda: main._channel_window is not None and main._channel_window.isVisible(), timeout=3000)
    main._channel_window.close()


@pytest.mark.parametrize("key", ["inventory", "listings", "orders", "sync"])
def test_down_from_a_filter_box_moves_into_its_table(qtbot, shop, key):  # noqa: F811
    main = MainWindow(shop.paths)
    qtbot.addWidget(main)
    main.show()
    screen = main.show_screen(key)
    settle(qtbot, main)
    screen.table.clearSelection()
    screen.table.setCurrentIndex(screen.table.model().index(-1, -1))
    screen.filter.setFocus()
    qtbot.keyClick(screen.filter, Qt.Key.Key_Down)
    assert screen.table.hasFocus()
    assert screen.table.currentIndex().row() == 0
    assert screen.table.selectionModel().isRowSelected(0)


def test_alt_e_with_nothing_selected_says_why_in_the_status_bar(qtbot, shop):  # noqa: F811
    main = MainWindow(shop.paths)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    screen = main.show_screen("inventory")
    settle(qtbot, main)
    screen.table.clearSelection()
    screen.table.setCurrentIndex(screen.table.model().index(-1, -1))
    assert not screen.edit_button.isEnabled()
    why = "Select a stock item first: click its row, or press Down from the filter box."
    assert screen.edit_button.toolTip() == why
    screen.filter.setFocus()
    qtbot.keyClick(screen.filter, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert main.statusBar().currentMessage() == why
    qtbot.keyClick(screen.filter, Qt.Key.Key_Down)  # a row chosen: Edit works and the tooltip is its own
    assert screen.edit_button.isEnabled() and screen.edit_button.toolTip() == ""


def test_every_disabled_button_on_the_screens_says_why(qtbot, shop, language):  # noqa: F811
    from PySide6.QtWidgets import QPushButton

    main = MainWindow(shop.paths)
    qtbot.addWidget(main)
    main.show()
    silent = []
    for key, *_ in SCREENS:
        screen = main.show_screen(key)
        settle(qtbot, main)
        if getattr(screen, "table", None) is not None:
            screen.table.clearSelection()
            screen.table.setCurrentIndex(screen.table.model().index(-1, -1))
        for button in screen.findChildren(QPushButton):
            if button.isVisible() and not button.isEnabled() and not button.toolTip():
                silent.append(f"[{language}] {key}: {button.text()!r}")
    assert not silent, "\n".join(silent)


# --- what the screens explain -----------------------------------------------------------------


def test_a_listing_ended_outside_the_app_says_why_it_is_not_relisted(qtbot, desk, control):  # noqa: F811
    from ui.listings.screen import ListingsModel, ListingsScreen

    offer = desk.offer("Lampka nocna", quantity=2)
    sync(desk)
    # ended on Allegro by hand: the sync saw it end without having ended it
    Listing.update(status=ListingStatus.ENDED).where(Listing.offer_id == offer).execute()
    desk.link(offer, desk.item("LAM-1", "Lampka nocna", stock=9))
    screen = ListingsScreen(desk.paths)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loader.loading and screen.model.rowCount() == 1)
    tip = screen.model.data(screen.model.index(0, ListingsModel.STATUS_COLUMN), Qt.ItemDataRole.ToolTipRole)
    assert "will not relist it, even with stock" in tip
    screen.shutdown()


def choose_language(monkeypatch, language: str) -> None:
    """Preferences answered: `language` chosen, OK pressed."""
    from ui.preferences import PreferencesDialog

    def choose(cls, app_paths_, parent=None):
        i18n.store_choice(language)
        return True

    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(choose))


def test_a_language_change_applies_at_once(qtbot, shop, monkeypatch):  # noqa: F811
    i18n.store_choice("en")
    main = MainWindow(shop.paths)
    qtbot.addWidget(main)
    main.show()
    main.show_screen("listings")
    settle(qtbot, main)
    choose_language(monkeypatch, "pl")
    main.open_preferences()
    settle(qtbot, main)
    assert main.statusBar().currentMessage() == "Zapisano preferencje. Język programu: Polski."
    assert [main.nav.item(r).text() for r in range(main.nav.count())] == [
        "Przegląd", "Magazyn", "Oferty", "Zamówienia", "Synchronizacja"]
    assert [a.text() for a in main.menuBar().actions()] == ["&Plik", "&Widok", "&Ustawienia", "Pomo&c"]
    listings = main.stack.currentWidget()
    assert listings is main.screen("listings")
    assert listings.bar.count_label.text().endswith("oferty")  # 4 oferty
    assert listings.model.headerData(1, Qt.Orientation.Horizontal) == "Tytuł"
    assert main.tray.sync_action.text() == "&Synchronizuj teraz"
    choose_language(monkeypatch, "en")
    main.open_preferences()
    assert main.nav.item(0).text() == "Overview"


def test_a_language_change_during_a_sync_says_when_it_applies(qtbot, db, data_dir, monkeypatch):
    from core.paths import app_paths

    i18n.store_choice("en")
    main = MainWindow(app_paths(data_dir))
    qtbot.addWidget(main)
    main.show_screen("sync")
    monkeypatch.setattr(type(main.screen("sync")), "running", property(lambda self: True))
    choose_language(monkeypatch, "pl")
    main.open_preferences()
    assert main.statusBar().currentMessage() == (
        "Preferences saved. The app speaks Polski from its next start: a sync or an import is running, "
        "or the Channel Integration window is open.")
    assert main.nav.item(0).text() == "Overview"


def test_orders_show_allegros_payment_status_in_the_apps_language(qtbot, shop, language):  # noqa: F811
    main = MainWindow(shop.paths)
    qtbot.addWidget(main)
    main.show()
    screen = main.show_screen("orders")
    settle(qtbot, main)
    payment = screen.model.data(screen.model.index(0, 7))
    assert payment in ({"en": ("Started", "Paid", "Cash on delivery"), "pl": ("Rozpoczęta", "Zakończona", "Płatność przy odbiorze")}[language])



def test_a_greyed_out_channel_option_says_what_it_waits_for(qtbot, window, messages):  # noqa: F811
    channel = channels.save(channels.ChannelConfig(
        sub_source="Sklep", username="sklep", password="x" * 10, api_key="KEY", api_key_version="1505"))
    window.open_config(channel.id)
    page = window.config_page
    page.end_listings.setChecked(False)
    assert not page.end_auctions.isEnabled()
    assert page.end_auctions.toolTip().startswith("Available when “End Listings” is ticked.")
    page.end_listings.setChecked(True)
    assert page.end_auctions.isEnabled()
    assert not page.end_auctions.toolTip().startswith("Available when")
