"""A seller's shop wired to the sandbox: stock, a channel saved the app's way, syncs as the app runs them."""
from __future__ import annotations

from core.models import Location, StockItem, StockLevel
from core.sync.engine import SyncEngine, decide
from tests.sandbox_channel import SandboxChannel

CHANGES = ("doChangeQuantityItem", "doFinishItems", "doFinishItem", "doSellSomeAgain", "doAddPackageInfoToPostBuyForm")
# The writes of a sync in words both APIs share: quantity, end, relist, tracking.
WEBAPI_CHANGES = {"doChangeQuantityItem": "quantity", "doFinishItems": "end", "doFinishItem": "end",
                  "doSellSomeAgain": "relist", "doAddPackageInfoToPostBuyForm": "tracking"}
REST_CHANGES = {"quantityModificationCommandUsingPUT": "quantity", "editProductOffers": "quantity",
                "createOrderShipmentsUsingPOST": "tracking", "createProductOffers": "relist"}


def change_of(entry: dict) -> str | None:
    """A call-log entry as the write it is (None for a read); a REST publication command is
    an end or a relist by its action."""
    operation = entry["operation"]
    if operation == "changePublicationStatusUsingPUT":
        return {"END": "end", "ACTIVATE": "relist"}.get(entry.get("detail", ""), "publication")
    return WEBAPI_CHANGES.get(operation) or REST_CHANGES.get(operation)


class Shop(SandboxChannel):
    """Two locations (Magazyn A, the default, and Magazyn B) and syncs run as the app runs them."""

    def __init__(self, sandbox, control, data_dir, **options) -> None:
        super().__init__(sandbox, control, data_dir, location="Magazyn A", **options)
        self.other = Location.create(name="Magazyn B")

    def item(self, sku: str, title: str, stock: int = 0, other: int = 0) -> StockItem:
        item = super().item(sku, title, stock)
        StockLevel.create(item=item, location=self.other, quantity=other)
        return item

    def form_number(self, form_id: int) -> str:
        """Allegro's id of the sandbox's form `form_id`, as the app stores it: the form
        number in decimal on the WebAPI, the checkout form's UUID on REST."""
        if self.api == "webapi":
            return str(form_id)
        from sandbox.rest.orders import FORM_TAG, tagged

        return tagged(FORM_TAG, form_id)

    def order(self, form_id: int):
        """The imported order of the sandbox's form `form_id`."""
        from core.models import Order

        return Order.get((Order.channel == self.channel_id) & (Order.form_id == self.form_number(form_id)))

    def relisted(self, offer_id: int):
        """The listing a relist of `offer_id` made: a new offer on the WebAPI, the same one
        (ACTIVATE under its id) on REST."""
        from core.models import Listing

        if self.api == "rest":
            return self.listing(offer_id)
        return Listing.get((Listing.channel == self.channel_id) & (Listing.previous_offer_id == offer_id))

    def import_and_link(self, pairs) -> None:
        """A first sync sees the listings; then they are linked, as on the mapping screen."""
        self.sync()
        for offer_id, item in pairs:
            self.link(offer_id, item)

    # -- syncing ----------------------------------------------------------------------------

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
        """Calls that change something on Allegro, by kind (quantity, end, relist, tracking)."""
        sent: dict[str, int] = {}
        for entry in self.control.call_log():
            kind = change_of(entry)
            if kind:
                sent[kind] = sent.get(kind, 0) + 1
        return sent


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

    for n, form_id in enumerate(forms):
        ship_order(shop.order(form_id), 5, f"62000000000000000000{n:04d}")
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
    from core.models import Listing, Order, Shipment

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


def duplicate_effects(call_log: list[dict], quantities: bool = True) -> list[str]:
    """Changes Allegro executed more than once for the same offer or form (a REST shipment
    by its form and waybill); `quantities=False` leaves out absolute quantities."""
    seen: dict[tuple[str, object], int] = {}
    for entry in call_log:
        kind = change_of(entry)
        if not entry["executed"] or not kind or (kind == "quantity" and not quantities):
            continue
        for key in entry["item_ids"] or [entry.get("detail")]:
            seen[(kind, key)] = seen.get((kind, key), 0) + 1
    return [f"{kind} executed {n} times for {key}" for (kind, key), n in seen.items() if n > 1]
