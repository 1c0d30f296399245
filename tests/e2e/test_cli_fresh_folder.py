"""A seller with only a terminal: a fresh data folder to a working channel with `main.py` alone.

Every step goes through main.main() as `uv run main.py --data-dir DIR …` would run it,
against the sandbox on 127.0.0.1; the test reads Allegro's side only through the
sandbox's control API and the app's side only through the commands' --json output.
"""
from __future__ import annotations

import io
import json
import sys
from datetime import timedelta

import pytest

import main
from core.db import database
from core.models import utcnow
from tests.sandbox_channel import control, sandbox  # noqa: F401 - fixtures

PASSWORD = "sandbox-pass-1"
PARCEL = "620000000000000000000001"  # an InPost number


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    """`main.py --data-dir FRESH ARGS` in this process; returns (exit status, stdout, stderr)."""
    folder = tmp_path / "fresh-shop"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "ACM_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)

    def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main.main(["--data-dir", str(folder), *args])
        out, err = capsys.readouterr()
        return code, out, err

    run.folder = folder
    yield run
    database.initialize(None)


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 0, out + err
    return out


def as_json(result: tuple[int, str, str]):
    return json.loads(ok(result))


def steps_printed_once(out: str) -> None:
    steps = [line for line in out.splitlines() if line.startswith("  ") and line.endswith("…")]
    assert steps and len(steps) == len(set(steps)), out


def test_a_fresh_folder_becomes_a_working_channel_with_the_command_line_alone(cli, sandbox, control, tmp_path):  # noqa: F811
    control.reset(seed=1, offers=0, demo=False)
    mug = control.add_offer("Kubek ceramiczny", quantity=5)
    plate = control.add_offer("Talerz płaski", quantity=3)

    # a location first: without one, a stock import has nowhere to put rows without a location
    stock = tmp_path / "stan.csv"
    stock.write_text("sku,title,quantity\nKUB-1,Kubek ceramiczny,8\nTAL-1,Talerz płaski,0\n", encoding="utf-8")
    code, _, err = cli("stock", "import", str(stock))
    assert code == 1 and "add one with main.py location add NAME" in err
    assert "Added location Magazyn A. It is the default location." in ok(cli("location", "add", "Magazyn A"))
    assert "Imported 2 rows from" in ok(cli("stock", "import", str(stock)))
    assert as_json(cli("location", "list", "--json")) == [
        {"name": "Magazyn A", "default": True, "items_held": 1, "level": 8, "allocated": 0, "available": 8, "channels": []}
    ]

    # the channel: added with its options off, then turned on as the Config screen would
    version = str(control.state()["version_key"])
    ok(
        cli(
            "channel", "add", "--sub-source", "MojeAllegro", "--username", "sandbox-seller",
            "--api-key", "SANDBOX-WEBAPI-KEY", "--api-key-version", version, "--environment", sandbox.url,
            stdin=PASSWORD + "\n",
        )
    )
    assert as_json(cli("channel", "show", "MojeAllegro", "--json"))["inventory_sync"] is False
    assert ok(cli("channel", "test", "MojeAllegro")).startswith("OK")
    since = (utcnow() - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    assert ok(
        cli(
            "channel", "set", "MojeAllegro", "--inventory-sync", "on", "--end-listings", "on",
            "--relist-items", "on", "--submit-tracking", "on", "--sync-orders-from", since,
        )
    ).strip() == "Saved channel “MojeAllegro”."
    shown = as_json(cli("channel", "show", "MojeAllegro", "--json"))
    assert {k: shown[k] for k in ("inventory_sync", "end_listings", "relist_items", "submit_tracking", "api_key_version")} == {
        "inventory_sync": True, "end_listings": True, "relist_items": True, "submit_tracking": True,
        "api_key_version": int(version),
    }
    assert shown["sync_orders_from"] == since.replace(" ", "T") + ":00Z"

    # the first sync reads the listings; they are linked by their exact titles
    steps_printed_once(ok(cli("sync")))
    assert "2 linked, 0 ambiguous, 0 without a match." in ok(cli("listings", "auto-link", "--exact-title"))
    planned = {int(r["offer_id"]): r for r in as_json(cli("listings", "list", "--json"))}
    assert (planned[mug]["next_action"], planned[mug]["next_quantity"], planned[mug]["available"]) == ("quantity", 8, 8)
    assert (planned[plate]["next_action"], planned[plate]["why"]) == ("end", "Available 0 over all locations")

    # without --yes the end waits (exit 3: a person is needed); with it, the quantity is pushed and the listing ended
    code, out, err = cli("sync")
    assert code == 3, out + err
    assert "1 listing to end or relist waits for confirmation; run with --yes" in out
    assert control.offer(plate)["state"] == "active"
    assert control.offer(mug)["quantity"] == 8
    out = ok(cli("sync", "--yes"))
    steps_printed_once(out)
    assert "MojeAllegro: done: 1 listing ended." in out
    assert control.offer(plate)["state"] == "ended"

    # a buyer orders two mugs; plates are back in stock: the next sync imports the order and relists
    form_id = control.purchase(mug, buyer="kupujacy1", quantity=2)["form_id"]
    stock.write_text("sku,title,quantity\nTAL-1,Talerz płaski,6\n", encoding="utf-8")
    ok(cli("stock", "import", str(stock)))
    out = ok(cli("sync", "--yes"))
    steps_printed_once(out)
    assert "1 order imported" in out and "1 listing relisted" in out
    relisted = [o for o in control.offers() if o["title"] == "Talerz płaski" and o["state"] == "active"]
    assert len(relisted) == 1 and relisted[0]["offer_id"] != plate

    # the order: listed, shipped with a tracking number, and the number accepted by Allegro
    orders = as_json(cli("orders", "list", "--status", "open", "--json"))
    assert [(o["order"], o["items"], o["unlinked_items"]) for o in orders] == [(str(form_id), 2, 0)]  # ids are strings in JSON
    assert as_json(cli("stock", "list", "--sku", "KUB-1", "--json")) == [
        {"sku": "KUB-1", "title": "Kubek ceramiczny", "location": "Magazyn A", "level": 8, "allocated": 2, "available": 6}
    ]
    out = ok(cli("orders", "ship", str(form_id), "--carrier", "InPost", "--tracking", PARCEL, "--yes"))
    assert f"Order {form_id} is shipped." in out
    assert as_json(cli("orders", "show", str(form_id), "--json"))["shipments"][0]["state"] == "pending"
    out = ok(cli("sync"))
    assert "1 tracking number accepted" in out
    detail = as_json(cli("orders", "show", str(form_id), "--json"))
    assert detail["status"] == "shipped"
    assert [(s["carrier"], s["tracking_number"], s["state"]) for s in detail["shipments"]] == [("InPost", PARCEL, "accepted")]
    packages = next(f for f in control.forms() if f["form_id"] == form_id)["packages"]
    assert [p["package_id"] for p in packages] == [PARCEL]
    # shipping took the two mugs off the level
    assert as_json(cli("stock", "list", "--sku", "KUB-1", "--json"))[0]["level"] == 6
