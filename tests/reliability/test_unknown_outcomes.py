"""Allegro did the work but the app never learnt it: late answers, faults after the work,
a kill while Allegro is still working. Each story ends with every change made once, the
new offers linked and their quantities those of the stock.

The busy moment (scenario.py) has three ended vases whose stock came back (relists) and
three plates whose stock ran out (ends); here the vases' stock is 2, so a relisted offer
(a copy of the old one, with 3) must also be brought to 2.
"""
from __future__ import annotations

import os
import signal
import time

import pytest

from core.models import Listing, ListingStatus, StockItem
from core.sync import recovery

from .processes import repeated_changes
from .scenario import OPERATION_TIMEOUT

VASE_STOCK = 2


def vases_back_in_stock(scenario) -> None:
    for n in range(len(scenario.groups["relist"])):
        scenario.shop.stock(StockItem.get(StockItem.sku == f"REL-{n}"), VASE_STOCK)


def relisted_once_linked_with_the_stock_quantity(scenario) -> list[str]:
    """What is wrong with the vases' relists, on Allegro and in the app ([] when right)."""
    problems = []
    offers = scenario.control.offers()
    for n, source in enumerate(scenario.groups["relist"]):
        made = [o for o in offers if o["relisted_from"] == source]
        if len(made) != 1:
            problems.append(f"offer {source} was relisted {len(made)} times")
            continue
        new = made[0]
        if new["quantity"] != VASE_STOCK:
            problems.append(f"the relist of {source} shows {new['quantity']} on Allegro, not {VASE_STOCK}")
        row = Listing.get_or_none(Listing.offer_id == new["offer_id"])
        if row is None or row.stock_item is None or row.stock_item.sku != f"REL-{n}":
            problems.append(f"the relist of {source} is not linked to REL-{n}")
        elif row.quantity != VASE_STOCK or row.status != ListingStatus.ACTIVE:
            problems.append(f"the app shows the relist of {source} as {row.status} with {row.quantity}")
        if Listing.get(Listing.offer_id == source).status != ListingStatus.RELISTED:
            problems.append(f"the old listing {source} is not shown as relisted")
    return problems + repeated_changes(scenario.control)


def wait_for_held_back_calls(scenario, seconds: float) -> None:
    """A request the app stopped waiting for still runs on the server: let it finish."""
    time.sleep(seconds)
    scenario.control.clear_faults()


@pytest.mark.parametrize("code", ["ERR_INTERNAL_SYSTEM_ERROR", "ERR_WEBAPI_NOT_AVAIL", "ERR_NO_DATABASE"])
def test_a_relist_allegro_made_but_answered_with_a_fault_is_linked_and_kept_in_step(scenario, code):
    scenario.reset()
    vases_back_in_stock(scenario)
    scenario.control.set_faults(rules=[{"operation": "doSellSomeAgain", "kind": "fault", "code": code, "when": "after", "count": 1}])
    run = scenario.sync()
    assert run.code == 0, run.out + run.err
    assert "local id" not in run.out + run.err
    assert relisted_once_linked_with_the_stock_quantity(scenario) == []


@pytest.mark.parametrize("code", ["ERR_INTERNAL_SYSTEM_ERROR", "ERR_WEBAPI_NOT_AVAIL"])
def test_an_end_allegro_made_but_answered_with_a_fault_waits_for_stock_and_is_relisted(scenario, code):
    scenario.reset()
    scenario.control.set_faults(rules=[{"operation": "doFinishItems", "kind": "fault", "code": code, "when": "after", "count": 1}])
    run = scenario.sync()
    assert run.code == 0, run.out + run.err
    assert "already ended" not in run.out + run.err
    plates = scenario.groups["end"]
    assert [Listing.get(Listing.offer_id == o).status for o in plates] == [ListingStatus.PENDING_RELIST] * len(plates)
    for n in range(len(plates)):
        scenario.shop.stock(StockItem.get(StockItem.sku == f"END-{n}"), 1)
    again = scenario.sync()
    assert again.code == 0, again.out + again.err
    offers = scenario.control.offers()
    assert sorted(o["relisted_from"] for o in offers if o["relisted_from"] in plates) == sorted(plates)


