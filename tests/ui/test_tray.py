"""The tray icon while auto-sync runs: closing the window hides it there (saying so once),
the icon tells how the last sync went and its last problem, and its menu opens, syncs, quits."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from core import channels
from core.models import SyncRun, utcnow
from core.paths import app_paths
from ui import preferences
from ui.main_window import MainWindow
from ui.tray import SyncTray, sync_status


@pytest.fixture
def tray_desktop(monkeypatch):
    """A desktop with a tray: the icon's visibility and messages are recorded, not shown
    (the offscreen platform has no tray)."""
    shown = {"visible": False, "messages": []}
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "setVisible", lambda self, on: shown.update(visible=on))
    monkeypatch.setattr(QSystemTrayIcon, "hide", lambda self: shown.update(visible=False))
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda self, title, text, *args: shown["messages"].append((title, text))
    )
    yield shown
    QApplication.setQuitOnLastWindowClosed(True)


@pytest.fixture
def paths(data_dir):
    return app_paths(data_dir)


def channel(name: str) -> int:
    config = channels.ChannelConfig(sub_source=name, username="seller", password="p", api_key="K", api_key_version="1")
    return channels.save(config).id


def run(channel_id: int, outcome: str, errors: str = "", minutes_ago: int = 1, **counts) -> SyncRun:
    finished = None if outcome == "running" else utcnow() - timedelta(minutes=minutes_ago)
    return SyncRun.create(
        channel=channel_id, outcome=outcome, finished_at=finished, errors=errors, counts=json.dumps(counts)
    )


def open_window(qtbot, paths) -> MainWindow:
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


# --- what it says -------------------------------------------------------------------------


def test_status_of_each_channels_latest_run(qtbot, db):
    shop, other = channel("Sklep"), channel("Hurtownia")
    assert sync_status().last_finished is None
    run(shop, "failed", "Allegro rejected the username or password.", minutes_ago=30)
    run(shop, "ok", "Note: 2 order items are not linked", minutes_ago=5, waiting_for_confirmation=3)
    run(other, "partial", "Offer 7100000001: Allegro refused the quantity.", minutes_ago=2)
    status = sync_status()
    assert status.outcomes == (("Hurtownia", "partial"), ("Sklep", "ok"))  # the older failure is history
    assert status.problems == ("Hurtownia: Offer 7100000001: Allegro refused the quantity.",)
    assert status.waiting == 3 and not status.ok
    tray = SyncTray()
    tray.refresh()
    assert "Hurtownia done with problems" in tray.status_action.text()
    assert "3 waiting for your confirmation" in tray.status_action.text()
    assert tray.problem_action.text() == "Last problem: Hurtownia: Offer 7100000001: Allegro refused the quantity."
    assert tray.problem_action.isVisible()
    assert len(tray.icon.toolTip()) <= 120
    run(other, "running")
    assert tray.refresh().running == ("Hurtownia",)
    assert tray.status_action.text() == "Syncing Hurtownia…"


def test_all_done_and_no_problem_shown(qtbot, db):
    run(channel("Sklep"), "ok", minutes_ago=1)
    tray = SyncTray()
    tray.refresh()
    assert tray.status_action.text().startswith("Last sync ") and tray.status_action.text().endswith(": all done")
    assert not tray.problem_action.isVisible()


def test_no_tray_on_the_desktop_means_no_icon(qtbot, db):
    tray = SyncTray()
    assert not SyncTray.available()  # offscreen has none
    assert tray.set_active(True) is False
    assert not tray.active and not tray.timer.isActive()


# --- the window and the tray ------------------------------------------------------------------


def test_without_auto_sync_closing_the_window_closes_it(qtbot, db, paths, tray_desktop):
    window = open_window(qtbot, paths)
    assert not window.tray.active and tray_desktop["visible"] is False
    window.close()
    assert not window.isVisible()
    assert tray_desktop["messages"] == []


def test_with_auto_sync_closing_hides_to_the_tray_and_says_so_once(qtbot, db, paths, tray_desktop):
    preferences.set_auto_sync(True, 15)
    window = open_window(qtbot, paths)
    assert window.tray.active and tray_desktop["visible"] is True
    sync = window.screen("sync")
    assert sync.auto_timer.isActive()

    window.close()
    assert not window.isVisible()  # hidden, not closed: auto-sync goes on
    assert sync.auto_timer.isActive()
    assert [t for t, _ in tray_desktop["messages"]] == ["Allegro Channel Manager keeps syncing"]
    assert not QApplication.quitOnLastWindowClosed()  # a dialog closing now must not end the app

    window.tray.open_action.trigger()
    assert window.isVisible()
    window.close()
    assert len(tray_desktop["messages"]) == 1  # the notice comes once, ever

    window.tray.quit_action.trigger()  # Quit really ends it
    assert window._quitting and not window.isVisible()
    assert not sync.auto_timer.isActive()  # the screens were shut down
    assert tray_desktop["visible"] is False


def test_a_run_that_fails_while_the_window_is_closed_is_announced_once(qtbot, db, paths, tray_desktop):
    shop = channel("Sklep")
    run(shop, "failed", "An old problem, before the app started.", minutes_ago=60)
    preferences.set_auto_sync(True, 15)
    window = open_window(qtbot, paths)
    window.close()
    tray_desktop["messages"].clear()
    window.tray.refresh()
    assert tray_desktop["messages"] == []  # what happened before start is not news

    run(shop, "failed", "Allegro rejected the username or password.")
    window.tray.refresh()
    assert tray_desktop["messages"] == [("Sync problem", "Sklep: Allegro rejected the username or password.")]
    window.tray.refresh()
    assert len(tray_desktop["messages"]) == 1

    run(shop, "ok", waiting_for_confirmation=4)
    window.tray.refresh()
    assert tray_desktop["messages"][-1][0] == "Listings wait for you"
    assert "4 listings to end or relist wait" in tray_desktop["messages"][-1][1]
    window.quit_app()


def test_the_sync_screens_auto_switch_drives_the_tray(qtbot, db, paths, tray_desktop):
    window = open_window(qtbot, paths)
    sync = window.show_screen("sync")
    sync.auto.setChecked(True)
    assert window.tray.active and tray_desktop["visible"] is True
    sync.auto.setChecked(False)
    assert not window.tray.active and tray_desktop["visible"] is False
    window.quit_app()


def test_tray_sync_now_opens_the_window_and_syncs(qtbot, db, paths, tray_desktop, monkeypatch):
    preferences.set_auto_sync(True, 15)
    window = open_window(qtbot, paths)
    window.close()
    calls = []
    sync = window.screen("sync")
    monkeypatch.setattr(type(sync), "sync_now", lambda self, auto=False: calls.append(auto) or True)
    window.tray.sync_action.trigger()
    assert window.isVisible() and calls == [False]
    assert window.stack.currentWidget() is sync
    assert QApplication.quitOnLastWindowClosed()
    window.quit_app()


def test_file_quit_ctrl_q_quits_even_with_auto_sync_on(qtbot, db, paths, tray_desktop):
    preferences.set_auto_sync(True, 15)
    window = open_window(qtbot, paths)
    file_menu = window.menuBar().actions()[0].menu()
    quit_action = [a for a in file_menu.actions() if a.text() == "&Quit"][0]
    assert "Ctrl+Q" in [k.toString() for k in quit_action.shortcuts()]  # also where the platform names none
    quit_action.trigger()
    assert window._quitting and not window.isVisible()
    assert tray_desktop["messages"] == []  # quitting is not hiding: no "keeps syncing" notice
