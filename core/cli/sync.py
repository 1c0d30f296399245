"""`main.py sync [--channel NAME] [--yes]`: one headless sync, for cron or Task Scheduler.

Every enabled channel (or the one named) is synced: orders imported, quantities and
tracking numbers sent. Listings to end or relist are printed, and sent only with
--yes; without it they wait, proposed, for the next sync or the app's confirmation.
Exit status: 0 when everything planned was done, 1 when any action or channel failed,
2 for a wrong command line.
"""
from __future__ import annotations

import argparse
import sys

from core.allegro.errors import AllegroError
from core.cli.database import open_for_command
from core.models import Channel
from core.sync.engine import SyncCancelled, SyncEngine, SyncRefused, decide
from core.sync.lock import LockLost, SyncBusy
from core.sync.plan import Plan, Report

INVALID = 2
FAILED = 1

COUNT_WORDS = [
    ("orders_imported", "order imported", "orders imported"),
    ("orders_updated", "order updated", "orders updated"),
    ("orders_cancelled", "order cancelled by the buyer", "orders cancelled by buyers"),
    ("quantities_changed", "quantity changed", "quantities changed"),
    ("listings_ended", "listing ended", "listings ended"),
    ("listings_relisted", "listing relisted", "listings relisted"),
    ("listings_expired", "listing past the 60-day relist window", "listings past the 60-day relist window"),
    ("tracking_accepted", "tracking number accepted", "tracking numbers accepted"),
    ("tracking_rejected", "tracking number rejected", "tracking numbers rejected"),
    ("recovered_done", "unfinished change found done on Allegro", "unfinished changes found done on Allegro"),
]


def _counted(counts: dict, words) -> list[str]:
    return [f"{counts[key]} {one if counts[key] == 1 else many}" for key, one, many in words if counts.get(key)]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py sync", description="Sync Allegro channels once.")
    parser.add_argument("--channel", metavar="NAME", help="sync only this channel (its SubSource)")
    parser.add_argument(
        "--yes",
        action="store_true",
        help="also end and relist the listings the plan proposes (otherwise they wait for confirmation)",
    )
    return parser


def _say(text: str = "") -> None:
    print(text, flush=True)


def main(argv: list[str], paths, marketplace_factory=None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return INVALID if exit_.code else 0
    db = open_for_command(paths)
    if db is None:
        return FAILED
    try:
        if args.channel:
            channel = Channel.get_or_none(Channel.sub_source == args.channel)
            if channel is None:
                names = ", ".join(c.sub_source for c in Channel.select().order_by(Channel.sub_source)) or "none"
                print(f"There is no channel {args.channel}. Channels: {names}.", file=sys.stderr)
                return INVALID
            chosen = [channel]
        else:
            chosen = list(Channel.select().order_by(Channel.sub_source))
        status = 0
        synced = 0
        for channel in chosen:
            if not channel.enabled:
                _say(f"{channel.sub_source}: disabled, skipped.")
                continue
            synced += 1
            status = max(status, sync_channel(channel, paths, args.yes, marketplace_factory))
        if not synced and not args.channel:
            _say("No enabled channel to sync.")
        return status
    finally:
        db.close()


def sync_channel(channel: Channel, paths, approve: bool, marketplace_factory=None) -> int:
    """Plan, print, (approve), apply one channel; returns its exit status."""
    from core.sync.marketplace import make_marketplace

    name = channel.sub_source
    _say(f"{name}: syncing…")
    marketplace = None
    try:
        marketplace = (marketplace_factory or make_marketplace)(channel, paths)
        engine = SyncEngine(channel, marketplace)
        plan = engine.plan(_progress(name))
        for line in describe_plan(plan, approve):
            _say(line)
        if approve and plan.to_confirm:
            decide(plan, [a.action_id for a in plan.to_confirm])
        _say(f"{name}: applying…")
        report = engine.apply(plan, _progress(name))
    except (SyncRefused, SyncBusy, LockLost) as error:
        print(f"{name}: {error.message}", file=sys.stderr)
        return FAILED
    except SyncCancelled:
        print(f"{name}: cancelled.", file=sys.stderr)
        return FAILED
    except AllegroError as error:
        print(f"{name}: the sync stopped: {error.message}", file=sys.stderr)
        return FAILED
    finally:
        if marketplace is not None:
            marketplace.close()
    for line in describe_report(report):
        _say(line)
    return FAILED if report.failed else 0


def _progress(name: str):
    last = [""]

    def report(step: str, done: int, total: int) -> None:
        if step != last[0]:
            last[0] = step
            _say(f"  {step}…")

    return report


def describe_plan(plan: Plan, approve: bool) -> list[str]:
    lines = []
    c = plan.counts
    got = _counted(c, COUNT_WORDS[:3])
    if got:
        lines.append(f"{plan.channel_name}: " + ", ".join(got) + ".")
    todo = []
    if plan.quantity_changes:
        todo.append(f"{plan.quantity_changes} quantity change(s)")
    if plan.tracking_uploads:
        todo.append(f"{plan.tracking_uploads} tracking number(s) to send")
    if plan.ends:
        todo.append(f"{len(plan.ends)} listing(s) to end")
    if plan.relists:
        todo.append(f"{len(plan.relists)} listing(s) to relist")
    lines.append(f"{plan.channel_name}: plan: " + (", ".join(todo) if todo else "nothing to send") + ".")
    for action in plan.ends:
        item = f" [{action.sku}]" if action.sku else ""
        lines.append(f"  End    {action.offer_id}  {action.title}{item}: {action.reason}")
    for action in plan.relists:
        item = f" [{action.sku}]" if action.sku else ""
        duration = "until sold out" if action.duration_days in (0, 99, None) else f"{action.duration_days} days"
        start = f", starts {action.start_at:%Y-%m-%d %H:%M} UTC" if action.start_at else ""
        lines.append(f"  Relist {action.offer_id}  {action.title}{item}: {action.reason}; {duration}{start}")
    if plan.to_confirm and not approve:
        lines.append(
            f"{plan.channel_name}: {len(plan.to_confirm)} listing(s) to end or relist wait for confirmation; "
            "run with --yes to apply them."
        )
    for note in plan.notes:
        lines.append(f"  Note: {note}")
    return lines


def describe_report(report: Report) -> list[str]:
    c = report.counts
    done = _counted(c, COUNT_WORDS[3:])
    outcome = {"ok": "done", "partial": "done with problems", "failed": "failed", "cancelled": "cancelled"}
    lines = [f"{report.channel_name}: {outcome.get(report.outcome, report.outcome)}" + (": " + ", ".join(done) if done else "") + "."]
    lines += [f"  Problem: {failure}" for failure in report.failures]
    return lines
