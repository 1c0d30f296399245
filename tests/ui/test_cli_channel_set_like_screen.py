"""`main.py channel set` refuses exactly what the Config screen refuses, with the same sentence.

Each case is typed into the real ChannelConfigScreen (saved there, its red sentence read
back) and given to the command on the same database; both must refuse, with one sentence,
and change nothing. Values the screen cannot even offer (a 4-day duration) are compared
with core.channels.validate, the check the screen's Save runs.
"""
from __future__ import annotations

import io
import sys
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime

from core import channels
from core.cli import channel as cli
from core.db import database, open_database
from core.models import Location, utcnow
from core.paths import app_paths
from ui.channels.config import ChannelConfigScreen

NOT_CHANGED = "The channel was not changed."


@pytest.fixture
def paths(data_dir):
    paths = app_paths(data_dir)
    handle = open_database(paths.database)
    for name in ("Sklep", "Drugi"):
        channels.save(
            channels.ChannelConfig(
                sub_source=name, username="sklep-zolw", password="hasło-1", api_key="K", api_key_version="1505"
            )
        )
    yield paths
    handle.close()
    database.initialize(None)


@pytest.fixture
def screen(qtbot, paths):
    widget = ChannelConfigScreen(paths)
    qtbot.addWidget(widget)
    widget.load(channels.find("Sklep"), has_stored_password=True)
    return widget


@pytest.fixture
def cli_set(paths, monkeypatch, capsys):
    def run(*args: str) -> tuple[int, list[str]]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        code = cli.main(["set", "Sklep", *args], paths)
        return code, capsys.readouterr().err.splitlines()

    return run


def screen_refusal(screen: ChannelConfigScreen) -> list[str]:
    """Save on the screen; the sentences shown in red next to its fields."""
    assert screen.save() is False
    labels = [*screen.errors.values(), *screen.account.errors.values()]
    return [label.text() for label in labels if label.text()]


def in_two_days() -> str:
    return (utcnow() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")


# (what the seller does on the screen, the same on the command line)
CASES = {
    "a login too long": (lambda s: s.account.username.setText("far-too-long-login-name"), ["--username", "far-too-long-login-name"]),
    "an empty login": (lambda s: s.account.username.setText("  "), ["--username", "  "]),
    "a key with a space": (lambda s: s.account.api_key.setText("two words"), ["--api-key", "two words"]),
    "a version that is not a number": (lambda s: s.account.api_key_version.setText("v2"), ["--api-key-version", "v2"]),
    "a name another channel has": (lambda s: s.account.sub_source.setText("DRUGI"), ["--sub-source", "DRUGI"]),
    "an empty name": (lambda s: s.account.sub_source.setText(""), ["--sub-source", ""]),
    "a plain http address away from this computer": (
        lambda s: (s.account.environment.setCurrentIndex(s.account.environment.findData("custom")),
                   s.account.address.setText("http://shop.example.com/service.php")),
        ["--environment", "http://shop.example.com/service.php"],
    ),
    "stock from a location when there is none": (
        lambda s: s.update_from_location.setChecked(True), ["--update-from-location", "on"]
    ),
    "orders from the future": (
        lambda s: s.sync_orders_from.setDateTime(QDateTime.currentDateTime().addDays(2)),
        ["--sync-orders-from", in_two_days()],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_set_refuses_what_the_screen_refuses_with_its_sentence(case, screen, cli_set):
    on_screen, argv = CASES[case]
    before = channels.find("Sklep")
    on_screen(screen)
    shown = screen_refusal(screen)
    assert len(shown) == 1, shown

    code, err = cli_set(*argv)
    assert code == cli.INVALID
    assert err == [*shown, NOT_CHANGED]
    assert channels.find("Sklep") == before


@pytest.mark.parametrize(
    ("argv", "field", "value"),
    [
        (["--relist-duration", "4"], "relist_duration", 4),
        (["--relist-duration", "a week"], "relist_duration", -1),
        (["--relist-delay", str(30 * 24 * 60 + 1)], "relist_delay", 30 * 24 * 60 + 1),
        (["--relist-delay", "-5"], "relist_delay", -5),
        (["--sync-orders-from", "wczoraj"], "sync_orders_from", None),
    ],
)
def test_values_the_screen_cannot_offer_are_refused_with_the_checks_sentence(cli_set, argv, field, value):
    before = channels.find("Sklep")
    expected = channels.validate(replace(before, relist_items=True, **{field: value}))
    assert list(expected) == [field]
    code, err = cli_set("--relist-items", "on", *argv)
    assert (code, err) == (cli.INVALID, [expected[field], NOT_CHANGED])
    assert channels.find("Sklep") == before


def test_what_the_screen_accepts_is_saved_the_same_way(screen, cli_set, paths):
    warehouse = Location.create(name="Magazyn Łódź", is_default=True)
    screen.load(screen.to_config())  # with the location to choose
    for box in (screen.inventory_sync, screen.update_from_location, screen.end_listings, screen.end_auctions,
                screen.relist_items, screen.no_manual_confirmation):
        box.setChecked(True)
    screen.relist_duration.setCurrentIndex(screen.relist_duration.findData(7))
    screen.relist_delay.setValue(90)
    assert screen.save() is True
    by_screen = channels.find("Sklep")

    channels.save(replace(by_screen, inventory_sync=False, update_from_location=False, location_id=None,
                          end_listings=False, end_auctions=False, relist_items=False, relist_duration=0,
                          relist_delay=0, no_manual_confirmation=False))
    code, err = cli_set(
        "--inventory-sync", "on", "--update-from-location", "on", "--end-listings", "on", "--end-auctions", "on",
        "--relist-items", "on", "--relist-duration", "7", "--relist-delay", "90", "--no-manual-confirmation", "yes",
    )
    assert (code, err) == (0, [])
    assert channels.find("Sklep") == by_screen
    assert by_screen.location_id == warehouse.id  # the default location, preselected as on the screen


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (["--end-auctions", "on"], "End Auctions needs End Listings: add --end-listings on."),
        (["--end-listings", "on", "--end-auctions-with-bids", "on"],
         "End Auctions with bids needs End Auctions: add --end-auctions on."),
        (["--relist-delay", "60"], "Relist Listing Delay needs Relist Items: add --relist-items on."),
        (["--location", "Magazyn"], "Stock location needs Inventory Update From Location: add --update-from-location on."),
    ],
)
def test_an_option_greyed_out_on_the_screen_is_refused_with_what_to_turn_on(cli_set, argv, sentence):
    Location.create(name="Magazyn")
    before = channels.find("Sklep")
    assert cli_set(*argv) == (cli.INVALID, [sentence, NOT_CHANGED])
    assert channels.find("Sklep") == before


def test_on_and_off_are_the_only_words_a_switch_takes(cli_set):
    code, err = cli_set("--inventory-sync", "maybe")
    assert code == cli.INVALID
    assert err[-1].endswith("argument --inventory-sync: “maybe” is neither on nor off.")


def test_a_stored_duration_the_screen_does_not_list_does_not_block_other_changes(screen, cli_set):
    from core.models import Channel

    Channel.update(relist_duration=99).where(Channel.sub_source == "Sklep").execute()
    screen.load(channels.find("Sklep"), has_stored_password=True)
    screen.inventory_sync.setChecked(True)
    assert screen.save() is True
    by_screen = channels.find("Sklep")

    Channel.update(relist_duration=99, inventory_sync=False).where(Channel.sub_source == "Sklep").execute()
    assert cli_set("--inventory-sync", "on") == (0, [])
    assert channels.find("Sklep") == by_screen
