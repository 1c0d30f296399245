"""A change whose answer timed out may still be carried out by Allegro afterwards.

Found by the fault matrix: the engine used to ask Allegro at once, read "not done"
while the request was still under way, and mark it failed. The late end then looked
like the seller had ended the listing by hand (so it was never relisted), a late relist
left its new offer unlinked, and a late parcel was sent a second time. Now a timed-out
change stays "sending" and the next sync asks Allegro about it first — except a relist,
which Allegro reports as pending while it works on it: the sync waits for it.
"""
from __future__ import annotations

import time

from core.models import ActionKind, ActionState, Listing, ListingStatus, PlannedAction, Shipment, ShipmentState

from .fault_matrix import FAULTS
from .scenario import differences

LATE = FAULTS["timeout"]["delay_ms"] / 1000


def timed_out_once(scenario, operation: str, finished: bool = False) -> str:
    scenario.reset()
    scenario.control.set_faults(rules=[{**FAULTS["timeout"], "operation": operation, "count": 1}])
    outcome = scenario.sync()
    scenario.control.clear_faults()
    assert outcome.code == (0 if finished else 1) and not outcome.crash, outcome.out
    return outcome.err + outcome.out


def executed(scenario, operation: str) -> list[dict]:
    return [e for e in scenario.control.call_log() if e["operation"] == operation and e["executed"]]


def test_an_end_that_lands_after_its_timeout_is_still_the_apps_end(scenario):
    said = timed_out_once(scenario, "doFinishItems")
    assert "may still be making them; the next sync checks them" in said
    ends = (
        PlannedAction.select()
        .join(Listing)
        .where((PlannedAction.kind == ActionKind.END) & Listing.offer_id.in_(scenario.groups["end"]))
    )
    assert {a.state for a in ends} == {ActionState.SENDING}  # not concluded "not done"
    time.sleep(LATE)  # Allegro finishes the request the client gave up on
    assert all(scenario.control.offer(o)["state"] == "ended" for o in scenario.groups["end"])

    assert scenario.sync().code == 0
    for offer in scenario.groups["end"]:
        listing = Listing.get(Listing.offer_id == offer)
        assert (listing.status, listing.ended_by_us) == (ListingStatus.PENDING_RELIST, True)
    assert len(executed(scenario, "doFinishItems")) == 1


def test_a_relist_that_lands_after_its_timeout_is_waited_for_linked_and_not_repeated(scenario):
    said = timed_out_once(scenario, "doSellSomeAgain", finished=True)  # pending, then listed
    assert "3 listings relisted" in said
    time.sleep(LATE)
    assert scenario.sync().code == 0
    new = {o["relisted_from"]: o for o in scenario.control.offers() if o["relisted_from"]}
    assert sorted(new) == sorted(scenario.groups["relist"])  # one new offer per source
    for source, offer in new.items():
        listing = Listing.get(Listing.offer_id == offer["offer_id"])
        assert listing.previous_offer_id == str(source) and listing.stock_item.sku.startswith("REL-")
    assert len(executed(scenario, "doSellSomeAgain")) == 1


def test_a_parcel_that_lands_after_its_timeout_is_not_sent_again(scenario, reference_after_one_run):
    timed_out_once(scenario, "doAddPackageInfoToPostBuyForm")
    assert Shipment.select().where(Shipment.state == ShipmentState.SENDING).count() == 1
    time.sleep(LATE)
    assert scenario.sync().code == 0
    forms = [e["item_ids"][0] for e in executed(scenario, "doAddPackageInfoToPostBuyForm")]
    assert sorted(forms) == sorted(scenario.groups["tracking_forms"])  # each form once
    assert differences(reference_after_one_run, scenario.snapshot()) == []
