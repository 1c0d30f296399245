"""A channel's configuration: validate it, save it, load it, delete it, test it.

The Integration and Config screens and the `channel` command all go through here, so
they check the same rules and say the same sentences. The password never reaches the
database: it goes to the keyring (core/secrets.py), and a save either stores the row
and the password together or neither.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, fields, make_dataclass, replace
from datetime import datetime, timedelta

from core import currencies, secrets
from core.allegro import environments
from core.db import database
from core.models import Channel, Environment, Location, utcnow
from core.i18n import N_, _

log = logging.getLogger(__name__)

SANDBOX = Environment.SANDBOX
PRODUCTION = Environment.PRODUCTION

# doSellSomeAgain durations Allegro accepted; 0 = until sold out (Buy Now only).
RELIST_DURATIONS = (0, 3, 5, 7, 10, 20, 30)
MAX_RELIST_DELAY = 30 * 24 * 60  # minutes: a relist may start at most 30 days ahead
MAX_VERSION_KEY = 2**63 - 1
# The clock of the computer and Allegro's differ a little; "now" typed a moment ago is fine.
FUTURE_SLACK = timedelta(minutes=10)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")

# Option -> the option it needs; an option is off whenever what it needs is off.
DEPENDS_ON = {
    "end_auctions": "end_listings",
    "end_auctions_with_bids": "end_auctions",
    "relist_duration": "relist_items",
    "relist_delay": "relist_items",
    "location_id": "update_from_location",
}

# The options as the config screen names them (shown with core.i18n._()).
OPTION_NAMES = {
    "enabled": N_("Enabled"),
    "inventory_sync": N_("Inventory Sync"),
    "update_from_location": N_("Inventory Update From Location"),
    "location_id": N_("Stock location"),
    "submit_tracking": N_("Submit Tracking Info"),
    "sync_orders_from": N_("Sync Orders From"),
    "link_by_title": N_("Link Order Item to Stock Item By Title"),
    "end_listings": N_("End Listings"),
    "end_auctions": N_("End Auctions"),
    "end_auctions_with_bids": N_("End Auctions with bids"),
    "relist_items": N_("Relist Items"),
    "relist_duration": N_("Relist Listing Duration"),
    "relist_delay": N_("Relist Listing Delay"),
    "no_manual_confirmation": N_("No Manual Confirmation"),
    "mass_end_percent": N_("Mass-end brake: share of live listings"),
    "mass_end_count": N_("Mass-end brake: or number of listings"),
    "buffer_max_listed": N_("List at most"),
    "buffer_keep_back": N_("Keep back"),
    "buffer_percent": N_("List a share of available"),
    "buffer_end_at": N_("End when available is at most"),
}

# The options the channel list may flip without opening the config screen.
LIST_TOGGLES = ("enabled", "inventory_sync")


@dataclass
class ChannelConfig:
    """What the Integration and Config screens edit. `id` is None until saved.

    `api_key_version` is kept as typed (validate() says whether it is a whole number).
    `password` is only what the seller typed now: None or "" keeps the stored one.
    """

    sub_source: str = ""
    username: str = ""
    api_key: str = field(default="", repr=False)
    api_key_version: str = ""
    currency: str = currencies.DEFAULT
    environment: str = SANDBOX  # "sandbox" | "production" | a WebAPI address (REST: also "allegrosandbox")
    # "webapi" (login, password, key) or "rest" (connected by OAuth: no password, key or version)
    api: str = "webapi"
    password: str | None = field(default=None, repr=False, compare=False)
    enabled: bool = True
    inventory_sync: bool = False
    update_from_location: bool = False
    location_id: int | None = None
    submit_tracking: bool = False
    sync_orders_from: datetime = field(default_factory=lambda: utcnow().replace(microsecond=0))
    relist_items: bool = False
    end_listings: bool = False
    no_manual_confirmation: bool = False
    relist_duration: int = 0
    relist_delay: int = 0
    end_auctions: bool = False
    end_auctions_with_bids: bool = False
    link_by_title: bool = False
    mass_end_percent: int = 20
    mass_end_count: int = 50
    buffer_max_listed: int = 0
    buffer_keep_back: int = 0
    buffer_percent: int = 100
    buffer_end_at: int = 0
    id: int | None = None

    def version_key(self) -> int:
        """The Api Key Version as a number (after validate() found it whole)."""
        return int(self.api_key_version.strip())

    def options(self) -> ChannelOptions:
        """These options frozen, as the sync's rules take them."""
        return ChannelOptions(**{f.name: getattr(self, f.name) for f in fields(ChannelOptions)})


def _frozen_field(f):
    return field(default=f.default, default_factory=f.default_factory, repr=f.repr, compare=f.compare)


