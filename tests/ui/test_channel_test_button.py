"""Test: every answer Allegro can give, provoked on the sandbox, told in the seller's words."""
from __future__ import annotations

from PySide6.QtCore import Qt

from core import channels
from core.allegro import local_sandbox
from tests.sandbox_fixtures import sandbox_control, sandbox_server  # noqa: F401
from tests.ui.channel_helpers import (  # noqa: F401
    closed_port_url,
    fill,
    fill_account,
    messages,
    paths,
    run_test,
    window,
    world,
)


def integration_form(window):
    window.open_add_channel()
    window.open_integration()
    return window.integration_page.form


def test_wrong_password(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    form = integration_form(window)
    fill_account(form, password="nie-to-hasło", url=sandbox_server.url)
    shown = run_test(qtbot, form, messages)
    assert (shown.title, shown.text) == ("Test failed", "Allegro rejected the username or password.")
    assert form.status.text() == "Allegro rejected the username or password."


def test_invalid_or_blocked_api_key(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    form = integration_form(window)
    fill_account(form, key="NOT-MY-KEY", url=sandbox_server.url)
    shown = run_test(qtbot, form, messages)
    assert shown.text == "Allegro rejected the WebAPI key. Check the key in My Allegro → WebAPI."


def test_version_key_changed_offers_the_current_one_and_one_click_fills_it(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    world.set_version_key(1777)
    form = integration_form(window)
    fill_account(form, version="1505", url=sandbox_server.url)
    messages.answers = ["use"]
    shown = run_test(qtbot, form, messages)
    assert shown.text == "Allegro's current Api Key Version is 1777, not 1505. Use 1777?"
    assert shown.buttons == {"use": "Use 1777", "keep": "Keep what I typed"}
    assert form.api_key_version.text() == "1777"
    assert run_test(qtbot, form, messages).text == "OK"


def test_version_key_kept_when_the_seller_says_so(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    world.set_version_key(1778)
    form = integration_form(window)
    fill_account(form, version="1505", url=sandbox_server.url)
    messages.answers = ["keep"]
    run_test(qtbot, form, messages)
    assert form.api_key_version.text() == "1505"


def test_captcha_after_repeated_bad_logins(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    form = integration_form(window)
    fill_account(form, password="zgadywanie", url=sandbox_server.url)
    texts = [run_test(qtbot, form, messages).text for _ in range(5)]
    assert texts[:4] == ["Allegro rejected the username or password."] * 4
    assert texts[4] == "Too many failed logins: log in once on allegro.pl in a browser, then try again."
    fill(form.password, "sandbox-pass-1")  # even the right password is refused now
    assert run_test(qtbot, form, messages).text == texts[4]


def test_connection_refused_names_the_address(qtbot, window, messages):
    url = closed_port_url()
    form = integration_form(window)
    fill_account(form, url=url)
    shown = run_test(qtbot, form, messages)
    assert shown.text == f"Could not connect to Allegro at {url}."


def test_timeout_names_the_address(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    world.set_faults(latency_ms=1500)
    form = integration_form(window)
    form.test_timeout = 0.3
    fill_account(form, url=sandbox_server.url)
    shown = run_test(qtbot, form, messages)
    assert shown.text == f"Allegro at {sandbox_server.url} did not answer in time."


def test_test_runs_in_the_background_and_cancel_stops_waiting(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    world.set_faults(latency_ms=600)  # per call: the version key, then the login
    form = integration_form(window)
    fill_account(form, url=sandbox_server.url)
    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    # busy: the button says so and is off, Cancel is offered
    assert form.testing
    assert not form.test_button.isEnabled() and form.test_button.text() == "Testing…"
    assert form.cancel_button.isVisible() and form.busy.isVisible()
    # the window answers meanwhile: the seller can keep typing
    fill(form.sub_source, "Pisane w trakcie")
    assert form.sub_source.text() == "Pisane w trakcie"
    worker = form._worker
    with qtbot.waitSignal(form.test_finished) as finished:
        qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args == ["cancelled"]
    assert form.test_button.isEnabled() and form.test_button.text() == "&Test"
    assert not form.cancel_button.isVisible()
    assert form.status.text() == "Test cancelled."
    # the late answer arrives and is ignored
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        pass
    assert messages.shown == []


def test_a_saved_channel_tests_with_the_password_in_the_keyring(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    saved = channels.save(
        channels.ChannelConfig(
            sub_source="Zapisany", username="sandbox-seller", password="sandbox-pass-1",
            api_key="SANDBOX-WEBAPI-KEY", api_key_version="1505", environment=sandbox_server.url,
        )
    )
    window.open_config(saved.id)
    account = window.config_page.account
    assert account.password.text() == "" and account.has_stored_password
    assert run_test(qtbot, account, messages).text == "OK"


def test_the_sandbox_environment_starts_the_emulator_in_this_process(qtbot, window, messages, paths):  # noqa: F811
    form = integration_form(window)
    assert form.environment.currentData() == "sandbox"
    try:
        qtbot.mouseClick(form.demo_button, Qt.MouseButton.LeftButton)
        assert (form.username.text(), form.api_key.text()) == ("sandbox-seller", "SANDBOX-WEBAPI-KEY")
        shown = run_test(qtbot, form, messages, timeout=30_000)
        assert shown.text == "OK"
        assert local_sandbox.running_here(paths)
        assert paths.sandbox_state.exists()
        url = local_sandbox.ensure_running(paths)
        assert url in shown.details and url.startswith("http://127.0.0.1:")
    finally:
        local_sandbox.stop(paths)


def test_closing_the_window_stops_waiting_for_a_test(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    world.set_faults(latency_ms=400)
    form = integration_form(window)
    fill_account(form, url=sandbox_server.url)
    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    worker = form._worker
    with qtbot.waitSignal(form.test_finished) as finished:
        window.close()
    assert finished.args == ["cancelled"]
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        pass
    assert messages.shown == []
