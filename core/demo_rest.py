"""The first-run demo on Allegro's REST API: a REST channel on the built-in Sandbox.

The same demo shop and stock as core/demo.py, reached the way a live seller's channel is:
the channel connects by the device flow, and the Sandbox's own approval (its control
interface's /sandbox/oauth/approve, what the seller's Allow on its page does) stands in
for the seller logging in on allegro.pl. The tokens go to the keyring like any channel's.
"""
from __future__ import annotations

import logging

import httpx

from core import channels, secrets
from core.allegro.environments import REST_SANDBOX, rest_endpoints
from core.allegro.errors import AllegroError
from core.demo import DEMO_SUB_SOURCE, ORDERS_SINCE, DemoSetUp, Progress, seed_demo_stock
from core.i18n import _
from core.models import Channel, utcnow

log = logging.getLogger(__name__)

APPROVE_PATH = "/sandbox/oauth/approve"
TIMEOUT = 10.0  # seconds; the Sandbox answers on this computer


class DemoNotApproved(AllegroError):
    default_code = "DEMO_NOT_APPROVED"
    en = "The built-in Sandbox did not approve the demo channel's connection; try again."
    pl = "Wbudowana piaskownica nie zatwierdziła połączenia kanału demonstracyjnego; spróbuj ponownie."


def find_rest_demo_channel() -> Channel | None:
    """A REST channel already connected to the built-in Sandbox, if any."""
    return (
        Channel.select()
        .where((Channel.api == "rest") & (Channel.environment == REST_SANDBOX))
        .order_by(Channel.id)
        .first()
    )


def rest_demo_config(sub_source: str) -> channels.ChannelConfig:
    """The REST demo channel: the options a first sync shows off, as the WebAPI demo has them."""
    return channels.ChannelConfig(
        sub_source=sub_source,
        api="rest",
        environment=REST_SANDBOX,
        api_key_version="0",
        enabled=True,
        inventory_sync=True,
        end_listings=True,
        relist_items=True,
        link_by_title=True,
        sync_orders_from=(utcnow() - ORDERS_SINCE).replace(microsecond=0),
    )


def _free_name() -> str:
    taken = {c.sub_source.casefold() for c in Channel.select(Channel.sub_source)}
    name, n = DEMO_SUB_SOURCE, 1
    while name.casefold() in taken:
        n += 1
        name = f"{DEMO_SUB_SOURCE} {n}"
    return name


def approve_on_sandbox(auth_url: str, user_code: str) -> None:
    """What the seller's Allow on the Sandbox's approval page does, through its control interface."""
    try:
        answer = httpx.post(auth_url.rstrip("/") + APPROVE_PATH, json={"user_code": user_code},
                            timeout=TIMEOUT, trust_env=False)
    except httpx.HTTPError as error:
        log.warning("The Sandbox's approval failed: %s", error)
        raise DemoNotApproved() from None
    if answer.status_code != 200:
        log.warning("The Sandbox refused the approval: %s %s", answer.status_code, answer.text[:200])
        raise DemoNotApproved()


def connect_demo(paths) -> dict:
    """The device flow against the built-in Sandbox, approved by it: Allegro's token answer."""
    from core.allegro.rest.device_flow import DeviceFlow
    from core.allegro.rest.tokens import application

    endpoints = rest_endpoints(REST_SANDBOX, paths)
    flow = DeviceFlow(endpoints, *application(REST_SANDBOX, paths))
    code = flow.start()
    approve_on_sandbox(endpoints.auth_url, code.user_code)
    return flow.poll(code) or flow.wait(code)


def add_rest_demo_channel(paths) -> tuple[channels.ChannelConfig, bool]:
    """The connected REST demo channel, and whether it is new (a second click reuses it)."""
    from core.allegro.rest.connect import save_connection

    existing = find_rest_demo_channel()
    if existing is not None:
        return channels.from_row(existing), False
    secrets.check_available()  # the tokens can only live in the keyring: say so before connecting
    token = connect_demo(paths)  # before the row exists: a refusal leaves nothing behind
    config = channels.save(rest_demo_config(_free_name()))
    try:
        save_connection(Channel.get_by_id(config.id), paths, token)
    except Exception:
        channels.delete(config.id)
        raise
    return channels.load(config.id), True


def set_up_rest_demo(paths, progress: Progress | None = None, marketplace_factory=None) -> DemoSetUp:
    """The welcome's one click on REST: start the Sandbox, connect the channel, read its
    listings (the Test: they come only to a working login), seed linked stock.

    Raises the adapter's AllegroError, DeviceFlowFailed, channels.ChannelInvalid or
    secrets.KeyringUnavailable, each with a `.message`; a channel made by this call is
    removed again when anything after it fails.
    """
    from core.allegro import local_sandbox
    from core.sync.engine import OFFER_TABS
    from core.sync.marketplace import make_marketplace

    say = progress or (lambda _step: None)
    say(_("Starting the Sandbox"))
    url = local_sandbox.ensure_running(paths)
    say(_("Connecting the demo channel with Allegro's approval"))
    config, created = add_rest_demo_channel(paths)
    try:
        say(_("Reading the demo shop's listings"))
        marketplace = (marketplace_factory or make_marketplace)(config.id, paths)
        try:
            marketplace.login()
            offers = list(marketplace.offers(OFFER_TABS))
        finally:
            marketplace.close()
    except Exception:
        if created:
            channels.delete(config.id)
        raise
    say(_("Filling the stock"))
    stock = seed_demo_stock(config.id, offers)
    return DemoSetUp(config, url, stock)
