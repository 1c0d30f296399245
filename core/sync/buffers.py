"""Stock buffers: how much of the available stock a channel shows on Allegro.

Four channel options, as Linnworks and M2E Pro offer them, applied in this order:

- end when available ≤ N (`buffer_end_at`, 0 = end only at nothing available);
- keep N back (`buffer_keep_back`): the listing shows available − N;
- list a percentage of available (`buffer_percent`, 100 = all), rounded down;
- list at most N (`buffer_max_listed`, 0 = no cap; Allegro's own cap is 999).

What is left is the listable quantity. It is what quantities are set to, and the End and
Relist rules see it instead of the available stock: a listing with nothing listable is
ended, one that was ended is relisted only once something is listable again.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.i18n import _


@dataclass(frozen=True, slots=True)
class Buffers:
    max_listed: int = 0
    keep_back: int = 0
    percent: int = 100
    end_at: int = 0

    @classmethod
    def of(cls, channel) -> Buffers:
        return cls(
            max_listed=channel.buffer_max_listed or 0,
            keep_back=channel.buffer_keep_back or 0,
            percent=channel.buffer_percent if channel.buffer_percent else 100,
            end_at=channel.buffer_end_at or 0,
        )

    @property
    def active(self) -> bool:
        return bool(self.max_listed or self.keep_back or self.percent != 100 or self.end_at)

    def listable(self, available: int) -> int:
        """The quantity Allegro should show for `available` in stock; 0 means end the listing."""
        if available <= self.end_at:
            return 0
        shown = (available - self.keep_back) * self.percent // 100
        if self.max_listed:
            shown = min(shown, self.max_listed)
        return max(shown, 0)

    def explain(self, available: int) -> str:
        """The buffer's part of a reason: which rules apply and what they leave to list."""
        rules = []
        if self.end_at:
            rules.append(_("ends at {n} or fewer").format(n=self.end_at))
        if self.keep_back:
            rules.append(_("keeps {n} back").format(n=self.keep_back))
        if self.percent != 100:
            rules.append(_("lists {n} %").format(n=self.percent))
        if self.max_listed:
            rules.append(_("lists at most {n}").format(n=self.max_listed))
        return _("buffer ({rules}): {n} to list").format(rules=", ".join(rules), n=self.listable(available))
