"""Counted sentences of core in both languages at 0, 1, 2, 5 and 22: English 1 item / 2 items,
Polish 1 plik / 2 pliki / 5 plików / 22 pliki / 0 plików."""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from core import i18n, paths
from core.listing_links import Suggestion, status_text
from core.models import ListingStatus
from core.stock_csv import ImportPreview, ImportRow, RowProblem

COUNTS = (0, 1, 2, 5, 22)


@pytest.fixture(params=["en", "pl"])
def lang(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def said(lang: str, english: dict, polish: dict) -> dict:
    return english if lang == "en" else polish


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("n", [1, 2, 5, 22])
def test_files_made_private_are_counted(tmp_path: Path, lang, n):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    folder.chmod(0o700)
    for i in range(n):
        (folder / f"f{i}").write_text("x")
        (folder / f"f{i}").chmod(0o644)
    paths.take_notes()
    assert len(paths.tighten(folder)) == n
    note = paths.take_notes()[0]
    expected = said(lang, {
        1: "Made 1 file or folder private to this user (other users could read it): ",
        2: "Made 2 files and folders private to this user (other users could read them): ",
        5: "Made 5 files and folders private to this user (other users could read them): ",
        22: "Made 22 files and folders private to this user (other users could read them): ",
    }, {
        1: "Tylko ten użytkownik może teraz czytać 1 plik lub folder (wcześniej mogli go czytać inni): ",
        2: "Tylko ten użytkownik może teraz czytać 2 pliki i foldery (wcześniej mogli je czytać inni): ",
        5: "Tylko ten użytkownik może teraz czytać 5 plików i folderów (wcześniej mogli je czytać inni): ",
        22: "Tylko ten użytkownik może teraz czytać 22 pliki i foldery (wcześniej mogli je czytać inni): ",
    })[n]
    assert note.startswith(expected) and str(folder / "f") in note


def test_an_import_preview_counts_rows_new_items_and_levels(tmp_path, lang):
    said_for = {}
    for n in COUNTS:
        preview = ImportPreview(path=tmp_path / "stan.csv", new_items=n, changed_levels=n, unchanged=n)
        preview.rows = [ImportRow(i + 2, f"SKU-{i}", "t", "A", 1, "") for i in range(n)]
        said_for[n] = preview.summary() if n else None
    assert said_for == said(lang, {
        0: None,
        1: "1 row: 1 new item, 1 stock level to change, 1 unchanged.",
        2: "2 rows: 2 new items, 2 stock levels to change, 2 unchanged.",
        5: "5 rows: 5 new items, 5 stock levels to change, 5 unchanged.",
        22: "22 rows: 22 new items, 22 stock levels to change, 22 unchanged.",
    }, {
        0: None,
        1: "1 wiersz: 1 nowa pozycja, 1 stan do zmiany, 1 bez zmian.",
        2: "2 wiersze: 2 nowe pozycje, 2 stany do zmiany, 2 bez zmian.",
        5: "5 wierszy: 5 nowych pozycji, 5 stanów do zmiany, 5 bez zmian.",
        22: "22 wiersze: 22 nowe pozycje, 22 stany do zmiany, 22 bez zmian.",
    })
    empty = ImportPreview(path=tmp_path / "stan.csv", new_items=0, changed_levels=0, unchanged=0)
    empty.rows = [ImportRow(2, "SKU", "t", "A", 1, "")]
    assert empty.summary() == said(lang, {0: "1 row: 0 new items, 0 stock levels to change, 0 unchanged."},
                                   {0: "1 wiersz: 0 nowych pozycji, 0 stanów do zmiany, 0 bez zmian."})[0]


def test_invalid_rows_are_counted(tmp_path, lang):
    texts = {}
    for n in (1, 2, 5, 22):
        preview = ImportPreview(path=tmp_path / "stan.csv")
        preview.problems = [RowProblem(i + 2, "", ("bad",)) for i in range(n)]
        texts[n] = preview.summary().split(";")[0]
    assert texts == said(lang, {
        1: "1 invalid row of 1", 2: "2 invalid rows of 2", 5: "5 invalid rows of 5", 22: "22 invalid rows of 22",
    }, {
        1: "1 błędny wiersz z 1", 2: "2 błędne wiersze z 2", 5: "5 błędnych wierszy z 5", 22: "22 błędne wiersze z 22",
    })


def test_days_left_in_the_relist_window_are_counted(lang):
    now = datetime(2026, 12, 3, 12, tzinfo=timezone.utc).replace(tzinfo=None)
    shown = {n: status_text(ListingStatus.PENDING_RELIST, now - timedelta(days=60 - n, hours=-1), now) for n in COUNTS}
    assert shown == said(lang, {
        0: "Pending relist (0 days left)", 1: "Pending relist (1 day left)", 2: "Pending relist (2 days left)",
        5: "Pending relist (5 days left)", 22: "Pending relist (22 days left)",
    }, {
        0: "Do wystawienia (0 dni)", 1: "Do wystawienia (1 dzień)", 2: "Do wystawienia (2 dni)",
        5: "Do wystawienia (5 dni)", 22: "Do wystawienia (22 dni)",
    })


def test_an_ambiguous_title_counts_the_items_it_matches(lang):
    texts = {n: Suggestion(7, tuple((i, f"S{i}") for i in range(n))).text for n in (2, 5, 22)}
    assert texts == said(lang, {
        2: "Ambiguous: 2 items (S0, S1)", 5: "Ambiguous: 5 items (S0, S1, S2…)", 22: "Ambiguous: 22 items (S0, S1, S2…)",
    }, {
        2: "Niejednoznaczne: 2 pozycje (S0, S1)", 5: "Niejednoznaczne: 5 pozycji (S0, S1, S2…)",
        22: "Niejednoznaczne: 22 pozycje (S0, S1, S2…)",
    })
