"""Counted sentences in their plural forms: English (1 listing, 2 listings) and Polish with its
three (1 oferta, 2–4 and 22–24 oferty, 0, 5–21 and 12–14 ofert), in the windows (Qt's
numerus forms in acm_*.ts) and in core's sentences (core.i18n.n_)."""
from __future__ import annotations

import pytest

from core import i18n as core_i18n
from core.i18n import n_
from ui import i18n
from ui.counts import COUNTED

COUNTS = (0, 1, 2, 5, 12, 22, 112)


@pytest.fixture
def speak(qapp):
    def use(lang: str) -> None:
        assert i18n.install_translators(qapp, lang) == lang

    return use


EXPECTED_DAYS = {
    "en": ["0 days", "1 day", "2 days", "5 days", "12 days", "22 days", "112 days"],
    "pl": ["0 dni", "1 dzień", "2 dni", "5 dni", "12 dni", "22 dni", "112 dni"],
}
EXPECTED_ORDERS_IMPORTED = {
    "en": ["0 orders imported", "1 order imported", "2 orders imported", "5 orders imported",
           "12 orders imported", "22 orders imported", "112 orders imported"],
    "pl": ["0 pobranych zamówień", "1 pobrane zamówienie", "2 pobrane zamówienia", "5 pobranych zamówień",
           "12 pobranych zamówień", "22 pobrane zamówienia", "112 pobranych zamówień"],
}


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_days_and_run_counts_take_the_form_of_their_number(speak, lang):
    speak(lang)
    assert [COUNTED.days(n) for n in COUNTS] == EXPECTED_DAYS[lang]
    assert [COUNTED.run_count("orders_imported", n) for n in COUNTS] == EXPECTED_ORDERS_IMPORTED[lang]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["0 listings", "1 listing", "2 listings", "5 listings", "12 listings", "22 listings", "112 listings"]),
        ("pl", ["0 ofert", "1 oferta", "2 oferty", "5 ofert", "12 ofert", "22 oferty", "112 ofert"]),
    ],
)
def test_the_listings_count_above_the_table(qtbot, db, data_dir, speak, lang, expected):
    from core.listing_rows import COLUMN_COUNT
    from core.paths import app_paths
    from ui.listings.screen import ListingsScreen

    speak(lang)
    screen = ListingsScreen(app_paths(data_dir))
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loader.loading)
    shown = []
    for n in COUNTS:
        screen.model.set_rows([(i,) + (None,) * (COLUMN_COUNT + 9) for i in range(n)])
        screen._update_count()
        shown.append(screen.count.text())
    assert shown == expected
    screen.shutdown()


@pytest.mark.parametrize(
    ("lang", "ends", "relists", "sentence"),
    [
        ("en", 0, 1, "would end 0 listings and relist 1 listing."),
        ("en", 2, 5, "would end 2 listings and relist 5 listings."),
        ("pl", 0, 1, "zakończyłaby 0 ofert i wystawiła ponownie 1 ofertę."),
        ("pl", 2, 5, "zakończyłaby 2 oferty i wystawiła ponownie 5 ofert."),
        ("pl", 22, 12, "zakończyłaby 22 oferty i wystawiła ponownie 12 ofert."),
    ],
)
def test_the_confirmation_says_how_many_listings_in_words(qtbot, speak, lang, ends, relists, sentence):
    from core.sync.plan import Plan, ProposedAction
    from ui.sync.confirm_dialog import ConfirmDialog

    speak(lang)

    def action(i, kind):
        return ProposedAction(action_id=i, kind=kind, listing_id=i, offer_id=7_100_000_000 + i, title=f"Oferta {i}",
                              format="buy_now", bids=0, stock_item_id=None, sku="", stock_title="", reason="",
                              available=0 if kind == "end" else 3, duration_days=10 if kind == "relist" else None)

    plan = Plan(channel_id=1, channel_name="Sklep", run_id=1, ends=[action(i, "end") for i in range(ends)],
                relists=[action(100 + i, "relist") for i in range(relists)])
    dialog = ConfirmDialog(plan)
    qtbot.addWidget(dialog)
    intro = dialog.findChild(type(dialog.bids_warning), "confirm_intro").text()
    assert sentence in intro.replace("<b>", "").replace("</b>", "")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["0 rows", "1 row", "2 rows", "5 rows", "12 rows", "22 rows", "112 rows"]),
        ("pl", ["0 wierszy", "1 wiersz", "2 wiersze", "5 wierszy", "12 wierszy", "22 wiersze", "112 wierszy"]),
    ],
)
def test_core_sentences_take_the_form_of_their_number(lang, expected):
    core_i18n.set_language(lang)
    try:
        assert [n_("{n} row", "{n} rows", n).format(n=n) for n in COUNTS] == expected
    finally:
        core_i18n.set_language("en")


def test_polish_has_three_forms_one_few_and_many():
    forms = [core_i18n.polish_plural_index(n) for n in (1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 24, 25, 102, 112, 122)]
    assert forms == [0, 1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 2, 1, 2, 1]


def test_the_chart_title_reads_last_14_days(qtbot, db, data_dir, speak):
    from core.paths import app_paths
    from ui.sync.screen import SyncScreen

    for lang, title in (("en", "Last 14 days"), ("pl", "Ostatnie 14 dni")):
        speak(lang)
        screen = SyncScreen(app_paths(data_dir))
        qtbot.addWidget(screen)
        assert screen.chart_title.text() == f"<b>{title}</b>"
        screen.shutdown()


