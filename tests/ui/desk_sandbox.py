"""A seller's desk wired to the real sandbox on 127.0.0.1, for the UI tests of the screens.

Import the fixtures into a test module::

    from tests.ui.desk_sandbox import desk, sandbox, control  # noqa: F401
"""
from __future__ import annotations

from datetime import timedelta

import pytest

from core import channels
from core.models import Channel, Listing, Location, StockItem, StockLevel, utcnow
from core.paths import app_paths
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


class Desk:
    """A channel saved the app's way (password in the keyring), a location, helpers."""

    def __init__(self, sandbox, control, data_dir, **options) -> None:
        self.control = control
        self.paths = app_paths(data_dir)
        self.main = Location.create(name="Magazyn Główny", is_default=True)
        config = channels.ChannelConfig(
            sub_source="MyAllegro",
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

    def set(self, **options) -> None:
        Channel.update(**options).where(Channel.id == self.channel_id).execute()

    def item(self, sku: str, title: str, stock: int) -> StockItem:
        item = StockItem.create(sku=sku, title=title)
        StockLevel.create(item=item, location=self.main, quantity=stock)
        return item

    def stock(self, item: StockItem, quantity: int) -> None:
        StockLevel.update(quantity=quantity).where(
            (StockLevel.item == item) & (StockLevel.location == self.main)
        ).execute()

    def offer(self, title: str, quantity: int = 5, fmt: str = "buy_now", **extra) -> int:
        return self.control.add_offer(title, format=fmt, quantity=quantity, **extra)

    def listing(self, offer_id: int) -> Listing:
        return Listing.get((Listing.channel == self.channel_id) & (Listing.offer_id == offer_id))

    def link(self, offer_id: int, item: StockItem) -> None:
        Listing.update(stock_item=item).where(
            (Listing.channel == self.channel_id) & (Listing.offer_id == offer_id)
        ).execute()

    def on_allegro(self, offer_id: int) -> dict:
        return self.control.offer(offer_id)


@pytest.fixture
def desk(db, sandbox, control, data_dir):
    return Desk(sandbox, control, data_dir)
