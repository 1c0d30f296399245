"""Issue 9's big seller at a tenth of the size (2,000 listings, 10,000 stock items, 200 orders):
one sync makes exactly the fewest SOAP calls the contract allows, and a second sync with
nothing changed only reads. A correctness check of the counts, not a timed test: the
timed scenario is benchmarks/bench_scale.py.

The fewest calls are worked out by benchmarks/scale_scenario.py from the sandbox's and
the database's state before the sync, not from the engine's plan.
"""
from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.scale_scenario import Scale, ScaleWorld
from core.models import Listing, ListingStatus, Order


@pytest.fixture
def world(db, sandbox, control):
    world = ScaleWorld(Scale.of(2_000), control, sandbox.url)
    world.build()
    return world


def test_a_big_sync_makes_the_fewest_calls_and_a_second_one_only_reads(world, control):
    happened = world.day()
    assert happened == {"orders": 200, "level_changes": 600}  # 2% of 30,000 stock levels
    fewest = world.fewest_calls()
    control.reset_calls()

    plan, report = world.sync()

    made = Counter(control.calls()["counts"])
    assert made == fewest
    assert report.outcome == "ok", report.failures
    # what the seller sees: the orders, the ended and relisted listings, the quantities sent
    assert report.counts["orders_imported"] == Order.select().count() == 200
    assert report.counts["listings_ended"] == 30
    assert report.counts["listings_relisted"] == 20
    assert report.counts["quantities_changed"] == fewest["doChangeQuantityItem"] > 0
    ended = {o["offer_id"] for o in control.offers(world.picked.end) if o["state"] == "ended"}
    assert ended == set(world.picked.end)
    relisted = Listing.select().where(Listing.previous_offer_id.in_(world.picked.relist))
    assert sorted(int(r.previous_offer_id) for r in relisted) == sorted(world.picked.relist)
    assert all(r.status == ListingStatus.ACTIVE and r.stock_item_id for r in relisted)

    again = world.fewest_calls()
    assert set(again) == {"doQuerySysStatus", "doLoginEnc", "doGetMySellItems", "doGetMySoldItems",
                          "doGetMyNotSoldItems", "doGetSiteJournalDeals"}  # only reading
    control.reset_calls()
    _, second = world.sync()
    made_again = Counter(control.calls()["counts"])
    assert made_again == again
    assert second.outcome == "ok" and not second.counts.get("quantities_changed")
    assert sum(made_again.values()) < 0.05 * sum(made.values())
