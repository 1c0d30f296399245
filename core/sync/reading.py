"""Reading Allegro: the listings and the orders, side by side.

The listing pages are read and compared with the stored rows on a thread of their own
(the adapter spreads the pages over its connections); meanwhile this thread stores the
orders the feed has brought (the journal and its forms, read on the feed's threads), so
neither waits for the other. The database is written only from this thread.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import datetime

from core.allegro.port import Marketplace
from core.channels import ChannelOptions
from core.models import Channel, Order, OrderStatus
from core.sync import drift, listings, orders
from core.sync.planning import NOTE_EXAMPLES, examples
from core.sync.run_record import Steps, SyncCancelled, Tally
from core.i18n import _, n_

POLL = 0.05  # seconds between looks at the listings while orders are stored


def read(
    row: Channel,
    options: ChannelOptions,
    marketplace: Marketplace,
    offer_tabs: Iterable,
    now: Callable[[], datetime],
    steps: Steps,
    tally: Tally,
) -> None:
    """Refresh the stored listings from Allegro's tabs and import the orders, noting what changed.
    `row` is the channel's row: the order feed moves its journal cursor."""
    steps(_("Reading listings"))
    # Stored rows are read before the threads start: beside threads parsing answers,
    # each row would wait for its turn at the interpreter lock.
    stored = listings.stored_rows(options.id)
    feed = orders.OrderFeed(row, marketplace)
    importer = orders.OrderImport(
        row, feed, progress=lambda n: steps(_("Importing orders"), n, 0), cancelled=steps.cancelled
    )
    reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="listings")
    try:
        at = now()
        reading = reader.submit(lambda: listings.compare(options.id, marketplace.offers(tuple(offer_tabs)), at, stored))
        found = _storing_orders_until_read(reading, importer, steps)
        _store_listings(options.id, found, tally)
        steps(_("Importing orders"))
        got = importer.finish()
    except orders.Stop:
        raise SyncCancelled() from None
    finally:
        feed.close()
        reader.shutdown(wait=False, cancel_futures=True)  # a cancelled read ends with the session
    _cancel_merged_away(options, marketplace, tally)
    relinked = orders.relink(options)
    tally.counts.update(
        orders_imported=got.imported,
        orders_updated=got.updated,
        orders_cancelled=got.cancelled,
        order_items_relinked=relinked,
    )
    for form_id in got.cancelled_after_shipping:
        tally.notes.append(_("The buyer cancelled order {order} after it was shipped.").format(order=form_id))
    _note_unlinked(options, tally)


def _storing_orders_until_read(reading: Future, importer: orders.OrderImport, steps: Steps) -> listings.Refresh:
    while True:
        try:
            return reading.result(timeout=POLL)
        except FutureTimeout:
            importer.store_arrived()
            steps(_("Reading listings"))


def _store_listings(channel_id: int, found: listings.Refresh, tally: Tally) -> None:
    refreshed = listings.store(found)
    elsewhere, changed = drift.after_refresh(channel_id, refreshed.drift, found.inserts)
    tally.notes.extend(elsewhere)
    if changed:
        tally.counts["listings_changed_elsewhere"] = changed
    tally.counts.update(
        listings_seen=refreshed.seen,
        listings_new=refreshed.new,
        listings_ended_elsewhere=refreshed.ended_elsewhere,
    )


def _cancel_merged_away(options: ChannelOptions, marketplace: Marketplace, tally: Tally) -> None:
    """REST: a form Allegro merged into another comes again under the new form, so the
    old order must not hold the stock twice."""
    merged = getattr(marketplace, "merged_away", None)
    if not merged:
        return
    Order.update(status=OrderStatus.CANCELLED).where(
        (Order.channel == options.id) & Order.form_id.in_(list(merged)) & (Order.status == OrderStatus.OPEN)
    ).execute()
    tally.notes.append(
        n_(
            "{count} order was merged by Allegro into another order; it comes in as that order.",
            "{count} orders were merged by Allegro into another order; they come in as that order.",
            len(merged),
        ).format(count=len(merged))
    )
    merged.clear()


def _note_unlinked(options: ChannelOptions, tally: Tally) -> None:
    unlinked = orders.unlinked_items(options.id)
    if not unlinked:
        return
    tally.counts["order_items_unlinked"] = len(unlinked)
    ambiguous = [u for u in unlinked if u[3] == "ambiguous"]
    tally.counts["order_items_ambiguous"] = len(ambiguous)
    tally.notes.append(
        n_(
            "{n} order item is not linked to stock and holds no stock",
            "{n} order items are not linked to stock and hold no stock",
            len(unlinked),
        ).format(n=len(unlinked))
        + (
            "; "
            + n_("{n} matches several stock items by title", "{n} match several stock items by title", len(ambiguous)).format(
                n=len(ambiguous)
            )
            if ambiguous
            else ""
        )
        + ": "
        + examples(
            [_("“{title}” (order {order})").format(title=title, order=form) for form, _item, title, _state in unlinked[: NOTE_EXAMPLES + 1]]
        )
    )
