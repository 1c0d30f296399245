"""`main.py channel add|list|show|set|test|remove`: channels set up from a script.

The same checks and sentences as the Integration and Config screens (core/channels.py);
non-zero exit on any problem: 2 when the input was refused, 1 when the work failed.
"""
from __future__ import annotations

import argparse
from dataclasses import replace

from core import channels, secrets
from core.allegro.errors import AllegroError, VersionKeyMismatch
from core.cli import channel_rest
from core.cli.channel_options import (
    GUARDS,
    SWITCHES,
    environment_value,
    find_channel,
    flag,
    read_password,
    set_channel,
    switch,
)
from core.cli.common import (
    FAILED,
    INVALID,
    Refused,
    action,
    actions,
    add_json,
    command_parser,
    confirm,
    err,
    interactive,
    print_json,
    print_table,
    run,
    utc_text,
    yes_no,
)
from core.i18n import _, n_
from core.models import Channel, Location

__all__ = ["FAILED", "GUARDS", "INVALID", "SWITCHES", "flag", "main"]

def _parser() -> argparse.ArgumentParser:
    parser = command_parser(
        "channel",
        "Allegro channels for scripted set-up: the Integration and Config screens' fields and rules.",
        ["echo \"$ALLEGRO_PASSWORD\" | main.py channel add --sub-source MyShop --username seller "
         "--api-key KEY --api-key-version 1505", "main.py channel set MyShop --inventory-sync on --end-listings on"],
    )
    sub = actions(parser)
    add = action(
        sub,
        "add",
        "add a channel; the password is read from standard input",
        ["main.py channel add --api rest --sub-source MyShop --environment production",
         "echo \"$ALLEGRO_PASSWORD\" | main.py channel add --sub-source MyShop --username seller "
         "--api-key KEY --api-key-version 1505"],
        description="Adds an Allegro channel. With --api rest it prints a code and an address: approve the "
        "application there and the login is kept in the system keyring. With --api webapi (the default) the "
        "password is read from standard input (one line) and kept in the system keyring. "
        "Its options start off; turn them on with `channel set`.",
    )
    add.add_argument("--api", choices=("webapi", "rest"), default="webapi",
                     help="rest: Allegro's REST API, connected by approving the app on allegro.pl; "
                     "webapi: the legacy SOAP WebAPI (default)")
    add.add_argument("--sub-source", required=True, help="the name the channel appears as")
    add.add_argument("--username", help="Allegro login or e-mail address (webapi)")
    add.add_argument("--api-key", help="the WebAPI key from My Allegro → WebAPI (webapi)")
    add.add_argument("--api-key-version", help="Allegro's version key, a whole number (webapi)")
    add.add_argument(
        "--environment",
        default=channels.SANDBOX,
        help="sandbox (the built-in emulator, default), production, or an address; "
        "with --api rest also allegrosandbox (Allegro's own test site)",
    )
    add.add_argument("--currency", default="PLN", help="Default Currency, an ISO 4217 code (default PLN)")
    add.add_argument(
        "--same-account",
        action="store_true",
        help="add it even though another channel already connects this account on this environment",
    )

    lst = action(sub, "list", "list the channels with their version key and options", ["main.py channel list --json"])
    add_json(lst)

    show = action(
        sub,
        "show",
        "every option of a channel, its environment, version key and last sync",
        ["main.py channel show MyShop", "main.py channel show MyShop --json"],
    )
    show.add_argument("name", help="the channel's SubSource")
    add_json(show)

    set_ = action(
        sub,
        "set",
        "change a channel's options or account",
        [
            "main.py channel set MyShop --inventory-sync on --end-listings on --relist-items on",
            "main.py channel set MyShop --update-from-location on --location \"Magazyn A\"",
            "main.py channel set MyShop --relist-duration 7 --relist-delay 60 --sync-orders-from 2026-03-01",
        ],
        description="Changes the options given and keeps the rest. Everything is checked as the Config "
        "screen checks it; on any problem nothing is changed. On/off options take on or off.",
    )
    set_.add_argument("name", help="the channel's SubSource")
    options = set_.add_argument_group("options (the Config screen)")
    for field in SWITCHES:
        options.add_argument(
            flag(field), type=switch, metavar="on|off", help=channels.OPTION_NAMES[field]
        )
    options.add_argument("--location", metavar="NAME", help="the stock location (with --update-from-location on)")
    options.add_argument(
        "--sync-orders-from",
        metavar="WHEN",
        help="fetch orders placed from this moment: YYYY-MM-DD or YYYY-MM-DD HH:MM, UTC (or with a +HH:MM offset)",
    )
    options.add_argument(
        "--relist-duration",
        metavar="DAYS",
        help="days a relisted listing runs: " + ", ".join(map(str, channels.RELIST_DURATIONS)) + " (0: until sold out)",
    )
    options.add_argument("--relist-delay", metavar="MINUTES", help="start relisted listings this many minutes later")
    guards = set_.add_argument_group("guards (the Options tab's Guards box; docs/sync.md)")
    for field, metavar, help_text in GUARDS:
        guards.add_argument(flag(field), metavar=metavar, help=help_text)
    account = set_.add_argument_group("account (the Account tab)")
    account.add_argument("--sub-source", help="rename the channel")
    account.add_argument("--username")
    account.add_argument("--api-key")
    account.add_argument("--api-key-version")
    account.add_argument("--environment", help="sandbox, production, or a WebAPI address")
    account.add_argument("--currency", help="Default Currency, an ISO 4217 code")
    account.add_argument(
        "--password-stdin", action="store_true", help="read a new password from standard input (one line)"
    )

    test = action(
        sub,
        "test",
        "check a channel's version key and login with Allegro",
        ["main.py channel test MyShop --accept-version"],
        description="Logs in to Allegro as a sync would. When Allegro's Api Key Version has changed, a "
        "terminal is asked whether to store the new one; without a terminal --accept-version answers yes.",
    )
    test.add_argument("name", help="the channel's SubSource")
    test.add_argument(
        "--accept-version",
        action="store_true",
        help="when Allegro's Api Key Version has changed, store the current one and test again",
    )
    reconnect = action(
        sub,
        "reconnect",
        "connect a REST channel to Allegro again (prints a code and an address to approve it)",
        ["main.py channel reconnect MyShop"],
    )
    reconnect.add_argument("name", help="the channel's SubSource")
    remove = action(sub, "remove", "delete a channel and its password in the keyring", ["main.py channel remove MyShop"])
    remove.add_argument("name", help="the channel's SubSource")
    return parser