# The same fields as ChannelConfig (one list, written there) but frozen and without the
# password typed now: what a sync run and its rules follow, built once per run (options_of).
ChannelOptions = make_dataclass(
    "ChannelOptions",
    [(f.name, f.type, _frozen_field(f)) for f in fields(ChannelConfig) if f.name != "password"],
    frozen=True,
    slots=True,
)
ChannelOptions.__module__ = __name__
ChannelOptions.__doc__ = "A channel's options, frozen: what a sync run and its rules follow (see ChannelConfig)."


class ChannelInvalid(Exception):
    """The channel cannot be saved as it is; `errors` maps each field to its sentence."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        self.message = " ".join(errors.values())
        super().__init__(self.message)


class ChannelNotFound(Exception):
    def __init__(self, name: str) -> None:
        self.message = _("There is no channel called “{name}”.").format(name=name)
        super().__init__(self.message)


# --- validation ---------------------------------------------------------------------


def validate(config: ChannelConfig, *, taken_names: set[str] | None = None, new_password_needed: bool | None = None) -> dict[str, str]:
    """Field name -> the problem in the seller's words; empty when the channel may be saved.

    `taken_names` are the SubSources of the other channels (read from the database when
    not given). A new channel needs a password unless `new_password_needed` says otherwise.
    """
    problems: dict[str, str] = {}
    _name_problem(config, taken_names, problems)
    if config.api != "rest":  # a REST channel signs in by OAuth: none of the WebAPI's fields
        _account_problems(config, new_password_needed, problems)
    if not currencies.is_currency(config.currency):
        problems["currency"] = _("Choose the Default Currency from the list of ISO 4217 currencies, such as PLN.")
    address_problem = rest_environment_problem(config.environment) if config.api == "rest" else environment_problem(config.environment)
    if address_problem:
        problems["environment"] = address_problem
    problems.update(_option_problems(config))
    problems.update(guard_problems(config))
    return problems


def _name_problem(config: ChannelConfig, taken_names: set[str] | None, problems: dict[str, str]) -> None:
    name = config.sub_source.strip()
    if not name:
        problems["sub_source"] = _("Enter a SubSource: the name this channel appears as, for example MyAllegroChannel.")
    elif len(name) > 100:
        problems["sub_source"] = _("The SubSource can be at most 100 characters long.")
    else:
        others = _other_names(config.id) if taken_names is None else taken_names
        if name.casefold() in {n.casefold() for n in others}:
            problems["sub_source"] = _("Another channel is already called “{name}”. Choose a different SubSource.").format(name=name)


def _account_problems(config: ChannelConfig, new_password_needed: bool | None, problems: dict[str, str]) -> None:
    """A WebAPI channel's login, password, WebAPI key and Api Key Version."""
    username = config.username.strip()
    if not username:
        problems["username"] = _("Enter the username of your Allegro account.")
    elif not (_is_login(username) or _is_email(username)):
        problems["username"] = _("The username must be 1–16 characters without spaces, or an e-mail address.")

    needs_password = config.id is None if new_password_needed is None else new_password_needed
    if needs_password and not config.password:
        problems["password"] = _("Enter the password of your Allegro account.")

    key = config.api_key.strip()
    if not key:
        problems["api_key"] = _("Enter the WebAPI key from My Allegro → WebAPI.")
    elif len(key) > 100 or any(c.isspace() for c in key):
        problems["api_key"] = _("The WebAPI key is a single word of at most 100 characters; check what was pasted.")

    version = config.api_key_version.strip()
    if not version:
        problems["api_key_version"] = _("Enter the Api Key Version, a whole number such as 1505.")
    elif not (version.isascii() and version.isdigit()) or int(version) > MAX_VERSION_KEY:
        problems["api_key_version"] = _("The Api Key Version must be a whole number, such as 1505.")


def _option_problems(config: ChannelConfig) -> dict[str, str]:
    """The stock location, Sync Orders From and the relist options."""
    problems: dict[str, str] = {}
    if config.update_from_location:
        if config.location_id is None:
            problems["location_id"] = _("Choose the location to take stock from, or untick Inventory Update From Location.")
        elif not Location.select().where(Location.id == config.location_id).exists():
            problems["location_id"] = _("That location no longer exists. Choose another one.")

    if config.sync_orders_from is None:
        problems["sync_orders_from"] = _("Enter the date to fetch orders from.")
    elif config.sync_orders_from > utcnow() + FUTURE_SLACK:
        problems["sync_orders_from"] = _("Sync Orders From cannot be in the future.")

    # Checked even while Relist Items is off: the screen's list and number box offer
    # nothing else, so no other value may be stored from a script either.
    if config.relist_duration not in RELIST_DURATIONS:
        problems["relist_duration"] = _("Choose a Relist Listing Duration from the list.")
    if not 0 <= config.relist_delay <= MAX_RELIST_DELAY:
        problems["relist_delay"] = _("The Relist Listing Delay can be from 0 minutes up to 30 days.")
    return problems


