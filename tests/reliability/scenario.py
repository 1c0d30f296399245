"""One small, busy, deterministic moment of a shop, for the reliability tests.

`Scenario.build()` makes it once (a few setup syncs against the sandbox); `reset()`
puts both sides back to it in milliseconds (the database file is copied back, the
sandbox's world reloaded); `snapshot()` reads both sides field by field, in a form
where two runs that did the same work compare equal.

The moment holds one piece of work for every step of a sync: new purchases in the
journal (journal, forms), quantities to change, listings to end, ended listings whose
stock came back (relists), and shipped orders with tracking numbers to send.
"""
from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from core.allegro.retry import RetryPolicy
from core.channels import secret_account
from core.db import database, open_database
from core.models import (
    ActionState,
    Channel,
    Listing,
    Order,
    OrderItem,
    PlannedAction,
    Shipment,
    StockItem,
    StockLevel,
    SyncLock,
)
from core.paths import app_paths
from core.secrets import set_password
from tests.e2e.support import Shop

PASSWORD = "sandbox-pass-1"
# Short and few, so a fault that lasts costs a second, not a minute; one retry is enough
# to take the retry path (a fault that hits once is then absorbed).
RETRY = RetryPolicy(retries=1, base=0.01, cap=0.03, limit_pause=0.05)
CONNECT_TIMEOUT = 1.0
OPERATION_TIMEOUT = 0.5
REPORT_WAIT = 3.0  # how long a REST command's tasks may stay NEW in these tests
GROUP = 3  # offers per kind of work
# Changes that must reach Allegro once: a second one would end, relist or add a parcel again.
CHANGES_ONCE_ONLY = ("doFinishItems", "doFinishItem", "doSellSomeAgain", "doAddPackageInfoToPostBuyForm")
CHANGES = (*CHANGES_ONCE_ONLY, "doChangeQuantityItem")
REST_WRITES = ("quantityModificationCommandUsingPUT", "changePublicationStatusUsingPUT", "editProductOffers",
               "createProductOffers", "createOrderShipmentsUsingPOST")

# Values that differ between two equal runs only by when they happened or by an id
# the app drew at random: compared as present / absent.
_WHEN_DB = {"updated_at", "imported_at", "created_at", "sent_at", "ended_at"}
_WHEN_SANDBOX = {"start_time", "end_time", "ended_at"}
# What a seller must never be shown: the insides of the program.
INNARDS = ("Traceback", "zeep", "urllib3", "lxml", "Error(", "Exception", "None")


@dataclass
class SyncOutcome:
    """How one `main.py sync --yes` of the channel ended, as the seller saw it."""

    code: int
    out: str
    err: str
    crash: str = ""  # an exception that escaped the command (never acceptable)

    @property
    def seller_problem(self) -> str:
        """The sentence(s) the seller was shown about what went wrong ('' when none or unclear)."""
        lines = [
            line.strip()
            for line in (self.err + self.out).splitlines()
            if "the sync stopped:" in line or line.strip().startswith("Problem:")
        ]
        text = " ".join(lines)
        if not text or any(word in text for word in INNARDS):
            return ""
        return text