def main(argv: list[str], paths) -> int:
    return run(
        _parser(),
        argv,
        paths,
        {"add": _add, "list": _list, "show": _show, "set": set_channel, "test": _test, "remove": _remove,
         "reconnect": channel_rest.reconnect},
    )


def _add(args, paths) -> int:
    if args.api == "rest":
        return channel_rest.add(args, paths)
    missing = [flag for flag, value in (("--username", args.username), ("--api-key", args.api_key),
                                        ("--api-key-version", args.api_key_version)) if value is None]
    if missing:
        raise Refused(_("A WebAPI channel needs {flags}.").format(flags=", ".join(missing)),
                      _("The channel was not added."))
    config = channels.ChannelConfig(
        sub_source=args.sub_source,
        username=args.username,
        api_key=args.api_key,
        api_key_version=args.api_key_version,
        currency=args.currency.strip().upper(),
        environment=environment_value(args.environment),
        password=read_password() or None,
    )
    problems = channels.validate(config)
    if problems:
        raise Refused(*problems.values(), _("The channel was not added."))
    others = channels.same_account(config)
    if others and not args.same_account:
        raise Refused(
            channels.same_account_sentence(config, others),
            _("The channel was not added. Give --same-account to add it anyway."),
        )
    try:
        saved = channels.save(config)
    except secrets.KeyringUnavailable as error:
        raise Refused(error.message, status=FAILED) from None
    except channels.ChannelInvalid as error:
        raise Refused(*error.errors.values()) from None
    print(_("Added channel “{name}”. Its password is in the system keyring.").format(name=saved.sub_source))
    return 0


# --- list and show --------------------------------------------------------------------


def environment_text(environment: str) -> str:
    from core.allegro.environments import PRODUCTION_URL

    return {
        channels.SANDBOX: _("Sandbox"),
        channels.PRODUCTION: _("Production ({url})").format(url=PRODUCTION_URL),
    }.get(environment, environment)


def _location_names() -> dict[int, str]:
    return dict(Location.select(Location.id, Location.name).tuples())


def channel_record(row: Channel, locations: dict[int, str]) -> dict:
    """A channel as `--json` prints it (field names documented in docs/cli.md)."""
    config = channels.from_row(row)
    record = {
        "sub_source": config.sub_source,
        "username": config.username,
        "api": row.api,
        "environment": config.environment,
        "currency": config.currency,
        "api_key_version": row.api_key_version,
    }
    for field in SWITCHES:
        record[field] = getattr(config, field)
    record.update(
        location=locations.get(config.location_id) if config.location_id is not None else None,
        sync_orders_from=config.sync_orders_from,
        relist_duration=config.relist_duration,
        relist_delay=config.relist_delay,
        **{field: getattr(config, field) for field, _metavar, _help in GUARDS},
        last_sync_at=row.last_sync_at,
        last_sync_outcome=row.last_sync_outcome or None,
    )
    return record


def _ticked(record: dict, leave_out: tuple[str, ...] = ()) -> str:
    names = [_(channels.OPTION_NAMES[f]) for f in SWITCHES if record[f] and f not in leave_out]
    return ", ".join(names) or "—"


