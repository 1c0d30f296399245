"""The Sync screen's data: past runs, what each did and what went wrong, totals per day."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from core.models import Channel, SyncRun, utcnow
from core.sync.decisions import WAITED
from core.i18n import N_, _

OUTCOME_TEXT = {
    "ok": N_("OK"),
    "partial": N_("Partly failed"),
    "failed": N_("Failed"),
    "cancelled": N_("Cancelled"),
    "running": N_("Running"),
}

# The counts a seller cares about, in the order they are told.
COUNT_TEXT = {
    "orders_imported": N_("Orders imported"),
    "orders_updated": N_("Orders updated"),
    "orders_cancelled": N_("Orders cancelled by the buyer"),
    "order_items_unlinked": N_("Order items not linked to stock"),
    "order_items_ambiguous": N_("Order items with an ambiguous title"),
    "order_items_relinked": N_("Order items linked"),
    "listings_seen": N_("Listings read from Allegro"),
    "listings_new": N_("New listings found"),
    "listings_ended_elsewhere": N_("Listings ended outside the app"),
    "listings_changed_elsewhere": N_("Listings changed outside the app"),
    "quantities_changed": N_("Quantities sent"),
    "quantity_failed": N_("Quantities refused"),
    "listings_ended": N_("Listings ended"),
    "end_failed": N_("Ends refused"),
    "listings_relisted": N_("Listings relisted"),
    "relist_failed": N_("Relists refused"),
    "listings_expired": N_("Listings past the 60-day relist window"),
    "tracking_accepted": N_("Tracking numbers accepted"),
    "tracking_rejected": N_("Tracking numbers rejected"),
    "tracking_invalid": N_("Tracking numbers in a wrong format (not sent)"),
    "waiting_for_confirmation": N_("Ends and relists waiting for confirmation"),
    "held_by_brake": N_("Changes held by a brake"),
    WAITED: N_("Seconds spent waiting for your answer (not counted in Took)"),
    "oversell_risk": N_("Listings at oversell risk after the run"),
    "recovered_done": N_("Unfinished changes found done on Allegro"),
    "recovered_not_done": N_("Unfinished changes found not done (planned again)"),
    "still_unknown": N_("Relists Allegro is still processing"),
    "sent_again_after_check": N_("Changes sent again after Allegro showed them not done"),
    "late_writes_corrected": N_("Quantities set again after a late change landed over them"),
    "skipped_no_stock": N_("Listings with no stock left live (End Listings is off)"),
    "skipped_auction_with_no_stock": N_("Auctions with no stock left live (End Auctions is off)"),
    "skipped_auction_with_bids_and_no_stock": N_("Auctions with bids and no stock left live (End Auctions with bids is off)"),
    "skipped_back_in_stock": N_("Listings back in stock not relisted (see the notes)"),
}

# Shown: started, channel, outcome, duration (s), orders, quantities, ended, relisted,
# tracking, problems. Hidden after them: outcome code, channel id, the problem text.
COLUMN_COUNT = 10
OUTCOME, CHANNEL_ID, PROBLEMS = range(COLUMN_COUNT + 1, COLUMN_COUNT + 4)


def _counts(run_counts: str) -> dict[str, int]:
    try:
        value = json.loads(run_counts or "{}")
    except ValueError:
        return {}
    return {k: int(v) for k, v in value.items() if isinstance(v, int | float)}


def _split(errors: str) -> tuple[list[str], list[str]]:
    lines = [line for line in (errors or "").splitlines() if line.strip()]
    notes = [line[len("Note: ") :] for line in lines if line.startswith("Note: ")]
    problems = [line for line in lines if not line.startswith("Note: ")]
    return problems, notes


def duration_text(started: datetime | None, finished: datetime | None, waited: int = 0) -> str:
    """How long the run took, less the `waited` seconds it spent waiting for the seller's answer."""
    if started is None or finished is None:
        return ""
    seconds = max(int((finished - started).total_seconds()) - waited, 0)
    if seconds < 120:
        return _("{s} s").format(s=seconds)
    return _("{m} min {s} s").format(m=seconds // 60, s=seconds % 60)


def run_rows(limit: int = 5000) -> list[tuple]:
    channels = dict(Channel.select(Channel.id, Channel.sub_source).tuples())
    rows = []
    for run_id, cid, started, finished, outcome, counts, errors in (
        SyncRun.select(
            SyncRun.id,
            SyncRun.channel,
            SyncRun.started_at,
            SyncRun.finished_at,
            SyncRun.outcome,
            SyncRun.counts,
            SyncRun.errors,
        )
        .order_by(SyncRun.started_at.desc(), SyncRun.id.desc())
        .limit(limit)
        .tuples()
    ):
        c = _counts(counts)
        problems, _notes = _split(errors)
        rows.append(
            (
                run_id,
                started,
                channels.get(cid, ""),
                _(OUTCOME_TEXT.get(outcome, outcome)),
                duration_text(started, finished, c.get(WAITED, 0)),
                c.get("orders_imported", 0),
                c.get("quantities_changed", 0),
                c.get("listings_ended", 0),
                c.get("listings_relisted", 0),
                c.get("tracking_accepted", 0),
                len(problems),
                outcome,
                cid,
                "\n".join(problems),
            )
        )
    return rows


@dataclass(frozen=True)
class RunDetail:
    run_id: int
    channel: str
    started: datetime | None
    outcome: str
    counts: list[tuple[str, int]]
    problems: list[str]
    notes: list[str]


def run_detail(run_id: int) -> RunDetail | None:
    run = SyncRun.get_or_none(SyncRun.id == run_id)
    if run is None:
        return None
    c = _counts(run.counts)
    told = [(_(text), c[key]) for key, text in COUNT_TEXT.items() if c.get(key)]
    told += [(key.replace("_", " ").capitalize(), value) for key, value in sorted(c.items()) if key not in COUNT_TEXT and value]
    problems, notes = _split(run.errors)
    return RunDetail(
        run.id, run.channel.sub_source, run.started_at, _(OUTCOME_TEXT.get(run.outcome, run.outcome)), told, problems, notes
    )


@dataclass(frozen=True)
class DayTotals:
    day: date
    orders: int
    ended: int
    relisted: int


def daily_totals(days: int = 14, channel_id: int | None = None, today: date | None = None) -> list[DayTotals]:
    """Orders imported and listings ended and relisted per day (UTC), oldest first."""
    today = today or utcnow().date()
    first = today - timedelta(days=days - 1)
    query = SyncRun.select(SyncRun.started_at, SyncRun.counts).where(
        SyncRun.started_at >= datetime.combine(first, datetime.min.time())
    )
    if channel_id is not None:
        query = query.where(SyncRun.channel == channel_id)
    totals: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    for started, counts in query.tuples():
        c = _counts(counts)
        t = totals[started.date()]
        t[0] += c.get("orders_imported", 0)
        t[1] += c.get("listings_ended", 0)
        t[2] += c.get("listings_relisted", 0)
    return [DayTotals(first + timedelta(days=i), *totals.get(first + timedelta(days=i), [0, 0, 0])) for i in range(days)]
