"""`main.py listings list` says what the next sync would do with each listing, and the sync does it."""
from __future__ import annotations

import json

import pytest

from core.cli import listings as cli
from core.listing_rows import next_sync
from core.models import ActionKind, Listing, PlannedAction
from core.paths import app_paths

from .sync_world import World


@pytest.fixture
def world(db):
    return World()


def shop(world: World) -> dict[str, int]:
    """Listings of every kind, imported and linked; returns offer ids by name."""
    mug, plate, vase, clock, lamp, bowl = (
        world.item("KUB-1", "Kubek", stock=5),
        world.item("TAL-1", "Talerz", stock=0),
        world.item("WAZ-1", "Wazon", stock=2),
        world.item("ZEG-1", "Zegar", stock=1),
        world.item("LAM-1", "Lampa", stock=3),
        world.item("MIS-1", "Miska", stock=4),
    )
    ids = {
        "mug": world.allegro.add_offer("Kubek", quantity=5),
        "plate": world.allegro.add_offer("Talerz", quantity=3),
        "vase": world.allegro.add_offer("Wazon", quantity=2),
        "clock": world.allegro.add_offer("Zegar", quantity=1, fmt="auction"),
        "lamp": world.allegro.add_offer("Lampa", quantity=3),
        "unlinked": world.allegro.add_offer("Bez powiązania", quantity=3),
        "bowl": world.allegro.add_offer("Miska", quantity=4),
    }
    world.first_sync_linking(
        [(ids["mug"], mug), (ids["plate"], plate), (ids["vase"], vase), (ids["clock"], clock),
         (ids["lamp"], lamp), (ids["bowl"], bowl)]
    )
    world.stock(vase, 0)
    world.sync()  # the plate and the vase end (no stock) and wait for relist
    world.stock(vase, 5)
    world.stock(bowl, 0)
    world.stock(mug, 8)
    world.set(relist_duration=7)
    return ids


def preview(world: World) -> dict[int, tuple]:
    """Offer id -> (action, quantity sent, why) as the preview says."""
    return {Listing.get_by_id(lid).offer_id: (n.action, n.quantity, n.why) for lid, n in next_sync(world.channel).items()}


def test_the_preview_names_each_listings_action_and_reason(world):
    ids = shop(world)
    world.set(end_listings=False)
    seen = preview(world)
    assert seen[ids["mug"]] == ("quantity", 8, "Available 8 over all locations; Allegro shows 5")
    assert seen[ids["bowl"]] == ("", None, "no stock, but End Listings is off")
    assert seen[ids["plate"]] == ("", None, "ended for no stock; waits for stock")
    assert seen[ids["vase"]][:2] == ("relist", None) and seen[ids["vase"]][2].startswith("Back in stock: 5; ended today")
    assert seen[ids["clock"]] == ("", None, "an auction's quantity is not changed")
    assert seen[ids["lamp"]] == ("", None, "Allegro already shows 3")
    assert seen[ids["unlinked"]] == ("", None, "not linked to a stock item")
    world.set(inventory_sync=False)
    assert preview(world)[ids["mug"]] == ("", None, "Inventory Sync is off")
    world.set(inventory_sync=True, enabled=False)
    assert preview(world)[ids["mug"]] == ("", None, "the channel is disabled")


def test_the_next_sync_does_what_the_preview_said(world):
    ids = shop(world)
    seen = preview(world)
    plan = world.engine().plan()
    sent = {
        json.loads(a.params)["offer_id"]: json.loads(a.params)["quantity"]
        for a in PlannedAction.select().where((PlannedAction.run == plan.run_id) & (PlannedAction.kind == ActionKind.QUANTITY))
    }
    assert sent == {offer: q for offer, (action, q, _why) in seen.items() if action == "quantity"} == {ids["mug"]: 8}
    assert {a.offer_id for a in plan.ends} == {o for o, s in seen.items() if s[0] == "end"} == {ids["bowl"]}
    assert {a.offer_id for a in plan.relists} == {o for o, s in seen.items() if s[0] == "relist"} == {ids["vase"]}
    assert {a.offer_id: a.reason for a in plan.ends + plan.relists} == {
        o: s[2] for o, s in seen.items() if s[0] in ("end", "relist")
    }


def test_list_prints_the_next_sync_and_json_has_it(world, db, data_dir, capsys, monkeypatch):
    ids = shop(world)
    monkeypatch.setattr("core.cli.common.open_for_command", lambda paths: _Kept(db))
    assert cli.main(["list", "--json"], app_paths(data_dir)) == 0
    rows = {r["offer_id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[ids["mug"]] == {
        "offer_id": ids["mug"], "channel": "MojeAllegro", "title": "Kubek", "status": "active", "format": "buy_now",
        "quantity": 5, "bids": 0, "sku": "KUB-1", "available": 8, "next_action": "quantity", "next_quantity": 8,
        "why": "Available 8 over all locations; Allegro shows 5", "oversell_risk": False,
    }
    assert (rows[ids["bowl"]]["next_action"], rows[ids["bowl"]]["next_quantity"]) == ("end", 0)
    assert cli.main(["list"], app_paths(data_dir)) == 0
    mug = next(line for line in capsys.readouterr().out.splitlines() if line.startswith(str(ids["mug"])))
    assert "KUB-1  8       send 8     Kubek  (Available 8 over all locations; Allegro shows 5)" in mug


class _Kept:
    """The test's open database, handed to the command, which closes nothing of it."""

    def __init__(self, db) -> None:
        self.db = db

    def close(self) -> None:
        pass
