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


def busy_day(shop: Shop, control, auctions_with_bids: bool = True) -> dict:
    """A day with every kind of work waiting for one sync: orders to import, quantities to
    push, listings (and auctions with bids) to end, listings to relist, tracking to send.

    Returns the offer ids of each group, for checking the outcome.
    """
    from core.sync.orders import ship_order

    shop.set(end_auctions=True, end_auctions_with_bids=True, submit_tracking=True, relist_duration=10)
    vases = [(shop.item(f"REL-{n}", f"Wazon {n}", stock=0), shop.offer(f"Wazon {n}", quantity=3)) for n in range(6)]
    mugs = [(shop.item(f"QTY-{n}", f"Kubek {n}", stock=30), shop.offer(f"Kubek {n}", quantity=40)) for n in range(12)]
    plates = [(shop.item(f"END-{n}", f"Talerz {n}", stock=3), shop.offer(f"Talerz {n}", quantity=3)) for n in range(8)]
    clock = shop.item("ZEG-1", "Zegar antyczny", stock=1)
    auctions = [
        shop.offer(f"Zegar antyczny {n}", quantity=1, fmt="auction", price=100.0, duration_days=7)
        for n in range(2 if auctions_with_bids else 0)
    ]
    lamp = shop.item("LAMP", "Lampka", stock=20)
    lamp_offer = shop.offer("Lampka", quantity=20)
    pairs = [(offer, item) for item, offer in (*vases, *mugs, *plates)]
    shop.import_and_link([*pairs, *((a, clock) for a in auctions), (lamp_offer, lamp)])
    shop.sync()  # vases end (no stock), quantities pushed
    assert all(shop.listing(o).status == "pending_relist" for _, o in vases)
    # parcels to send: five orders shipped with good numbers
    forms = [control.purchase(lamp_offer, buyer=f"lampa{n}")["form_id"] for n in range(5)]
    shop.sync()
    from core.models import Order

    for n, form_id in enumerate(forms):
        ship_order(Order.get(Order.form_id == form_id), 5, f"62000000000000000000{n:04d}")
    # then the day happens
    for item, _ in vases:
        shop.stock(item, 4)
    for n, (item, offer) in enumerate(mugs):
        shop.stock(item, 10 + n)
    for n in range(30):
        control.purchase(mugs[n % 12][1], buyer=f"kubki{n}")
    for item, _ in plates:
        shop.stock(item, 0)
    shop.stock(clock, 0)
    for n, auction in enumerate(auctions):
        control.bid(auction, buyer=f"licytant{n}", amount=120.0 + n)
    return {
        "relist": [o for _, o in vases],
        "quantity": [o for _, o in mugs],
        "end": [o for _, o in plates] + auctions,
        "auctions": auctions,
        "tracking_forms": forms,
    }


def sandbox_picture(control) -> dict:
    """Allegro's side, with relisted offers named by the offer they came from."""
    offers = control.offers()
    picture = {}
    for o in offers:
        key = ("relisted from", o["relisted_from"]) if o["relisted_from"] else o["offer_id"]
        picture[key] = (o["state"], o["quantity"], o["start_quantity"], o["ended_by"], o["duration_days"])
    forms = {
        f["form_id"]: (f["cancelled"], tuple(p["package_id"] for p in f["packages"])) for f in control.forms()
    }
    return {"offers": picture, "forms": forms}


def local_picture(channel_id: int) -> dict:
    """The database's side, with new offer ids named by the offer they replaced."""
    from core.models import Listing, Order, OrderItem, Shipment

    listings = {}
    for row in Listing.select().where(Listing.channel == channel_id):
        key = ("relisted from", row.previous_offer_id) if row.previous_offer_id else row.offer_id
        listings[key] = (row.status, row.quantity, row.stock_item_id, row.ended_by_us)
    orders = sorted(
        (o.form_id, o.status, tuple(sorted((i.offer_id, i.quantity, i.stock_item_id) for i in o.items)))
        for o in Order.select().where(Order.channel == channel_id)
    )
    shipments = sorted((s.tracking_number, s.state) for s in Shipment.select())
    return {"listings": listings, "orders": orders, "shipments": shipments}


def duplicate_effects(call_log: list[dict]) -> list[str]:
    """Changes Allegro executed more than once for the same offer or form."""
    seen: dict[tuple[str, int], int] = {}
    for entry in call_log:
        if entry["executed"] and entry["operation"] in CHANGES:
            for item_id in entry["item_ids"]:
                seen[(entry["operation"], item_id)] = seen.get((entry["operation"], item_id), 0) + 1
    return [f"{op} executed {n} times for {item}" for (op, item), n in seen.items() if n > 1]
