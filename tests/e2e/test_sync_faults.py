"""Session expiry and a 20% fault rate in the middle of a run: nothing done twice, nothing lost."""
from __future__ import annotations

from core.allegro.errors import AllegroError
from core.allegro.retry import RetryPolicy
from core.models import ListingStatus, Order, Shipment, ShipmentState
from core.sync.engine import SyncEngine, decide

from .support import busy_day, duplicate_effects, local_picture, sandbox_picture

FAULTS_20 = [
    # at least one lost answer for each kind of change, whatever the dice say
    {"operation": "doFinishItems", "kind": "drop", "when": "after", "count": 1},
    {"operation": "doSellSomeAgain", "kind": "drop", "when": "after", "count": 1},
    {"operation": "doAddPackageInfoToPostBuyForm", "kind": "drop", "when": "after", "count": 1},
    # answered with a fault: nothing was done, the adapter tries again
    {"operation": "*", "kind": "fault", "code": "ERR_INTERNAL_SYSTEM_ERROR", "rate": 0.1},
    # done, but the answer never arrives: a change must be asked about, not repeated
    {"operation": "*", "kind": "drop", "when": "after", "rate": 0.1},
]
# The same on REST: a lost answer to an end (publication command), a quantity command and a
# shipment; 500s that prove nothing, and lost answers anywhere.
REST_FAULTS_20 = [
    {"operation": "changePublicationStatusUsingPUT", "kind": "drop", "when": "after", "count": 1},
    {"operation": "quantityModificationCommandUsingPUT", "kind": "drop", "when": "after", "count": 1},
    {"operation": "createOrderShipmentsUsingPOST", "kind": "drop", "when": "after", "count": 1},
    {"operation": "*", "kind": "http500", "rate": 0.1},
    {"operation": "*", "kind": "drop", "when": "after", "rate": 0.1},
]
REST_WRITES = ("quantityModificationCommandUsingPUT", "changePublicationStatusUsingPUT", "editProductOffers",
               "createOrderShipmentsUsingPOST", "createProductOffers")


def run(shop, report=None, **options):
    mp = shop.marketplace(**options)
    try:
        engine = SyncEngine(shop.channel_id, mp)
        plan = engine.plan(report)
        decide(plan, [a.action_id for a in plan.to_confirm])
        return engine.apply(plan, report)
    finally:
        mp.close()


def expected_outcome(shop, control, groups):
    """What a busy day ends with, whatever went wrong on the way."""
    for offer in groups["end"]:
        assert control.offer(offer)["state"] == "ended", offer
    for offer in groups["end"][:-2]:
        assert shop.listing(offer).status == ListingStatus.PENDING_RELIST
    relisted = {o["relisted_from"]: o for o in control.offers() if o["relisted_from"]}
    if shop.api == "rest":  # ACTIVATE under the same id: no new offers
        assert relisted == {}
        relisted = {offer: control.offer(offer) for offer in groups["relist"]}
    assert set(relisted) == set(groups["relist"])
    for source, new in relisted.items():
        assert shop.relisted(source).offer_id == str(new["offer_id"])
        assert new["state"] == "active" and new["quantity"] == 4
    forms = {f["form_id"]: f for f in control.forms()}
    assert Order.select().count() == len(forms)  # every purchase and both auction sales, once
    for form_id in groups["tracking_forms"]:
        assert len(forms[form_id]["packages"]) == 1
    assert Shipment.select().where(Shipment.state == ShipmentState.ACCEPTED).count() == 5


def test_sessions_expiring_in_the_middle_of_a_run(shop, control):
    groups = busy_day(shop, control)
    control.reset_calls()
    expired = []

    def expire(step, done, total):
        if step in ("Ending listings", "Relisting") and not expired:
            expired.append(control.expire_sessions())

    if shop.api == "rest":  # an access token expiring is REST's session expiry
        def expire(step, done, total):
            if step in ("Ending listings", "Relisting") and not expired:
                expired.append(control.expire_tokens())

    report = run(shop, expire)

    assert expired and report.outcome == "ok", report.failures
    log = control.call_log()
    if shop.api == "rest":  # refreshed once, and no call the expired token made was carried out
        assert len([e for e in log if e["operation"] == "oauthToken" and e["executed"]]) == 1
        refused = [e for e in log if e["outcome"] == "invalid_token"]
    else:
        logins = [e for e in log if e["operation"] == "doLoginEnc" and e["executed"]]
        assert len(logins) == 2  # the run's own, and one more after the sessions expired
        refused = [e for e in log if e["outcome"] in ("ERR_SESSION_EXPIRED", "ERR_NO_SESSION")]
    assert refused and all(not e["executed"] for e in refused)
    assert duplicate_effects(log) == []
    run(shop)  # imports the auction sales
    expected_outcome(shop, control, groups)


def test_a_20_percent_fault_rate_from_the_middle_of_a_run(shop, control):
    groups = busy_day(shop, control)
    control.reset_calls()
    injected = []

    def trouble(step, done, total):
        if step == "Changing quantities" and not injected:
            injected.append(control.set_faults(rules=REST_FAULTS_20 if shop.api == "rest" else FAULTS_20))

    outcomes = []
    patient = {"retry": RetryPolicy(retries=5, base=0.01, cap=0.05, limit_pause=0.2)} if shop.api == "webapi" else {}
    try:
        outcomes.append(run(shop, trouble, **patient).outcome)
    except AllegroError as error:  # several failures in a row may stop a run: the next one mends it
        outcomes.append(error.code)
    control.clear_faults()
    for _ in range(3):
        report = run(shop)
        outcomes.append(report.outcome)
        if report.outcome == "ok" and not report.counts.get("recovered_not_done") and not report.failures:
            break
    log = control.call_log()
    hit = [e for e in log if e["outcome"] in ("dropped", "ERR_INTERNAL_SYSTEM_ERROR", "http500")]
    print(f"\n20% faults: {len(hit)} of {len(log)} calls hit; runs: {outcomes}")

    assert injected and hit
    assert [e for e in hit if e["operation"] in ("doChangeQuantityItem", "doFinishItems", "doSellSomeAgain",
                                                 "doVerifyItem", "doAddPackageInfoToPostBuyForm", *REST_WRITES)]
    # absolute quantities may be sent again after a lost answer; nothing else may be
    assert duplicate_effects(log, quantities=False) == []
    expected_outcome(shop, control, groups)
    control.reset_calls()
    final = run(shop)
    assert final.outcome == "ok"
    assert shop.changes_sent() == {}


def test_the_same_day_without_faults_reaches_the_same_state(shop, control):
    """The reference for the fault and kill tests: one uninterrupted run does it all."""
    groups = busy_day(shop, control)
    control.reset_calls()
    report = run(shop)
    assert report.outcome == "ok", report.failures
    # on REST a sold-out offer gets stock before its ACTIVATE, then the stock's quantity
    assert duplicate_effects(control.call_log(), quantities=shop.api == "webapi") == []
    run(shop)  # imports the two auction sales
    expected_outcome(shop, control, groups)
    c = report.counts
    assert (c["listings_ended"], c["listings_relisted"], c["tracking_accepted"]) == (10, 6, 5)
    assert sandbox_picture(control)["offers"] and local_picture(shop.channel_id)["orders"]
