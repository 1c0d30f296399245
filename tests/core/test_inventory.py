"""Stock level, allocated and available: what the Inventory screen and the sync both read."""
from __future__ import annotations


import pytest

from core import inventory
from core.models import (
    Channel,
    LinkState,
    Location,
    Order,
    OrderItem,
    OrderStatus,
    StockItem,
    StockLevel,
)
from core.sync.orders import OrderError, ship_order


@pytest.fixture
def shop(db):
    a = Location.create(name="Magazyn A", is_default=True)
    b = Location.create(name="Magazyn B")
    kubek = StockItem.create(sku="KUB-1", title="Kubek żółty")
    talerz = StockItem.create(sku="TAL-1", title="Talerz")
    StockLevel.create(item=kubek, location=a, quantity=5)
    StockLevel.create(item=kubek, location=b, quantity=10)
    StockLevel.create(item=talerz, location=b, quantity=3)
    return a, b, kubek, talerz


def order(channel, form_id, item, quantity, status=OrderStatus.OPEN, link=True):
    o = Order.create(channel=channel, form_id=form_id, status=status)
    OrderItem.create(
        order=o,
        offer_id=1,
        title=item.title,
        quantity=quantity,
        stock_item=item if link else None,
        link_state=LinkState.LISTING if link else LinkState.UNLINKED,
    )
    return o


def channel(name="Allegro", location=None):
    return Channel.create(
        sub_source=name, username="u", api_key="k", update_from_location=location is not None, location=location
    )


def test_summed_over_locations_minus_open_orders(shop):
    a, b, kubek, talerz = shop
    ch = channel()
    order(ch, 1, kubek, 2)
    order(ch, 2, kubek, 1, status=OrderStatus.CANCELLED)  # cancelled: holds nothing
    order(ch, 3, kubek, 4, link=False)  # unlinked: holds nothing
    got = inventory.availability()
    assert got[kubek.id] == inventory.Availability(level=15, allocated=2)
    assert got[kubek.id].available == 13
    assert got[talerz.id].available == 3


def test_one_location_counts_orders_fulfilled_from_it(shop):
    a, b, kubek, talerz = shop
    from_b = channel("Allegro B", location=b)
    summed = channel("Allegro all")  # fulfilled from the default location, A
    order(from_b, 1, kubek, 4)
    order(summed, 2, kubek, 1)
    assert inventory.availability(location=b)[kubek.id] == inventory.Availability(10, 4)
    assert inventory.availability(location=a)[kubek.id] == inventory.Availability(5, 1)
    per = inventory.availability_by_location()
    assert per[kubek.id][a.id].available == 4 and per[kubek.id][b.id].available == 6
    assert per[talerz.id] == {b.id: inventory.Availability(3, 0)}


def test_oversold_item_shows_negative_available_but_never_sells_below_zero(shop):
    a, b, kubek, talerz = shop
    order(channel(), 1, talerz, 5)
    got = inventory.availability()[talerz.id]
    assert got.available == -2 and got.sellable == 0


def test_restricting_to_items_and_unknown_items(shop):
    a, b, kubek, talerz = shop
    got = inventory.availability(item_ids=[talerz.id, 999_999])
    assert set(got) == {talerz.id}
    assert got.get(999_999, inventory.NOTHING).available == 0


def test_shipping_takes_stock_off_the_orders_location_and_releases_the_allocation(shop):
    a, b, kubek, talerz = shop
    ch = channel("B", location=b)
    o = order(ch, 1, kubek, 3)
    assert inventory.availability()[kubek.id] == inventory.Availability(15, 3)
    ship_order(o)
    assert StockLevel.get(item=kubek, location=b).quantity == 7
    assert StockLevel.get(item=kubek, location=a).quantity == 5
    assert inventory.availability()[kubek.id] == inventory.Availability(12, 0)
    with pytest.raises(OrderError, match="already shipped"):
        ship_order(o)


def test_shipping_where_no_stock_was_counted_goes_negative_instead_of_hiding_it(shop):
    a, b, kubek, talerz = shop
    o = order(channel(), 1, talerz, 2)  # default location A has no talerz row
    ship_order(o)
    assert StockLevel.get(item=talerz, location=a).quantity == -2
    assert inventory.availability()[talerz.id].level == 1


def test_cancelled_orders_cannot_be_shipped(shop):
    a, b, kubek, talerz = shop
    o = order(channel(), 1, kubek, 1, status=OrderStatus.CANCELLED)
    with pytest.raises(OrderError, match="cancelled"):
        ship_order(o)
    assert inventory.levels()[kubek.id] == 15


def numbers(count: int) -> str:
    """A WITH clause naming the rows 0 … count-1 `numbers(n)`, for SQLite and PostgreSQL alike."""
    return f"WITH RECURSIVE numbers(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM numbers WHERE n < {count - 1})"


def test_bulk_availability_is_right_at_100000_items(db):
    """Correct at scale; its speed is measured by benchmarks/, not asserted here (a noisy machine)."""
    loc = Location.create(name="Główny", is_default=True)
    ch = channel()
    with db.atomic():  # rows made by the database itself: the fixture, not the code under test, should be quick
        db.execute_sql(
            f"{numbers(100_000)} INSERT INTO stock_item (sku, title, barcode, created_at)"
            " SELECT 'S' || n, 'Item ' || n, '', '2026-01-01' FROM numbers"
        )
        first = StockItem.select().order_by(StockItem.id).first().id
        db.execute_sql(
            f"{numbers(100_000)} INSERT INTO stock_level (item_id, location_id, quantity)"
            f" SELECT {first} + n, {loc.id}, n - n / 7 * 7 FROM numbers"  # n mod 7 (% is a driver's placeholder)
        )
        db.execute_sql(
            f"{numbers(5000)} INSERT INTO \"order\" (channel_id, form_id, buyer_id, buyer_login, buyer_email, amount,"
            " postage_amount, currency, pay_type, pay_status, status, ship_name, ship_company, ship_street,"
            " ship_postcode, ship_city, ship_country, ship_phone, message, imported_at)"
            f" SELECT {ch.id}, n, 0, '', '', 0, 0, 'PLN', '', '', 'open', '', '', '', '', '', '', '', '', '2026-01-01'"
            " FROM numbers"
        )
        first_order = Order.select().order_by(Order.id).first().id
        db.execute_sql(
            f"{numbers(5000)} INSERT INTO order_item (order_id, offer_id, title, quantity, price, stock_item_id,"
            f" link_state) SELECT {first_order} + n, n, 'x', 1, 0, {first} + n * 3, 'listing' FROM numbers"
        )
    got = inventory.availability()
    assert len(got) == 100_000
    assert got[first + 3] == inventory.Availability(level=3, allocated=1)
    assert got[first + 1] == inventory.Availability(level=1, allocated=0)
