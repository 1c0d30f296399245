"""The Sync screen's data: past runs, what each did and what went wrong, totals per day."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from core.models import Channel, SyncRun, utcnow

OUTCOME_TEXT = {
    "ok": "OK",
    "partial": "Partly failed",
    "failed": "Failed",
    "cancelled": "Cancelled",
    "running": "Running",
}

# The counts a seller cares about, in the order they are told.
COUNT_TEXT = {
    "orders_imported": "Orders imported",
    "orders_updated": "Orders updated",
    "orders_cancelled": "Orders cancelled by the buyer",
    "order_items_unlinked": "Order items not linked to stock",
    "order_items_ambiguous": "Order items with an ambiguous title",
    "order_items_relinked": "Order items linked",
    "listings_seen": "Listings read from Allegro",
    "listings_new": "New listings found",
    "listings_ended_elsewhere": "Listings ended outside the app",
    "quantities_changed": "Quantities sent",
    "quantity_failed": "Quantities refused",
    "listings_ended": "Listings ended",
    "end_failed": "Ends refused",
    "listings_relisted": "Listings relisted",
    "relist_failed": "Relists refused",
    "listings_expired": "Listings past the 60-day relist window",
    "tracking_accepted": "Tracking numbers accepted",
    "tracking_rejected": "Tracking numbers rejected",
    "tracking_invalid": "Tracking numbers in a wrong format (not sent)",
    "waiting_for_confirmation": "Ends and relists waiting for confirmation",
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


def duration_text(started: datetime | None, finished: datetime | None) -> str:
    if started is None or finished is None:
        return ""
    seconds = max(int((finished - started).total_seconds()), 0)
    return f"{seconds} s" if seconds < 120 else f"{seconds // 60} min {seconds % 60} s"


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
                OUTCOME_TEXT.get(outcome, outcome),
                duration_text(started, finished),
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
    told = [(text, c[key]) for key, text in COUNT_TEXT.items() if c.get(key)]
    told += [(key.replace("_", " ").capitalize(), value) for key, value in sorted(c.items()) if key not in COUNT_TEXT and value]
    problems, notes = _split(run.errors)
    return RunDetail(run.id, run.channel.sub_source, run.started_at, OUTCOME_TEXT.get(run.outcome, run.outcome), told, problems, notes)


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
