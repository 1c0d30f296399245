"""The config screen: every option, its tooltip, options that wait for others, keyboard access."""
from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QCheckBox, QLabel, QWidget

from core import channels
from core.models import Location
from tests.ui.channel_helpers import click_box, fill, messages, paths, window  # noqa: F401

OPTIONS = (
    "enabled", "inventory_sync", "update_from_location", "location_id", "submit_tracking", "sync_orders_from",
    "link_by_title", "end_listings", "end_auctions", "end_auctions_with_bids", "relist_items", "relist_duration",
    "relist_delay", "no_manual_confirmation",
)


@pytest.fixture
def saved(db):
    return channels.save(
        channels.ChannelConfig(
            sub_source="Mój sklep", username="sklep-zolw", password="hasło-1", api_key="K", api_key_version="1505"
        )
    )


@pytest.fixture
def config(window, saved):
    window.open_config(saved.id)
    return window.config_page


def test_load_and_to_config_round_trip_every_option(config, saved):
    warehouse = Location.create(name="Magazyn Łódź")
    full = replace(
        saved, inventory_sync=True, update_from_location=True, location_id=warehouse.id, submit_tracking=True,
        link_by_title=True, end_listings=True, end_auctions=True, end_auctions_with_bids=True, relist_items=True,
        relist_duration=20, relist_delay=120, no_manual_confirmation=True, enabled=False, currency="CZK",
        environment="https://webapi.example.pl/service.php",
    )
    config.load(full)
    assert config.to_config() == full
    assert config.location.currentText() == "Magazyn Łódź"


def test_every_option_has_a_tooltip_and_an_accessible_name(config):
    for name in OPTIONS:
        widget = config.option_widgets[name]
        assert len(widget.toolTip()) > 30, name
        assert widget.accessibleName(), name
    assert "top bidder" in config.end_auctions_with_bids.toolTip()
    assert "60 days" in config.relist_items.toolTip()
    assert "all locations" in config.update_from_location.toolTip()
    assert "struck off" in config.relist_items.toolTip()
    for name, widget in config.account.fields.items():
        assert widget.accessibleName() and widget.toolTip(), name


@pytest.mark.parametrize(
    ("parent", "children"),
    [
        ("end_listings", ["end_auctions"]),
        ("end_auctions", ["end_auctions_with_bids"]),
        ("relist_items", ["relist_duration", "relist_delay"]),
        ("update_from_location", ["location_id"]),
    ],
)
def test_dependent_options_are_disabled_until_they_apply(qtbot, config, parent, children):
    Location.create(name="Sklep Gdańsk")
    config.load(config.to_config())  # with a location to choose
    if parent == "end_auctions":
        click_box(qtbot, config.end_listings)
    box = config.option_widgets[parent]
    assert not box.isChecked()
    assert not any(config.option_widgets[c].isEnabled() for c in children)
    click_box(qtbot, box)
    assert all(config.option_widgets[c].isEnabled() for c in children)
    click_box(qtbot, box)
    assert not any(config.option_widgets[c].isEnabled() for c in children)


def test_unticking_end_listings_clears_the_auction_options_and_ticking_it_brings_them_back(qtbot, config):
    for box in (config.end_listings, config.end_auctions, config.end_auctions_with_bids):
        click_box(qtbot, box)
    click_box(qtbot, config.end_listings)
    assert not config.end_auctions.isChecked() and not config.end_auctions_with_bids.isChecked()
    assert not config.end_auctions.isEnabled() and not config.end_auctions_with_bids.isEnabled()
    stored = config.to_config()
    assert (stored.end_auctions, stored.end_auctions_with_bids) == (False, False)
    click_box(qtbot, config.end_listings)
    assert config.end_auctions.isChecked() and config.end_auctions_with_bids.isChecked()


def test_stock_location_needs_a_location(qtbot, config, window, saved):
    assert config.no_locations.isVisible() and not config.location.isEnabled()
    click_box(qtbot, config.update_from_location)
    assert not config.location.isEnabled()
    qtbot.mouseClick(config.save_button, Qt.MouseButton.LeftButton)
    assert config.errors["location_id"].text() == (
        "Choose the location to take stock from, or untick Inventory Update From Location."
    )
    assert config.message.text() == "Not saved: correct the fields marked in red."
    assert channels.load(saved.id).update_from_location is False
    assert config.update_from_location.isChecked()  # what the seller ticked is still ticked


