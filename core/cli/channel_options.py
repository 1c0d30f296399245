"""The options of a channel on the command line: their flags, and `main.py channel set`.

`channel set` changes the options given and keeps the rest, with the Config screen's
checks (core/channels.py) and its defaults for values the screen would not show.
"""
from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import replace
from datetime import UTC, datetime

from core import channels, secrets
from core.cli.common import FAILED, Refused, interactive
from core.i18n import _
from core.models import Location

# Whole-number guard options: (field, metavar, help). core.channels.validate sets their ranges.
GUARDS = (
    ("mass_end_percent", "PERCENT", "the mass-end brake holds a run ending more than this share of live listings (default 20)"),
    ("mass_end_count", "N", "... or more than this many listings, whichever is larger (default 50)"),
    ("buffer_max_listed", "N", "list at most this many on Allegro (0: no limit)"),
    ("buffer_keep_back", "N", "keep this many back from what is available"),
    ("buffer_percent", "PERCENT", "list this share of what is available (default 100)"),
    ("buffer_end_at", "N", "end a listing when available is at most this (default 0)"),
)

# on/off options: ChannelConfig field -> flag (`--end-listings on`)
SWITCHES = (
    "enabled",
    "inventory_sync",
    "update_from_location",
    "submit_tracking",
    "link_by_title",
    "end_listings",
    "end_auctions",
    "end_auctions_with_bids",
    "relist_items",
    "no_manual_confirmation",
)
ON_WORDS = {"on", "yes", "true", "1", "tak"}
OFF_WORDS = {"off", "no", "false", "0", "nie"}
# Account fields `channel set` may change, as `channel add` names them.
ACCOUNT = ("sub_source", "username", "api_key", "api_key_version", "environment", "currency")


def flag(field: str) -> str:
    return "--" + field.replace("_", "-")


def switch(text: str) -> bool:
    """`on`/`off` (and yes/no, true/false, 1/0, tak/nie) as typed after a flag."""
    word = text.strip().casefold()
    if word in ON_WORDS:
        return True
    if word in OFF_WORDS:
        return False
    raise argparse.ArgumentTypeError(_("“{value}” is neither on nor off.").format(value=text))


def read_password() -> str:
    """The password typed at a terminal (not echoed), else the first line of standard input."""
    if sys.stdin is None:
        return ""
    if interactive():
        return getpass.getpass(_("Allegro password: "))
    return sys.stdin.readline().rstrip("\r\n")


def environment_value(text: str) -> str:
    """sandbox and production in lower case; an address as typed."""
    text = text.strip()
    return text.lower() if text.lower() in (channels.SANDBOX, channels.PRODUCTION) else text


def find_channel(name: str) -> channels.ChannelConfig:
    try:
        return channels.find(name)
    except channels.ChannelNotFound as error:
        raise Refused(error.message) from None


# --- set ------------------------------------------------------------------------------


def _whole(text: str) -> int:
    """A whole number as typed; anything else is -1, which the channel's check refuses with its sentence."""
    text = text.strip()
    return int(text) if text.isascii() and text.lstrip("-").isdigit() else -1


def _moment(text: str) -> datetime | None:
    """`YYYY-MM-DD[ HH:MM[:SS]]` in UTC, or with an offset; None when it is not a date (the check says so)."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _default_location_id() -> int | None:
    """The location the screen preselects: the default one, else the first by name."""
    row = Location.select(Location.id).order_by(Location.is_default.desc(), Location.name).first()
    return row.id if row else None



def set_channel(args, paths) -> int:
    config = find_channel(args.name)
    changed = replace(config)
    given: set[str] = set()
    for step in (_set_switches, _set_location, _set_relisting, _set_guards, _set_account, _set_password):
        given |= step(args, changed)
    if not given:
        raise Refused(_("Nothing to change: name at least one option (see main.py channel set --help)."))
    problems = dependency_problems(changed, given) or channels.validate(changed)
    if problems:
        raise Refused(*problems.values(), _("The channel was not changed."))
    try:
        saved = channels.save(changed)
    except secrets.KeyringUnavailable as error:
        raise Refused(error.message, _("The channel was not changed."), status=FAILED) from None
    except channels.ChannelInvalid as error:
        raise Refused(*error.errors.values(), _("The channel was not changed.")) from None
    print(_("Saved channel “{name}”.").format(name=saved.sub_source))
    return 0


# Each step below copies the flags given on the command line into `changed` and returns the
# fields it set; the order is the screen's, so a later option sees the switches given.


def _set_switches(args, changed: channels.ChannelConfig) -> set[str]:
    given = {field for field in SWITCHES if getattr(args, field) is not None}
    for field in given:
        setattr(changed, field, getattr(args, field))
    return given


def _set_location(args, changed: channels.ChannelConfig) -> set[str]:
    if args.location is None:
        if changed.update_from_location and changed.location_id is None:
            changed.location_id = _default_location_id()  # as the screen preselects it
        return set()
    location = Location.get_or_none(Location.name == args.location.strip())
    if location is None:
        raise Refused(_("There is no location called {name}.").format(name=args.location.strip()), _("The channel was not changed."))
    changed.location_id = location.id
    return {"location_id"}


def _set_relisting(args, changed: channels.ChannelConfig) -> set[str]:
    """Orders' start, relist duration and delay; stored values the screen cannot show become what it shows."""
    given = set()
    if args.sync_orders_from is not None:
        changed.sync_orders_from = _moment(args.sync_orders_from)
        given.add("sync_orders_from")
    if args.relist_duration is not None:
        changed.relist_duration = _whole(args.relist_duration)
        given.add("relist_duration")
    elif changed.relist_duration not in channels.RELIST_DURATIONS:
        changed.relist_duration = channels.RELIST_DURATIONS[0]  # a stored value the screen's list lacks shows as its first
    if args.relist_delay is not None:
        changed.relist_delay = _whole(args.relist_delay)
        given.add("relist_delay")
    else:  # as the screen's number box shows a stored value out of its range
        changed.relist_delay = min(max(changed.relist_delay, 0), channels.MAX_RELIST_DELAY)
    return given


def _set_guards(args, changed: channels.ChannelConfig) -> set[str]:
    given = {field for field, _metavar, _help in GUARDS if getattr(args, field) is not None}
    for field in given:
        setattr(changed, field, _whole(getattr(args, field)))
    return given


def _set_account(args, changed: channels.ChannelConfig) -> set[str]:
    given = {field for field in ACCOUNT if getattr(args, field) is not None}
    for field in given:
        value = getattr(args, field)
        if field == "environment":
            value = environment_value(value)
        elif field == "currency":
            value = value.strip().upper()
        setattr(changed, field, value)
    return given


def _set_password(args, changed: channels.ChannelConfig) -> set[str]:
    if not args.password_stdin:
        return set()
    changed.password = read_password() or None
    if not changed.password:
        raise Refused(_("Enter the password of your Allegro account."), _("The channel was not changed."))
    return {"password"}


def dependency_problems(config: channels.ChannelConfig, given: set[str]) -> dict[str, str]:
    """An option turned on (or a value given) while the option it needs stays off: the
    screen greys it out, so it could not be set there; say what to turn on instead."""
    problems = {}
    for child, parent in channels.DEPENDS_ON.items():
        if child not in given or getattr(config, parent):
            continue
        if child in SWITCHES and not getattr(config, child):
            continue  # turning a dependent option off is always fine
        problems[child] = _("{option} needs {needed}: add {flag} on.").format(
            option=_(channels.OPTION_NAMES[child]), needed=_(channels.OPTION_NAMES[parent]), flag=flag(parent)
        )
    return problems