RISK_COUNTS = (1, 2, 5, 12, 22)
EXPECTED_RISKS = {
    "en": ["1 listing: live with nothing available to send", "2 listings: live with nothing available to send",
           "5 listings: live with nothing available to send", "12 listings: live with nothing available to send",
           "22 listings: live with nothing available to send"],
    "pl": ["1 oferta aktywna bez towaru do wysłania", "2 oferty aktywne bez towaru do wysłania",
           "5 ofert aktywnych bez towaru do wysłania", "12 ofert aktywnych bez towaru do wysłania",
           "22 oferty aktywne bez towaru do wysłania"],
}


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_overview_counts_listings_at_oversell_risk_in_words(qtbot, db, data_dir, speak, lang):
    from core.paths import app_paths
    from ui.home import HomeScreen

    speak(lang)
    home = HomeScreen(app_paths(data_dir))
    qtbot.addWidget(home)
    label = home.labels["oversell_risk"]
    shown = []
    for n in RISK_COUNTS:
        home._show_risks(n)
        shown.append(label.text())
    assert shown == EXPECTED_RISKS[lang]
    home._show_risks(0)
    assert label.text() == "0"
    home.shutdown()


@pytest.mark.parametrize(
    ("lang", "n", "heading", "button", "left", "twice"),
    [
        ("en", 1, "Link 1 listing to the one stock item", "Link 1 listing", "1 ambiguous title is left", "1 offer appears"),
        ("en", 5, "Link 5 listings, each", "Link 5 listings", "5 ambiguous titles are left", "5 offers appear"),
        ("pl", 1, "Powiązać 1 ofertę z jedyną", "Powiąż 1 ofertę", "1 niejednoznaczny tytuł zostaje", "1 oferta występuje"),
        ("pl", 2, "Powiązać 2 oferty, każdą", "Powiąż 2 oferty", "2 niejednoznaczne tytuły zostają", "2 oferty występują"),
        ("pl", 5, "Powiązać 5 ofert, każdą", "Powiąż 5 ofert", "5 niejednoznacznych tytułów zostaje", "5 ofert występuje"),
        ("pl", 22, "Powiązać 22 oferty, każdą", "Powiąż 22 oferty", "22 niejednoznaczne tytuły", "22 oferty występują"),
    ],
)
def test_link_all_exact_matches_counts_in_words(qtbot, db, speak, lang, n, heading, button, left, twice):
    from core.listing_rows import COLUMN_COUNT
    from ui.listings.link_preview import CHANNEL_NAME, OFFER, LinkPreview

    speak(lang)

    def rows(channels):
        made = []
        for i in range(n):
            for channel in channels:
                row = [None] * (COLUMN_COUNT + 10)
                row[OFFER], row[2], row[CHANNEL_NAME] = 7_100_000_000 + i, f"Oferta {i}", channel
                made.append(tuple(row))
        return made

    dialog = LinkPreview(rows(["Sklep A"]), ambiguous=n)
    qtbot.addWidget(dialog)
    assert dialog.heading.text().startswith(heading), dialog.heading.text()
    assert dialog.link_button.text().replace("&", "") == button
    assert left in dialog.counts.text()
    assert not dialog.warning.isVisibleTo(dialog)
    # the same offers in two channels: the same Allegro account added twice
    twice_dialog = LinkPreview(rows(["Sklep A", "Sklep B"]), ambiguous=0)
    qtbot.addWidget(twice_dialog)
    assert twice_dialog.warning.text().startswith(twice), twice_dialog.warning.text()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["1 of them has no stock", "2 of them have no stock", "5 of them have no stock", "22 of them have no stock"]),
        ("pl", ["1 z nich nie ma towaru", "2 z nich nie mają towaru", "5 z nich nie ma towaru", "22 z nich nie mają towaru"]),
    ],
)
def test_the_welcome_says_how_many_demo_listings_have_no_stock_in_words(qtbot, db, data_dir, speak, lang, expected):
    from core.paths import app_paths
    from ui.home import HomeScreen

    speak(lang)
    home = HomeScreen(app_paths(data_dir))
    qtbot.addWidget(home)
    assert [home.tr("%n of them have no stock", "", n) for n in (1, 2, 5, 22)] == expected
    home.shutdown()


@pytest.mark.parametrize(
    ("lang", "kind", "expected"),
    [
        ("en", "end", ["&Review the 1 end…", "&Review the 2 ends…", "&Review the 5 ends…", "&Review the 22 ends…"]),
        ("pl", "end", ["&Przejrzyj 1 zakończenie…", "&Przejrzyj 2 zakończenia…", "&Przejrzyj 5 zakończeń…",
                       "&Przejrzyj 22 zakończenia…"]),
        ("en", "quantity", ["&Send this 1 quantity change", "&Send these 2 quantity changes",
                            "&Send these 5 quantity changes", "&Send these 22 quantity changes"]),
        ("pl", "quantity", ["&Wyślij 1 zmianę stanu", "&Wyślij 2 zmiany stanów", "&Wyślij 5 zmian stanów",
                            "&Wyślij 22 zmiany stanów"]),
    ],
)
def test_the_brake_question_counts_what_it_held_in_words(qtbot, speak, lang, kind, expected):
    from types import SimpleNamespace

    from ui.sync.confirm_dialog import BrakeQuestion

    speak(lang)
    shown = []
    for n in (1, 2, 5, 22):
        box = BrakeQuestion("Sklep", SimpleNamespace(kind=kind, count=n, message="…"))
        qtbot.addWidget(box)
        shown.append(box.go_button.text())
    assert shown == expected
