"""`main.py channel add --api rest`, `channel reconnect` and `channel test` for REST channels:
Allegro's device flow in a terminal. The tokens go to the keyring and never to the output."""
from __future__ import annotations

from core import currencies, secrets
from core.allegro.environments import InvalidAddress, check_rest_environment
from core.allegro.errors import AllegroError
from core.allegro.rest.connect import save_connection, who_am_i
from core.allegro.rest.device_flow import DeviceFlow, DeviceFlowFailed
from core.allegro.rest.tokens import application, connection_for, forget_tokens, token_account
from core.cli.common import FAILED, Refused, err
from core.i18n import _
from core.models import Channel

CANCELLED = 130  # the shell's status for Ctrl+C


def _authorize(environment: str, paths) -> dict:
    """Run the device flow in the terminal: the token JSON, or Refused with the reason."""
    from core.allegro.environments import rest_endpoints

    try:
        client_id, client_secret = application(environment, paths)
        flow = DeviceFlow(rest_endpoints(environment, paths), client_id, client_secret)
        code = flow.start()
    except (AllegroError, secrets.KeyringUnavailable) as error:
        raise Refused(error.message, status=FAILED) from None
    except DeviceFlowFailed as failed:
        raise Refused(failed.reason, status=FAILED) from None
    print(_("Open {url} and approve the application with the code {code}.").format(
        url=code.verification_uri_complete, code=code.display_code), flush=True)
    print(_("Waiting for the approval (Ctrl+C stops)…"), flush=True)
    try:
        return flow.wait(code)
    except DeviceFlowFailed as failed:
        raise Refused(failed.reason, status=FAILED) from None


def add(args, paths) -> int:
    name = (args.sub_source or "").strip()
    problems = []
    if not name:
        problems.append(_("Enter a SubSource: the name this channel appears as, for example MyAllegroChannel."))
    elif len(name) > 100:
        problems.append(_("The SubSource can be at most 100 characters long."))
    elif Channel.select().where(Channel.sub_source == name).exists():
        problems.append(_("Another channel is already called “{name}”. Choose a different SubSource.").format(name=name))
    currency = (args.currency or "").strip().upper()
    if not currencies.is_currency(currency):
        problems.append(_("Choose the Default Currency from the list of ISO 4217 currencies, such as PLN."))
    try:
        environment = check_rest_environment(args.environment or "sandbox")
    except InvalidAddress as error:
        problems.append(error.message)
    if problems:
        raise Refused(*problems, _("The channel was not added."))
    try:
        token = _authorize(environment, paths)
    except KeyboardInterrupt:
        err(_("Stopped; the channel was not added."))
        return CANCELLED
    # the row exists only once Allegro approved: a refusal or Ctrl+C leaves nothing behind
    channel = Channel.create(sub_source=name, username="", api_key="", api_key_version=0,
                             currency=currency, environment=environment, api="rest")
    try:
        login = save_connection(channel, paths, token)
    except (AllegroError, secrets.KeyringUnavailable) as error:
        _forget(channel)
        channel.delete_instance()
        raise Refused(error.message, _("The channel was not added."), status=FAILED) from None
    print(_("Added channel “{name}”, connected as {login}. Its login is in the system keyring.").format(
        name=name, login=login))
    return 0


def _forget(channel) -> None:
    try:
        forget_tokens(token_account(channel))
    except secrets.KeyringUnavailable:
        pass


def _rest_channel(name: str) -> Channel:
    row = Channel.get_or_none(Channel.sub_source == name.strip())
    if row is None:
        raise Refused(_("There is no channel called “{name}”.").format(name=name))
    if row.api != "rest":
        raise Refused(_("“{name}” uses the WebAPI; only REST channels connect with Allegro's approval page.").format(
            name=row.sub_source))
    return row


def reconnect(args, paths) -> int:
    channel = _rest_channel(args.name)
    try:
        token = _authorize(channel.environment, paths)
    except KeyboardInterrupt:
        err(_("Stopped; the channel's connection was not changed."))
        return CANCELLED
    try:
        login = save_connection(channel, paths, token)
    except (AllegroError, secrets.KeyringUnavailable) as error:
        raise Refused(error.message, status=FAILED) from None
    print(_("Reconnected “{name}” as {login}.").format(name=channel.sub_source, login=login))
    return 0


def test(channel: Channel, paths) -> int:
    try:
        connection_for(channel, paths)
        login = who_am_i(channel, paths)
    except (AllegroError, secrets.KeyringUnavailable) as error:
        err(error.message)
        return FAILED
    except (ValueError, OSError) as error:
        err(str(error))
        return FAILED
    print("OK")
    print(_("Allegro ({environment}) answered for the account {login}.").format(
        environment=channel.environment, login=login))
    return 0
