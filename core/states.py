"""The values a row's status columns take: plain strings, shared by the tables and the screens."""
from __future__ import annotations


class Environment:
    SANDBOX = "sandbox"
    PRODUCTION = "production"
    # anything else stored in Channel.environment is a custom WebAPI address


class ListingStatus:
    ACTIVE = "active"
    ENDED = "ended"  # ended, not by us (sold out, time, by hand on Allegro)
    PENDING_RELIST = "pending_relist"  # ended by us for zero stock; may come back
    STRUCK_OFF = "struck_off"  # pending relist, but the seller said never
    EXPIRED = "expired"  # past Allegro's 60-day relist window
    RELISTED = "relisted"  # history: replaced by a newer offer id
    SCHEDULED = "scheduled"  # relisted with a delayed start


class OrderStatus:
    OPEN = "open"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


class LinkState:
    LISTING = "listing"  # linked through the listing's mapping
    TITLE = "title"  # linked by exact title
    MANUAL = "manual"
    UNLINKED = "unlinked"
    AMBIGUOUS = "ambiguous"  # the title matches several stock items


class ShipmentState:
    PENDING = "pending"  # entered, not sent yet
    SENDING = "sending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"  # Allegro refused it; sent again only after an edit
    INVALID = "invalid"  # failed the carrier's format locally; never sent


class ActionKind:
    QUANTITY = "quantity"
    END = "end"
    RELIST = "relist"
    TRACKING = "tracking"


class ActionState:
    PROPOSED = "proposed"
    APPROVED = "approved"
    REJECTED = "rejected"
    SENDING = "sending"  # stored before the call; outcome unknown if the run died here
    DONE = "done"
    FAILED = "failed"