def test_an_error_on_the_account_tab_is_shown_there(qtbot, config, saved):
    config.tabs.setCurrentIndex(1)
    fill(config.account.api_key_version, "1.5")
    config.tabs.setCurrentIndex(0)
    qtbot.mouseClick(config.save_button, Qt.MouseButton.LeftButton)
    assert config.tabs.currentIndex() == 1
    assert config.account.errors["api_key_version"].text() == "The Api Key Version must be a whole number, such as 1505."
    assert config.account.api_key_version.hasFocus()
    assert channels.load(saved.id).api_key_version == "1505"


def test_editing_the_password_on_the_account_tab(qtbot, config, saved, messages):
    qtbot.mouseClick(config.save_button, Qt.MouseButton.LeftButton)
    assert channels.stored_password(saved.id) == "hasło-1"
    assert messages.texts == []  # the account did not change: nothing to ask
    config.tabs.setCurrentIndex(1)
    fill(config.account.password, "nowe-hasło-2")
    messages.answers = ["enabled"]  # not tested: the seller keeps it enabled anyway
    qtbot.mouseClick(config.save_button, Qt.MouseButton.LeftButton)
    assert messages.texts == ["This channel has not been tested with these account details."]
    assert channels.load(saved.id).enabled
    assert config.message.text() == "Saved."
    assert channels.stored_password(saved.id) == "nowe-hasło-2"
    assert config.account.password.text() == ""


def test_sync_orders_from_cannot_be_moved_into_the_future(qtbot, config, saved):
    config.sync_orders_from.setDateTime(config.sync_orders_from.dateTime().addDays(3))
    qtbot.mouseClick(config.save_button, Qt.MouseButton.LeftButton)
    assert config.errors["sync_orders_from"].text() == "Sync Orders From cannot be in the future."
    assert channels.load(saved.id).sync_orders_from == saved.sync_orders_from


def _labels(page: QWidget) -> list[QLabel]:
    return [label for label in page.findChildren(QLabel) if label.buddy() is not None]


def _mnemonic(text: str) -> str:
    index = text.find("&")
    assert index >= 0 and index + 1 < len(text), text
    return text[index + 1].lower()


def test_labels_have_buddies_and_unique_mnemonics_on_each_screen(window, config):
    options_page, account_page = config.tabs.widget(0), config.tabs.widget(1)
    tabs = [_mnemonic(config.tabs.tabText(i)) for i in range(config.tabs.count())]
    options = [_mnemonic(label.text()) for label in _labels(options_page)]
    options += [_mnemonic(box.text()) for box in options_page.findChildren(QCheckBox)]
    assert config.account is config.webapi_account and config.account.parent() is not None
    account = [_mnemonic(label.text()) for label in _labels(config.account)] + [_mnemonic(config.account.test_button.text())]
    assert len(_labels(options_page)) == 10 and len(_labels(config.account)) == 8
    for keys in (options + tabs, account + tabs):
        assert len(keys) == len(set(keys)), sorted(keys)
    integration = window.integration_page
    keys = [_mnemonic(label.text()) for label in _labels(integration)]
    keys += [_mnemonic(integration.save_button.text()), _mnemonic(integration.form.test_button.text())]
    assert len(keys) == len(set(keys)) == 10


def _tab_chain(qtbot, start: QWidget, count: int) -> list[str]:
    """The widgets Tab visits from `start`, as the seller meets them."""
    start.window().activateWindow()
    qtbot.waitUntil(start.window().isActiveWindow)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    names: list[str] = []
    for _ in range(count * 6):
        widget = QApplication.focusWidget()
        if isinstance(widget.parent(), QAbstractSpinBox):  # the line edit inside a spin box
            widget = widget.parent()
        if not names or names[-1] != widget.objectName():  # Tab walks a date's parts first
            names.append(widget.objectName())
        if len(names) == count:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    return names


