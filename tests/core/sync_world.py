"""A small shop for the engine's unit tests: a channel, locations, stock, a fake Allegro."""
from __future__ import annotations

from datetime import timedelta

from core.models import Channel, Listing, Location, StockItem, StockLevel, utcnow
from core.sync.engine import SyncEngine, decide
from core.sync.listings import naive

from .fake_marketplace import FakeMarketplace


class World:
    def __init__(self, **options) -> None:
        self.allegro = FakeMarketplace()
        self.main = Location.create(name="Magazyn A", is_default=True)
        self.other = Location.create(name="Magazyn B")
        defaults = dict(
            sub_source="MojeAllegro",
            username="sandbox-seller",
            api_key="KEY",
            api_key_version=1505,
            inventory_sync=True,
            end_listings=True,
            relist_items=True,
            sync_orders_from=naive(self.allegro.now) - timedelta(days=1),
        )
        defaults.update(options)
        self.channel = Channel.create(**defaults)

    def set(self, **options) -> None:
        Channel.update(**options).where(Channel.id == self.channel.id).execute()
        self.channel = Channel.get_by_id(self.channel.id)

    def item(self, sku: str, title: str, stock: int = 0, other: int = 0) -> StockItem:
        item = StockItem.create(sku=sku, title=title)
        StockLevel.create(item=item, location=self.main, quantity=stock)
        if other:
            StockLevel.create(item=item, location=self.other, quantity=other)
        return item

    def stock(self, item: StockItem, quantity: int, location=None) -> None:
        StockLevel.update(quantity=quantity).where(
            (StockLevel.item == item) & (StockLevel.location == (location or self.main))
        ).execute()

    def listing(self, offer_id: int) -> Listing:
        return Listing.get(Listing.channel == self.channel.id, Listing.offer_id == offer_id)

    def link(self, offer_id: int, item: StockItem) -> None:
        Listing.update(stock_item=item).where(
            (Listing.channel == self.channel.id) & (Listing.offer_id == offer_id)
        ).execute()

    def engine(self) -> SyncEngine:
        return SyncEngine(self.channel.id, self.allegro)

    def sync(self, approve: bool | list[int] = True, cancel_dialog: bool = False):
        """plan + (decide) + apply, as the app does; returns (plan, report)."""
        engine = self.engine()
        plan = engine.plan()
        if cancel_dialog:
            return plan, engine.cancel(plan)
        if plan.to_confirm:
            ids = [a.action_id for a in plan.to_confirm] if approve is True else (approve or [])
            decide(plan, ids)
        return plan, engine.apply(plan)

    def first_sync_linking(self, pairs):
        """Import the listings, link them to stock items, as the mapping screen would."""
        engine = self.engine()
        plan = engine.plan()
        engine.apply(plan)
        for offer_id, item in pairs:
            self.link(offer_id, item)


def now_naive():
    return utcnow()