def test_a_relist_carried_out_after_the_timeout_is_not_listed_again_by_the_next_sync(scenario, monkeypatch):
    scenario.reset()
    vases_back_in_stock(scenario)
    late = OPERATION_TIMEOUT * 5
    scenario.control.set_faults(rules=[{"operation": "doSellSomeAgain", "kind": "delay", "delay_ms": int(late * 1000), "count": 1}])
    started = time.monotonic()
    with monkeypatch.context() as short:
        short.setattr(recovery, "VERIFY_PATIENCE", 0.0)  # this run gives up on it at once
        first = scenario.sync()
    assert time.monotonic() - started < late, "the first sync was meant to end before the relist was made"
    assert first.code in (0, 1), first.crash
    second = scenario.sync()  # at once, while Allegro is still working on the first one
    assert second.code == 0, second.out + second.err
    wait_for_held_back_calls(scenario, max(late - (time.monotonic() - started), 0) + 0.5)
    assert relisted_once_linked_with_the_stock_quantity(scenario) == []


def test_a_relist_answered_after_the_timeout_is_linked_in_the_same_run(scenario):
    scenario.reset()
    vases_back_in_stock(scenario)
    late_answer = {"operation": "doSellSomeAgain", "kind": "delay", "when": "after", "count": 1}
    scenario.control.set_faults(rules=[{**late_answer, "delay_ms": int(OPERATION_TIMEOUT * 3000)}])
    run = scenario.sync()
    assert run.code == 0, run.out + run.err
    wait_for_held_back_calls(scenario, OPERATION_TIMEOUT * 3)
    assert relisted_once_linked_with_the_stock_quantity(scenario) == []


def test_kill_9_during_a_slow_relist_then_an_immediate_rerun_lists_it_once_linked(scenario, runner, tmp_path):
    scenario.reset()
    vases_back_in_stock(scenario)
    slow = 5.0
    scenario.control.set_faults(rules=[{"operation": "doSellSomeAgain", "kind": "delay", "delay_ms": int(slow * 1000), "count": 1}])
    scenario.db.close()  # the child processes are the only writers, as in real use
    argv = ["--data-dir", str(scenario.paths.data_dir), "sync", "--yes"]
    pid = runner.start(argv, tmp_path / "killed.txt")
    deadline = time.monotonic() + 30
    while not scenario.control.faults()["rules"][0]["fired"]:
        assert time.monotonic() < deadline, (tmp_path / "killed.txt").read_text()
        time.sleep(0.01)
    sent = time.monotonic()
    time.sleep(0.2)
    os.kill(pid, signal.SIGKILL)
    assert runner.ended() == -signal.SIGKILL
    runner.start(argv, tmp_path / "rerun.txt")  # at once: Allegro is still working on the relist
    assert runner.ended() == 0, (tmp_path / "rerun.txt").read_text()
    wait_for_held_back_calls(scenario, max(slow - (time.monotonic() - sent), 0) + 0.5)
    scenario.db.connect(reuse_if_open=True)
    assert relisted_once_linked_with_the_stock_quantity(scenario) == []


def test_a_quantity_change_that_lands_late_over_a_newer_one_is_set_again_with_a_note(scenario):
    scenario.reset()
    late = OPERATION_TIMEOUT * 4
    # one change times out (and is sent again at once); Allegro carries the first one out late
    scenario.control.set_faults(rules=[{"operation": "doChangeQuantityItem", "kind": "delay", "delay_ms": int(late * 1000), "count": 1}])
    started = time.monotonic()
    assert scenario.sync().code == 0
    for n in range(len(scenario.groups["quantity"])):
        scenario.shop.stock(StockItem.get(StockItem.sku == f"QTY-{n}"), 2)  # one of them is sold: 1 left
    assert scenario.sync().code == 0  # sets 1, before the late change lands
    assert time.monotonic() - started < late, "the second sync was meant to end before the late change landed"
    wait_for_held_back_calls(scenario, late - (time.monotonic() - started) + 0.3)
    shown = {o["offer_id"]: o["quantity"] for o in scenario.control.offers(scenario.groups["quantity"])}
    assert sorted(shown.values()) != [1, 1, 1], "the late change was meant to land over the newer one"
    third = scenario.sync()
    assert third.code == 0, third.out
    assert "A late change landed on Allegro over the quantity of “Kubek" in third.out
    shown = {o["offer_id"]: o["quantity"] for o in scenario.control.offers(scenario.groups["quantity"])}
    assert shown == dict.fromkeys(scenario.groups["quantity"], 1)
    assert {Listing.get(Listing.offer_id == o).quantity for o in scenario.groups["quantity"]} == {1}
