"""`main.py preferences show|set-client|remove-client`: the Allegro application of Preferences.

REST channels connect through the seller's application registered at Allegro (its Client ID
and Secret), set per environment as Preferences → Allegro application sets them: the Client
ID in the data folder's settings file, the Secret in the system keyring. The Secret is read
from a hidden prompt or one line of standard input, never from the command line (where other
users and the shell history would see it), and it is never printed.
"""
from __future__ import annotations

import getpass
import sys

from core import secrets, settings
from core.allegro.environments import (
    REST_ALLEGRO_SANDBOX,
    REST_NAMED,
    REST_PRODUCTION,
    REST_SANDBOX,
    SANDBOX_CLIENT_ID,
    InvalidAddress,
    check_rest_environment,
)
from core.allegro.rest.tokens import _app_secret_account, store_application
from core.cli.common import (
    FAILED,
    Refused,
    action,
    actions,
    add_json,
    command_parser,
    err,
    interactive,
    parse,
    print_json,
    print_table,
)
from core.i18n import _

MAX_CLIENT_ID = 200
SHOWN = (REST_PRODUCTION, REST_ALLEGRO_SANDBOX, REST_SANDBOX)  # in Preferences' order


def _parser():
    parser = command_parser(
        "preferences",
        "The Allegro application REST channels connect through (Preferences → Allegro application).",
        [
            "main.py preferences show",
            "main.py preferences set-client --environment production --client-id 1a2b3c",
        ],
    )
    sub = actions(parser)
    show = action(
        sub,
        "show",
        "the Client ID of each environment and whether its Secret is stored (the Secret is never printed)",
        ["main.py preferences show", "main.py preferences show --json"],
    )
    add_json(show)
    set_client = action(
        sub,
        "set-client",
        "store the Client ID and Secret of the application registered at apps.developer.allegro.pl",
        [
            "main.py preferences set-client --environment production --client-id 1a2b3c",
            "echo \"$ALLEGRO_CLIENT_SECRET\" | main.py preferences set-client --environment allegrosandbox "
            "--client-id 1a2b3c --secret-stdin",
        ],
        description=(
            "Store the Client ID and Secret of the Allegro application for one environment, as "
            "Preferences does: the Client ID in the settings file, the Secret in the system keyring. "
            "The Secret is asked for at a hidden prompt, or read as one line of standard input with "
            "--secret-stdin; it is never taken from the command line."
        ),
    )
    _environment_argument(set_client)
    set_client.add_argument("--client-id", required=True, help="the application's Client ID")
    set_client.add_argument(
        "--secret-stdin", action="store_true", help="read the Client Secret from standard input (one line)"
    )
    remove = action(
        sub,
        "remove-client",
        "forget the application of one environment (the built-in Sandbox goes back to its demo application)",
        ["main.py preferences remove-client --environment production"],
    )
    _environment_argument(remove)
    return parser


def _environment_argument(parser) -> None:
    parser.add_argument(
        "--environment",
        required=True,
        metavar="ENVIRONMENT",
        help="production (allegro.pl), allegrosandbox (allegrosandbox.pl), sandbox (the built-in one) "
        "or the https:// address of another REST environment",
    )


def _environment(text: str) -> str:
    try:
        return check_rest_environment(text)
    except InvalidAddress as error:
        raise Refused(error.message) from None


def _client_id(text: str) -> str:
    value = (text or "").strip()
    if not value:
        raise Refused(_("Enter the Client ID of your application at Allegro (apps.developer.allegro.pl)."))
    if len(value) > MAX_CLIENT_ID or any(ch.isspace() for ch in value):
        raise Refused(_("“{text}” is not a Client ID: it is one word of letters and digits, as Allegro shows it.").format(
            text=value[:60]))
    return value


