"""The channels and locations the screens offer to choose from, by name, as plain rows."""
from __future__ import annotations

from dataclasses import dataclass

from core.models import Channel, Location


@dataclass(frozen=True)
class ChannelChoice:
    id: int
    sub_source: str
    enabled: bool


def channel_choices(enabled_only: bool = False) -> list[ChannelChoice]:
    """The channels by name (only the enabled ones when asked)."""
    query = Channel.select(Channel.id, Channel.sub_source, Channel.enabled).order_by(Channel.sub_source)
    if enabled_only:
        query = query.where(Channel.enabled == True)  # noqa: E712 - a peewee expression
    return [ChannelChoice(*row) for row in query.tuples()]


def channel_count() -> int:
    return Channel.select().count()


def channel_name(channel_id: int) -> str:
    """A channel's SubSource; raises LookupError when it is gone."""
    row = Channel.select(Channel.sub_source).where(Channel.id == channel_id).tuples().first()
    if row is None:
        raise LookupError(channel_id)
    return row[0]


def submits_tracking(channel_id: int) -> bool:
    """Whether the channel sends tracking numbers to Allegro (Submit Tracking Info)."""
    row = Channel.select(Channel.submit_tracking).where(Channel.id == channel_id).tuples().first()
    return bool(row and row[0])


def ships_from(channel_id: int) -> str | None:
    """The name of the location a channel's orders leave stock from; None when there is none."""
    from core.inventory import order_location_id

    return location_name(order_location_id(Channel.get_by_id(channel_id)))


@dataclass(frozen=True)
class LocationChoice:
    id: int
    name: str
    is_default: bool


def location_choices() -> list[LocationChoice]:
    """The stock locations by name."""
    query = Location.select(Location.id, Location.name, Location.is_default).order_by(Location.name)
    return [LocationChoice(*row) for row in query.tuples()]


def location_name(location_id: int | None) -> str | None:
    """A location's name; None for no location or one that is gone."""
    if location_id is None:
        return None
    row = Location.select(Location.name).where(Location.id == location_id).tuples().first()
    return row[0] if row else None


def marked_default_location_id() -> int | None:
    """The location marked default, if any."""
    row = Location.select(Location.id).where(Location.is_default == True).tuples().first()  # noqa: E712
    return row[0] if row else None
