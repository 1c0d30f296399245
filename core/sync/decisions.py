"""The seller's answer to the confirmation dialog and the brake's question, in the run's record.

The history keeps which of the dialog's three answers was given (apply the ticked ones;
send the rest without these; cancel the whole sync) and how long the run waited for it,
which the Took column leaves out: it counts the sync, not the seller's reading time.
"""
from __future__ import annotations

from collections.abc import Iterable

from core.sync.plan import Plan
from core.i18n import _, n_

WAITED = "waited_for_seller_s"  # the run's count of seconds spent waiting for an answer


def decision_note(plan: Plan, approved_ids: Iterable[int]) -> str:
    """The answer as one sentence for the run's notes."""
    approved = set(approved_ids)
    shown = [a.action_id for a in plan.to_confirm]
    ticked = len(approved.intersection(shown))
    parts = []
    if shown:
        if ticked:
            parts.append(_("Confirmation: applied the ticked ones ({n} of {total}).").format(n=ticked, total=len(shown)))
        else:
            parts.append(
                n_(
                    "Confirmation: sent the rest of the sync without this {total} listing.",
                    "Confirmation: sent the rest of the sync without these {total} listings.",
                    len(shown),
                ).format(total=len(shown))
            )
    held = plan.held_quantity_ids
    if held:
        sent = len(approved.intersection(held))
        if sent:
            parts.append(_("The {n} quantities the brake held were sent on your word.").format(n=sent))
        else:
            parts.append(_("The {n} quantities the brake held were not sent.").format(n=len(held)))
    return " ".join(parts)


def cancel_note() -> str:
    return _("Confirmation: the whole sync was cancelled.")
