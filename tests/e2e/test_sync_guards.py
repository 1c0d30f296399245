"""Guards against losing money by accident, against the sandbox: oversell risk, the mass-end
and quantity brakes, and the exit codes of `main.py sync`."""
from __future__ import annotations

import json

import pytest

from core.cli import listings as listings_cli
from core.cli import sync as sync_cli
from core.db import database, open_database
from core.models import ActionKind, ActionState, ListingStatus, PlannedAction, SyncRun
from core.paths import app_paths
from core.sync.engine import SyncEngine, decide
from core.sync.guards import oversell_risks, risk_counts

from .support import Shop


@pytest.fixture
def cli_shop(sandbox, control, data_dir):
    """A shop whose database is the one `main.py --data-dir` opens."""
    paths = app_paths(data_dir)
    db = open_database(paths.database)
    shop = Shop(sandbox, control, data_dir)
    yield shop, paths
    db.close()
    database.initialize(None)


def declined_end(shop: Shop):
    """A mug sold out while its listing shows 48; the seller unticks its end."""
    mug = shop.item("KUB-1", "Kubek w kropki", stock=0)
    plate = shop.item("TAL-1", "Talerz", stock=5)
    mug_offer = shop.offer("Kubek w kropki", quantity=48)
    plate_offer = shop.offer("Talerz", quantity=5)
    shop.import_and_link([(mug_offer, mug), (plate_offer, plate)])
    plan, report = shop.sync(approve=[])  # Apply with the end unticked
    return mug_offer, plan, report


def test_a_declined_end_is_an_oversell_risk_in_the_summary_and_is_proposed_again(shop, control):
    mug_offer, plan, report = declined_end(shop)
    assert [a.offer_id for a in plan.ends] == [str(mug_offer)]
    assert control.offer(mug_offer)["state"] == "active"
    assert report.counts["oversell_risk"] == 1
    assert any("oversell risk" in n and "“Kubek w kropki” (available 0: its end was declined)" in n for n in report.notes)
    run = SyncRun.get_by_id(report.run_id)
    assert "oversell risk" in run.errors and "Kubek w kropki" in run.errors

    again, report = shop.sync(approve=[])
    assert [a.offer_id for a in again.ends] == [str(mug_offer)]  # proposed at every sync
    assert report.counts["oversell_risk"] == 1


def test_an_auction_with_bids_and_the_option_off_is_an_oversell_risk_with_its_reason(shop, control):
    clock = shop.item("ZEG-1", "Zegar", stock=1)
    auction = shop.offer("Zegar", quantity=1, fmt="auction", price=100.0, duration_days=7)
    shop.set(end_auctions=True, end_auctions_with_bids=False)
    shop.import_and_link([(auction, clock)])
    control.bid(auction, buyer="licytant", amount=120.0)
    shop.stock(clock, 0)
    plan, report = shop.sync()
    assert plan.ends == []
    risks = oversell_risks(shop.channel_id)
    assert [(r.offer_id, r.why) for r in risks] == [(str(auction), "an auction with bids, and End Auctions with bids is off")]
    assert report.counts["oversell_risk"] == 1


def test_end_listings_off_leaves_an_oversell_risk_and_restocking_clears_it(shop, control):
    shop.set(end_listings=False)
    mug = shop.item("KUB-1", "Kubek", stock=0)
    offer = shop.offer("Kubek", quantity=3)
    shop.import_and_link([(offer, mug)])
    _plan, report = shop.sync()
    assert [r.why for r in oversell_risks(shop.channel_id)] == ["End Listings is off"]
    assert risk_counts() == {shop.channel_id: 1}
    shop.stock(mug, 2)
    assert oversell_risks(shop.channel_id) == [] and risk_counts() == {shop.channel_id: 0}


def test_listings_list_shows_the_oversell_risk(cli_shop, capsys):
    shop, paths = cli_shop
    mug_offer, _plan, _report = declined_end(shop)
    capsys.readouterr()
    assert listings_cli.main(["list"], paths) == 0
    out = capsys.readouterr().out
    mug_line = next(line for line in out.splitlines() if line.startswith(str(mug_offer)))
    assert "Live · OVERSELL RISK" in mug_line
    plate_line = next(line for line in out.splitlines() if "Talerz" in line)
    assert "RISK" not in plate_line
    assert "1 live listing has nothing available to send (OVERSELL RISK)" in out


# -- the mass-end brake --------------------------------------------------------------------


