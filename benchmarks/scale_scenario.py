"""Issue 9's big seller, built on the sandbox and in the app's database, with the fewest calls
the WebAPI contract allows for one sync of it worked out independently of the engine.

    world = ScaleWorld(Scale(items=100_000, listings=20_000, orders=2_000), control, service_url)
    world.build()                 # stock, offers, a channel with linked listings, 200 ended by the app
    world.day()                   # orders come in, 2% of stock levels change
    fewest = world.fewest_calls() # Counter per operation, from the sandbox's and the database's state
    ... one sync ...
    world.fewest_calls()          # again: what a second sync with nothing changed needs

The stock: `items` stock items over 3 locations (1–30 at each), `listings` of them listed
once each (every 10th an auction), the listing's quantity equal to the stock, so the
world starts in step. The day: `orders` purchases of different buy-now listings, then
2% of all stock levels change: every level of `ends` listed items goes to 0 (auctions
among them), one level of each of `relists` items the app had ended comes back, and
the rest are random changes elsewhere (most of them to stock that is not listed).

The fewest calls (the contract's limits, FACTS.md): log in (doQuerySysStatus for the
version key, doLoginEnc); each My Allegro tab in pages of 1000 (at least one call per
tab); the journal in pages of 100 until a short page; post-buy forms 25 a call; one
doChangeQuantityItem per listing whose quantity must change (and per relisted buy-now
offer whose copied quantity differs from the stock); doFinishItems 25 a call;
doSellSomeAgain 25 a call per duration; one doVerifyItem per relisted offer (the only
way to learn a relisted offer's id).
"""
from __future__ import annotations

import math
import random
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta

from core.allegro.port import Credentials
from core.allegro.retry import RetryPolicy
from core.db import database
from core.models import Channel, Listing, ListingStatus, Location, Order, StockItem, StockLevel, utcnow
from core.sync import bulk

LOGIN, PASSWORD, KEY = "sandbox-seller", "sandbox-pass-1", "SANDBOX-WEBAPI-KEY"
CHANNEL = "MojeAllegro"
PAGE, JOURNAL_PAGE, BATCH = 1000, 100, 25
MAX_QUANTITY = 999
RELIST_DAYS = 10  # a duration both buy-now offers and auctions take: one doSellSomeAgain group
WORDS = (
    "Kubek ceramiczny Łyżka drewniana Parasol składany Czajnik elektryczny Garnek żeliwny "
    "Żelazko parowe Świeca zapachowa Ręcznik bawełniany Półka ścienna Miska szklana Koc polarowy "
    "Zegar ścienny Lampka nocna Poduszka Taca bambusowa Dzbanek Młynek do kawy Szczotka"
).split()
TABS = {"doGetMySellItems": "active", "doGetMySoldItems": "sold", "doGetMyNotSoldItems": "not_sold"}


@dataclass(frozen=True)
class Scale:
    items: int = 100_000
    listings: int = 20_000
    orders: int = 2_000
    ends: int = 300
    relists: int = 200
    level_changes: float = 0.02  # of all stock levels
    locations: int = 3
    seed: int = 1

    @classmethod
    def of(cls, listings: int, items: int | None = None, orders: int | None = None) -> Scale:
        """The issue's proportions for another number of listings."""
        k = listings / 20_000
        return cls(
            items=items if items is not None else round(100_000 * k),
            listings=listings,
            orders=orders if orders is not None else round(2_000 * k),
            ends=max(1, round(300 * k)),
            relists=max(1, round(200 * k)),
        )


@dataclass
class Picked:
    """Which listings play which part (offer ids)."""

    relist: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    bought: list[int] = field(default_factory=list)


