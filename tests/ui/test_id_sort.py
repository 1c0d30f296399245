"""Allegro's ids are text; a table sorted by them still puts numbers in numeric order."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ui.tables import sorted_order


def test_offer_numbers_of_different_lengths_sort_as_numbers_not_as_words():
    rows = [(1, "10000000001"), (2, "999"), (3, "7100000001"), (4, "")]
    order = sorted_order(rows, (0, Qt.SortOrder.AscendingOrder))
    assert [rows[i][1] for i in order] == ["999", "7100000001", "10000000001", ""]  # empty last


def test_checkout_form_uuids_sort_as_text():
    rows = [(1, "b9738e61-7f6a-11e8-ac45-09db60ede9d6"), (2, "29738e61-7f6a-11e8-ac45-09db60ede9d6")]
    order = sorted_order(rows, (0, Qt.SortOrder.AscendingOrder))
    assert [rows[i][0] for i in order] == [2, 1]
