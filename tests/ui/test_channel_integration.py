"""The seller's path through Settings → Channel Integration, on real widgets and a real sandbox."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDateTime, Qt

from core import channels
from core.models import Channel, utcnow
from tests.sandbox_fixtures import sandbox_control, sandbox_server  # noqa: F401
from tests.ui.channel_helpers import (  # noqa: F401
    PASSWORD,
    click_box,
    fill,
    fill_account,
    messages,
    paths,
    run_test,
    window,
    world,
)
from ui.channels.list_model import SUB_SOURCE


def double_click_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, SUB_SOURCE))
    # a real double-click is a press, a release, then the double-click event
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_add_test_save_reopen_change_options_save(qtbot, window, messages, sandbox_server, world, memory_keyring):  # noqa: F811
    # 1. Add New Channel, top right of the channel list
    assert window.stack.currentWidget() is window.list_page
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.add_page
    # 2. Allegro's Integrate
    qtbot.mouseClick(window.add_page.integrate_buttons["allegro"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.integration_page
    form = window.integration_page.form
    assert form.environment.currentData() == "sandbox"  # the default for a new channel
    assert form.currency.currentData() == "PLN"

    # 3. the Integration screen, 4. Test
    fill_account(form, url=sandbox_server.url)
    result = run_test(qtbot, form, messages)
    assert result.text == "OK"
    assert sandbox_server.url in result.details
    assert form.test_button.isEnabled()

    # 5. Save: the channel exists, its password only in the keyring, the config screen opens
    created_at = utcnow()
    qtbot.mouseClick(window.integration_page.save_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.config_page
    assert window.config_page.message.text() == "Channel saved. Choose its options, then Save."
    row = Channel.get(Channel.sub_source == "Sklep Źdźbło")
    assert (row.username, row.api_key_version, row.environment) == ("sandbox-seller", 1505, sandbox_server.url)
    assert abs(row.sync_orders_from - created_at) < timedelta(minutes=1)  # Sync Orders From = now
    assert list(memory_keyring.passwords.values()) == [PASSWORD]

    # back to the list: the channel is there
    qtbot.mouseClick(window.config_page.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.list_page
    assert window.model.rowCount() == 1
    assert window.model.data(window.model.index(0, SUB_SOURCE)) == "Sklep Źdźbło"

    # reopen by double-click, change options, Save
    double_click_row(qtbot, window.table, 0)
    config = window.config_page
    assert window.stack.currentWidget() is config
    assert config.account.sub_source.text() == "Sklep Źdźbło"
    assert config.account.password.text() == ""  # kept in the keyring, not shown
    for box in (config.inventory_sync, config.end_listings, config.end_auctions, config.relist_items, config.link_by_title):
        click_box(qtbot, box)
    config.relist_duration.setCurrentIndex(config.relist_duration.findData(7))
    config.relist_delay.setValue(45)
    earlier = QDateTime.currentDateTime().addDays(-14)
    config.sync_orders_from.setDateTime(earlier)
    qtbot.mouseClick(config.save_button, Qt.MouseButton.LeftButton)
    assert config.message.text() == "Saved."

    stored = channels.find("Sklep Źdźbło")
    assert (stored.inventory_sync, stored.end_listings, stored.end_auctions, stored.relist_items) == (True, True, True, True)
    assert (stored.end_auctions_with_bids, stored.no_manual_confirmation, stored.link_by_title) == (False, False, True)
    assert (stored.relist_duration, stored.relist_delay) == (7, 45)
    assert abs(stored.sync_orders_from - (utcnow() - timedelta(days=14))) < timedelta(minutes=2)
    assert channels.stored_password(stored.id) == PASSWORD  # editing kept the password

    # the list shows the new Inventory Sync state
    qtbot.mouseClick(config.back_button, Qt.MouseButton.LeftButton)
    from ui.channels.list_model import INVENTORY_SYNC

    state = window.model.data(window.model.index(0, INVENTORY_SYNC), Qt.ItemDataRole.CheckStateRole)
    assert state == Qt.CheckState.Checked


def test_the_whole_path_by_keyboard(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    def press(key, modifier=Qt.KeyboardModifier.AltModifier, target=None):
        qtbot.keyClick(target or window, key, modifier)

    def shows(page):  # a button's mnemonic clicks it after a short animation
        qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=2000)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(Qt.Key.Key_A)  # &Add New Channel
    shows(window.add_page)
    press(Qt.Key.Key_W)  # Integrate (&WebAPI)
    shows(window.integration_page)
    form = window.integration_page.form
    assert form.sub_source.hasFocus()
    fill_account(form, sub_source="Klawiatura", url=sandbox_server.url)
    with qtbot.waitSignal(form.test_finished, timeout=15_000):
        press(Qt.Key.Key_T)  # &Test
    assert messages.texts == ["OK"]
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    shows(window.config_page)
    assert [c.sub_source for c in channels.all_channels()] == ["Klawiatura"]
    config = window.config_page
    press(Qt.Key.Key_D)  # En&d Listings
    qtbot.waitUntil(config.end_listings.isChecked, timeout=2000)
    assert config.end_auctions.isEnabled()
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert channels.find("Klawiatura").end_listings is True
    press(Qt.Key.Key_Left)  # Alt+Left: Back
    shows(window.list_page)
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, window.table)  # Enter opens the selected channel
    shows(window.config_page)


def test_validation_shows_each_problem_next_to_its_field_and_keeps_the_text(qtbot, window, messages, memory_keyring):
    window.open_add_channel()
    window.open_integration()
    screen = window.integration_page
    form = screen.form
    fill(form.username, "ktoś z bardzo długim loginem")
    fill(form.api_key_version, "wersja 2")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    shown = {name: label.text() for name, label in form.errors.items() if label.isVisible()}
    assert shown == {
        "sub_source": "Enter a SubSource: the name this channel appears as, for example MyAllegroChannel.",
        "username": "The username must be 1–16 characters without spaces, or an e-mail address.",
        "password": "Enter the password of your Allegro account.",
        "api_key": "Enter the WebAPI key from My Allegro → WebAPI.",
        "api_key_version": "The Api Key Version must be a whole number, such as 1505.",
    }
    assert form.username.accessibleDescription() == shown["username"]
    assert screen.message.text() == "The channel was not saved: correct the fields marked in red."
    assert form.sub_source.hasFocus()
    assert (form.username.text(), form.api_key_version.text()) == ("ktoś z bardzo długim loginem", "wersja 2")
    assert Channel.select().count() == 0 and memory_keyring.passwords == {}
    assert messages.shown == []

    # Test checks only what Allegro's login needs, without starting anything
    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    assert not form.testing and messages.shown == []
    assert not form.errors["sub_source"].isVisible()
    assert form.errors["username"].isVisible()

    # corrected fields lose their message on the next Save
    fill(form.sub_source, "Sklep")
    fill(form.username, "sklep@example.pl")
    fill(form.password, "hasło")
    fill(form.api_key, "KEY")
    fill(form.api_key_version, "7")
    form.environment.setCurrentIndex(form.environment.findData("production"))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.config_page
    assert channels.find("Sklep").environment == "production"


def test_a_taken_subsource_and_a_bad_address_are_refused(qtbot, window, messages):
    channels.save(channels.ChannelConfig(sub_source="Sklep", username="a", password="p", api_key="k", api_key_version="1"))
    window.open_add_channel()
    window.open_integration()
    form = window.integration_page.form
    fill_account(form, sub_source="SKLEP", url="http://sklep.example.com/service.php")
    qtbot.mouseClick(window.integration_page.save_button, Qt.MouseButton.LeftButton)
    assert form.errors["sub_source"].text() == "Another channel is already called “SKLEP”. Choose a different SubSource."
    assert form.errors["address"].text() == "Only addresses on this computer may use http://; Allegro needs https://."
    assert Channel.select().count() == 1


def test_leaving_the_integration_screen_keeps_what_was_typed(qtbot, window):
    window.open_add_channel()
    window.open_integration()
    form = window.integration_page.form
    fill(form.sub_source, "Pół-gotowy")
    qtbot.mouseClick(window.integration_page.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.add_page.back_button, Qt.MouseButton.LeftButton)
    window.open_add_channel()
    window.open_integration()
    assert form.sub_source.text() == "Pół-gotowy"


def test_no_keyring_says_so_and_saves_nothing(qtbot, window, messages):
    import keyring
    import keyring.backends.fail

    from core import secrets

    keyring.set_keyring(keyring.backends.fail.Keyring())
    window.open_add_channel()
    window.open_integration()
    form = window.integration_page.form
    fill_account(form, sub_source="Bez sejfu")
    qtbot.mouseClick(window.integration_page.save_button, Qt.MouseButton.LeftButton)
    assert messages.texts == ["This channel has not been tested with these account details.", secrets.NO_KEYRING]
    assert window.stack.currentWidget() is window.integration_page
    assert form.sub_source.text() == "Bez sejfu" and form.password.text() == PASSWORD
    assert Channel.select().count() == 0
