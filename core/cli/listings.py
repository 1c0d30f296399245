"""`main.py listings list|link|unlink|auto-link|strike-off|reinstate`: the inventory mapping, scripted."""
from __future__ import annotations

from peewee import JOIN

from core.cli.common import FAILED, offer_id, Refused, action, actions, add_json, command_parser, print_json, print_table, run
from core.listing_rows import next_sync
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
from core.models import Channel, Listing, StockItem, id_order
from core.i18n import N_, _, n_


def _parser():
    parser = command_parser(
        "listings",
        "Listings of every channel: their status, linked stock item and what the next sync would send.",
        ["main.py listings list --channel MyShop", "main.py listings link 7100000001 KUB-1"],
    )
    sub = actions(parser)
    lst = action(
        sub,
        "list",
        "every listing with its status, linked stock item and what the next sync would do",
        ["main.py listings list --channel MyShop --unlinked", "main.py listings list --json"],
        description="Every listing with its status and linked stock item, the stock available for it, and what "
        "the next sync would do with it (the quantity it would send, an end or a relist) and why, by the "
        "sync's own rules and the channel's options. Nothing is sent.",
    )
    lst.add_argument("--channel", help="only this channel (its SubSource)")
    lst.add_argument("--unlinked", action="store_true", help="only listings not linked to a stock item")
    add_json(lst)
    link = action(sub, "link", "link a listing to a stock item", ["main.py listings link 7100000001 KUB-1"])
    link.add_argument("offer_id", type=offer_id)
    link.add_argument("sku")
    link.add_argument("--channel")
    unlink = action(sub, "unlink", "unlink a listing from its stock item", ["main.py listings unlink 7100000001"])
    unlink.add_argument("offer_id", type=offer_id)
    unlink.add_argument("--channel")
    auto = action(
        sub,
        "auto-link",
        "link unlinked listings whose title matches exactly one stock item; list the rest",
        ["main.py listings auto-link --exact-title --dry-run"],
    )
    auto.add_argument("--exact-title", action="store_true", required=True, help="match by exact title (required)")
    auto.add_argument("--channel")
    auto.add_argument("--dry-run", action="store_true", help="show what would be linked; change nothing")
    for name, text in (("strike-off", "never relist this pending-relist listing"), ("reinstate", "undo a strike-off")):
        p = action(sub, name, text, [f"main.py listings {name} 7100000001"])
        p.add_argument("offer_id", type=offer_id)
        p.add_argument("--channel")
    return parser


def main(argv: list[str], paths) -> int:
    return run(_parser(), argv, paths, {name: _linking(handler) for name, handler in ACTIONS.items()})


def _linking(handler):
    """A handler whose LinkError is told as the command's failure (exit status 1)."""

    def run_handler(args, paths) -> int:
        try:
            return handler(args)
        except LinkError as e:
            raise Refused(e.message, status=FAILED) from None

    return run_handler


NEXT_WORDS = {"quantity": N_("send {n}"), "end": N_("end"), "relist": N_("relist")}


def _list(args) -> int:
    listings = list(_listings_query(args.channel, args.unlinked))
    records = listing_records(listings)
    if args.json:
        print_json(records)
        return 0
    _print_listings(records, listings)
    return 0


def _listings_query(channel: str | None, unlinked: bool):
    """Listings with their channel and stock item, of one channel or all, by channel and title."""
    query = (
        Listing.select(Listing, Channel, StockItem)
        .join(Channel)
        .switch(Listing)
        .join(StockItem, join_type=JOIN.LEFT_OUTER)
        .order_by(Channel.sub_source, Listing.title, *id_order(Listing.offer_id))
    )
    if channel:
        if not Channel.select().where(Channel.sub_source == channel).exists():
            raise LinkError(_("There is no channel called {name}.").format(name=channel))
        query = query.where(Channel.sub_source == channel)
    if unlinked:
        query = query.where(Listing.stock_item.is_null())
    return query


def listing_records(listings: list[Listing]) -> list[dict]:
    """Listings as `--json` prints them, with what the next sync would do (docs/cli.md)."""
    from core.sync.guards import oversell_risks

    at_risk = {r.listing_id for c in Channel.select() for r in oversell_risks(c)}
    plans = {}
    for channel in {lst.channel.id: lst.channel for lst in listings}.values():
        plans.update(next_sync(channel))
    return [_listing_record(lst, plans.get(lst.id), lst.id in at_risk) for lst in listings]


def _listing_record(lst: Listing, plan, at_risk: bool) -> dict:
    return {
        "offer_id": lst.offer_id,
        "channel": lst.channel.sub_source,
        "title": lst.title,
        "status": lst.status,
        "format": lst.format,
        "quantity": lst.quantity,
        "bids": lst.bids,
        "sku": lst.stock_item.sku if lst.stock_item_id else None,
        "available": plan.available if plan else None,
        "next_action": (plan.action or None) if plan else None,
        "next_quantity": plan.quantity if plan else None,
        "why": plan.why if plan else "",
        "oversell_risk": at_risk,
    }


def _next_text(record: dict) -> str:
    if not record["next_action"]:
        return "-"
    return _(NEXT_WORDS[record["next_action"]]).format(n=record["next_quantity"])


def _listing_row(r: dict, lst: Listing) -> tuple:
    return (
        r["offer_id"],
        r["channel"],
        status_text(lst.status, lst.ended_at) + (" · " + _("OVERSELL RISK") if r["oversell_risk"] else ""),
        lst.format.replace("_", " "),
        r["quantity"],
        r["sku"] or "-",
        "-" if r["available"] is None else r["available"],
        _next_text(r),
        # an unlinked listing's SKU column already says why nothing is sent
        f"{r['title']}  ({r['why']})" if r["why"] and r["sku"] else r["title"],
    )


def _print_listings(records: list[dict], listings: list[Listing]) -> None:
    header = (_("OFFER ID"), _("CHANNEL"), _("STATUS"), _("FORMAT"), _("QTY"), _("SKU"), _("AVAIL."), _("NEXT SYNC"), _("TITLE"))
    print_table(header, [_listing_row(r, lst) for r, lst in zip(records, listings)], free_last=True)
    print(n_("{n} listing.", "{n} listings.", len(records)).format(n=len(records)))
    shown_risks = sum(1 for r in records if r["oversell_risk"])
    if shown_risks:
        print(
            n_(
                "{n} live listing has nothing available to send (OVERSELL RISK): end it, or restock it.",
                "{n} live listings have nothing available to send (OVERSELL RISK): end them, or restock them.",
                shown_risks,
            ).format(n=shown_risks)
        )


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
        ambiguous = len(report.ambiguous)
        print(
            n_(
                "{n} listing is ambiguous, not linked: its title matches several stock items.",
                "{n} listings are ambiguous, not linked: their titles match several stock items.",
                ambiguous,
            ).format(n=ambiguous)
        )
        for listing, skus in report.ambiguous:
            print("  " + _("offer {offer} “{title}”").format(offer=listing.offer_id, title=listing.title) + ": " + ", ".join(skus))
    if report.unmatched:
        unmatched = len(report.unmatched)
        print(
            n_(
                "{n} listing has no stock item with the same title:",
                "{n} listings have no stock item with the same title:",
                unmatched,
            ).format(n=unmatched)
        )
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
