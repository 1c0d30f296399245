"""Stock items and locations: add, edit, delete, rename, default."""
from __future__ import annotations

import pytest

from core.models import Channel, Listing, Location, StockItem, StockLevel
from core.stock_admin import (
    ItemDraft,
    StockError,
    ValidationError,
    add_location,
    default_location,
    delete_items,
    delete_location,
    linked_listings,
    rename_location,
    save_item,
    set_default_location,
    validate_item,
)


def test_first_location_is_the_default_and_default_can_move(db):
    a = add_location("Magazyn A")
    b = add_location("Magazyn B")
    assert default_location().id == a.id
    set_default_location(b.id)
    assert default_location().id == b.id
    assert Location.select().where(Location.is_default == True).count() == 1  # noqa: E712


def test_location_names_are_required_and_unique(db):
    add_location("Magazyn A")
    with pytest.raises(ValidationError) as e:
        add_location("  ")
    assert e.value.problems == {"name": "Enter a location name."}
    with pytest.raises(ValidationError, match="already a location called Magazyn A"):
        add_location("Magazyn A")
    b = add_location("Magazyn B")
    with pytest.raises(ValidationError):
        rename_location(b.id, "Magazyn A")
    assert rename_location(b.id, "Półka Łódź").name == "Półka Łódź"


def test_an_item_is_saved_with_levels_and_validated_per_field(db):
    loc = add_location("Magazyn A")
    item = save_item(ItemDraft("ŻÓŁ-1", "Żółty parasol", "590", {loc.id: 5}))
    assert StockLevel.get(item=item, location=loc).quantity == 5
    problems = validate_item(ItemDraft("ŻÓŁ-1", "", "", {loc.id: -1}))
    assert problems == {
        "sku": "SKU ŻÓŁ-1 is already used by “Żółty parasol”.",
        "title": "Enter a title.",
        f"level:{loc.id}": "The quantity at Magazyn A must be between 0 and 1000000000.",
    }
    # editing the item itself keeps its own SKU
    save_item(ItemDraft("ŻÓŁ-1", "Żółty parasol duży", "590", {loc.id: 7}), item.id)
    assert StockItem.get_by_id(item.id).title == "Żółty parasol duży"
    assert StockLevel.get(item=item, location=loc).quantity == 7


def test_a_failed_save_changes_nothing(db):
    loc = add_location("Magazyn A")
    with pytest.raises(ValidationError):
        save_item(ItemDraft("", "Bez SKU", "", {loc.id: 1}))
    assert StockItem.select().count() == 0


def test_deleting_an_item_unlinks_its_listings(db):
    item = save_item(ItemDraft("K-1", "Kubek", ""))
    channel = Channel.create(sub_source="MyAllegro", username="u", api_key="k")
    Listing.create(channel=channel, offer_id=101, title="Kubek", format="buy_now", stock_item=item)
    assert [lst.offer_id for lst in linked_listings(item.id)] == ["101"]
    assert delete_items([item.id]) == 1
    assert Listing.get(offer_id=101).stock_item is None


def test_a_location_holding_stock_cannot_be_deleted(db):
    a = add_location("Magazyn A")
    b = add_location("Magazyn B")
    save_item(ItemDraft("K-1", "Kubek", "", {a.id: 3, b.id: 0}))
    with pytest.raises(StockError, match="still holds stock of 1 item"):
        delete_location(a.id)
    delete_location(b.id)
    assert [loc.name for loc in Location.select()] == ["Magazyn A"]
    save_item(ItemDraft("K-1", "Kubek", "", {a.id: 0}), StockItem.get(sku="K-1").id)
    delete_location(a.id)
    assert Location.select().count() == 0


def test_deleting_the_default_location_passes_the_default_on(db):
    a = add_location("Magazyn A")
    b = add_location("Magazyn B")
    delete_location(a.id)
    assert default_location().id == b.id
