"""What Channel Integration shows and does with channel rows beyond their options
(core/channels.py): the list, what a deletion takes with it, a REST channel's account."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.models import Channel, Listing, Order


@dataclass(frozen=True)
class ChannelListRow:
    id: int
    sub_source: str
    environment: str
    enabled: bool
    inventory_sync: bool
    last_sync_at: datetime | None
    last_sync_outcome: str
    api: str = "webapi"


def channel_list() -> list[ChannelListRow]:
    """Every channel by name, with the columns of the channel list."""
    query = Channel.select(
        Channel.id, Channel.sub_source, Channel.environment, Channel.enabled, Channel.inventory_sync,
        Channel.last_sync_at, Channel.last_sync_outcome, Channel.api,
    ).order_by(Channel.sub_source)
    return [ChannelListRow(*row) for row in query.tuples()]


@dataclass(frozen=True)
class ChannelContents:
    """What deleting a channel removes from this app with it."""

    sub_source: str
    orders: int
    listings: int


def channel_contents(channel_id: int) -> ChannelContents:
    name = Channel.get_by_id(channel_id).sub_source
    orders = Order.select().where(Order.channel == channel_id).count()
    listings = Listing.select().where(Listing.channel == channel_id).count()
    return ChannelContents(name, orders, listings)


def name_taken(sub_source: str) -> bool:
    """Whether another channel is called `sub_source` already."""
    return Channel.select().where(Channel.sub_source == sub_source).exists()


def add_rest_channel(sub_source: str, login: str, currency: str, environment: str, paths, token: dict) -> int:
    """Save a REST channel connected through the device flow and store its tokens; returns its
    id. When the tokens cannot be stored the channel is removed again and the error raised."""
    from core.allegro.rest.connect import save_connection

    channel = Channel.create(
        sub_source=sub_source, username=login, api_key="", api_key_version=0,
        currency=currency, environment=environment, api="rest",
    )
    try:
        save_connection(channel, paths, token, login=login)
    except BaseException:
        channel.delete_instance()
        raise
    return channel.id


def rest_connected(channel_id: int | None) -> bool:
    """Whether a saved REST channel has its tokens in the keyring."""
    from core.allegro.rest.tokens import load_tokens, token_account

    row = Channel.get_or_none(Channel.id == channel_id) if channel_id is not None else None
    return row is not None and load_tokens(token_account(row)) is not None


def reconnect_rest_channel(channel_id: int | None, paths, token: dict, login: str) -> bool:
    """Store a new connection of a saved REST channel; False when the channel is gone."""
    from core.allegro.rest.connect import save_connection

    row = Channel.get_or_none(Channel.id == channel_id) if channel_id is not None else None
    if row is None:
        return False
    save_connection(row, paths, token, login=login)
    return True


def rest_account_login(channel_id: int, paths) -> str:
    """The login of the Allegro account a saved REST channel reaches (GET /me)."""
    from core.allegro.rest.connect import who_am_i

    return who_am_i(Channel.get_by_id(channel_id), paths)