class Scenario:
    """The shop, its database file and the sandbox's world at the busy moment."""

    def __init__(self, root: Path, server, control, api: str = "webapi") -> None:
        self.api = api  # the channel's API: "webapi" or "rest"
        self.root = root
        self.server, self.control = server, control
        self.paths = app_paths(root / "shop")
        self.base_db = root / "busy-moment.sqlite3"
        self.base_world: str = ""
        self.channel_id = 0
        self.db = None

    # -- building ---------------------------------------------------------------------

    def build(self) -> "Scenario":
        from core.sync.orders import ship_order

        self.control.reset(seed=5, offers=0, demo=False)
        self.db = open_database(self.paths.database, backups_dir=self.paths.backups_dir)
        shop = Shop(self.server, self.control, self.paths.data_dir, api=self.api, submit_tracking=True)
        self.shop = shop
        self.channel_id = shop.channel_id
        qty = [(shop.item(f"QTY-{n}", f"Kubek {n}", stock=6 + n), shop.offer(f"Kubek {n}", quantity=10)) for n in range(GROUP)]
        end = [(shop.item(f"END-{n}", f"Talerz {n}", stock=2), shop.offer(f"Talerz {n}", quantity=2)) for n in range(GROUP)]
        rel = [(shop.item(f"REL-{n}", f"Wazon {n}", stock=0), shop.offer(f"Wazon {n}", quantity=3)) for n in range(GROUP)]
        lamp = shop.item("LAMP", "Lampka nocna", stock=40)
        lamp_offer = shop.offer("Lampka nocna", quantity=40)
        shop.import_and_link([(o, i) for i, o in (*qty, *end, *rel, (lamp, lamp_offer))])
        forms = [self.control.purchase(lamp_offer, buyer=f"lampa{n}")["form_id"] for n in range(GROUP + 1)]
        shop.sync()  # the vases end (no stock), quantities pushed, the lamp orders imported
        assert all(shop.listing(o).status == "pending_relist" for _, o in rel)
        for n, form_id in enumerate(forms[:GROUP]):
            ship_order(shop.order(form_id), 5, f"62000000000000000000{n:04d}")
        # then the day happens: stock comes back, runs out, changes; buyers buy
        for item, _ in rel:
            shop.stock(item, 3)
        for item, _ in end:
            shop.stock(item, 0)
        for n, (item, _) in enumerate(qty):
            shop.stock(item, 4 + n)
        for n in range(GROUP):
            self.control.purchase(qty[n][1], buyer=f"kubki{n}")
        self.control.purchase(lamp_offer, buyer="lampa-nowa")
        self.groups = {
            "quantity": [o for _, o in qty],
            "end": [o for _, o in end],
            "relist": [o for _, o in rel],
            "tracking_forms": forms[:GROUP],
        }
        self._save()
        return self

    def _save(self) -> None:
        dest = sqlite3.connect(str(self.base_db))
        try:
            self.db.connection().backup(dest)
        finally:
            dest.close()
        self.base_world = json.dumps(self.server.shop.to_dict())

    # -- resetting --------------------------------------------------------------------

    def reset(self) -> None:
        """Both sides back to the busy moment; no faults, an empty call log."""
        self.control.clear_faults()
        self.db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.paths.database}{suffix}").unlink(missing_ok=True)
        shutil.copy(self.base_db, self.paths.database)
        self.db.connect(reuse_if_open=True)
        self.server.shop.load_dict(json.loads(self.base_world))
        self.store_password()
        self.control.reset_calls()

    def store_password(self) -> None:
        """The keyring is per test (tests/conftest.py); put the channel's password back (a
        REST channel: connect it again, its token pair only lives in the keyring)."""
        channel = Channel.get_by_id(self.channel_id)
        if self.api == "rest":
            from tests.sandbox_channel import connect_rest_channel

            connect_rest_channel(channel, self.paths, self.server, self.control)
        else:
            set_password(secret_account(channel), PASSWORD)

    # -- syncing ----------------------------------------------------------------------

    def marketplace_factory(self, url: str | None = None, **options):
        """The app's marketplace for the channel, with the tests' short timeouts and
        retries; `url` sends it somewhere else than the sandbox (a spoiling proxy)."""
        from core.allegro.port import Credentials
        from core.allegro.webapi import WebApiMarketplace
        from core.sync.marketplace import make_marketplace

        options.setdefault("retry", RETRY)
        options.setdefault("connect_timeout", CONNECT_TIMEOUT)
        options.setdefault("operation_timeout", OPERATION_TIMEOUT)
        if self.api == "rest":
            return self._rest_factory(**options)
        if url is None:
            return lambda channel, paths: make_marketplace(channel, paths, **options)

        def elsewhere(channel, paths):
            credentials = Credentials(
                url=url, username=channel.username, password=PASSWORD, api_key=channel.api_key,
                api_key_version=channel.api_key_version,
            )
            return WebApiMarketplace(credentials, accept_current_version=True, **options)

        return elsewhere

    def _rest_factory(self, transport=None, operation_timeout: float = OPERATION_TIMEOUT, **_webapi_options):
        """The app's REST marketplace with the tests' short timeout, 429 waits of a moment
        and a report wait of a few seconds; `transport` is an httpx transport (faults below HTTP)."""
        from core.allegro.rest.ledger import DatabaseLedger
        from core.allegro.rest.marketplace import RestMarketplace
        from core.allegro.rest.tokens import TokenSource
        from core.sync.marketplace import rest_api_base

        def make(channel, paths):
            return RestMarketplace(
                rest_api_base(channel.environment, paths), TokenSource(channel.id, paths),
                ledger=DatabaseLedger(channel.id), timeout=operation_timeout, report_wait=REPORT_WAIT,
                sleep=lambda seconds: time.sleep(min(seconds, 0.05)), transport=transport,
            )

        return make

    def sync(self, report=None, factory=None, **options) -> SyncOutcome:
        """One `main.py sync --yes` of the channel, in this process, its output captured.
        `factory(channel, paths)` makes the marketplace (default: the app's, with `options`)."""
        from core.cli import sync as sync_command

        out, err = io.StringIO(), io.StringIO()
        crash = ""
        code = -1
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                channel = Channel.get_by_id(self.channel_id)
                if report is not None:
                    original = sync_command._progress
                    sync_command._progress = lambda name: _both(original(name), report)
                try:
                    code = sync_command.sync_channel(
                        channel, self.paths, True, factory or self.marketplace_factory(**options)
                    )
                finally:
                    if report is not None:
                        sync_command._progress = original
            except Exception as error:  # noqa: BLE001 - the test reports it as a crash
                crash = f"{type(error).__name__}: {error}"
        return SyncOutcome(code, out.getvalue(), err.getvalue(), crash)

    # -- reading both sides -----------------------------------------------------------

    def snapshot(self) -> dict:
        return {"database": database_picture(self.channel_id), "sandbox": sandbox_picture(self.control)}

    def loose_ends(self) -> list[str]:
        """What a finished run must never leave behind."""
        problems = []
        stuck = PlannedAction.select().where(PlannedAction.state.in_([ActionState.SENDING, ActionState.APPROVED]))
        for action in stuck:
            problems.append(f"action {action.id} ({action.kind}) left {action.state}")
        if SyncLock.select().exists():
            problems.append("the channel's sync lock was left taken")
        return problems