def _read_secret(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n") if sys.stdin is not None else ""
    if not interactive():
        raise Refused(
            _("Nothing was asked (standard input is not a terminal); give the Client Secret on standard "
              "input with --secret-stdin."),
            _("Nothing was stored."),
        )
    return getpass.getpass(_("Client Secret (not shown): "))


def _keyring_refused(error: secrets.KeyringUnavailable) -> Refused:
    if error.message == _(secrets.NO_KEYRING):  # that sentence speaks of a channel
        return Refused(
            _("No password keyring is available on this computer, so the Client Secret was not stored. "
              "Install or unlock a keyring (GNOME Keyring, KWallet, Windows Credential Manager or the macOS "
              "Keychain) and try again."),
            status=FAILED,
        )
    return Refused(error.message, _("Nothing was stored."), status=FAILED)


def _stored_secret(environment: str) -> bool:
    return bool(secrets.get_password(_app_secret_account(environment)))


def _rows(paths) -> list[dict]:
    """Each environment Preferences lists, and any address with an application of its own."""
    ids = settings.allegro_client_ids(paths)
    environments = [*SHOWN, *sorted(e for e in ids if e not in REST_NAMED)]
    rows = []
    for environment in environments:
        client_id = ids.get(environment, "")
        stored = _stored_secret(environment) if client_id else False
        built_in = environment == REST_SANDBOX and not (client_id and stored)
        rows.append({
            "environment": environment,
            "client_id": SANDBOX_CLIENT_ID if built_in else client_id,
            "secret_stored": stored,
            "built_in_demo": built_in,
        })
    return rows


def _secret_words(row: dict) -> str:
    if row["built_in_demo"]:
        return _("the built-in demo application")
    if row["secret_stored"]:
        return _("stored in the keyring")
    if row["client_id"]:
        return _("missing: set it again")
    return _("not set")


def show(args, paths) -> int:
    try:
        rows = _rows(paths)
    except secrets.KeyringUnavailable as error:
        if error.message == _(secrets.NO_KEYRING):  # that sentence speaks of saving a channel
            err(_("No password keyring is available on this computer, so whether a Client Secret is stored "
                  "cannot be read."))
        else:
            err(error.message)
        return FAILED
    if args.json:
        print_json(rows)
        return 0
    print(_("Allegro application (Preferences → Allegro application):"))
    print_table(
        (_("ENVIRONMENT"), _("CLIENT ID"), _("CLIENT SECRET")),
        [(row["environment"], row["client_id"] or "—", _secret_words(row)) for row in rows],
    )
    return 0


def set_client(args, paths) -> int:
    environment = _environment(args.environment)
    client_id = _client_id(args.client_id)
    secret = _read_secret(args.secret_stdin).strip()
    if not secret:
        raise Refused(_("Enter the Client Secret of your application at Allegro."), _("Nothing was stored."))
    try:
        store_application(environment, paths, client_id, secret)
    except secrets.KeyringUnavailable as error:
        raise _keyring_refused(error) from None
    print(_("Stored the application {client_id} for {environment}: the Client Secret is in the system keyring.").format(
        client_id=client_id, environment=environment))
    return 0


def remove_client(args, paths) -> int:
    environment = _environment(args.environment)
    if not settings.allegro_client_id(paths, environment):
        print(_("No application was set for {environment}; nothing changed.").format(environment=environment))
        return 0
    try:
        store_application(environment, paths, "", "")
    except secrets.KeyringUnavailable as error:
        raise _keyring_refused(error) from None
    print(_("Removed the application of {environment}.").format(environment=environment))
    return 0


HANDLERS = {"show": show, "set-client": set_client, "remove-client": remove_client}


def main(argv: list[str], paths) -> int:
    """No database is opened: Preferences live in the settings file and the keyring."""
    args = parse(_parser(), argv)
    if isinstance(args, int):
        return args
    try:
        return HANDLERS[args.action](args, paths) or 0
    except Refused as refused:
        for sentence in refused.sentences:
            err(sentence)
        return refused.status