def sixty_percent_out(shop: Shop, n: int = 10) -> tuple[list[int], list[int]]:
    """n linked listings of which 60 % run out of stock at once (a bad stock import)."""
    gone, kept = [], []
    for k in range(n):
        item = shop.item(f"SKU-{k}", f"Wazon {k}", stock=5)
        offer = shop.offer(f"Wazon {k}", quantity=5)
        (gone if k < n * 6 // 10 else kept).append((offer, item))
    shop.import_and_link(gone + kept)
    for _offer, item in gone:
        shop.stock(item, 0)
    return [o for o, _ in gone], [o for o, _ in kept]


def test_a_sixty_percent_end_is_held_even_with_no_manual_confirmation(shop, control):
    shop.set(no_manual_confirmation=True, mass_end_count=3)  # 20 % of 10 or 3: at most 3 ends
    gone, _kept = sixty_percent_out(shop)
    control.reset_calls()
    engine = SyncEngine(shop.channel_id, mp := shop.marketplace())
    try:
        plan = engine.plan()
        assert [h.kind for h in plan.held] == ["end"] and plan.held[0].count == 6 and plan.held[0].limit == 3
        assert "would end 6 of the 10 live listings of MojeAllegro (60 %)" in plan.held[0].message
        assert plan.needs_confirmation and {a.offer_id for a in plan.to_confirm} == set(map(str, gone))
        report = engine.apply(plan)  # nobody answered: nothing is ended
    finally:
        mp.close()
    assert "end" not in shop.changes_sent()
    assert all(control.offer(o)["state"] == "active" for o in gone)
    assert report.counts["held_by_brake"] == 6 and report.counts["oversell_risk"] == 6

    # the seller consents: the same sync, asked again, ends them
    engine = SyncEngine(shop.channel_id, mp := shop.marketplace())
    try:
        plan = engine.plan()
        decide(plan, [a.action_id for a in plan.to_confirm])
        report = engine.apply(plan)
    finally:
        mp.close()
    assert report.counts["listings_ended"] == 6
    assert all(shop.listing(o).status == ListingStatus.PENDING_RELIST for o in gone)


def test_ends_within_the_brake_are_not_held(shop, control):
    shop.set(no_manual_confirmation=True, mass_end_count=3)
    items = [(shop.item(f"S{k}", f"Misa {k}", stock=4), shop.offer(f"Misa {k}", quantity=4)) for k in range(10)]
    shop.import_and_link([(o, i) for i, o in items])
    for item, _o in items[:3]:
        shop.stock(item, 0)
    plan, report = shop.sync(approve=False)
    assert plan.held == [] and report.counts["listings_ended"] == 3


def test_the_cli_holds_a_mass_end_says_why_and_ends_with_allow_mass_end(cli_shop, control, capsys):
    shop, paths = cli_shop
    shop.set(mass_end_count=3)
    gone, _kept = sixty_percent_out(shop)
    capsys.readouterr()
    assert sync_cli.main(["--yes"], paths) == sync_cli.HELD == 4
    out = capsys.readouterr().out
    assert "would end 6 of the 10 live listings of MojeAllegro (60 %)" in out
    assert "--allow-mass-end" in out
    assert all(control.offer(o)["state"] == "active" for o in gone)

    assert sync_cli.main(["--yes", "--allow-mass-end"], paths) == 0
    out = capsys.readouterr().out
    assert "6 listings ended" in out
    assert all(control.offer(o)["state"] == "ended" for o in gone)


def test_a_stock_file_that_drops_most_quantities_to_one_is_held(cli_shop, control, capsys):
    shop, paths = cli_shop
    shop.set(mass_end_count=2)
    pairs = [(shop.item(f"S{k}", f"Dzbanek {k}", stock=20), shop.offer(f"Dzbanek {k}", quantity=20)) for k in range(6)]
    shop.import_and_link([(o, i) for i, o in pairs])
    for item, _o in pairs[:4]:
        shop.stock(item, 1)  # a wrong CSV: 1 instead of 10
    shop.stock(pairs[4][0], 15)  # a real change beside it
    shop.stock(pairs[5][0], 0)  # and one sold out: its end waits for confirmation, not for the brake
    capsys.readouterr()
    control.reset_calls()
    assert sync_cli.main([], paths) == 4
    out = capsys.readouterr().out
    assert "would lower 4 of the 6 live buy-now listings of MojeAllegro to a quantity of 1" in out
    assert [control.offer(o)["quantity"] for _i, o in pairs] == [20, 20, 20, 20, 15, 20]  # only the real change
    held = PlannedAction.select().where((PlannedAction.kind == ActionKind.QUANTITY) & (PlannedAction.state == ActionState.PROPOSED))
    assert held.count() == 4
    counts = json.loads(SyncRun.select().order_by(SyncRun.id.desc()).first().counts)
    assert counts["held_by_brake"] == 4 and counts["waiting_for_confirmation"] == 1  # held ones are not "waiting"

    assert sync_cli.main(["--allow-mass-end"], paths) == sync_cli.WAITING  # the end still waits for --yes
    assert [control.offer(o)["quantity"] for _i, o in pairs] == [1, 1, 1, 1, 15, 20]


# -- exit codes ------------------------------------------------------------------------------


def test_sync_exits_3_when_ends_wait_for_confirmation_and_0_once_applied(cli_shop, control, capsys):
    shop, paths = cli_shop
    mug = shop.item("KUB-1", "Kubek", stock=0)
    offer = shop.offer("Kubek", quantity=5)
    shop.import_and_link([(offer, mug)])
    assert sync_cli.main([], paths) == sync_cli.WAITING == 3
    out = capsys.readouterr().out
    assert "1 listing at oversell risk" in out and "“Kubek” (available 0: its end waits for confirmation)" in out
    assert sync_cli.main(["--yes"], paths) == 0
    assert control.offer(offer)["state"] == "ended"


def test_a_refused_tracking_number_is_printed_with_allegros_reason(cli_shop, control, capsys):
    from core.sync.orders import ship_order

    shop, paths = cli_shop
    shop.set(submit_tracking=True)
    lamp = shop.item("LAMP", "Lampka", stock=5)
    offer = shop.offer("Lampka", quantity=5)
    shop.import_and_link([(offer, lamp)])
    form_id = control.purchase(offer)["form_id"]
    shop.sync()
    control.refuse_packages(["620000000000000000000099"])
    ship_order(shop.order(form_id), 5, "620000000000000000000099")
    capsys.readouterr()
    assert sync_cli.main([], paths) == 1
    out = capsys.readouterr().out
    assert (
        f"Problem: Tracking number 620000000000000000000099 (order {shop.form_number(form_id)}) was rejected by Allegro: "
        "Allegro says this number does not match the carrier's format." in out
    )
