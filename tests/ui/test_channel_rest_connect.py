"""Add New Channel → Allegro.pl (REST) → Connect with Allegro, on real widgets and the sandbox."""
from __future__ import annotations

from PySide6.QtCore import Qt

from core.allegro.environments import RestEndpoints
from core.allegro.rest.tokens import load_tokens, store_application, token_account
from core.models import Channel
from tests.sandbox_fixtures import sandbox_control, sandbox_server  # noqa: F401
from tests.ui.channel_helpers import messages, paths, window, world  # noqa: F401
from ui.channels.connect_dialog import ConnectDialog
from ui.channels.rest_form import ADDRESS

WAIT = 20_000  # the first poll comes after Allegro's 5 s interval


def test_add_new_channel_lists_rest_first_and_the_webapi_as_legacy(qtbot, window):  # noqa: F811
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    assert list(window.add_page.integrate_buttons) == ["allegro_rest", "allegro"]
    assert window.add_page.integrate_buttons["allegro_rest"].hasFocus()
    texts = " ".join(label.text() for label in window.add_page.findChildren(type(window.hint)))
    assert "<b>Allegro.pl</b>" in texts and "<b>Allegro.pl WebAPI (legacy)</b>" in texts
    qtbot.mouseClick(window.add_page.integrate_buttons["allegro"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.integration_page  # today's form, unchanged


def test_connect_with_allegro_saves_a_rest_channel_connected_as_the_seller(
    qtbot, window, world, sandbox_server, paths, memory_keyring  # noqa: F811
):
    store_application(sandbox_server.rest_url, paths, "SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.add_page.integrate_buttons["allegro_rest"], Qt.MouseButton.LeftButton)
    page = window.rest_page
    assert window.stack.currentWidget() is page

    assert page.connect_with_allegro() is None  # no SubSource yet
    assert "Enter a SubSource" in page.problem.text()

    qtbot.keyClicks(page.sub_source, "Sklep REST")
    page.environment.setCurrentIndex(page.environment.findData(ADDRESS))
    page.address.setText(sandbox_server.rest_url)
    dialog = page.connect_with_allegro()
    qtbot.waitUntil(lambda: dialog.code is not None, timeout=WAIT)
    code = dialog.code
    assert dialog.user_code.text() == code.display_code
    assert code.verification_uri_complete in dialog.link.text()
    assert not dialog.qr.pixmap().isNull()
    assert dialog.countdown.text().startswith("The code is valid for 59:") or "60:00" in dialog.countdown.text()

    world.approve_device(code.user_code)
    qtbot.waitUntil(lambda: dialog.result.text() != "", timeout=WAIT)

    assert dialog.result.text() == "Connected as sandbox-seller."
    channel = Channel.get(Channel.sub_source == "Sklep REST")
    assert (channel.api, channel.username, channel.environment) == ("rest", "sandbox-seller", sandbox_server.rest_url)
    assert load_tokens(token_account(channel))["refresh_token"]
    assert window.stack.currentWidget() is window.list_page
    assert window.selected_channel_id() == channel.id
    dialog.shutdown()


def test_a_denied_approval_says_so_and_saves_nothing(qtbot, world, sandbox_server):  # noqa: F811
    endpoints = RestEndpoints(sandbox_server.rest_url, sandbox_server.rest_url, sandbox_server.rest_url)
    dialog = ConnectDialog(endpoints, "SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")
    qtbot.addWidget(dialog)
    connected = []
    dialog.connected.connect(lambda token, login: connected.append(login))
    dialog.begin()
    qtbot.waitUntil(lambda: dialog.code is not None, timeout=WAIT)
    world.deny_device(dialog.code.user_code)
    qtbot.waitUntil(lambda: dialog.result.text() != "", timeout=WAIT)
    assert dialog.result.text() == "The connection was refused on Allegro's page."
    assert connected == []
    assert dialog.close_button.text() == "Close"
    dialog.shutdown()


def test_a_wrong_application_secret_is_explained_in_the_dialog(qtbot, world, sandbox_server):  # noqa: F811
    endpoints = RestEndpoints(sandbox_server.rest_url, sandbox_server.rest_url, sandbox_server.rest_url)
    dialog = ConnectDialog(endpoints, "SANDBOX-CLIENT-ID", "nope")
    qtbot.addWidget(dialog)
    dialog.begin()
    qtbot.waitUntil(lambda: dialog.result.text() != "", timeout=WAIT)
    assert "check them in Preferences" in dialog.result.text()
    dialog.shutdown()


def test_a_rest_channels_options_save_and_keep_its_connection(qtbot, window, memory_keyring):  # noqa: F811
    from core import channels

    channel = Channel.create(sub_source="Sklep REST", username="sandbox-seller", api_key="", api_key_version=0,
                             environment="allegrosandbox", api="rest")
    window.open_config(channel.id)
    page = window.config_page
    page.inventory_sync.setChecked(True)
    page.end_listings.setChecked(True)
    assert page.save()

    saved = channels.load(channel.id)
    assert (saved.api, saved.environment, saved.username) == ("rest", "allegrosandbox", "sandbox-seller")
    assert (saved.inventory_sync, saved.end_listings) == (True, True)


def test_test_on_a_rest_channel_says_ok_with_the_account_login(
    qtbot, window, world, sandbox_server, paths, messages, memory_keyring  # noqa: F811
):
    from core.allegro.rest.connect import save_connection
    from core.allegro.rest.device_flow import DeviceFlow
    from tests.ui.channel_helpers import run_test

    store_application(sandbox_server.rest_url, paths, "SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")
    channel = Channel.create(sub_source="Sklep REST", username="", api_key="", api_key_version=0,
                             environment=sandbox_server.rest_url, api="rest")
    endpoints = RestEndpoints(sandbox_server.rest_url, sandbox_server.rest_url, sandbox_server.rest_url)
    flow = DeviceFlow(endpoints, "SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET", sleep=lambda s: None)
    code = flow.start()
    world.approve_device(code.user_code)
    save_connection(channel, paths, flow.poll(code))
    window.open_config(channel.id)

    run_test(qtbot, window.config_page.account, messages)

    assert "OK" in messages.texts[-1]
    assert window.config_page.account.status.text() == "OK: connected to Allegro as sandbox-seller."
