"""Wiring a channel to Allegro: its settings, the keyring password and the environment's address."""
from __future__ import annotations

from core import channels, secrets
from core.allegro.port import Credentials, Marketplace
from core.models import Channel
from core.sync.engine import SyncRefused
from core.i18n import _


def make_marketplace(channel: Channel | int, paths, **options) -> Marketplace:
    """A WebApiMarketplace for `channel` (the local Sandbox is started when it is the environment).

    Syncs follow Allegro's current Api Key Version (accepted at login: channels.accept_version_key,
    noted in the run): Allegro moved the key without notice, and a sync stuck on a
    stale key until someone clicks Test lets stock drift. `options` go to WebApiMarketplace.
    """
    row = channel if isinstance(channel, Channel) else Channel.get_by_id(channel)
    if getattr(row, "api", "webapi") == "rest":
        return _rest_marketplace(row, paths, **options)
    from core.allegro.webapi import WebApiMarketplace  # zeep is heavy; load it only to sync

    try:
        password = channels.stored_password(row.id)
    except secrets.KeyringUnavailable as error:
        raise SyncRefused(error.message) from None
    if not password:
        raise SyncRefused(
            _("No password is stored for {name}. Open the channel, type the password and save it.").format(name=row.sub_source)
        )
    credentials = Credentials(
        url=channels.service_url(row.environment, paths),
        username=row.username,
        password=password,
        api_key=row.api_key,
        api_key_version=row.api_key_version,
    )
    options.setdefault("accept_current_version", True)
    return WebApiMarketplace(credentials, **options)


def rest_api_base(environment: str, paths) -> str:
    """Where a REST channel's API lives (core.allegro.environments.rest_endpoints)."""
    from core.allegro import environments

    return environments.rest_endpoints(environment, paths).api_url


def _rest_marketplace(row: Channel, paths, operation_timeout: float = 30.0, **options) -> Marketplace:
    """`options` meant for the WebAPI (retry, connect_timeout, its version key) do not apply;
    `sleep` and `report_wait` go to RestMarketplace."""
    from core.allegro.rest.ledger import DatabaseLedger
    from core.allegro.rest.marketplace import RestMarketplace
    from core.allegro.rest.tokens import TokenSource

    return RestMarketplace(
        rest_api_base(row.environment, paths), TokenSource(row.id, paths),
        ledger=DatabaseLedger(row.id), timeout=operation_timeout,
        **{k: v for k, v in options.items() if k in ("sleep", "report_wait")},
    )

