"""What the first screen and the tray icon show: counts of what the shop holds, the demo
channel's progress, and how each channel's latest sync went."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from peewee import fn

from core.models import Channel, Listing, Order, StockItem, SyncRun


@dataclass(frozen=True)
class ShopCounts:
    """The Overview's numbers."""

    channels: int
    items: int
    listings: int
    orders: int


def shop_counts() -> ShopCounts:
    return ShopCounts(Channel.select().count(), StockItem.select().count(), Listing.select().count(), Order.select().count())


def has_channels() -> bool:
    return Channel.select().exists()


def linked_listing_count(channel_id: int) -> int:
    """Listings of a channel linked to a stock item."""
    return Listing.select().where((Listing.channel == channel_id) & Listing.stock_item.is_null(False)).count()


def order_count(channel_id: int) -> int:
    return Order.select().where(Order.channel == channel_id).count()


@dataclass(frozen=True)
class FinishedRun:
    """A channel's latest finished sync: its outcome and what it did (the run's counts)."""

    outcome: str
    counts: dict[str, int] = field(default_factory=dict)


def latest_finished_run(channel_id: int) -> FinishedRun | None:
    run = (
        SyncRun.select(SyncRun.outcome, SyncRun.counts)
        .where((SyncRun.channel == channel_id) & (SyncRun.outcome != "running"))
        .order_by(SyncRun.id.desc())
        .first()
    )
    if run is None:
        return None
    try:
        counts = json.loads(run.counts or "{}")
    except ValueError:
        counts = {}
    return FinishedRun(run.outcome, counts if isinstance(counts, dict) else {})


def latest_run_id() -> int:
    """The id of the newest sync run, running or not; 0 before the first."""
    return SyncRun.select(fn.MAX(SyncRun.id)).scalar() or 0


@dataclass(frozen=True)
class SyncStatus:
    """The latest run of each channel, as the tray tells it."""

    last_run_id: int = 0
    running: tuple[str, ...] = ()  # channels syncing now
    last_finished: datetime | None = None  # UTC, naive
    outcomes: tuple[tuple[str, str], ...] = ()  # (channel, outcome) of each channel's latest finished run
    problems: tuple[str, ...] = ()  # "Channel: sentence" of those runs
    waiting: int = 0  # ends and relists waiting for the seller's confirmation

    @property
    def ok(self) -> bool:
        return not self.problems and all(o in ("ok", "cancelled") for _c, o in self.outcomes)


def sync_status() -> SyncStatus:
    """Read each channel's latest run from the sync history."""
    names = dict(Channel.select(Channel.id, Channel.sub_source).tuples())
    last_id = latest_run_id()
    latest_ids = (
        SyncRun.select(fn.MAX(SyncRun.id)).where(SyncRun.outcome != "running").group_by(SyncRun.channel)
    )
    running = [
        names.get(cid, "?")
        for (cid,) in SyncRun.select(SyncRun.channel).where(SyncRun.outcome == "running").distinct().tuples()
    ]
    outcomes, problems, waiting, last = [], [], 0, None
    rows = (
        SyncRun.select(SyncRun.channel, SyncRun.finished_at, SyncRun.outcome, SyncRun.counts, SyncRun.errors)
        .where(SyncRun.id.in_(latest_ids))
        .tuples()
    )
    for cid, finished, outcome, counts, errors in sorted(rows, key=lambda r: names.get(r[0], "").casefold()):
        name = names.get(cid, "?")
        outcomes.append((name, outcome))
        if finished is not None and (last is None or finished > last):
            last = finished
        for line in (errors or "").splitlines():
            if line.strip() and not line.startswith("Note: "):
                problems.append(f"{name}: {line.strip()}")
        try:
            waiting += int(json.loads(counts or "{}").get("waiting_for_confirmation", 0))
        except (ValueError, TypeError, AttributeError):
            pass
    return SyncStatus(last_id, tuple(sorted(running)), last, tuple(outcomes), tuple(problems), waiting)
