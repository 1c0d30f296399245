"""Availability of the items a query selects (the sync passes its channel's linked items)
is the same as for the same ids given as a list, at a location and over all of them."""
from __future__ import annotations

from core import inventory
from core.models import Channel, LinkState, Listing, Location, Order, OrderItem, StockItem, StockLevel


def test_a_subquery_of_item_ids_gives_what_the_ids_give(db):
    a = Location.create(name="Magazyn A", is_default=True)
    b = Location.create(name="Magazyn B")
    channel = Channel.create(sub_source="MojeAllegro", username="sprzedawca", api_key="KEY")
    items = [StockItem.create(sku=f"SKU-{n}", title=f"Kubek {n}") for n in range(6)]
    for n, item in enumerate(items):
        StockLevel.create(item=item, location=a, quantity=n * 2)
        StockLevel.create(item=item, location=b, quantity=n)
    for n, item in enumerate(items[:4]):  # two items are not listed
        Listing.create(channel=channel, offer_id=100 + n, title=item.title, format="buy_now", stock_item=item)
    order = Order.create(channel=channel, form_id=1)
    for item, quantity in ((items[1], 1), (items[5], 2)):  # open orders hold a listed and an unlisted item
        OrderItem.create(
            order=order, offer_id=1, title=item.title, quantity=quantity, stock_item=item, link_state=LinkState.LISTING
        )

    linked = Listing.select(Listing.stock_item).where(
        (Listing.channel == channel.id) & Listing.stock_item.is_null(False)
    )
    ids = [item.id for item in items[:4]]
    for location in (None, a):
        by_query = inventory.availability(location, linked)
        assert by_query == inventory.availability(location, ids)
        assert set(by_query) <= set(ids)  # the unlisted items are left out
    assert inventory.availability(None, linked)[items[1].id] == inventory.Availability(level=3, allocated=1)