def _both(first, second):
    def report(step, done, total):
        first(step, done, total)
        second(step, done, total)

    return report


def _presence(row: dict, names) -> dict:
    return {k: (v is not None if k in names else v) for k, v in row.items()}


def database_picture(channel_id: int) -> dict:
    """Every row that describes the shop, without row ids; new offers named by their source."""
    skus = {i.id: i.sku for i in StockItem.select()}
    listings = {}
    for row in Listing.select().where(Listing.channel == channel_id).dicts():
        row = _presence(row, _WHEN_DB)
        # A relisted offer's end time is learnt at the next read of Allegro's tabs (the
        # relist answer does not carry it); Allegro's side below compares the offers' ends.
        row.pop("end_time")
        key = ("relisted from", row["previous_offer_id"]) if row["previous_offer_id"] else row["offer_id"]
        if row["previous_offer_id"]:
            row.pop("offer_id")
        row.pop("id"), row.pop("channel")
        row["stock_item"] = skus.get(row["stock_item"])
        listings[key] = row
    forms = {o.id: o.form_id for o in Order.select(Order.id, Order.form_id)}
    orders = {}
    for row in Order.select().where(Order.channel == channel_id).dicts():
        row = _presence(row, {"imported_at"})
        row.pop("id"), row.pop("channel")
        orders[row["form_id"]] = row
    items = sorted(
        (forms[r["order"]], r["offer_id"], r["title"], r["quantity"], str(r["price"]), skus.get(r["stock_item"]), r["link_state"])
        for r in OrderItem.select().dicts()
    )
    shipments = sorted(
        (forms[r["order"]], r["carrier_id"], r["carrier_name"], r["tracking_number"], r["state"], r["reason"], r["sent_at"] is not None)
        for r in Shipment.select().dicts()
    )
    levels = sorted((skus[r["item"]], r["location"], r["quantity"]) for r in StockLevel.select().dicts())
    channel = Channel.select().where(Channel.id == channel_id).dicts().get()
    channel = {k: v for k, v in channel.items() if k not in ("id", "last_sync_at", "created_at")}
    return {
        "listings": listings,
        "orders": orders,
        "order_items": items,
        "shipments": shipments,
        "stock_levels": levels,
        "stock_items": sorted(StockItem.select(StockItem.sku, StockItem.title, StockItem.barcode).tuples()),
        "channel": channel,
    }


def sandbox_picture(control) -> dict:
    """Allegro's side: every offer (relisted ones named by their source), form and journal event."""
    offers = {}
    for row in control.offers():
        row = _presence(row, _WHEN_SANDBOX)
        row.pop("local_id")  # drawn at random by the app for each relist it plans
        key = ("relisted from", row["relisted_from"]) if row["relisted_from"] else row["offer_id"]
        if row["relisted_from"]:
            row.pop("offer_id")
        offers[key] = row
    forms = {f["form_id"]: f for f in control.forms()}
    for form in forms.values():
        form["packages"] = sorted(json.dumps(_presence(p, {"added_at", "time"}), sort_keys=True) for p in form["packages"])
    journal = [(e["event_id"], e["type"], e["deal_id"], e["form_id"], e["offer_id"], e["quantity"]) for e in control.journal()]
    return {"offers": offers, "forms": forms, "journal": journal}


def differences(want, got, path: str = "") -> list[str]:
    """Field-by-field differences between two snapshots, as readable lines."""
    if isinstance(want, dict) and isinstance(got, dict):
        out = []
        for key in sorted(set(want) | set(got), key=repr):
            where = f"{path}/{key}"
            if key not in got:
                out.append(f"{where}: missing (want {want[key]!r})")
            elif key not in want:
                out.append(f"{where}: unexpected {got[key]!r}")
            else:
                out += differences(want[key], got[key], where)
        return out
    if isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        out = []
        for n, (a, b) in enumerate(zip(want, got)):
            out += differences(a, b, f"{path}[{n}]")
        return out
    return [] if want == got else [f"{path}: want {want!r}, got {got!r}"]
