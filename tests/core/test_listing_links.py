"""The inventory mapping: link, unlink, exact-title suggestions, strike-off."""
from __future__ import annotations

from datetime import timedelta

import pytest

from core.listing_links import (
    LinkError,
    auto_link_exact_title,
    find_listing,
    link,
    link_offer,
    reinstate,
    relist_days_left,
    search_items,
    status_text,
    strike_off,
    suggest,
    unlink,
)
from core.models import Channel, Listing, ListingStatus, StockItem, utcnow


@pytest.fixture
def shop(db):
    channel = Channel.create(sub_source="MyAllegro", username="u", api_key="k")
    other = Channel.create(sub_source="DrugieKonto", username="v", api_key="k")
    StockItem.create(sku="KUB-01", title="Kubek ceramiczny żółty")
    StockItem.create(sku="PAR-01", title="Parasol składany")
    StockItem.create(sku="PAR-02", title="Parasol składany")  # same title: ambiguous
    new = dict(format="buy_now", status=ListingStatus.ACTIVE)
    Listing.create(channel=channel, offer_id=1001, title="Kubek ceramiczny żółty", **new)
    Listing.create(channel=channel, offer_id=1002, title="Parasol składany", **new)
    Listing.create(channel=channel, offer_id=1003, title="Czajnik elektryczny", **new)
    Listing.create(channel=other, offer_id=1001, title="Kubek ceramiczny żółty", **new)
    return channel


def test_link_and_unlink_return_the_previous_item_for_undo(shop):
    listing = find_listing(1002, "MyAllegro")
    item = StockItem.get(sku="PAR-02")
    assert link(listing.id, item.id) is None
    assert Listing.get_by_id(listing.id).stock_item.sku == "PAR-02"
    assert unlink(listing.id) == item.id
    assert Listing.get_by_id(listing.id).stock_item is None


def test_an_offer_in_two_channels_needs_the_channel(shop):
    with pytest.raises(LinkError, match="several channels"):
        find_listing(1001)
    assert link_offer(1001, "KUB-01", "DrugieKonto").stock_item.sku == "KUB-01"
    with pytest.raises(LinkError, match="no stock item with SKU NOPE"):
        link_offer(1003, "NOPE")
    with pytest.raises(LinkError, match="no listing with offer id 9"):
        find_listing(9)


def test_search_by_sku_or_title(shop):
    assert [i.sku for i in search_items("PAR-02")] == ["PAR-02"]
    assert [i.sku for i in search_items("parasol")] == ["PAR-01", "PAR-02"]
    assert [i.sku for i in search_items("ceramiczny")] == ["KUB-01"]
    assert search_items("  ") == []


def test_suggestions_exact_and_ambiguous(shop):
    listings = [(lst.id, lst.title) for lst in Listing.select().where(Listing.offer_id.in_([1002, 1003]))]
    found = suggest(listings + [(99, "Kubek ceramiczny żółty"), (98, "kubek ceramiczny żółty")])
    assert found[99].exact and found[99].text == "Exact title: KUB-01"
    parasol = found[find_listing(1002, "MyAllegro").id]
    assert parasol.ambiguous and parasol.text == "Ambiguous: 2 items (PAR-01, PAR-02)"
    assert find_listing(1003).id not in found
    assert 98 not in found  # exact means exact: case matters


def test_auto_link_links_only_unambiguous_matches(shop):
    report = auto_link_exact_title("MyAllegro", dry_run=True)
    assert [(lst.offer_id, sku) for lst, sku in report.linked] == [("1001", "KUB-01")]
    assert Listing.select().where(Listing.stock_item.is_null(False)).count() == 0
    report = auto_link_exact_title()
    assert sorted((lst.channel.sub_source, sku) for lst, sku in report.linked) == [
        ("DrugieKonto", "KUB-01"),
        ("MyAllegro", "KUB-01"),
    ]
    assert [(lst.offer_id, skus) for lst, skus in report.ambiguous] == [("1002", ("PAR-01", "PAR-02"))]
    assert [lst.offer_id for lst in report.unmatched] == ["1003"]
    assert find_listing(1002).stock_item is None


def test_strike_off_and_reinstate(shop):
    listing = find_listing(1003)
    with pytest.raises(LinkError, match="Only a listing waiting for relist"):
        strike_off(listing.id)
    Listing.update(status=ListingStatus.PENDING_RELIST, ended_at=utcnow() - timedelta(days=12)).execute()
    strike_off(listing.id)
    assert Listing.get_by_id(listing.id).status == ListingStatus.STRUCK_OFF
    assert reinstate(listing.id) == ListingStatus.PENDING_RELIST
    # struck off and then past Allegro's window: it can no longer come back
    Listing.update(status=ListingStatus.STRUCK_OFF, ended_at=utcnow() - timedelta(days=61)).where(
        Listing.id == listing.id
    ).execute()
    assert reinstate(listing.id) == ListingStatus.EXPIRED


def test_days_left_in_the_relist_window():
    now = utcnow()
    assert relist_days_left(now - timedelta(days=12), now) == 48
    assert relist_days_left(now - timedelta(days=59, hours=23), now) == 0
    assert relist_days_left(now - timedelta(days=61), now) == -1
    assert status_text(ListingStatus.PENDING_RELIST, now - timedelta(days=12), now) == "Pending relist (48 days left)"
    assert status_text(ListingStatus.PENDING_RELIST, now - timedelta(days=59), now) == "Pending relist (1 day left)"
    assert status_text(ListingStatus.ACTIVE) == "Live"
