"""The tables. Every model binds to `database`, the one DatabaseProxy (re-exported by core.db).

The password of a channel is never stored here (see core/secrets.py).
"""
from __future__ import annotations

from datetime import UTC, datetime

from peewee import (
    BigIntegerField,
    DatabaseProxy,
    BooleanField,
    CharField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    fn,
)

from core.states import (  # noqa: F401 - re-exported: the values of the status columns
    ActionKind,
    ActionState,
    Environment,
    LinkState,
    ListingStatus,
    OrderStatus,
    ShipmentState,
)

database = DatabaseProxy()  # bound to a real database by core.db.open_database


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # stored naive, always UTC


def id_order(field) -> tuple:
    """Sort keys for an id column (text): Allegro's numbers in numeric order (shorter first,
    then by digits) on SQLite and PostgreSQL alike; UUIDs in a stable order."""
    return (fn.LENGTH(field), field)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaInfo(BaseModel):
    """One row: the schema version this database is at."""

    version = IntegerField()


class Location(BaseModel):
    name = CharField(unique=True, max_length=100)
    is_default = BooleanField(default=False)


class StockItem(BaseModel):
    sku = CharField(unique=True, max_length=100)
    title = CharField(max_length=255, index=True)
    barcode = CharField(max_length=64, default="")
    created_at = DateTimeField(default=utcnow)


class StockLevel(BaseModel):
    item = ForeignKeyField(StockItem, backref="levels", on_delete="CASCADE")
    location = ForeignKeyField(Location, backref="levels", on_delete="RESTRICT")
    quantity = IntegerField(default=0)

    class Meta:
        indexes = ((("item", "location"), True),)


class Channel(BaseModel):
    """An Allegro account integration: the Integration and Config screens' fields."""

    sub_source = CharField(unique=True, max_length=100)
    username = CharField(max_length=254)
    api_key = CharField(max_length=100)
    api_key_version = BigIntegerField(default=0)
    currency = CharField(max_length=3, default="PLN")
    environment = CharField(max_length=500, default=Environment.SANDBOX)
    # "webapi" (SOAP, username/password/API key) or "rest" (OAuth tokens in the keyring);
    # for "rest", environment is sandbox / production / allegrosandbox or an address
    api = CharField(max_length=10, default="webapi")
    enabled = BooleanField(default=True)
    inventory_sync = BooleanField(default=False)
    update_from_location = BooleanField(default=False)
    location = ForeignKeyField(Location, null=True, on_delete="SET NULL")
    submit_tracking = BooleanField(default=False)
    sync_orders_from = DateTimeField(default=utcnow)
    relist_items = BooleanField(default=False)
    end_listings = BooleanField(default=False)
    no_manual_confirmation = BooleanField(default=False)
    relist_duration = IntegerField(default=0)  # days; 0 = until sold out
    relist_delay = IntegerField(default=0)  # minutes before a relisted offer starts
    end_auctions = BooleanField(default=False)
    end_auctions_with_bids = BooleanField(default=False)
    link_by_title = BooleanField(default=False)
    # the mass-end brake (core/sync/guards.py): a run ending more than the larger of these holds
    mass_end_percent = IntegerField(default=20)  # % of the channel's live listings
    mass_end_count = IntegerField(default=50)  # listings
    # stock buffers (core/sync/buffers.py); the defaults list everything available
    buffer_max_listed = IntegerField(default=0)  # 0 = no cap
    buffer_keep_back = IntegerField(default=0)
    buffer_percent = IntegerField(default=100)
    buffer_end_at = IntegerField(default=0)  # end when available <= this
    journal_cursor = CharField(max_length=100, null=True)  # the last journal event stored (the adapter's id)
    last_sync_at = DateTimeField(null=True)
    last_sync_outcome = CharField(max_length=20, default="")
    created_at = DateTimeField(default=utcnow)


class Listing(BaseModel):
    channel = ForeignKeyField(Channel, backref="listings", on_delete="CASCADE")
    offer_id = CharField(max_length=40)  # Allegro's offer number, as text
    title = CharField(max_length=255, index=True)
    format = CharField(max_length=10)  # buy_now | auction
    status = CharField(max_length=20, default=ListingStatus.ACTIVE, index=True)
    quantity = IntegerField(default=0)  # available on Allegro as last seen
    start_quantity = IntegerField(default=0)
    sold_quantity = IntegerField(default=0)
    bids = IntegerField(default=0)
    price = DecimalField(max_digits=12, decimal_places=2, default=0)
    end_time = DateTimeField(null=True)
    ended_at = DateTimeField(null=True)
    ended_by_us = BooleanField(default=False)
    stock_item = ForeignKeyField(StockItem, null=True, backref="listings", on_delete="SET NULL")
    previous_offer_id = CharField(max_length=40, null=True)  # the offer this one was relisted from
    changed_elsewhere = TextField(default="")  # JSON: what changed on Allegro outside the app (drift.py)
    changed_elsewhere_at = DateTimeField(null=True)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("channel", "offer_id"), True),)


