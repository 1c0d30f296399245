"""`main.py listings list|link|unlink|auto-link|strike-off|reinstate`: the inventory mapping, scripted."""
from __future__ import annotations

import argparse
import sys

from peewee import JOIN

from core.cli.database import open_for_command
from core.listing_links import (
    LinkError,
    auto_link_exact_title,
    find_listing,
    link_offer,
    reinstate,
    status_text,
    strike_off,
    unlink_offer,
)
from core.models import Channel, Listing, StockItem
from core.i18n import _, n_


def _offer_id(text: str) -> int:
    """An offer id as typed: a whole number that fits Allegro's (and the database's) 64 bits."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 0 < value < 2**63:
        raise argparse.ArgumentTypeError(
            _("{text} is not an offer id (a whole number such as 7100000001).").format(text=text)
        )
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py listings", description="List listings and link them to stock items.")
    sub = parser.add_subparsers(dest="action", required=True)
    lst = sub.add_parser("list", help="every listing with its status and linked stock item")
    lst.add_argument("--channel", help="only this channel (its SubSource)")
    lst.add_argument("--unlinked", action="store_true", help="only listings not linked to a stock item")
    link = sub.add_parser("link", help="link a listing to a stock item")
    link.add_argument("offer_id", type=_offer_id)
    link.add_argument("sku")
    link.add_argument("--channel")
    unlink = sub.add_parser("unlink", help="unlink a listing from its stock item")
    unlink.add_argument("offer_id", type=_offer_id)
    unlink.add_argument("--channel")
    auto = sub.add_parser(
        "auto-link",
        help="link unlinked listings whose title matches exactly one stock item; list the rest",
    )
    auto.add_argument("--exact-title", action="store_true", required=True, help="match by exact title (required)")
    auto.add_argument("--channel")
    auto.add_argument("--dry-run", action="store_true", help="show what would be linked; change nothing")
    for name, text in (("strike-off", "never relist this pending-relist listing"), ("reinstate", "undo a strike-off")):
        p = sub.add_parser(name, help=text)
        p.add_argument("offer_id", type=_offer_id)
        p.add_argument("--channel")
    return parser


def main(argv: list[str], paths) -> int:
    args = _parser().parse_args(argv)
    db = open_for_command(paths)
    if db is None:
        return 1
    try:
        return ACTIONS[args.action](args)
    except LinkError as e:
        print(e.message, file=sys.stderr)
        return 1
    finally:
        db.close()


def _list(args) -> int:
    query = (
        Listing.select(Listing, Channel, StockItem)
        .join(Channel)
        .switch(Listing)
        .join(StockItem, join_type=JOIN.LEFT_OUTER)
        .order_by(Channel.sub_source, Listing.title, Listing.offer_id)
    )
    if args.channel:
        if not Channel.select().where(Channel.sub_source == args.channel).exists():
            raise LinkError(_("There is no channel called {name}.").format(name=args.channel))
        query = query.where(Channel.sub_source == args.channel)
    if args.unlinked:
        query = query.where(Listing.stock_item.is_null())
    from core.sync.guards import oversell_risks

    at_risk = {r.listing_id for c in Channel.select() for r in oversell_risks(c)}
    listed = list(query)
    rows = [
        (
            str(lst.offer_id),
            lst.channel.sub_source,
            status_text(lst.status, lst.ended_at) + (" · " + _("OVERSELL RISK") if lst.id in at_risk else ""),
            lst.format.replace("_", " "),
            str(lst.quantity),
            lst.stock_item.sku if lst.stock_item_id else "-",
            lst.title,
        )
        for lst in listed
    ]
    header = (_("OFFER ID"), _("CHANNEL"), _("STATUS"), _("FORMAT"), _("QTY"), _("SKU"), _("TITLE"))
    widths = [max([len(header[i])] + [len(r[i]) for r in rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths)) + "  " + row[-1])
    print(n_("{n} listing(s).", "{n} listing(s).", len(rows)).format(n=len(rows)))
    shown_risks = sum(1 for lst in listed if lst.id in at_risk)
    if shown_risks:
        print(
            n_(
                "{n} live listing has nothing available to send (OVERSELL RISK): end it, or restock it.",
                "{n} live listings have nothing available to send (OVERSELL RISK): end them, or restock them.",
                shown_risks,
            ).format(n=shown_risks)
        )
    return 0


def _link(args) -> int:
    listing = link_offer(args.offer_id, args.sku, args.channel)
    print(_("Linked offer {offer} “{title}” to {sku}.").format(offer=listing.offer_id, title=listing.title, sku=args.sku.strip()))
    return 0


def _unlink(args) -> int:
    listing = unlink_offer(args.offer_id, args.channel)
    print(_("Unlinked offer {offer} “{title}”.").format(offer=listing.offer_id, title=listing.title))
    return 0


def _auto_link(args) -> int:
    report = auto_link_exact_title(args.channel, dry_run=args.dry_run)
    line = _("Would link offer {offer} “{title}” to {sku}.") if args.dry_run else _("Linked offer {offer} “{title}” to {sku}.")
    for listing, sku in report.linked:
        print(line.format(offer=listing.offer_id, title=listing.title, sku=sku))
    if report.ambiguous:
        print(_("Ambiguous, not linked ({n}): the title matches several stock items.").format(n=len(report.ambiguous)))
        for listing, skus in report.ambiguous:
            print("  " + _("offer {offer} “{title}”").format(offer=listing.offer_id, title=listing.title) + ": " + ", ".join(skus))
    if report.unmatched:
        print(_("No stock item with the same title ({n}):").format(n=len(report.unmatched)))
        for listing in report.unmatched:
            print("  " + _("offer {offer} “{title}”").format(offer=listing.offer_id, title=listing.title))
    summary = _("{linked} to link, {ambiguous} ambiguous, {unmatched} without a match.") if args.dry_run else _(
        "{linked} linked, {ambiguous} ambiguous, {unmatched} without a match."
    )
    print(summary.format(linked=len(report.linked), ambiguous=len(report.ambiguous), unmatched=len(report.unmatched)))
    return 0


def _strike_off(args) -> int:
    listing = find_listing(args.offer_id, args.channel)
    strike_off(listing.id)
    print(_("Struck off offer {offer} “{title}”: it will not be relisted.").format(offer=listing.offer_id, title=listing.title))
    return 0


def _reinstate(args) -> int:
    listing = find_listing(args.offer_id, args.channel)
    status = reinstate(listing.id)
    print(
        _("Reinstated offer {offer} “{title}”: {status}.").format(
            offer=listing.offer_id, title=listing.title, status=status_text(status, listing.ended_at).lower()
        )
    )
    return 0


ACTIONS = {
    "list": _list,
    "link": _link,
    "unlink": _unlink,
    "auto-link": _auto_link,
    "strike-off": _strike_off,
    "reinstate": _reinstate,
}
