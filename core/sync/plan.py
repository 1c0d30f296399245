"""What a sync intends to do and what it did, as plain data for the UI and the CLI."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ProposedAction:
    """One End or Relist action, as the confirmation dialog shows it."""

    action_id: int
    kind: str  # "end" | "relist"
    listing_id: int
    offer_id: str
    title: str
    format: str  # "buy_now" | "auction"
    bids: int
    stock_item_id: int | None
    sku: str
    stock_title: str
    reason: str  # e.g. "Available 0 at Warehouse A"
    available: int
    sells_to_top_bidder: bool = False  # ending an auction with bids sells it
    duration_days: int | None = None  # relists: 0 = until sold out
    start_at: datetime | None = None  # relists: UTC (naive); None = at once
    ended_at: datetime | None = None  # relists: when the app ended it (UTC, naive)
    days_left: int | None = None  # relists: of Allegro's 60-day window
    approved: bool = False  # already approved (No Manual Confirmation)


@dataclass
class Plan:
    channel_id: int
    channel_name: str
    run_id: int
    action_ids: list[int] = field(default_factory=list)
    ends: list[ProposedAction] = field(default_factory=list)
    relists: list[ProposedAction] = field(default_factory=list)
    quantity_changes: int = 0
    tracking_uploads: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # what planning already did (orders...)
    notes: list[str] = field(default_factory=list)  # things the seller should know
    needs_confirmation: bool = False
    held: list = field(default_factory=list)  # core.sync.guards.Hold: what a brake stopped

    @property
    def held_quantity_ids(self) -> list[int]:
        """Quantity changes a brake held: sent only when the seller approves them."""
        return [i for h in self.held if h.kind == "quantity" for i in h.action_ids]

    @property
    def to_confirm(self) -> list[ProposedAction]:
        """End and Relist actions that wait for the seller's decision."""
        return [a for a in self.ends + self.relists if not a.approved]

    @property
    def is_empty(self) -> bool:
        return not (self.ends or self.relists or self.quantity_changes or self.tracking_uploads)


@dataclass
class Report:
    channel_id: int
    channel_name: str
    run_id: int
    outcome: str  # ok | partial | failed | cancelled
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.outcome in ("failed", "partial") or bool(self.failures)
