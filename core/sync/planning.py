"""Planning: from the listings, the stock and the channel's options to the actions a run
proposes (drafts), and the plan the confirmation dialog shows. The rules themselves live
in listings.py (End, Relist), stock.py (Quantity), buffers.py and tracking.py."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from core import inventory
from core.channels import ChannelOptions
from core.models import ActionKind, Listing
from core.sync import listings, stock, tracking
from core.sync.actions import Draft
from core.sync.buffers import Buffers
from core.sync.listings import ListingView, Skipped
from core.sync.plan import Plan, ProposedAction
from core.sync.run_record import Tally
from core.i18n import _, n_

NOTE_EXAMPLES = 5


def examples(texts: Sequence[str]) -> str:
    """The first few of `texts`, joined, with an ellipsis when there are more."""
    return "; ".join(texts[:NOTE_EXAMPLES]) + ("…" if len(texts) > NOTE_EXAMPLES else "")


def expire_old(options: ChannelOptions, now: datetime, tally: Tally) -> None:
    expired = listings.expire_old(options.id, now)
    if expired:
        tally.counts["listings_expired"] = expired
        tally.notes.append(
            n_(
                "{n} listing ended over 60 days ago: Allegro no longer relists it.",
                "{n} listings ended over 60 days ago: Allegro no longer relists them.",
                expired,
            ).format(n=expired)
        )


def plan_tracking(options: ChannelOptions, tally: Tally) -> list[Draft]:
    drafts = tracking.plan_uploads(options.id)
    invalid = tracking.invalid_notes(options.id)
    if invalid:
        tally.counts["tracking_invalid"] = tracking.invalid_count(options.id)
        tally.notes.extend(invalid)
    return drafts


def plan_stock(options: ChannelOptions, now: datetime, tally: Tally) -> tuple[list[Draft], list[ListingView], dict[int, int]]:
    """End, else Quantity, else Relist for every linked listing; returns the drafts, the
    listings as planned on, and the stock available per item."""
    views = listings.snapshot(options.id)
    item_ids = {v.stock_item_id for v in views if v.stock_item_id is not None}
    # the linked items as a subquery: the database finds their levels by index
    linked = Listing.select(Listing.stock_item).where((Listing.channel == options.id) & Listing.stock_item.is_null(False))
    avail = inventory.availability(stock.stock_location_id(options), linked)
    available = {item_id: avail.get(item_id, inventory.NOTHING).available for item_id in item_ids}
    where = stock.where_text(options)
    buffers = Buffers.of(options)
    live_titles = {v.title for v in views if v.live}
    drafts: list[Draft] = []
    skipped: dict[str, list[str]] = {}

    def taken(outcome) -> bool:
        """A rule's answer: a draft ends the listing's turn, a Skipped is noted and the next rule tried."""
        if outcome is None:
            return False
        if isinstance(outcome, Skipped):
            skipped.setdefault(outcome.why, []).append(outcome.title)
            return False
        drafts.append(outcome)
        return True

    for view in views:  # no closures made per listing: this runs once per listing
        if view.stock_item_id is None:
            continue
        have = available[view.stock_item_id]
        listable = buffers.listable(have)
        before = len(drafts)
        if taken(listings.end_draft(view, have, options, where, listable)) or taken(
            stock.quantity_draft(view, have, where, listable)
        ):
            pass
        elif taken(listings.relist_draft(view, have, options, now, live_titles, listable)):
            live_titles.add(view.title)  # one relist per title
        if buffers.active and len(drafts) > before:
            drafts[-1].reason += "; " + buffers.explain(have)
    _note_skipped(skipped, tally)
    return drafts, views, available


def _note_skipped(skipped: dict[str, list[str]], tally: Tally) -> None:
    for why, titles in skipped.items():
        tally.notes.append(
            n_("{n} listing {why}: ", "{n} listings {why}: ", len(titles)).format(n=len(titles), why=_(why))
            + examples([f"“{t}”" for t in titles])
        )
        tally.counts["skipped_" + why.split(",")[0].replace(" ", "_")] += len(titles)


def follow_up_quantities(
    options: ChannelOptions, listing_ids: Iterable[int], tally: Tally, relisted: bool = False
) -> list[Draft]:
    """The quantity each of these listings should show by the stock, where Allegro differs:
    after a relist (it copies the old offer's quantity) or a late write read back."""
    views = listings.snapshot(options.id, listing_ids)
    item_ids = {v.stock_item_id for v in views if v.stock_item_id}
    avail = inventory.availability(stock.stock_location_id(options), item_ids)
    where = stock.where_text(options)
    buffers = Buffers.of(options)
    drafts = []
    for view in views:
        have = avail.get(view.stock_item_id, inventory.NOTHING).available
        draft = stock.quantity_draft(view, have, where, buffers.listable(have))
        if draft is not None:
            drafts.append(draft)
        elif relisted and buffers.listable(have) <= 0:
            tally.notes.append(
                _("“{title}” was relisted but its stock is gone again; the next sync proposes ending it.").format(title=view.title)
            )
    return drafts


def build_plan(
    options: ChannelOptions,
    run_id: int,
    ids: Sequence[int],
    drafts: Sequence[Draft],
    views: Sequence[ListingView],
    available: dict[int, int],
    holds: Sequence,
    now: datetime,
    tally: Tally,
) -> Plan:
    """The plan as the confirmation dialog and the CLI show it."""
    plan = Plan(options.id, options.sub_source, run_id, action_ids=list(ids), held=list(holds))
    held = {i for h in holds for i in h.action_ids}
    by_id = {v.id: v for v in views}
    needed = [d for d in drafts if d.kind in (ActionKind.END, ActionKind.RELIST)]
    names = listings.stock_names(by_id[d.listing_id].stock_item_id for d in needed if d.listing_id in by_id)
    # shown only: a relist's start is fixed when it is sent (sending.Relists)
    start_at = listings.relist_start(now, options.relist_delay)
    for action_id, draft in zip(ids, drafts, strict=True):
        if draft.kind == ActionKind.QUANTITY:
            plan.quantity_changes += 1
        elif draft.kind == ActionKind.TRACKING:
            plan.tracking_uploads += 1
        else:
            view = by_id[draft.listing_id]
            shown = _proposed(options, action_id, draft, view, names, available, start_at, action_id not in held)
            (plan.ends if draft.kind == ActionKind.END else plan.relists).append(shown)
    plan.needs_confirmation = bool(plan.to_confirm or plan.held)
    plan.counts = dict(tally.counts)
    plan.notes = list(tally.notes)
    return plan


def _proposed(options, action_id, draft, view, names, available, start_at, not_held) -> ProposedAction:
    sku, title = names.get(view.stock_item_id, ("", ""))
    p = draft.params
    relist = draft.kind == ActionKind.RELIST
    return ProposedAction(
        action_id=action_id,
        kind=draft.kind,
        listing_id=view.id,
        offer_id=view.offer_id,
        title=view.title,
        format=view.format,
        bids=view.bids,
        stock_item_id=view.stock_item_id,
        sku=sku,
        stock_title=title,
        reason=draft.reason,
        available=available.get(view.stock_item_id, 0),
        sells_to_top_bidder=draft.kind == ActionKind.END and view.is_auction and view.bids > 0,
        duration_days=p.get("duration_days"),
        start_at=start_at if relist else None,
        ended_at=view.ended_at,
        days_left=p.get("days_left"),
        approved=options.no_manual_confirmation and not_held,
    )