def guard_problems(config: ChannelConfig) -> dict[str, str]:
    """The mass-end brake's and the stock buffers' values, checked (see core/sync/guards.py, buffers.py)."""
    problems: dict[str, str] = {}

    def whole(name: str, low: int, high: int, sentence: str) -> None:
        value = getattr(config, name)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            problems[name] = sentence

    whole("mass_end_percent", 1, 100, _("The mass-end brake's share of live listings is a whole number from 1 to 100 %."))
    whole("mass_end_count", 1, 100_000, _("The mass-end brake's number of listings is a whole number from 1 to 100,000."))
    whole("buffer_max_listed", 0, 999, _("List at most is a whole number from 0 (no limit) to 999."))
    whole("buffer_keep_back", 0, 100_000, _("Keep back is a whole number from 0 to 100,000."))
    whole("buffer_percent", 1, 100, _("List a share of available is a whole number from 1 to 100 %."))
    whole("buffer_end_at", 0, 100_000, _("End when available is at most is a whole number from 0 to 100,000."))
    return problems


def same_account(config: ChannelConfig) -> list[str]:
    """The other channels on the same Allegro account and environment (their SubSources).

    Two channels on one account read the same listings and orders: every listing would be
    counted, linked and kept in step twice. The screens refuse it unless the seller insists.
    """
    username = config.username.strip().casefold()
    environment = config.environment.strip()
    query = Channel.select(Channel.sub_source, Channel.username, Channel.environment)
    if config.id is not None:
        query = query.where(Channel.id != config.id)
    return sorted(
        row.sub_source
        for row in query
        if row.username.strip().casefold() == username and row.environment.strip() == environment
    )


def same_account_sentence(config: ChannelConfig, others: list[str]) -> str:
    return _(
        "The channel {others} already connects the Allegro account {username} on this environment. A second "
        "channel on the same account reads the same listings and orders, so every listing would be counted, "
        "linked and kept in step twice."
    ).format(others=", ".join(others), username=config.username.strip())


def rest_environment_problem(environment: str) -> str | None:
    """None when `environment` is a REST channel's sandbox, production, allegrosandbox or address."""
    try:
        environments.check_rest_environment(environment)
    except environments.InvalidAddress as problem:
        return str(problem)
    return None


def environment_problem(environment: str) -> str | None:
    """None when `environment` is Sandbox, Production or a usable WebAPI address."""
    if environment in (SANDBOX, PRODUCTION):
        return None
    if not environment.strip():
        return _("Enter the WebAPI address, for example http://127.0.0.1:8080/service.php.")
    try:
        environments.check_url(environment.strip())
    except environments.InvalidAddress as problem:
        return str(problem)
    return None


def _is_login(text: str) -> bool:
    return 1 <= len(text) <= 16 and not any(c.isspace() for c in text)


def _is_email(text: str) -> bool:
    return len(text) <= 254 and bool(_EMAIL.match(text))


def _other_names(channel_id: int | None) -> set[str]:
    query = Channel.select(Channel.sub_source)
    if channel_id is not None:
        query = query.where(Channel.id != channel_id)
    return {row.sub_source for row in query}


# --- storing ------------------------------------------------------------------------


def secret_account(channel: Channel) -> str:
    """The channel's keyring account name.

    Ids repeat across databases (several shops, a database made afresh), so the
    creation time makes the name unique; neither changes when the seller renames the
    channel or its username.
    """
    return f"channel-{channel.id}-{channel.created_at:%Y%m%dT%H%M%S%f}"


def normalised(config: ChannelConfig) -> ChannelConfig:
    """The config as stored: text trimmed, options that depend on an unticked one off."""
    clean = replace(
        config,
        sub_source=config.sub_source.strip(),
        username=config.username.strip(),
        api_key=config.api_key.strip(),
        api_key_version=config.api_key_version.strip(),
        environment=config.environment.strip(),
    )
    if not clean.end_listings:
        clean.end_auctions = False
    if not clean.end_auctions:
        clean.end_auctions_with_bids = False
    return clean


