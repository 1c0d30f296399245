"""Counted phrases shared by several windows, with their plural forms in the catalogues
(English 1 day · 2 days; Polish 1 dzień · 2 dni, and 1 zamówienie · 2 zamówienia · 5 zamówień).

Qt picks the form from the count: `tr("%n day(s)", "", n)`. pyside6-lupdate only marks a
sentence as counted when it is a `self.tr(…, n)` call, so module-level helpers ask this
object rather than QCoreApplication.translate.
"""
from __future__ import annotations

from PySide6.QtCore import QObject


class Counted(QObject):
    def days(self, n: int) -> str:
        return self.tr("%n day(s)", "", n)

    def run_count(self, key: str, n: int) -> str | None:
        """A sync run's count (core.sync report keys) as the seller reads it, or None."""
        sentences = {
            "orders_imported": lambda: self.tr("%n order(s) imported", "", n),
            "quantities_changed": lambda: self.tr("%n quantity(ies) sent", "", n),
            "listings_ended": lambda: self.tr("%n listing(s) ended", "", n),
            "listings_relisted": lambda: self.tr("%n listing(s) relisted", "", n),
            "tracking_accepted": lambda: self.tr("%n tracking number(s) accepted", "", n),
            "tracking_rejected": lambda: self.tr("%n tracking number(s) rejected", "", n),
            "held_by_brake": lambda: self.tr("%n change(s) held by a brake", "", n),
            "oversell_risk": lambda: self.tr("%n listing(s) at oversell risk", "", n),
        }
        sentence = sentences.get(key)
        return sentence() if sentence else None


COUNTED = Counted()
RUN_COUNT_KEYS = (
    "orders_imported", "quantities_changed", "listings_ended", "listings_relisted", "tracking_accepted", "tracking_rejected",
    "held_by_brake", "oversell_risk",
)
