"""`main.py location …`: the Locations dialog's rules from the command line."""
from __future__ import annotations

import io
import json
import sys

import pytest

from core import channels
from core.cli import location as cli
from core.db import database, open_database
from core.models import Location, StockItem, StockLevel
from core.paths import app_paths


@pytest.fixture
def paths(data_dir):
    paths = app_paths(data_dir)
    handle = open_database(paths.database)
    yield paths
    handle.close()
    database.initialize(None)


@pytest.fixture
def run(paths, monkeypatch, capsys):
    def _run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main(list(args), paths)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_the_first_location_becomes_the_default_and_names_are_checked(run):
    assert run("add", "Magazyn A") == (0, "Added location Magazyn A. It is the default location.\n", "")
    assert run("add", "Magazyn B") == (0, "Added location Magazyn B.\n", "")
    assert run("add", "Magazyn B") == (2, "", "There is already a location called Magazyn B.\n")
    assert run("add", "  ") == (2, "", "Enter a location name.\n")
    assert run("add", "x" * 101) == (2, "", "A location name can be at most 100 characters.\n")
    assert [(loc.name, loc.is_default) for loc in Location.select().order_by(Location.name)] == [
        ("Magazyn A", True), ("Magazyn B", False),
    ]


def test_set_default_and_rename(run):
    run("add", "Magazyn A")
    run("add", "Magazyn B")
    assert run("set-default", "Magazyn B")[1] == "Magazyn B is now the default location.\n"
    assert run("rename", "Magazyn B", "Sklep")[1] == "Renamed location Magazyn B to Sklep.\n"
    assert run("rename", "Sklep", "Magazyn A")[2] == "There is already a location called Magazyn A.\n"
    code, _, err = run("rename", "Strych", "Piwnica")
    assert code == 2 and err.splitlines() == ["There is no location called Strych.", "Locations: Magazyn A, Sklep."]
    assert Location.get(Location.is_default == True).name == "Sklep"  # noqa: E712


def test_a_location_holding_stock_is_not_removed(run):
    run("add", "Magazyn A")
    run("add", "Magazyn B")
    item = StockItem.create(sku="KUB-1", title="Kubek")
    StockLevel.create(item=item, location=Location.get(name="Magazyn B"), quantity=3)
    code, out, err = run("remove", "Magazyn B", "--yes")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "Magazyn B still holds stock of 1 item. Set its quantity to 0 before deleting the location.",
        "The location was not deleted.",
    ]
    assert Location.select().count() == 2


def test_removing_asks_and_without_a_terminal_only_yes_answers(run):
    run("add", "Magazyn A")
    run("add", "Magazyn B")
    code, _, err = run("remove", "Magazyn A")
    assert code == 1
    assert err.splitlines() == [
        "Delete the location Magazyn A?",
        "Nothing was asked (standard input is not a terminal); run again with --yes to answer yes.",
        "The location was not deleted.",
    ]
    assert Location.select().count() == 2
    code, out, _ = run("remove", "Magazyn A", "--yes")
    assert (code, out) == (0, "Deleted location Magazyn A. Magazyn B is now the default location.\n")


def test_removing_a_location_a_channel_syncs_from_says_so(run):
    run("add", "Magazyn A")
    run("add", "Sklep")
    channels.save(
        channels.ChannelConfig(
            sub_source="MojeAllegro", username="u", password="p", api_key="K", api_key_version="1",
            update_from_location=True, location_id=Location.get(name="Sklep").id,
        )
    )
    code, _, err = run("remove", "Sklep", "--yes")
    assert code == 0
    assert err.startswith("MojeAllegro takes stock from Sklep: after deleting it, choose another location")


def test_list_as_json_counts_stock_and_names_the_channels(run):
    assert run("list") == (0, "No locations yet. Add one with: main.py location add NAME\n", "")
    run("add", "Magazyn A")
    item = StockItem.create(sku="KUB-1", title="Kubek")
    StockLevel.create(item=item, location=Location.get(name="Magazyn A"), quantity=7)
    code, out, _ = run("list", "--json")
    assert code == 0
    assert json.loads(out) == [
        {"name": "Magazyn A", "default": True, "items_held": 1, "level": 7, "allocated": 0, "available": 7, "channels": []}
    ]
