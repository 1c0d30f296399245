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


def _connected_rest_channel(world, sandbox_server, paths, name="Sklep REST"):  # noqa: F811
    from core.allegro.rest.connect import save_connection
    from core.allegro.rest.device_flow import DeviceFlow

    store_application(sandbox_server.rest_url, paths, "SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET")
    channel = Channel.create(sub_source=name, username="", api_key="", api_key_version=0,
                             environment=sandbox_server.rest_url, api="rest")
    endpoints = RestEndpoints(sandbox_server.rest_url, sandbox_server.rest_url, sandbox_server.rest_url)
    flow = DeviceFlow(endpoints, "SANDBOX-CLIENT-ID", "SANDBOX-CLIENT-SECRET", sleep=lambda s: None)
    code = flow.start()
    world.approve_device(code.user_code)
    save_connection(channel, paths, flow.poll(code))
    return Channel.get_by_id(channel.id)


def test_a_rest_channels_account_tab_shows_only_what_rest_has(
    qtbot, window, world, sandbox_server, paths, memory_keyring  # noqa: F811
):
    from tests.ui.test_channel_config import _labels, _mnemonic

    channel = _connected_rest_channel(world, sandbox_server, paths)
    window.open_config(channel.id)
    page = window.config_page
    page.tabs.setCurrentIndex(1)
    account = page.account

    assert account is page.rest_account
    for webapi_field in ("username", "password", "api_key", "api_key_version"):
        assert not page.webapi_account.fields[webapi_field].isVisible()
    shown = {label.text() for label in page.tabs.widget(1).findChildren(type(page.title)) if label.isVisible()}
    assert not shown & {"&Username", "&Password", "Api &Key", "Api Key &Version"}
    assert account.environment.isVisible() and account.environment.text() == sandbox_server.rest_url
    assert account.login.text() == "sandbox-seller"
    assert account.connect_button.isVisible() and account.connect_button.text() == "&Reconnect with Allegro…"
    assert account.test_button.isVisible()
    keys = [_mnemonic(label.text()) for label in _labels(account)]
    keys += [_mnemonic(account.connect_button.text()), _mnemonic(account.test_button.text())]
    keys += [_mnemonic(page.tabs.tabText(i)) for i in range(page.tabs.count())]
    assert len(keys) == len(set(keys)), keys


def test_a_webapi_channel_opened_after_a_rest_one_shows_its_webapi_fields_again(qtbot, window, memory_keyring):  # noqa: F811
    from core import channels

    rest = Channel.create(sub_source="Sklep REST", username="x", api_key="", api_key_version=0,
                          environment="allegrosandbox", api="rest")
    webapi = channels.save(channels.ChannelConfig(sub_source="Stary", username="seller", password="p",
                                                  api_key="K", api_key_version="1505"))
    window.open_config(rest.id)
    window.show_list()
    window.open_config(webapi.id)
    page = window.config_page
    page.tabs.setCurrentIndex(1)
    assert page.account is page.webapi_account
    assert page.account.username.isVisible() and page.account.username.text() == "seller"
    assert page.account.api_key_version.text() == "1505"
    assert not page.rest_account.isVisible()


def test_a_rest_channel_without_tokens_says_not_connected_and_offers_connect(qtbot, window, memory_keyring):  # noqa: F811
    channel = Channel.create(sub_source="Sklep REST", username="", api_key="", api_key_version=0,
                             environment="allegrosandbox", api="rest")
    window.open_config(channel.id)
    account = window.config_page.account
    assert account.login.text() == "Not connected: use Connect with Allegro."
    assert account.connect_button.text() == "&Connect with Allegro…"


def test_reconnect_on_the_account_tab_stores_a_new_login_and_renaming_keeps_it(
    qtbot, window, world, sandbox_server, paths, memory_keyring  # noqa: F811
):
    from core import channels

    channel = _connected_rest_channel(world, sandbox_server, paths)
    before = load_tokens(token_account(channel))["refresh_token"]
    window.open_config(channel.id)
    page = window.config_page
    dialog = page.account.reconnect()
    qtbot.waitUntil(lambda: dialog.code is not None, timeout=WAIT)
    world.approve_device(dialog.code.user_code)
    qtbot.waitUntil(lambda: dialog.result.text() != "", timeout=WAIT)

    assert dialog.result.text() == "Connected as sandbox-seller."
    assert load_tokens(token_account(channel))["refresh_token"] != before
    assert page.account.test_state() == "ok"
    assert page.message.text() == "Connected as sandbox-seller. The new login is in the keyring."
    page.account.sub_source.setText("Sklep REST 2")
    assert page.save()
    saved = channels.load(channel.id)
    assert (saved.sub_source, saved.api, saved.username) == ("Sklep REST 2", "rest", "sandbox-seller")
    assert load_tokens(token_account(Channel.get_by_id(channel.id)))["refresh_token"]
    dialog.shutdown()


def test_an_empty_subsource_on_a_rest_channels_account_tab_is_refused_next_to_the_field(
    qtbot, window, memory_keyring  # noqa: F811
):
    from core import channels

    channel = Channel.create(sub_source="Sklep REST", username="x", api_key="", api_key_version=0,
                             environment="allegrosandbox", api="rest")
    window.open_config(channel.id)
    page = window.config_page
    page.account.sub_source.setText("")
    assert not page.save()
    assert page.tabs.currentIndex() == 1
    assert page.account.errors["sub_source"].isVisibleTo(page) and page.account.errors["sub_source"].text()
    assert channels.load(channel.id).sub_source == "Sklep REST"
    page.account.sub_source.setText("Nowa nazwa")
    assert page.account.errors["sub_source"].isHidden()