class Order(BaseModel):
    channel = ForeignKeyField(Channel, backref="orders", on_delete="CASCADE")
    form_id = CharField(max_length=40)  # Allegro's order: a WebAPI form number or a REST checkout form UUID
    buyer_id = BigIntegerField(default=0)
    buyer_login = CharField(max_length=100, default="")
    buyer_email = CharField(max_length=254, default="")
    created_at = DateTimeField(null=True, index=True)
    amount = DecimalField(max_digits=12, decimal_places=2, default=0)
    postage_amount = DecimalField(max_digits=12, decimal_places=2, default=0)
    currency = CharField(max_length=3, default="PLN")
    pay_type = CharField(max_length=50, default="")
    pay_status = CharField(max_length=50, default="")
    status = CharField(max_length=20, default=OrderStatus.OPEN, index=True)
    ship_name = CharField(max_length=255, default="")
    ship_company = CharField(max_length=255, default="")
    ship_street = CharField(max_length=255, default="")
    ship_postcode = CharField(max_length=20, default="")
    ship_city = CharField(max_length=100, default="")
    ship_country = CharField(max_length=100, default="")
    ship_phone = CharField(max_length=50, default="")
    message = TextField(default="")
    imported_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("channel", "form_id"), True),)


class OrderItem(BaseModel):
    order = ForeignKeyField(Order, backref="items", on_delete="CASCADE")
    offer_id = CharField(max_length=40)
    title = CharField(max_length=255)
    quantity = IntegerField()
    price = DecimalField(max_digits=12, decimal_places=2, default=0)
    stock_item = ForeignKeyField(StockItem, null=True, backref="order_items", on_delete="SET NULL")
    link_state = CharField(max_length=20, default=LinkState.UNLINKED)


class Shipment(BaseModel):
    order = ForeignKeyField(Order, backref="shipments", on_delete="CASCADE")
    carrier_id = IntegerField()  # Allegro operatorId
    carrier_name = CharField(max_length=100, default="")
    tracking_number = CharField(max_length=100)
    state = CharField(max_length=20, default=ShipmentState.PENDING)
    reason = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    sent_at = DateTimeField(null=True)


class SyncRun(BaseModel):
    channel = ForeignKeyField(Channel, backref="runs", on_delete="CASCADE")
    started_at = DateTimeField(default=utcnow, index=True)
    finished_at = DateTimeField(null=True)
    outcome = CharField(max_length=20, default="running")  # running|ok|failed|partial|cancelled
    counts = TextField(default="{}")  # JSON: what the run did
    errors = TextField(default="")  # one line per problem, in the seller's words


class PlannedAction(BaseModel):
    run = ForeignKeyField(SyncRun, backref="actions", null=True, on_delete="SET NULL")
    channel = ForeignKeyField(Channel, backref="actions", on_delete="CASCADE")
    kind = CharField(max_length=20)
    listing = ForeignKeyField(Listing, null=True, backref="actions", on_delete="CASCADE")
    shipment = ForeignKeyField(Shipment, null=True, backref="actions", on_delete="CASCADE")
    params = TextField(default="{}")  # JSON: target quantity, cancel bids, duration, start, local id
    reason = TextField(default="")
    state = CharField(max_length=20, default=ActionState.PROPOSED, index=True)
    result = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class SyncLock(BaseModel):
    """Who is syncing a channel now; one row per channel while a sync runs."""

    channel = ForeignKeyField(Channel, unique=True, on_delete="CASCADE")
    owner = CharField(max_length=200)  # host:pid:token
    heartbeat = DateTimeField(default=utcnow)


class RestCommand(BaseModel):
    """A REST quantity or publication command, written before it is sent: after a crash or
    a lost answer its report is read by `command_id` instead of sending it again."""

    channel = ForeignKeyField(Channel, on_delete="CASCADE")
    kind = CharField(max_length=20)  # "quantity", "publication" or "shipment"
    command_id = CharField(max_length=36, unique=True)
    offer_ids = TextField()  # comma-separated offer ids (a shipment's: its checkout form id)
    target = CharField(max_length=100)  # the quantity sent, ACTIVATE / END, or a waybill
    created = DateTimeField(default=utcnow)
    settled = DateTimeField(null=True)  # when its report was read to the end (or Allegro never got it)


ALL_MODELS = [
    SchemaInfo,
    Location,
    StockItem,
    StockLevel,
    Channel,
    Listing,
    Order,
    OrderItem,
    Shipment,
    SyncRun,
    PlannedAction,
    SyncLock,
    RestCommand,
]
