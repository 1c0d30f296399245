"""Batched writes store exactly what peewee would, on SQLite and on PostgreSQL (.ci/run runs both)."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from core.models import Channel, Listing, ListingStatus, StockItem
from core.sync import bulk


def test_inserted_and_updated_rows_read_back_exactly(db):
    channel = Channel.create(sub_source="MojeAllegro", username="u", api_key="k")
    mug = StockItem.create(sku="KUB-1", title="Żółty kubek")
    ended = datetime(2026, 3, 29, 1, 30, 15, 123456)
    with db.atomic():
        bulk.insert_many(
            Listing,
            [
                {"channel": channel.id, "offer_id": 2**40 + n, "title": f"Żółty kubek {n}", "format": "buy_now",
                 "price": Decimal("19.99") + n}
                for n in range(1200)  # more than one page
            ],
        )
    ids = [i for (i,) in Listing.select(Listing.id).order_by(Listing.offer_id).tuples()]
    assert len(ids) == 1200
    first = Listing.get_by_id(ids[0])
    assert (first.offer_id, first.price, first.status, first.stock_item) == (str(2**40), Decimal("19.99"), "active", None)

    with db.atomic():
        bulk.update_many(
            Listing,
            ("status", "ended_at", "ended_by_us", "stock_item", "price"),
            [(ListingStatus.PENDING_RELIST, ended, True, mug.id, Decimal("0.01"), i) for i in ids[:700]]
            + [(ListingStatus.ENDED, None, False, None, Decimal("5.50"), ids[1])],  # the same id again: last wins
        )
    changed = Listing.get_by_id(ids[0])
    assert (changed.status, changed.ended_at, changed.ended_by_us, changed.stock_item_id, changed.price) == (
        ListingStatus.PENDING_RELIST, ended, True, mug.id, Decimal("0.01"),
    )
    again = Listing.get_by_id(ids[1])
    assert (again.status, again.ended_at, again.ended_by_us, again.stock_item_id) == (ListingStatus.ENDED, None, False, None)
    assert Listing.select().where(Listing.status == ListingStatus.PENDING_RELIST).count() == 699
    untouched = Listing.get_by_id(ids[-1])
    assert (untouched.status, untouched.price) == (ListingStatus.ACTIVE, Decimal("1218.99"))
