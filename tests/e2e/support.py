"""A seller's shop wired to the sandbox: stock, a channel saved the app's way, syncs as the app runs them."""
from __future__ import annotations

from datetime import timedelta

from core import channels
from core.allegro.retry import FAST
from core.models import Channel, Listing, Location, StockItem, StockLevel, utcnow
from core.paths import app_paths
from core.sync.engine import SyncEngine, decide
from core.sync.marketplace import make_marketplace

CHANGES = ("doChangeQuantityItem", "doFinishItems", "doFinishItem", "doSellSomeAgain", "doAddPackageInfoToPostBuyForm")


class Shop:
    def __init__(self, sandbox, control, data_dir, **options) -> None:
        self.sandbox, self.control = sandbox, control
        self.paths = app_paths(data_dir)
        self.main = Location.create(name="Magazyn A", is_default=True)
        self.other = Location.create(name="Magazyn B")
        config = channels.ChannelConfig(
            sub_source="MojeAllegro",
            username="sandbox-seller",
            password="sandbox-pass-1",
            api_key="SANDBOX-WEBAPI-KEY",
            api_key_version=str(control.state()["version_key"]),
            environment=sandbox.url,
            inventory_sync=True,
            end_listings=True,
            relist_items=True,
            sync_orders_from=utcnow() - timedelta(hours=1),
        )
        for name, value in options.items():
            setattr(config, name, value)
        self.channel_id = channels.save(config).id

    @property
    def channel(self) -> Channel:
        return Channel.get_by_id(self.channel_id)

    def set(self, **options) -> None:
        Channel.update(**options).where(Channel.id == self.channel_id).execute()

    # -- stock ----------------------------------------------------------------------------

    def item(self, sku: str, title: str, stock: int = 0, other: int = 0) -> StockItem:
        item = StockItem.create(sku=sku, title=title)
        StockLevel.create(item=item, location=self.main, quantity=stock)
        StockLevel.create(item=item, location=self.other, quantity=other)
        return item

    def stock(self, item: StockItem, quantity: int, location=None) -> None:
        StockLevel.update(quantity=quantity).where(
            (StockLevel.item == item) & (StockLevel.location == (location or self.main))
        ).execute()

    # -- listings ---------------------------------------------------------------------------

    def offer(self, title: str, quantity: int = 5, fmt: str = "buy_now", **extra) -> int:
        return self.control.add_offer(title, format=fmt, quantity=quantity, **extra)

    def listing(self, offer_id: int) -> Listing:
        return Listing.get((Listing.channel == self.channel_id) & (Listing.offer_id == offer_id))

    def link(self, offer_id: int, item: StockItem) -> None:
        Listing.update(stock_item=item).where(
            (Listing.channel == self.channel_id) & (Listing.offer_id == offer_id)
        ).execute()

    def import_and_link(self, pairs) -> None:
        """A first sync sees the listings; then they are linked, as on the mapping screen."""
        self.sync()
        for offer_id, item in pairs:
            self.link(offer_id, item)

    # -- syncing ----------------------------------------------------------------------------

    def marketplace(self, **options):
        options.setdefault("retry", FAST)
        return make_marketplace(self.channel_id, self.paths, **options)

    def sync(self, approve=True, marketplace=None):
        """plan, decide (all, none, or the given action ids), apply; returns (plan, report)."""
        mp = marketplace or self.marketplace()
        try:
            engine = SyncEngine(self.channel_id, mp)
            plan = engine.plan()
            if plan.to_confirm:
                chosen = [a.action_id for a in plan.to_confirm] if approve is True else list(approve or [])
                decide(plan, chosen)
            return plan, engine.apply(plan)
        finally:
            if marketplace is None:
                mp.close()

    # -- the sandbox's side ---------------------------------------------------------------

    def calls(self) -> dict[str, int]:
        return self.control.calls()["counts"]

    def changes_sent(self) -> dict[str, int]:
        """Calls that change something on Allegro."""
        return {op: n for op, n in self.calls().items() if op in CHANGES}

    def sandbox_offer(self, offer_id: int) -> dict:
        return self.control.offer(offer_id)