def _list(args, paths) -> int:
    rows = list(Channel.select().order_by(Channel.sub_source))
    locations = _location_names()
    records = [channel_record(row, locations) for row in rows]
    if args.json:
        print_json(records)
        return 0
    if not rows:
        print(_("No channels yet. Add one with: main.py channel add --help"))
        return 0
    header = (
        _("SubSource"), _("Username"), _("Environment"), _("Api Key Version"), _("Enabled"),
        _("Inventory Sync"), _("Last sync"), _("Outcome"), _("Other options"),
    )
    print_table(
        header,
        [
            (
                r["sub_source"],
                r["username"],
                environment_text(r["environment"]),
                str(r["api_key_version"]),
                yes_no(r["enabled"]),
                yes_no(r["inventory_sync"]),
                utc_text(r["last_sync_at"]),
                r["last_sync_outcome"] or "—",
                _ticked(r, ("enabled", "inventory_sync")),
            )
            for r in records
        ],
        free_last=True,
    )
    return 0


def duration_text(days: int) -> str:
    return _("until sold out") if days == 0 else n_("{n} day", "{n} days", days).format(n=days)


def _show(args, paths) -> int:
    config = find_channel(args.name)
    record = channel_record(Channel.get_by_id(config.id), _location_names())
    if args.json:
        print_json(record)
        return 0
    def name(field: str) -> str:
        return _(channels.OPTION_NAMES[field])

    lines = [
        (_("SubSource"), record["sub_source"]),
        (_("Username"), record["username"]),
        (_("Environment"), environment_text(record["environment"])),
        (_("Api Key Version"), str(record["api_key_version"])),
        (_("Default Currency"), record["currency"]),
        *((name(field), yes_no(record[field])) for field in SWITCHES[:3]),
        (name("location_id"), record["location"] or "—"),
        (name("submit_tracking"), yes_no(record["submit_tracking"])),
        (name("sync_orders_from"), utc_text(record["sync_orders_from"])),
        (name("link_by_title"), yes_no(record["link_by_title"])),
        *((name(field), yes_no(record[field])) for field in ("end_listings", "end_auctions", "end_auctions_with_bids")),
        (name("relist_items"), yes_no(record["relist_items"])),
        (name("relist_duration"), duration_text(record["relist_duration"])),
        (name("relist_delay"), n_("{n} minute", "{n} minutes", record["relist_delay"]).format(n=record["relist_delay"])),
        (name("no_manual_confirmation"), yes_no(record["no_manual_confirmation"])),
        *((name(field), str(record[field])) for field, _metavar, _help in GUARDS),
        (_("Last sync"), utc_text(record["last_sync_at"])),
        (_("Outcome"), record["last_sync_outcome"] or "—"),
    ]
    width = max(len(label) for label, _value in lines)
    for label, value in lines:
        print(f"{label + ':':<{width + 1}}  {value}")
    return 0


# --- test and remove --------------------------------------------------------------------


def _test(args, paths) -> int:
    config = find_channel(args.name)
    row = Channel.get_by_id(config.id)
    if row.api == "rest":
        return channel_rest.test(row, paths)
    try:
        password = channels.stored_password(config.id)
    except secrets.KeyringUnavailable as error:
        raise Refused(error.message, status=FAILED) from None
    if not password:
        raise Refused(
            _("The keyring has no password for “{name}”. Add the channel again or type it in the app.").format(
                name=config.sub_source
            ),
            status=FAILED,
        )
    try:
        try:
            outcome = channels.check_connection(config, password, paths)
        except VersionKeyMismatch as mismatch:
            if not args.accept_version and not interactive():
                err(
                    _("Allegro's current Api Key Version is {current}, not {configured}.").format(
                        current=mismatch.current, configured=config.api_key_version
                    )
                )
                err(_("Run again with --accept-version to store {version}.").format(version=mismatch.current))
                return FAILED
            if not confirm(mismatch.message, args.accept_version, "--accept-version"):
                err(_("The Api Key Version was not changed."))
                return FAILED
            config = channels.save(replace(config, api_key_version=str(mismatch.current)))
            print(_("Stored Api Key Version {version}.").format(version=mismatch.current))
            outcome = channels.check_connection(config, password, paths)
    except AllegroError as error:
        err(error.message)
        return FAILED
    except (ValueError, OSError) as error:  # an address refused before any call, a Sandbox that cannot start
        err(str(error))
        return FAILED
    print("OK")
    print(
        _("Allegro at {url} accepted Api Key Version {version} and the login of {username}.").format(
            url=outcome.url, version=outcome.version_key, username=config.username
        )
    )
    return 0


def _remove(args, paths) -> int:
    config = find_channel(args.name)
    try:
        channels.delete(config.id)
    except secrets.KeyringUnavailable as error:
        raise Refused(error.message, _("The channel was not removed."), status=FAILED) from None
    print(_("Removed channel “{name}” and its password.").format(name=config.sub_source))
    return 0
