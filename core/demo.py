"""The demo a new user meets: a Sandbox channel and a stock set linked to its listings.

The welcome screen's one click runs `set_up_demo`: the channel is saved the app's way
(password to the keyring), Allegro's Sandbox is asked for its listings, and a stock item
is made for each listing title and linked to it. Most items hold what the listing
offers, a few a little less (the first sync pushes those quantities) and every fourth
buy-now item none, so the first sync imports the demo shop's orders and proposes ending
just those listings in the confirmation dialog.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from core import channels
from core.allegro.port import Offer, OfferFormat, OfferState
from core.db import database
from core.models import Channel, Listing, Location, StockItem, StockLevel, utcnow
from core.sync import listings
from core.i18n import N_, _

log = logging.getLogger(__name__)

DEMO_SUB_SOURCE = "Sandbox demo"
DEMO_LOCATION = N_("Main warehouse")  # named in the app's language when the demo makes it
SKU_PREFIX = "DEMO-"
# The demo shop's sales reach back a few weeks; its first sync should bring them in.
ORDERS_SINCE = timedelta(days=30)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class DemoStock:
    """What seeding did: items made, listings linked, and which buy-now items hold none."""

    items_created: int
    listings_linked: int
    out_of_stock: tuple[str, ...]  # titles with 0 in stock: the first sync proposes ending them
    below_listing: tuple[str, ...]  # titles with one less than the listing offers and has sold


@dataclass(frozen=True)
class DemoSetUp:
    channel: channels.ChannelConfig
    url: str
    stock: DemoStock


def demo_config(sub_source: str = DEMO_SUB_SOURCE) -> channels.ChannelConfig:
    """The demo channel: the Sandbox's account with the options a first sync shows off."""
    from core.allegro import local_sandbox

    return channels.ChannelConfig(
        sub_source=sub_source,
        username=local_sandbox.demo_account().username,
        password=local_sandbox.demo_account().password,
        api_key=local_sandbox.demo_account().api_key,
        api_key_version=str(local_sandbox.demo_version_key()),
        environment=channels.SANDBOX,
        enabled=True,
        inventory_sync=True,
        end_listings=True,
        relist_items=True,
        link_by_title=True,
        sync_orders_from=(utcnow() - ORDERS_SINCE).replace(microsecond=0),
    )


def find_demo_channel() -> Channel | None:
    """A WebAPI channel already set up on the Sandbox's demo account, if any."""
    from core.allegro import local_sandbox

    return (
        Channel.select()
        .where(
            (Channel.api == "webapi")
            & (Channel.environment == channels.SANDBOX)
            & (Channel.username == local_sandbox.demo_account().username)
        )
        .order_by(Channel.id)
        .first()
    )


def add_demo_channel() -> channels.ChannelConfig:
    """Save the demo channel, or return the one saved before (the button may be clicked twice)."""
    existing = find_demo_channel()
    if existing is not None:
        return channels.from_row(existing)
    taken = {c.sub_source.casefold() for c in Channel.select(Channel.sub_source)}
    name, n = DEMO_SUB_SOURCE, 1
    while name.casefold() in taken:
        n += 1
        name = f"{DEMO_SUB_SOURCE} {n}"
    return channels.save(demo_config(name))


def stock_for(offer: Offer, index: int) -> int:
    """How many the demo holds of a listing's item (index: its place among buy-now listings).

    A shelf holds what the listing still offers plus what was sold and not shipped yet;
    the first sync's orders hold those back again, so the listing's quantity stays. Every
    fourth buy-now item holds none, so the sync proposes ending its listing; every fifth
    holds one less, so its quantity is pushed. Auctions sell one piece; ended listings
    keep a little stock.
    """
    if offer.format == OfferFormat.AUCTION:
        return 1
    if offer.state not in (OfferState.ACTIVE, OfferState.SCHEDULED):
        return 3
    if index % 4 == 1:
        return 0
    shelf = offer.quantity + offer.sold_quantity
    if index % 5 == 3:
        return max(1, shelf - 1)
    return max(1, shelf)


