"""First run: an empty database opens on the welcome; one click adds the Sandbox demo
channel, Sync now shows the confirmation of ends and brings the demo orders in."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core import channels
from core.allegro import local_sandbox
from core.models import Channel, Listing, Order, StockItem
from core.paths import app_paths
from sandbox.control import SandboxControl
from tests.ui.channel_helpers import messages  # noqa: F401 - fixture
from ui.main_window import MainWindow
from ui.sync.confirm_dialog import ConfirmDialog


@pytest.fixture
def paths(data_dir):
    paths = app_paths(data_dir)
    yield paths
    local_sandbox.stop(paths)


@pytest.fixture
def window(qtbot, db, paths):
    win = MainWindow(paths)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    home = win.screen("home")
    if home is not None and home.worker is not None:
        home.worker.wait()
    win.quit_app()


def add_demo(qtbot, home, button=None):
    with qtbot.waitSignal(home.demo_ready, timeout=60_000) as ready:
        qtbot.mouseClick(button or home.demo_button, Qt.MouseButton.LeftButton)
    return ready.args[0]


def test_an_empty_database_opens_on_the_welcome(window):
    home = window.stack.currentWidget()
    assert home is window.screen("home")
    assert home.heading.text() == "<h2>Welcome to Allegro Channel Manager</h2>"
    assert home.welcome.isVisible() and not home.overview.isVisible()
    assert home.demo_button.isEnabled() and home.demo_button.text() == "&Add the demo channel"
    assert not home.sync_button.isEnabled()  # nothing to sync before the demo channel exists
    assert home.production_button.isVisible()


def test_with_a_channel_the_overview_shows_instead(qtbot, db, paths):
    channels.save(
        channels.ChannelConfig(sub_source="Mój sklep", username="seller", password="p", api_key="K", api_key_version="1")
    )
    win = MainWindow(paths)
    qtbot.addWidget(win)
    win.show()
    home = win.show_screen("home")
    assert not home.welcome.isVisible() and home.overview.isVisible()
    assert home.labels["channels"].text() == "1"
    win.quit_app()


def test_add_a_production_channel_opens_add_new_channel(qtbot, window):
    home = window.screen("home")
    qtbot.mouseClick(home.production_button, Qt.MouseButton.LeftButton)
    dialog = window._channel_window
    assert dialog.isVisible()
    assert dialog.stack.currentWidget() is dialog.add_page
    assert dialog.windowTitle() == "Channel Integration — Add New Channel"
    dialog.close()


@pytest.mark.parametrize(
    "api, button, ready",
    [
        ("rest", "demo_button", "connected through Allegro's REST API as sandbox-seller"),  # the default
        ("webapi", "webapi_demo_button", "the Test said OK"),
    ],
)
def test_one_click_demo_then_sync_shows_the_ends_to_confirm_and_the_orders(
    qtbot, window, messages, monkeypatch, api, button, ready  # noqa: F811
):
    home = window.screen("home")
    assert home.demo_button.isDefault() and home.webapi_demo_button.isVisible()
    done = add_demo(qtbot, home, getattr(home, button))

    # The demo channel is a real row of Channel Integration, of the kind chosen, and its Test says OK.
    assert ready in home.demo_status.text()
    unstocked = len(done.stock.out_of_stock)
    assert unstocked > 1
    assert f"; {unstocked} of them have no stock, so the sync will propose ending them" in home.demo_status.text()
    assert Channel.get_by_id(done.channel.id).api == api
    assert home.sync_button.isEnabled() and not home.demo_button.isEnabled()
    assert not home.webapi_demo_button.isVisible()
    window.open_channel_integration()
    dialog = window._channel_window
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "Sandbox demo"
    dialog.open_config(done.channel.id)
    form = dialog.config_page.account
    with qtbot.waitSignal(form.test_finished, timeout=30_000) as tested:
        qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    assert tested.args == ["ok"]
    assert messages.texts[-1] == "OK"
    dialog.close()

    # Linked demo stock: every listing has an item, some items hold nothing.
    assert StockItem.select().count() == Listing.select().where(Listing.stock_item.is_null(False)).count() > 0

    asked = []

    def confirm(cls, plan, parent=None):
        shown = cls(plan, parent)  # the real dialog, as the seller would see it
        asked.append((plan, shown.ends.model.rowCount(), shown.ends.isVisibleTo(shown)))
        return shown.approved_ids()  # Apply selected with the ticks as they come

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(confirm))
    with qtbot.waitSignal(home.demo_synced, timeout=90_000):
        qtbot.mouseClick(home.sync_button, Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is window.screen("sync")  # the Sync screen shows the progress

    plan, rows, visible = asked[0]
    assert plan.ends
    ends = {a.title for a in plan.ends}
    assert set(done.stock.out_of_stock) <= ends and rows == len(plan.ends) and visible
    orders = Order.select().where(Order.channel == done.channel.id).count()
    assert orders >= 20
    assert f"{orders} orders imported" in home.sync_status.text()
    assert home.orders_button.isVisibleTo(home)

    # The ends reached the Sandbox: those offers are no longer on sale there.
    control = SandboxControl(done.url.rsplit("/", 1)[0])
    for action in plan.ends:
        assert control.offer(action.offer_id)["state"] != "active"

    # "See the orders" shows them.
    qtbot.mouseClick(home.orders_button, Qt.MouseButton.LeftButton)
    orders_screen = window.screen("orders")
    assert window.stack.currentWidget() is orders_screen
    qtbot.waitUntil(lambda: orders_screen.model.rowCount() == orders, timeout=10_000)


def test_f5_syncs_from_any_screen(qtbot, window, monkeypatch):
    calls = []
    sync_screen = window.show_screen("sync")
    monkeypatch.setattr(type(sync_screen), "sync_now", lambda self, auto=False: calls.append(auto) or True)
    window.show_screen("inventory")
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert calls == [False]
    assert window.stack.currentWidget() is sync_screen
    assert window.sync_action.shortcut().toString() == "F5"


def test_a_failed_demo_set_up_says_why_and_can_be_tried_again(qtbot, window, monkeypatch):
    from core import secrets

    def no_keyring():
        raise secrets.KeyringUnavailable()

    monkeypatch.setattr(secrets, "check_available", no_keyring)
    home = window.screen("home")
    with qtbot.waitSignal(home.demo_failed, timeout=60_000):
        qtbot.mouseClick(home.demo_button, Qt.MouseButton.LeftButton)
    assert "No password keyring is available" in home.demo_status.text()
    assert home.demo_button.isEnabled() and home.demo_button.text() == "Try &again"
    assert not home.sync_button.isEnabled()
    assert Channel.select().count() == 0


def test_a_channel_being_typed_in_is_not_left_for_add_new_channel(qtbot, window):
    window.open_channel_integration()
    dialog = window._channel_window
    dialog.open_integration()
    qtbot.keyClicks(dialog.integration_page.form.sub_source, "MojeAllegro")
    qtbot.mouseClick(window.screen("home").production_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentWidget() is dialog.integration_page
    assert dialog.integration_page.form.sub_source.text() == "MojeAllegro"
    dialog.close()
