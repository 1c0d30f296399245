"""`main.py channel add|list|test|remove`: channels set up from a script.

    main.py channel add --sub-source NAME --username U --api-key K --api-key-version N \
        [--environment sandbox|production|URL] [--currency PLN]   (password on standard input)
    main.py channel list
    main.py channel test NAME [--accept-version]
    main.py channel remove NAME

The same checks and sentences as the Integration screen; non-zero exit on any problem.
"""
from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import replace

from core import channels, secrets
from core.allegro.errors import AllegroError, VersionKeyMismatch
from core.cli.database import open_for_command
from core.models import Channel
from core.i18n import _

INVALID = 2  # the input was refused
FAILED = 1  # the input was fine, the work was not done


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py channel", description="Allegro channels for scripted set-up.")
    sub = parser.add_subparsers(dest="action", required=True)
    add = sub.add_parser(
        "add",
        help="add a channel; the password is read from standard input",
        description="Adds an Allegro channel. The password is read from standard input (one line) and "
        "kept in the system keyring.",
    )
    add.add_argument("--sub-source", required=True, help="the name the channel appears as")
    add.add_argument("--username", required=True, help="Allegro login or e-mail address")
    add.add_argument("--api-key", required=True, help="the WebAPI key from My Allegro → WebAPI")
    add.add_argument("--api-key-version", required=True, help="Allegro's version key, a whole number")
    add.add_argument(
        "--environment",
        default=channels.SANDBOX,
        help="sandbox (the built-in emulator, default), production, or a WebAPI address",
    )
    add.add_argument("--currency", default="PLN", help="Default Currency, an ISO 4217 code (default PLN)")
    add.add_argument(
        "--same-account",
        action="store_true",
        help="add it even though another channel already connects this account on this environment",
    )
    sub.add_parser("list", help="list the channels")
    test = sub.add_parser("test", help="check a channel's version key and login with Allegro")
    test.add_argument("name", help="the channel's SubSource")
    test.add_argument(
        "--accept-version",
        action="store_true",
        help="when Allegro's Api Key Version has changed, store the current one and test again",
    )
    remove = sub.add_parser("remove", help="delete a channel and its password in the keyring")
    remove.add_argument("name", help="the channel's SubSource")
    return parser


def main(argv: list[str], paths) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage and the problem
        return INVALID if exit_.code else 0
    db = open_for_command(paths)
    if db is None:
        return FAILED
    try:
        return {"add": _add, "list": _list, "test": _test, "remove": _remove}[args.action](args, paths)
    finally:
        db.close()


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _read_password() -> str:
    if sys.stdin is None:
        return ""
    if sys.stdin.isatty():
        return getpass.getpass(_("Allegro password: "))
    return sys.stdin.readline().rstrip("\r\n")


def _add(args, paths) -> int:
    config = channels.ChannelConfig(
        sub_source=args.sub_source,
        username=args.username,
        api_key=args.api_key,
        api_key_version=args.api_key_version,
        currency=args.currency.strip().upper(),
        environment=args.environment.strip(),
        password=_read_password() or None,
    )
    if config.environment.lower() in (channels.SANDBOX, channels.PRODUCTION):
        config = replace(config, environment=config.environment.lower())
    problems = channels.validate(config)
    if problems:
        for sentence in problems.values():
            _err(sentence)
        _err(_("The channel was not added."))
        return INVALID
    others = channels.same_account(config)
    if others and not args.same_account:
        _err(channels.same_account_sentence(config, others))
        _err(_("The channel was not added. Give --same-account to add it anyway."))
        return INVALID
    try:
        saved = channels.save(config)
    except secrets.KeyringUnavailable as error:
        _err(error.message)
        return FAILED
    except channels.ChannelInvalid as error:
        for sentence in error.errors.values():
            _err(sentence)
        return INVALID
    print(_("Added channel “{name}”. Its password is in the system keyring.").format(name=saved.sub_source))
    return 0


def _list(args, paths) -> int:
    from core.allegro.environments import PRODUCTION_URL

    rows = list(Channel.select().order_by(Channel.sub_source))
    if not rows:
        print(_("No channels yet. Add one with: main.py channel add --help"))
        return 0
    table = [(_("SubSource"), _("Username"), _("Environment"), _("Enabled"), _("Inventory Sync"), _("Last sync"), _("Outcome"))]
    for row in rows:
        environment = {channels.SANDBOX: _("Sandbox"), channels.PRODUCTION: _("Production ({url})").format(url=PRODUCTION_URL)}.get(
            row.environment, row.environment
        )
        table.append(
            (
                row.sub_source,
                row.username,
                environment,
                _("yes") if row.enabled else _("no"),
                _("yes") if row.inventory_sync else _("no"),
                f"{row.last_sync_at:%Y-%m-%d %H:%M} UTC" if row.last_sync_at else _("never"),
                row.last_sync_outcome or "—",
            )
        )
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    for line in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
    return 0


def _find(name: str) -> channels.ChannelConfig | None:
    try:
        return channels.find(name)
    except channels.ChannelNotFound as error:
        _err(error.message)
        return None


def _test(args, paths) -> int:
    config = _find(args.name)
    if config is None:
        return INVALID
    try:
        password = channels.stored_password(config.id)
    except secrets.KeyringUnavailable as error:
        _err(error.message)
        return FAILED
    if not password:
        _err(
            _("The keyring has no password for “{name}”. Add the channel again or type it in the app.").format(
                name=config.sub_source
            )
        )
        return FAILED
    try:
        try:
            outcome = channels.check_connection(config, password, paths)
        except VersionKeyMismatch as mismatch:
            if not args.accept_version:
                _err(mismatch.message)
                _err(_("Run again with --accept-version to store {version}.").format(version=mismatch.current))
                return FAILED
            config = channels.save(replace(config, api_key_version=str(mismatch.current)))
            print(_("Stored Api Key Version {version}.").format(version=mismatch.current))
            outcome = channels.check_connection(config, password, paths)
    except AllegroError as error:
        _err(error.message)
        return FAILED
    except (ValueError, OSError) as error:  # an address refused before any call, a Sandbox that cannot start
        _err(str(error))
        return FAILED
    print("OK")
    print(
        _("Allegro at {url} accepted Api Key Version {version} and the login of {username}.").format(
            url=outcome.url, version=outcome.version_key, username=config.username
        )
    )
    return 0


def _remove(args, paths) -> int:
    config = _find(args.name)
    if config is None:
        return INVALID
    try:
        channels.delete(config.id)
    except secrets.KeyringUnavailable as error:
        _err(error.message)
        _err(_("The channel was not removed."))
        return FAILED
    print(_("Removed channel “{name}” and its password.").format(name=config.sub_source))
    return 0
