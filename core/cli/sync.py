"""`main.py sync [--channel NAME] [--yes]`: one headless sync, for cron or Task Scheduler.

Every enabled channel (or the one named) is synced: orders imported, quantities and
tracking numbers sent. Listings to end or relist are printed, and sent only with
--yes; without it they wait, proposed, for the next sync or the app's confirmation.
A run the mass-end or quantity brake holds (core/sync/guards.py) sends none of the held
actions unless --allow-mass-end is given.

Exit status (for cron: anything but 0 needs a look):
  0  everything planned was done
  1  an action or a channel failed (the reasons are printed)
  2  a wrong command line
  3  listings to end or relist wait for confirmation (run with --yes, or confirm in the app)
  4  a brake held ends or quantities (run with --allow-mass-end after checking the stock)
The highest-priority status wins: 1, then 4, then 3.
"""
from __future__ import annotations

import argparse
import sys

from core.allegro.errors import AllegroError
from core.cli.common import command_parser, parse
from core.cli.database import open_for_command
from core.models import Channel
from core.sync.engine import SyncCancelled, SyncEngine, SyncRefused, SyncStorageFailed, decide
from core.sync.lock import LockLost, SyncBusy
from core.sync.plan import Plan, Report
from core.i18n import N_, _, n_

INVALID = 2
FAILED = 1
WAITING = 3  # ends or relists wait for the seller's confirmation
HELD = 4  # a brake held ends or quantities
_PRIORITY = {0: 0, WAITING: 1, HELD: 2, INVALID: 3, FAILED: 4}

# (count, singular, plural): the singular is the catalogue key of the counted sentence (core.i18n.n_)
COUNT_WORDS = [
    ("orders_imported", N_("{n} order imported"), "{n} orders imported"),
    ("orders_updated", N_("{n} order updated"), "{n} orders updated"),
    ("orders_cancelled", N_("{n} order cancelled by the buyer"), "{n} orders cancelled by buyers"),
    ("quantities_changed", N_("{n} quantity changed"), "{n} quantities changed"),
    ("listings_ended", N_("{n} listing ended"), "{n} listings ended"),
    ("listings_relisted", N_("{n} listing relisted"), "{n} listings relisted"),
    ("listings_expired", N_("{n} listing past the 60-day relist window"), "{n} listings past the 60-day relist window"),
    ("tracking_accepted", N_("{n} tracking number accepted"), "{n} tracking numbers accepted"),
    ("tracking_rejected", N_("{n} tracking number rejected"), "{n} tracking numbers rejected"),
    ("recovered_done", N_("{n} unfinished change found done on Allegro"), "{n} unfinished changes found done on Allegro"),
    ("held_by_brake", N_("{n} change held by a brake"), "{n} changes held by a brake"),
    ("oversell_risk", N_("{n} listing at oversell risk"), "{n} listings at oversell risk"),
]


def _counted(counts: dict, words) -> list[str]:
    return [n_(one, many, counts[key]).format(n=counts[key]) for key, one, many in words if counts.get(key)]


def _parser() -> argparse.ArgumentParser:
    parser = command_parser(
        "sync",
        "Syncs every enabled channel (or the one named) once: orders imported, quantities and tracking numbers "
        "sent. Listings to end or relist are printed and sent only with --yes (or with the channel's No Manual "
        "Confirmation on); without it they wait for the next sync or the app's confirmation. Nothing is asked. "
        "Exit status: 0 done; 1 an action or channel failed; 2 wrong command line; "
        "3 ends or relists wait for confirmation; 4 a brake held ends or quantities.",
        ["main.py sync", "main.py sync --channel MyShop --yes"],
    )
    parser.add_argument("--channel", metavar="NAME", help="sync only this channel (its SubSource)")
    parser.add_argument(
        "--yes",
        action="store_true",
        help="also end and relist the listings the plan proposes (otherwise they wait for confirmation)",
    )
    parser.add_argument(
        "--allow-mass-end",
        action="store_true",
        help="send ends and quantity drops even when the channel's mass-end brake would hold them",
    )
    return parser


def _say(text: str = "") -> None:
    print(text, flush=True)


def main(argv: list[str], paths, marketplace_factory=None) -> int:
    args = parse(_parser(), argv)
    if isinstance(args, int):
        return args
    db = open_for_command(paths)
    if db is None:
        return FAILED
    try:
        if args.channel:
            channel = Channel.get_or_none(Channel.sub_source == args.channel)
            if channel is None:
                names = ", ".join(c.sub_source for c in Channel.select().order_by(Channel.sub_source)) or _("none")
                print(_("There is no channel {name}. Channels: {names}.").format(name=args.channel, names=names), file=sys.stderr)
                return INVALID
            chosen = [channel]
        else:
            chosen = list(Channel.select().order_by(Channel.sub_source))
        status = 0
        synced = 0
        for channel in chosen:
            if not channel.enabled:
                _say(f"{channel.sub_source}: " + _("disabled, skipped."))
                continue
            synced += 1
            got = sync_channel(channel, paths, args.yes, marketplace_factory, allow_mass_end=args.allow_mass_end)
            status = max(status, got, key=_PRIORITY.__getitem__)
        if not synced and not args.channel:
            _say(_("No enabled channel to sync."))
        return status
    finally:
        db.close()


