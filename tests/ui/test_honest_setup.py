"""Honest set-up: Save after a failed or missing Test asks and saves the channel disabled,
the unsaved-changes prompt does not default to Save after a failed Test, and a second
channel on the same Allegro account is refused unless the seller insists."""
from __future__ import annotations

from PySide6.QtCore import Qt

from core import channels
from core.models import Channel
from tests.sandbox_fixtures import sandbox_control, sandbox_server  # noqa: F401
from tests.ui.channel_helpers import fill, fill_account, messages, paths, run_test, window, world  # noqa: F401

UNTESTED = "This channel has not been tested with these account details."
FAILED = "The last Test of this channel failed."


def integration_form(window):
    window.open_add_channel()
    window.open_integration()
    return window.integration_page.form


def save(qtbot, window):
    qtbot.mouseClick(window.integration_page.save_button, Qt.MouseButton.LeftButton)


def test_save_after_a_failed_test_asks_and_saves_the_channel_disabled(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    form = integration_form(window)
    fill_account(form, password="nie-to-hasło", url=sandbox_server.url)
    assert run_test(qtbot, form, messages).title == "Test failed"
    save(qtbot, window)
    asked = messages.shown[-1]
    assert asked.text == FAILED
    assert asked.buttons == {"disabled": "Save it disabled", "enabled": "Save it enabled anyway", "cancel": "Cancel"}
    assert "left out of every sync" in asked.details
    channel = Channel.get(Channel.sub_source == "Sklep Źdźbło")
    assert channel.enabled is False  # the first (default) answer


def test_the_seller_may_save_it_enabled_or_not_at_all(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    form = integration_form(window)
    fill_account(form, password="nie-to-hasło", url=sandbox_server.url)
    run_test(qtbot, form, messages)
    messages.answers = ["cancel"]
    save(qtbot, window)
    assert Channel.select().count() == 0
    assert window.integration_page.message.text() == "The channel was not saved."
    messages.answers = ["enabled"]
    save(qtbot, window)
    assert Channel.get().enabled is True


def test_save_without_any_test_asks_too_and_a_passing_test_asks_nothing(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    form = integration_form(window)
    fill_account(form, url=sandbox_server.url)
    save(qtbot, window)
    assert messages.texts == [UNTESTED] and Channel.get().enabled is False

    form = integration_form(window)
    fill_account(form, sub_source="Drugi sklep", url=sandbox_server.url)
    assert run_test(qtbot, form, messages).text == "OK"
    before = len(messages.shown)
    messages.answers = ["insist"]  # the same account as the first channel
    save(qtbot, window)
    asked = [m.text for m in messages.shown[before:]]
    assert len(asked) == 1 and asked[0].startswith("The channel Sklep Źdźbło already connects")
    assert Channel.get(Channel.sub_source == "Drugi sklep").enabled is True  # tested OK: no question about it


def test_changing_the_account_after_a_passing_test_asks_again(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    form = integration_form(window)
    fill_account(form, url=sandbox_server.url)
    assert run_test(qtbot, form, messages).text == "OK"
    fill(form.api_key, "INNY-KLUCZ")
    save(qtbot, window)
    assert messages.texts[-1] == UNTESTED and Channel.get().enabled is False


def test_a_second_channel_on_the_same_account_is_refused_unless_the_seller_insists(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    channels.save(
        channels.ChannelConfig(
            sub_source="Pierwszy", username="Sandbox-Seller", password="p", api_key="K", api_key_version="1505",
            environment=sandbox_server.url,
        )
    )
    form = integration_form(window)
    fill_account(form, sub_source="Drugi", url=sandbox_server.url)
    save(qtbot, window)  # the first answer: Do not add it
    asked = messages.shown[-1]
    assert asked.text == (
        "The channel Pierwszy already connects the Allegro account sandbox-seller on this environment. A second "
        "channel on the same account reads the same listings and orders, so every listing would be counted, "
        "linked and kept in step twice."
    )
    assert asked.buttons == {"cancel": "Do not add it", "insist": "Add it anyway"}
    assert [c.sub_source for c in Channel.select()] == ["Pierwszy"]

    messages.answers = ["insist", "disabled"]
    save(qtbot, window)
    assert sorted(c.sub_source for c in Channel.select()) == ["Drugi", "Pierwszy"]


def test_the_same_login_on_another_environment_is_not_a_duplicate(db, sandbox_server):  # noqa: F811
    first = channels.save(
        channels.ChannelConfig(sub_source="A", username="seller", password="p", api_key="K", api_key_version="1")
    )
    other = channels.ChannelConfig(sub_source="B", username="seller", api_key="K", api_key_version="1", environment="production")
    assert channels.same_account(other) == []
    assert channels.same_account(channels.ChannelConfig(sub_source="C", username="SELLER ", environment="sandbox")) == ["A"]
    assert channels.same_account(first) == []  # itself does not count


def test_the_unsaved_changes_prompt_does_not_default_to_save_after_a_failed_test(
    qtbot, window, messages, sandbox_server, world, monkeypatch  # noqa: F811
):
    saved = channels.save(
        channels.ChannelConfig(
            sub_source="Sklep", username="sandbox-seller", password="sandbox-pass-1", api_key="SANDBOX-WEBAPI-KEY",
            api_key_version="1505", environment=sandbox_server.url,
        )
    )
    window.open_config(saved.id)
    config = window.config_page
    config.tabs.setCurrentIndex(1)
    fill(config.account.password, "złe-hasło")
    assert run_test(qtbot, config.account, messages).title == "Test failed"

    from ui.channels.message import Message

    defaults = []
    logged = Message.ask  # the messages fixture's

    def answer_with_the_default(cls, box):
        if not box.text().startswith("Save the changes"):
            return logged(box)
        default = next(name for button, name in box._names.items() if button is box.defaultButton())
        defaults.append((box.text(), default))
        return "stay"  # Enter on the prompt would choose `default`; stay to look at it again

    monkeypatch.setattr(Message, "ask", classmethod(answer_with_the_default))
    config.leave()
    assert defaults == [("Save the changes to “Sklep”?", "stay")]
    assert window.stack.currentWidget() is config  # kept editing, nothing saved
    assert channels.stored_password(saved.id) == "sandbox-pass-1"

    fill(config.account.password, "sandbox-pass-1")
    assert run_test(qtbot, config.account, messages).text == "OK"
    config.leave()
    assert defaults[-1] == ("Save the changes to “Sklep”?", "save")  # after a passing Test, Save is the default

def test_using_allegros_version_key_after_a_test_counts_as_not_tested_yet(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    world.set_version_key(1777)
    form = integration_form(window)
    fill_account(form, version="1505", url=sandbox_server.url)
    messages.answers = ["use"]
    run_test(qtbot, form, messages)
    assert form.api_key_version.text() == "1777" and form.test_state() == "untested"
    assert run_test(qtbot, form, messages).text == "OK" and form.test_state() == "ok"


def test_enabling_a_channel_saved_disabled_asks_until_it_is_tested(qtbot, window, messages, sandbox_server, world):  # noqa: F811
    saved = channels.save(
        channels.ChannelConfig(
            sub_source="Sklep", username="sandbox-seller", password="sandbox-pass-1", api_key="SANDBOX-WEBAPI-KEY",
            api_key_version="1505", environment=sandbox_server.url, enabled=False,
        )
    )
    window.open_config(saved.id)
    config = window.config_page
    config.enabled.setChecked(True)
    qtbot.mouseClick(config.save_button, Qt.MouseButton.LeftButton)  # the first answer: Save it disabled
    assert messages.texts == [UNTESTED] and channels.load(saved.id).enabled is False
    config.enabled.setChecked(True)
    assert run_test(qtbot, config.account, messages).text == "OK"
    qtbot.mouseClick(config.save_button, Qt.MouseButton.LeftButton)
    assert messages.texts[-1] == "OK" and channels.load(saved.id).enabled is True  # tested: nothing asked
