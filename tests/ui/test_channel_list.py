"""The channel list: a checked table model, toggles in place, last sync, delete."""
from __future__ import annotations

from datetime import UTC, datetime

import keyring
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from core import channels, secrets
from core.models import Channel, Order
from tests.ui.channel_helpers import messages, paths, window  # noqa: F401
from ui.channels.list_model import ENABLED, ENVIRONMENT, INVENTORY_SYNC, LAST_SYNC, OUTCOME, SUB_SOURCE, ChannelListModel


def add(name: str, **options) -> channels.ChannelConfig:
    return channels.save(
        channels.ChannelConfig(
            sub_source=name, username="sklep", password=f"pw-{name}", api_key="K", api_key_version="1", **options
        )
    )


@pytest.fixture
def three(db):
    a = add("Allegro Łódź", inventory_sync=True)
    b = add("Allegro Gdańsk", environment="production", enabled=False)
    c = add("Zapas", environment="http://127.0.0.1:8080/service.php")
    Channel.update(last_sync_at=datetime(2024, 5, 1, 12, 30), last_sync_outcome="failed").where(Channel.id == a.id).execute()
    return a, b, c


def cell(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_the_model_passes_qtmodeltester(qtmodeltester, three):
    model = ChannelListModel()
    model.refresh()
    qtmodeltester.check(model, force_py=True)
    model.setData(model.index(0, ENABLED), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    qtmodeltester.check(model, force_py=True)


def test_rows_show_name_environment_toggles_last_sync_and_outcome(window, three):
    model = window.model
    assert [cell(model, r, SUB_SOURCE) for r in range(3)] == ["Allegro Gdańsk", "Allegro Łódź", "Zapas"]
    assert [cell(model, r, ENVIRONMENT) for r in range(3)] == ["Production", "Sandbox", "http://127.0.0.1:8080/service.php"]
    checked = Qt.ItemDataRole.CheckStateRole
    assert [cell(model, r, ENABLED, checked) for r in range(3)] == [Qt.CheckState.Unchecked, Qt.CheckState.Checked, Qt.CheckState.Checked]
    assert [cell(model, r, INVENTORY_SYNC, checked) for r in range(3)] == [Qt.CheckState.Unchecked, Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    local = datetime(2024, 5, 1, 12, 30, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert [cell(model, r, LAST_SYNC) for r in range(3)] == ["Never", local, "Never"]
    assert [cell(model, r, OUTCOME) for r in range(3)] == ["—", "Failed", "—"]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "SubSource", "Environment", "Enabled", "Inventory Sync", "Last sync", "Outcome",
    ]


def _click_check(qtbot, table, row, column):
    index = table.model().index(row, column)
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(index)
    option.features = QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, table)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def test_clicking_a_toggle_stores_it_at_once(qtbot, window, three):
    a, b, _ = three
    _click_check(qtbot, window.table, 0, ENABLED)  # Allegro Gdańsk: on
    _click_check(qtbot, window.table, 1, INVENTORY_SYNC)  # Allegro Łódź: off
    assert channels.load(b.id).enabled is True
    assert channels.load(a.id).inventory_sync is False
    window.table.setCurrentIndex(window.model.index(2, ENABLED))
    qtbot.keyClick(window.table, Qt.Key.Key_Space)  # the keyboard way
    assert channels.find("Zapas").enabled is False


def test_delete_asks_first_then_removes_the_channel_and_its_password(qtbot, window, three, messages, memory_keyring):
    a, _, _ = three
    Order.create(channel=a.id, form_id=1)
    window.select_channel(a.id)
    messages.answers = ["cancel"]
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert messages.shown[0].text == "Delete the channel “Allegro Łódź”?"
    assert messages.shown[0].details == (
        "Its 1 order and 0 listings are removed from this app, and its password from the keyring. "
        "Nothing changes on Allegro."
    )
    assert messages.shown[0].buttons == {"delete": "Delete", "cancel": "Cancel"}
    assert window.model.rowCount() == 3 and "pw-Allegro Łódź" in memory_keyring.passwords.values()

    messages.answers = ["delete"]
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert [cell(window.model, r, SUB_SOURCE) for r in range(window.model.rowCount())] == ["Allegro Gdańsk", "Zapas"]
    assert "pw-Allegro Łódź" not in memory_keyring.passwords.values()
    assert len(memory_keyring.passwords) == 2


def test_delete_without_a_keyring_keeps_the_channel(qtbot, window, three, messages):
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())
    window.select_channel(three[0].id)
    messages.answers = ["delete"]
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert messages.texts[-1] == secrets.NO_KEYRING
    assert window.model.rowCount() == 3


def test_an_empty_list_says_how_to_start(window):
    assert window.model.rowCount() == 0
    assert window.hint.text() == "No channels yet. Press Add New Channel to connect an Allegro account."
    assert not window.configure_button.isEnabled() and not window.delete_button.isEnabled()


def test_add_new_channel_sits_at_the_top_right(window):
    button = window.add_button
    top_right = button.mapTo(window, QPoint(button.width(), 0))
    assert window.width() - top_right.x() < 40
    assert top_right.y() < 40