def test_tab_order_follows_the_form(qtbot, window, config):
    Location.create(name="Sklep Gdańsk")
    config.load(config.to_config())
    click_box(qtbot, config.update_from_location)
    click_box(qtbot, config.end_listings)
    click_box(qtbot, config.relist_items)
    assert _tab_chain(qtbot, config.enabled, 13) == [
        "enabled", "inventory_sync", "update_from_location", "location_id", "sync_orders_from", "link_by_title",
        "submit_tracking", "end_listings", "end_auctions", "relist_items",  # with bids waits for End Auctions
        "relist_duration", "relist_delay", "no_manual_confirmation",
    ]
    window.open_add_channel()
    window.open_integration()
    form = window.integration_page.form
    assert _tab_chain(qtbot, form.sub_source, 11) == [
        "sub_source", "username", "password", "api_key", "api_key_version", "currency", "environment",
        "demo_account", "address", "test_button", "integration_save",
    ]


def test_the_focused_option_is_explained_without_a_mouse(qtbot, window, config):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    click_box(qtbot, config.end_listings)
    click_box(qtbot, config.end_auctions)
    config.end_auctions_with_bids.setFocus(Qt.FocusReason.TabFocusReason)
    assert "sells the item to the top bidder" in config.help.text()
    assert config.help.text().startswith("<b>End Auctions with bids</b>")
    click_box(qtbot, config.relist_items)
    config.relist_delay.setFocus(Qt.FocusReason.TabFocusReason)
    assert config.help.text().startswith("<b>Relist Listing Delay</b>: Start relisted listings")


def test_back_with_unsaved_changes_asks_save_discard_or_keep_editing(qtbot, window, config, messages, saved):
    qtbot.mouseClick(config.back_button, Qt.MouseButton.LeftButton)  # nothing changed: no question
    assert window.stack.currentWidget() is window.list_page and messages.shown == []

    window.open_config(saved.id)
    click_box(qtbot, config.submit_tracking)
    messages.answers = ["stay"]
    qtbot.mouseClick(config.back_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1].text == "Save the changes to “Mój sklep”?"
    assert messages.shown[-1].buttons == {"save": "Save", "discard": "Discard", "stay": "Keep editing"}
    assert window.stack.currentWidget() is config and config.submit_tracking.isChecked()

    messages.answers = ["discard"]
    qtbot.mouseClick(config.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.list_page
    assert channels.load(saved.id).submit_tracking is False

    window.open_config(saved.id)
    assert not config.submit_tracking.isChecked()
    click_box(qtbot, config.submit_tracking)
    messages.answers = ["save"]
    qtbot.mouseClick(config.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.list_page
    assert channels.load(saved.id).submit_tracking is True


def test_the_brake_and_the_stock_buffers_are_saved_from_the_options_tab(qtbot, config, saved):
    box = config.findChild(QWidget, "guards_box")
    assert box is not None and box.isVisible() is config.isVisible()
    defaults = {name: spin.value() for name, spin in config.guard_spins.items()}
    assert defaults == {
        "mass_end_percent": 20, "mass_end_count": 50, "buffer_end_at": 0,
        "buffer_keep_back": 0, "buffer_percent": 100, "buffer_max_listed": 0,
    }
    assert config.guard_spins["buffer_max_listed"].text() == "No limit"
    for name, value in (("mass_end_percent", 35), ("mass_end_count", 10), ("buffer_keep_back", 2), ("buffer_max_listed", 7)):
        config.guard_spins[name].setValue(value)
    assert "even with No Manual Confirmation" in config.guard_spins["mass_end_percent"].toolTip()
    qtbot.mouseClick(config.save_button, Qt.MouseButton.LeftButton)
    assert config.message.text() == "Saved."
    stored = channels.load(saved.id)
    assert (stored.mass_end_percent, stored.mass_end_count, stored.buffer_keep_back, stored.buffer_max_listed) == (35, 10, 2, 7)
    assert (stored.buffer_percent, stored.buffer_end_at) == (100, 0)


def test_guard_values_out_of_range_are_refused_with_a_sentence(saved):
    with pytest.raises(channels.ChannelInvalid) as refused:
        channels.save(replace(saved, buffer_percent=0, mass_end_count=0))
    assert refused.value.errors == {
        "buffer_percent": "List a share of available is a whole number from 1 to 100 %.",
        "mass_end_count": "The mass-end brake's number of listings is a whole number from 1 to 100,000.",
    }