def save(config: ChannelConfig) -> ChannelConfig:
    """Store the channel and, when one was typed, its password; returns it with its id.

    Raises ChannelInvalid (nothing stored) or secrets.KeyringUnavailable (nothing
    stored: the row is rolled back when the keyring refuses the password).
    """
    problems = validate(config)
    if problems:
        raise ChannelInvalid(problems)
    clean = normalised(config)
    values = _row_values(clean)
    new_password = clean.password or None
    if new_password is not None:
        secrets.check_available()  # fail before touching the database when there is no keyring
    with database.atomic() as transaction:
        if clean.id is None:
            row = Channel.create(**values)
        else:
            row = Channel.get_or_none(Channel.id == clean.id)
            if row is None:
                raise ChannelNotFound(clean.sub_source)
            if clean.sync_orders_from < row.sync_orders_from:
                # Moved back to fetch earlier orders: read the journal again from the start
                # (orders are stored once per form, so nothing is imported twice).
                values["journal_cursor"] = None
            Channel.update(**values).where(Channel.id == clean.id).execute()
        if new_password is not None:
            account = secret_account(row)
            previous = None if clean.id is None else secrets.get_password(account)
            secrets.set_password(account, new_password)  # raises: the transaction rolls back
            try:
                transaction.commit()
            except Exception:
                # The row did not make it; leave the keyring as it was.
                _restore_password(account, previous)
                raise
    log.info("Saved channel %s (id %s)", clean.sub_source, row.id)
    return replace(clean, id=row.id, password=None)


def _restore_password(account: str, previous: str | None) -> None:
    try:
        if previous is None:
            secrets.delete_password(account)
        else:
            secrets.set_password(account, previous)
    except secrets.KeyringUnavailable:
        log.warning("Could not put the keyring back after a failed save")


def _row_values(config: ChannelConfig) -> dict:
    values = {
        f.name: getattr(config, f.name)
        for f in fields(ChannelConfig)
        if f.name not in ("id", "password", "location_id", "api_key_version")
    }
    values["api_key_version"] = config.version_key()
    values["location"] = config.location_id
    return values


def from_row(row: Channel) -> ChannelConfig:
    values = {f.name: getattr(row, f.name) for f in fields(ChannelConfig) if f.name != "password"}
    return ChannelConfig(**{**values, "api_key_version": str(row.api_key_version)})


def options_of(channel: Channel | int) -> ChannelOptions:
    """The channel's options, frozen, as a sync run follows them (one read of its row)."""
    row = channel if isinstance(channel, Channel) else Channel.get_by_id(channel)
    return from_row(row).options()


def accept_version_key(channel_id: int, version_key: int | None) -> int | None:
    """Store the Api Key Version Allegro gave at login when it differs from the channel's;
    returns the one it replaced (None when nothing changed)."""
    row = Channel.get_by_id(channel_id)
    if not version_key or version_key == row.api_key_version:
        return None
    Channel.update(api_key_version=version_key).where(Channel.id == channel_id).execute()
    return row.api_key_version


def load(channel_id: int) -> ChannelConfig:
    row = Channel.get_or_none(Channel.id == channel_id)
    if row is None:
        raise ChannelNotFound(str(channel_id))
    return from_row(row)


def find(sub_source: str) -> ChannelConfig:
    """The channel with this SubSource (case does not matter)."""
    wanted = sub_source.strip().casefold()
    for row in Channel.select():
        if row.sub_source.casefold() == wanted:
            return from_row(row)
    raise ChannelNotFound(sub_source)


def all_channels() -> list[ChannelConfig]:
    return [from_row(row) for row in Channel.select().order_by(Channel.sub_source)]


def set_toggle(channel_id: int, option: str, value: bool) -> None:
    """Flip Enabled or Inventory Sync from the channel list."""
    if option not in LIST_TOGGLES:
        raise ValueError(f"{option} cannot be changed from the channel list")
    Channel.update({option: bool(value)}).where(Channel.id == channel_id).execute()


def stored_password(channel_id: int) -> str | None:
    """The channel's password from the keyring (None when the keyring has none)."""
    row = Channel.get_or_none(Channel.id == channel_id)
    if row is None:
        raise ChannelNotFound(str(channel_id))
    return secrets.get_password(secret_account(row))


def delete(channel_id: int) -> None:
    """Delete the channel and its keyring entry; if the keyring refuses, keep both."""
    row = Channel.get_or_none(Channel.id == channel_id)
    if row is None:
        raise ChannelNotFound(str(channel_id))
    with database.atomic():
        row.delete_instance()
        secrets.delete_password(secret_account(row))
        secrets.delete_password(secret_account(row) + "-oauth")  # a REST channel's tokens
    log.info("Deleted channel %s (id %s)", row.sub_source, channel_id)


# Testing the set-up lives in core/channel_connection.py; its names are channels' too.
from core.channel_connection import ConnectionOk, check_connection, service_url  # noqa: F401 (re-exported)