class ScaleWorld:
    def __init__(self, scale: Scale, control, service_url: str) -> None:
        self.scale = scale
        self.control = control
        self.service_url = service_url
        self.rnd = random.Random(scale.seed)
        self.channel_id: int | None = None
        self.item_of_offer: dict[int, int] = {}  # offer id -> stock item id
        self.picked = Picked()
        self.bought_items: Counter[int] = Counter()  # stock item id -> items bought today

    # -- credentials ----------------------------------------------------------------------

    def credentials(self) -> Credentials:
        version = self.control.state()["version_key"]
        return Credentials(self.service_url, LOGIN, PASSWORD, KEY, version)

    def marketplace(self, **options):
        from core.allegro.webapi import WebApiMarketplace

        options.setdefault("retry", RetryPolicy(retries=3, base=0.05, cap=0.5))
        options.setdefault("accept_current_version", True)
        return WebApiMarketplace(self.credentials(), **options)

    def sync(self, **options):
        """One whole sync with the engine (no GUI): plan, approve everything, apply."""
        from core.sync.engine import SyncEngine

        with self.marketplace(**options) as mp:
            engine = SyncEngine(self.channel_id, mp)
            plan = engine.plan()
            return plan, engine.apply(plan)

    # -- building ---------------------------------------------------------------------------

    def build(self) -> None:
        s, rnd = self.scale, self.rnd
        self.control.reset(seed=s.seed, offers=0, demo=False)
        self.control.clear_faults()
        with database.atomic():
            locations = [Location.create(name=f"Magazyn {n + 1}", is_default=n == 0) for n in range(s.locations)]
            bulk.insert_many(
                StockItem,
                [
                    {"sku": f"SKU-{i:06d}", "title": f"{rnd.choice(WORDS)} {rnd.choice(WORDS).lower()} nr {i}"}
                    for i in range(s.items)
                ],
            )
            items = list(StockItem.select(StockItem.id, StockItem.title).order_by(StockItem.id).tuples())
            levels = {}
            rows = []
            for item_id, _ in items:
                for location in locations:
                    quantity = rnd.randint(1, 30)
                    levels[item_id] = levels.get(item_id, 0) + quantity
                    rows.append({"item": item_id, "location": location.id, "quantity": quantity})
            bulk.insert_many(StockLevel, rows)
        step = max(1, s.items // s.listings)
        listed = [items[n * step] for n in range(s.listings)]
        specs = [
            {
                "title": title[:50],
                "format": "auction" if n % 10 == 0 else "buy_now",
                "quantity": 1 if n % 10 == 0 else min(levels[item_id], MAX_QUANTITY),
                "price": 19.99 + n % 50,
            }
            for n, (item_id, title) in enumerate(listed)
        ]
        offer_ids: list[int] = []
        for start in range(0, len(specs), 5000):
            offer_ids += self.control.add_offers(specs[start : start + 5000])
        self.item_of_offer = {offer_id: item_id for offer_id, (item_id, _) in zip(offer_ids, listed, strict=True)}
        self.auctions = {offer_ids[n] for n in range(0, len(offer_ids), 10)}
        channel = Channel.create(
            sub_source=CHANNEL,
            username=LOGIN,
            api_key=KEY,
            api_key_version=self.control.state()["version_key"],
            environment=self.service_url,
            inventory_sync=True,
            end_listings=True,
            end_auctions=True,
            relist_items=True,
            relist_duration=RELIST_DAYS,
            no_manual_confirmation=True,
            sync_orders_from=utcnow() - timedelta(hours=1),
        )
        self.channel_id = channel.id
        self.sync()  # the listings arrive in the app...
        ids = {int(o): i for o, i in Listing.select(Listing.offer_id, Listing.id).where(Listing.channel == channel.id).tuples()}
        with database.atomic():  # ...and the seller links them, as on the Listings screen
            bulk.update_many(Listing, ("stock_item",), [(self.item_of_offer[o], ids[o]) for o in offer_ids])
        # Some stock ran out earlier: the app ended those listings (they wait as pending relist).
        self.picked.relist = self._pick(offer_ids, self.scale.relists, auctions=0.1)
        self._set_levels({self.item_of_offer[o]: None for o in self.picked.relist}, zero=True)
        plan, report = self.sync()
        ended = report.counts.get("listings_ended", 0)
        if ended != len(self.picked.relist) or report.counts.get("quantities_changed"):
            raise RuntimeError(f"building the world went wrong: {report.counts}")

    def _pick(self, offer_ids: list[int], n: int, auctions: float, exclude=frozenset()) -> list[int]:
        pool = [o for o in offer_ids if o not in exclude]
        with_auctions = round(n * auctions)
        chosen = self.rnd.sample([o for o in pool if o in self.auctions], with_auctions)
        chosen += self.rnd.sample([o for o in pool if o not in self.auctions], n - with_auctions)
        return chosen

    def _set_levels(self, items: dict[int, int | None], zero: bool = False, location_index: int = 0) -> int:
        """Every level of `items` to 0 (zero), or one location's level to the given value."""
        locations = [i for (i,) in Location.select(Location.id).order_by(Location.id).tuples()]
        rows = []
        for level_id, item_id, location_id in StockLevel.select(
            StockLevel.id, StockLevel.item, StockLevel.location
        ).where(StockLevel.item.in_(list(items))).tuples():
            if zero:
                rows.append((0, level_id))
            elif location_id == locations[location_index]:
                rows.append((items[item_id], level_id))
        with database.atomic():
            bulk.update_many(StockLevel, ("quantity",), rows)
        return len(rows)

    # -- the day ------------------------------------------------------------------------------

    def day(self) -> dict[str, int]:
        """Orders come in and stock levels change. Returns what happened."""
        s, rnd = self.scale, self.rnd
        offer_ids = list(self.item_of_offer)
        busy = set(self.picked.relist)
        self.picked.end = self._pick(offer_ids, s.ends, auctions=0.1, exclude=busy)
        busy |= set(self.picked.end)
        buy_now = [o for o in offer_ids if o not in busy and o not in self.auctions]
        self.picked.bought = rnd.sample(buy_now, s.orders)

        def buy(n_offer):
            n, offer_id = n_offer
            kind = n % 20  # most buyers pay at once; some later, some on delivery
            self.control.purchase(offer_id, buyer=f"kupujacy{n % 400}", paid=kind >= 3, cod=kind == 0)

        with ThreadPoolExecutor(4) as pool:
            list(pool.map(buy, enumerate(self.picked.bought)))
        for offer_id in self.picked.bought:
            self.bought_items[self.item_of_offer[offer_id]] += 1

        changed = self._set_levels({self.item_of_offer[o]: None for o in self.picked.end}, zero=True)
        changed += self._set_levels({self.item_of_offer[o]: rnd.randint(1, 30) for o in self.picked.relist})
        wanted = round(s.level_changes * s.items * s.locations) - changed
        keep_out = {self.item_of_offer[o] for o in busy}
        levels = [
            row
            for row in StockLevel.select(StockLevel.id, StockLevel.item, StockLevel.quantity).tuples()
            if row[1] not in keep_out
        ]
        rows = []
        for level_id, _, quantity in rnd.sample(levels, max(wanted, 0)):
            rows.append((rnd.choice([q for q in range(1, 31) if q != quantity]), level_id))
        with database.atomic():
            bulk.update_many(StockLevel, ("quantity",), rows)
        return {"orders": len(self.picked.bought), "level_changes": changed + len(rows)}

    # -- the fewest calls ---------------------------------------------------------------------

    def fewest_calls(self) -> Counter[str]:
        """The fewest SOAP calls per operation for the next sync, from the two sides' state now."""
        channel = Channel.get_by_id(self.channel_id)
        offers = {o["offer_id"]: o for o in self.control.offers()}
        calls: Counter[str] = Counter(doQuerySysStatus=1, doLoginEnc=1)
        tabs = Counter()
        for o in offers.values():
            if o["state"] == "active":
                tabs["active"] += 1
            elif o["state"] == "ended":
                tabs["sold" if o["sold_quantity"] > 0 else "not_sold"] += 1
        for operation, tab in TABS.items():
            calls[operation] = max(1, math.ceil(tabs[tab] / PAGE))

        since = None if channel.journal_cursor is not None else channel.sync_orders_from
        events = [
            e for e in self.control.journal()
            if (channel.journal_cursor is None or e["event_id"] > int(channel.journal_cursor))
        ]
        calls["doGetSiteJournalDeals"] = len(events) // JOURNAL_PAGE + 1
        forms = {
            e["form_id"]
            for e in events
            if e["type"] in (2, 3, 4) and e["form_id"] and (since is None or _naive_utc(e["time"]) >= since)
        }
        known = {int(f) for (f,) in Order.select(Order.form_id).where(Order.channel == channel.id).tuples()}
        if forms:
            calls["doGetPostBuyFormsDataForSellers"] = math.ceil(len(forms) / BATCH)
        new_forms = forms - known

        # stock: level - what open orders hold (the new orders hold one item each)
        level: Counter[int] = Counter()
        for item_id, quantity in StockLevel.select(StockLevel.item, StockLevel.quantity).tuples():
            level[item_id] += quantity
        held = self._held(channel.id, new_forms, offers)
        quantity = ends = relists = relisted_quantity = 0
        rows = list(
            Listing.select(
                Listing.offer_id, Listing.status, Listing.format, Listing.stock_item, Listing.title, Listing.ended_by_us
            )
            .where(Listing.channel == channel.id)
            .tuples()
        )
        rows = [(int(offer_id), *rest) for offer_id, *rest in rows]  # the app keeps ids as text
        live_titles = {title for offer_id, status, *_, title, _ in rows if offers.get(offer_id, {}).get("state") == "active"}
        for offer_id, status, fmt, item_id, title, by_us in rows:
            if item_id is None:
                continue
            offer = offers[offer_id]
            available = level[item_id] - held[item_id]
            if offer["state"] == "active":
                if available <= 0:
                    ends += 1
                elif fmt == "buy_now" and min(available, MAX_QUANTITY) != offer["quantity"]:
                    quantity += 1
            elif status == ListingStatus.PENDING_RELIST and by_us and available > 0 and title not in live_titles:
                relists += 1
                live_titles.add(title)
                if fmt == "buy_now" and min(available, MAX_QUANTITY) != offer["start_quantity"]:
                    relisted_quantity += 1
        if quantity + relisted_quantity:
            calls["doChangeQuantityItem"] = quantity + relisted_quantity
        if ends:
            calls["doFinishItems"] = math.ceil(ends / BATCH)
        if relists:
            calls["doSellSomeAgain"] = math.ceil(relists / BATCH)
            calls["doVerifyItem"] = relists
        return calls

    def _held(self, channel_id: int, new_forms: set[int], offers: dict) -> Counter[int]:
        """Stock item -> items held by open orders, counting the forms the sync will import."""
        from core.models import OrderItem, OrderStatus

        held: Counter[int] = Counter()
        for item_id, quantity in (
            OrderItem.select(OrderItem.stock_item, OrderItem.quantity)
            .join(Order)
            .where((Order.channel == channel_id) & (Order.status == OrderStatus.OPEN) & OrderItem.stock_item.is_null(False))
            .tuples()
        ):
            held[item_id] += quantity
        if new_forms:
            by_form = {f["form_id"]: f for f in self.control.forms()}
            for form_id in new_forms:
                form = by_form[form_id]
                if form["cancelled"]:
                    continue
                for item in form["items"]:
                    item_id = self.item_of_offer.get(item["offer_id"])
                    if item_id is not None:
                        held[item_id] += item["quantity"]
        return held


def _naive_utc(unix_time: int):
    from datetime import UTC, datetime

    return datetime.fromtimestamp(unix_time, tz=UTC).replace(tzinfo=None)