def seed_demo_stock(channel_id: int, offers: Iterable[Offer], now: datetime | None = None) -> DemoStock:
    """Store the channel's listings and a linked stock item per title, in one transaction.

    Titles that already name exactly one stock item are linked to it (nothing is
    overwritten); a title shared by several items is left unlinked, as the sync would.
    """
    offers = sorted(offers, key=lambda o: (len(o.offer_id), o.offer_id))
    now = now or utcnow()
    with database.atomic():
        listings.refresh(channel_id, offers, now)
        location = _demo_location()
        by_title: dict[str, list[int]] = {}
        for item_id, title in StockItem.select(StockItem.id, StockItem.title).tuples():
            by_title.setdefault(title, []).append(item_id)
        used_skus = {sku for (sku,) in StockItem.select(StockItem.sku).tuples()}
        next_sku = 1
        created = linked = 0
        empty: list[str] = []
        short: list[str] = []
        buy_now_index = 0
        for offer in offers:
            index = buy_now_index
            if offer.format == OfferFormat.BUY_NOW and offer.state in (OfferState.ACTIVE, OfferState.SCHEDULED):
                buy_now_index += 1
            matches = by_title.get(offer.title, [])
            if len(matches) > 1:
                continue
            if matches:
                item_id = matches[0]
            else:
                while f"{SKU_PREFIX}{next_sku:03d}" in used_skus:
                    next_sku += 1
                sku = f"{SKU_PREFIX}{next_sku:03d}"
                used_skus.add(sku)
                item = StockItem.create(sku=sku, title=offer.title)
                quantity = stock_for(offer, index)
                StockLevel.create(item=item, location=location, quantity=quantity)
                item_id = item.id
                by_title[offer.title] = [item_id]
                created += 1
                live = offer.state in (OfferState.ACTIVE, OfferState.SCHEDULED)
                if live and offer.format == OfferFormat.BUY_NOW:
                    if quantity == 0:
                        empty.append(offer.title)
                    elif quantity < offer.quantity + offer.sold_quantity:
                        short.append(offer.title)
            linked += (
                Listing.update(stock_item=item_id, updated_at=now)
                .where(
                    (Listing.channel == channel_id)
                    & (Listing.offer_id == offer.offer_id)
                    & Listing.stock_item.is_null()
                )
                .execute()
            )
    log.info("Demo stock: %d items created, %d listings linked, %d out of stock", created, linked, len(empty))
    return DemoStock(created, linked, tuple(empty), tuple(short))


def _demo_location() -> Location:
    default = Location.get_or_none(Location.is_default == True)  # noqa: E712 - peewee expression
    if default is not None:
        return default
    location = Location.get_or_none(Location.name.in_([_(DEMO_LOCATION), DEMO_LOCATION]))
    if location is None:
        location = Location.create(name=_(DEMO_LOCATION), is_default=True)
    else:
        Location.update(is_default=True).where(Location.id == location.id).execute()
    return location


def set_up_demo(paths, progress: Progress | None = None, marketplace_factory=None) -> DemoSetUp:
    """The welcome screen's one click: start the Sandbox, save the channel, Test it, seed stock.

    Raises channels.ChannelInvalid, secrets.KeyringUnavailable or the adapter's
    AllegroError, each with a `.message` for the seller; nothing half-made is left
    behind when the Test fails (the channel just saved is removed again).
    """
    from core.allegro import local_sandbox
    from core.sync.engine import OFFER_TABS
    from core.sync.marketplace import make_marketplace

    say = progress or (lambda _step: None)
    say(_("Starting the Sandbox"))
    url = local_sandbox.ensure_running(paths)
    say(_("Saving the demo channel"))
    existed = find_demo_channel() is not None
    config = add_demo_channel()
    say(_("Testing the connection"))
    try:
        config = _test(config, paths)
        say(_("Reading the demo shop's listings"))
        marketplace = (marketplace_factory or make_marketplace)(config.id, paths)
        try:
            marketplace.login()
            offers = list(marketplace.offers(OFFER_TABS))  # the tabs a sync reads
        finally:
            marketplace.close()
    except Exception:
        if not existed:
            channels.delete(config.id)
        raise
    say(_("Filling the stock"))
    stock = seed_demo_stock(config.id, offers)
    return DemoSetUp(config, url, stock)


def _test(config: channels.ChannelConfig, paths) -> channels.ChannelConfig:
    """Test the demo channel as the Test button does. A Sandbox kept from an earlier
    run may have moved its version key (its world lives in the data folder); the demo
    simply takes the current one, as the seller would by answering Yes."""
    from core.allegro.errors import VersionKeyMismatch

    password = channels.stored_password(config.id)
    try:
        channels.check_connection(config, password, paths)
    except VersionKeyMismatch as mismatch:
        config = channels.save(replace(config, api_key_version=str(mismatch.current)))
        channels.check_connection(config, password, paths)
    return config