def sync_channel(channel: Channel, paths, approve: bool, marketplace_factory=None, *, allow_mass_end: bool = False) -> int:
    """Plan, print, (approve), apply one channel; returns its exit status."""
    from core.sync.marketplace import make_marketplace

    name = channel.sub_source
    _say(f"{name}: " + _("syncing…"))
    marketplace = None
    try:
        marketplace = (marketplace_factory or make_marketplace)(channel, paths)
        engine = SyncEngine(channel, marketplace, allow_mass_end=allow_mass_end)
        progress = _progress(name)
        plan = engine.plan(progress)
        for line in describe_plan(plan, approve):
            _say(line)
        held = {i for h in plan.held for i in h.action_ids}
        if approve and plan.to_confirm:
            # a held end stays undecided: it waits, proposed, as the brake asks
            decide([a for a in plan.to_confirm if a.action_id not in held], [a.action_id for a in plan.to_confirm if a.action_id not in held])
        _say(f"{name}: " + _("applying…"))
        report = engine.apply(plan, progress)
    except (SyncRefused, SyncBusy, LockLost, SyncStorageFailed) as error:
        print(f"{name}: {error.message}", file=sys.stderr)
        return FAILED
    except SyncCancelled:
        print(f"{name}: " + _("cancelled."), file=sys.stderr)
        return FAILED
    except AllegroError as error:
        print(f"{name}: " + _("the sync stopped: {why}").format(why=error.message), file=sys.stderr)
        return FAILED
    finally:
        if marketplace is not None:
            marketplace.close()
    for line in describe_report(report, plan.notes):
        _say(line)
    if report.failed:
        return FAILED
    if report.counts.get("held_by_brake"):
        return HELD
    return WAITING if report.counts.get("waiting_for_confirmation") else 0


def _progress(name: str):
    """Each step's name printed once, when it first begins.

    Steps come back: orders are stored while the listing pages are still read, so
    "Reading listings" and "Importing orders" take turns, and steps sent side by side
    are reported joined ("Changing quantities · Ending listings"). Printing on every
    change of name repeated them; each part is printed the first time it is seen."""
    seen: set[str] = set()

    def report(step: str, done: int, total: int) -> None:
        for part in step.split(" · "):
            if part and part not in seen:
                seen.add(part)
                _say(f"  {part}…")

    return report


def describe_plan(plan: Plan, approve: bool) -> list[str]:
    lines = []
    got = _counted(plan.counts, COUNT_WORDS[:3])
    if got:
        lines.append(f"{plan.channel_name}: " + ", ".join(got) + ".")
    todo = _plan_todo(plan)
    lines.append(f"{plan.channel_name}: " + _("plan: ") + (", ".join(todo) if todo else _("nothing to send")) + ".")
    lines += _action_lines(plan)
    held = {i for h in plan.held for i in h.action_ids}
    waiting = sum(1 for a in plan.to_confirm if a.action_id not in held)
    if waiting and not approve:
        lines.append(
            f"{plan.channel_name}: "
            + n_(
                "{n} listing to end or relist waits for confirmation; run with --yes to apply it.",
                "{n} listings to end or relist wait for confirmation; run with --yes to apply them.",
                waiting,
            ).format(n=waiting)
        )
    held_messages = {h.message for h in plan.held}
    lines += ["  " + _("Note: {note}").format(note=note) for note in plan.notes if note not in held_messages]
    for hold in plan.held:
        lines.append(f"{plan.channel_name}: " + hold.message + " " + _("Nothing held is sent; check the stock, then run main.py sync again with --allow-mass-end to send it."))
    return lines


def _plan_todo(plan: Plan) -> list[str]:
    """What the plan sends, counted: quantities, tracking numbers, ends, relists (none left out as 0)."""
    counted = (
        (plan.quantity_changes, n_("{n} quantity change", "{n} quantity changes", plan.quantity_changes)),
        (plan.tracking_uploads, n_("{n} tracking number to send", "{n} tracking numbers to send", plan.tracking_uploads)),
        (len(plan.ends), n_("{n} listing to end", "{n} listings to end", len(plan.ends))),
        (len(plan.relists), n_("{n} listing to relist", "{n} listings to relist", len(plan.relists))),
    )
    return [text.format(n=n) for n, text in counted if n]


def _action_lines(plan: Plan) -> list[str]:
    """One line per end and relist: offer, title, stock item, reason; a relist's duration and start."""
    end_word, relist_word = _("End"), _("Relist")
    width = max(len(end_word), len(relist_word))
    lines = [f"  {end_word.ljust(width)} {a.offer_id}  {a.title}{_item_text(a)}: {a.reason}" for a in plan.ends]
    for action in plan.relists:
        start = (", " + _("starts {time} UTC").format(time=f"{action.start_at:%Y-%m-%d %H:%M}")) if action.start_at else ""
        lines.append(
            f"  {relist_word.ljust(width)} {action.offer_id}  {action.title}{_item_text(action)}: {action.reason}; "
            f"{_duration_text(action.duration_days)}{start}"
        )
    return lines


def _item_text(action) -> str:
    return f" [{action.sku}]" if action.sku else ""


def _duration_text(days: int | None) -> str:
    if days in (0, 99, None):
        return _("until sold out")
    return n_("{n} day", "{n} days", days).format(n=days)


def describe_report(report: Report, shown_notes=()) -> list[str]:
    """The outcome, the problems and the notes not printed with the plan (`shown_notes`)."""
    c = report.counts
    done = _counted(c, COUNT_WORDS[3:])
    outcome = {"ok": _("done"), "partial": _("done with problems"), "failed": _("failed"), "cancelled": _("cancelled")}
    lines = [f"{report.channel_name}: {outcome.get(report.outcome, report.outcome)}" + (": " + ", ".join(done) if done else "") + "."]
    lines += ["  " + _("Problem: {problem}").format(problem=failure) for failure in report.failures]
    lines += ["  " + _("Note: {note}").format(note=note) for note in report.notes if note not in shown_notes]
    return lines
