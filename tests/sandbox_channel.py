"""A channel saved the app's way against the real sandbox on 127.0.0.1, and its fixtures.

In a conftest.py or test module::

    from tests.sandbox_channel import control, sandbox  # noqa: F401

gives one sandbox per module and, per test, its control on an empty shop (no faults, no
counted calls). ``SandboxChannel(sandbox, control, data_dir)`` is the seller's side: a
channel saved through core.channels (so its password sits in the keyring), a default
location, and helpers for stock, offers and listings.
"""
from __future__ import annotations

from datetime import timedelta

import pytest

from core import channels
from core.allegro.retry import FAST
from core.models import Channel, Listing, Location, StockItem, StockLevel, utcnow
from core.paths import app_paths
from core.sync.marketplace import make_marketplace
from sandbox.control import SandboxControl
from sandbox.server import SandboxServer


@pytest.fixture(scope="module")
def sandbox():
    with SandboxServer(port=0) as running:
        yield running


@pytest.fixture
def control(sandbox):
    control = SandboxControl(sandbox.base_url)
    control.reset(seed=1, offers=0, demo=False)
    control.clear_faults()
    control.reset_calls()
    yield control
    control.clear_faults()


class SandboxChannel:
    """One channel on the sandbox's seller account; `options` override its ChannelConfig."""

    def __init__(self, sandbox, control, data_dir, location: str = "Magazyn A", api: str = "webapi", **options) -> None:
        self.sandbox, self.control = sandbox, control
        self.api = api
        self.paths = app_paths(data_dir)
        self.main = Location.create(name=location, is_default=True)
        if api == "rest":
            options = {"username": "", "password": "", "api_key": "", "api_key_version": "0",
                       "environment": sandbox.rest_url, "api": "rest", **options}
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
        if api == "rest":
            connect_rest_channel(self.channel, self.paths, sandbox, control)

    @property
    def channel(self) -> Channel:
        return Channel.get_by_id(self.channel_id)

    def set(self, **options) -> None:
        Channel.update(**options).where(Channel.id == self.channel_id).execute()

    def marketplace(self, **options):
        if self.api == "webapi":
            options.setdefault("retry", FAST)
        return make_marketplace(self.channel_id, self.paths, **options)

    # -- stock ----------------------------------------------------------------------------

    def item(self, sku: str, title: str, stock: int = 0) -> StockItem:
        item = StockItem.create(sku=sku, title=title)
        StockLevel.create(item=item, location=self.main, quantity=stock)
        return item

    def stock(self, item: StockItem, quantity: int, location=None) -> None:
        StockLevel.update(quantity=quantity).where(
            (StockLevel.item == item) & (StockLevel.location == (location or self.main))
        ).execute()

    # -- listings ---------------------------------------------------------------------------

    def offer(self, title: str, quantity: int = 5, fmt: str = "buy_now", **extra) -> int:
        """A new offer on Allegro's side, as if listed there by hand; returns its id."""
        return self.control.add_offer(title, format=fmt, quantity=quantity, **extra)

    def listing(self, offer_id: int) -> Listing:
        return Listing.get((Listing.channel == self.channel_id) & (Listing.offer_id == offer_id))

    def link(self, offer_id: int, item: StockItem) -> None:
        Listing.update(stock_item=item).where(
            (Listing.channel == self.channel_id) & (Listing.offer_id == offer_id)
        ).execute()

    def on_allegro(self, offer_id: int) -> dict:
        """The offer as the sandbox holds it."""
        return self.control.offer(offer_id)


def connect_rest_channel(channel: Channel, paths, sandbox, control) -> None:
    """What Connect with Allegro does, approved through the sandbox's control: the demo
    application in Preferences, the device flow, the token pair in the keyring."""
    from core.allegro.rest.connect import save_connection
    from core.allegro.rest.tokens import store_application
    from tests.rest_tokens import CLIENT, device_token

    control.rest_settings(command_delay_seconds=0)
    store_application(sandbox.rest_url, paths, *CLIENT)
    save_connection(channel, paths, device_token(sandbox.rest_url, control), login="sandbox-seller")
