"""The command line's counted sentences read right for 0, 1, 2, 5 and 22, in English and in
Polish (three forms: 1 wiersz · 2, 22 wiersze · 0, 5 wierszy)."""
from __future__ import annotations

import pytest

from core import i18n
from core.cli import stock as stock_cli
from core.cli.sync import describe_plan
from core.db import database, open_database
from core.models import Location, StockItem, StockLevel
from core.paths import app_paths
from core.stock_admin import add_location
from core.sync.plan import Plan, ProposedAction

COUNTS = (0, 1, 2, 5, 22)


@pytest.fixture(params=["en", "pl"])
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.fixture
def paths(data_dir):
    paths = app_paths(data_dir)
    db = open_database(paths.database)
    add_location("Magazyn Główny")
    db.close()
    yield paths
    database.initialize(None)


def stock_items(paths, n: int) -> None:
    db = open_database(paths.database)
    where = Location.get(name="Magazyn Główny")
    for i in range(n):
        StockLevel.create(item=StockItem.create(sku=f"S-{i:02d}", title=f"Kubek {i}"), location=where, quantity=i)
    db.close()


EXPORTED = {
    "en": {0: "Exported 0 rows to {f}.", 1: "Exported 1 row to {f}.", 2: "Exported 2 rows to {f}.",
           5: "Exported 5 rows to {f}.", 22: "Exported 22 rows to {f}."},
    "pl": {0: "Wyeksportowano 0 wierszy do pliku {f}.", 1: "Wyeksportowano 1 wiersz do pliku {f}.",
           2: "Wyeksportowano 2 wiersze do pliku {f}.", 5: "Wyeksportowano 5 wierszy do pliku {f}.",
           22: "Wyeksportowano 22 wiersze do pliku {f}."},
}


@pytest.mark.parametrize("n", COUNTS)
def test_stock_export_counts_its_rows_in_the_right_form(paths, tmp_path, capsys, language, n):
    stock_items(paths, n)
    out = tmp_path / "stan.csv"
    assert stock_cli.main(["export", str(out)], paths) == 0
    assert capsys.readouterr().out.strip() == EXPORTED[language][n].format(f=out)


IMPORTED = {
    "en": {
        1: "Imported 1 row from {f}: 1 new item, 1 stock level changed.",
        2: "Imported 2 rows from {f}: 2 new items, 2 stock levels changed.",
        5: "Imported 5 rows from {f}: 5 new items, 5 stock levels changed.",
        22: "Imported 22 rows from {f}: 22 new items, 22 stock levels changed.",
        "again 22": "Imported 22 rows from {f}: 0 new items, 0 stock levels changed.",
    },
    "pl": {
        1: "Zaimportowano z pliku {f}: 1 wiersz, 1 nowa pozycja, 1 zmieniony stan.",
        2: "Zaimportowano z pliku {f}: 2 wiersze, 2 nowe pozycje, 2 zmienione stany.",
        5: "Zaimportowano z pliku {f}: 5 wierszy, 5 nowych pozycji, 5 zmienionych stanów.",
        22: "Zaimportowano z pliku {f}: 22 wiersze, 22 nowe pozycje, 22 zmienione stany.",
        "again 22": "Zaimportowano z pliku {f}: 22 wiersze, 0 nowych pozycji, 0 zmienionych stanów.",
    },
}


@pytest.mark.parametrize("n", [1, 2, 5, 22])
def test_stock_import_counts_rows_new_items_and_levels_in_the_right_form(paths, tmp_path, capsys, language, n):
    file = tmp_path / "stan.csv"
    file.write_text("sku,title,quantity\n" + "".join(f"N-{i},Nowy {i},{i + 1}\n" for i in range(n)), encoding="utf-8")
    assert stock_cli.main(["import", str(file)], paths) == 0
    assert capsys.readouterr().out.strip() == IMPORTED[language][n].format(f=file)
    if n == 22:  # the same file again: nothing new, nothing changed (0)
        assert stock_cli.main(["import", str(file)], paths) == 0
        assert capsys.readouterr().out.strip() == IMPORTED[language]["again 22"].format(f=file)


def end(i: int) -> ProposedAction:
    return ProposedAction(
        action_id=i, kind="end", listing_id=i, offer_id=7100000000 + i, title=f"Kubek {i}", format="buy_now",
        bids=0, stock_item_id=None, sku="", stock_title="", reason="Available 0", available=0,
    )


PLANNED = {
    "en": {
        0: ["Sklep: plan: nothing to send."],
        1: ["Sklep: plan: 1 quantity change, 1 listing to end.",
            "Sklep: 1 listing to end or relist waits for confirmation; run with --yes to apply it."],
        2: ["Sklep: plan: 2 quantity changes, 2 listings to end.",
            "Sklep: 2 listings to end or relist wait for confirmation; run with --yes to apply them."],
        5: ["Sklep: plan: 5 quantity changes, 5 listings to end.",
            "Sklep: 5 listings to end or relist wait for confirmation; run with --yes to apply them."],
        22: ["Sklep: plan: 22 quantity changes, 22 listings to end.",
             "Sklep: 22 listings to end or relist wait for confirmation; run with --yes to apply them."],
    },
    "pl": {
        0: ["Sklep: plan: nic do wysłania."],
        1: ["Sklep: plan: 1 zmiana stanu, 1 oferta do zakończenia.",
            "Sklep: 1 oferta do zakończenia lub ponownego wystawienia czeka na potwierdzenie; "
            "uruchom z --yes, aby ją wysłać."],
        2: ["Sklep: plan: 2 zmiany stanów, 2 oferty do zakończenia.",
            "Sklep: 2 oferty do zakończenia lub ponownego wystawienia czekają na potwierdzenie; "
            "uruchom z --yes, aby je wysłać."],
        5: ["Sklep: plan: 5 zmian stanów, 5 ofert do zakończenia.",
            "Sklep: 5 ofert do zakończenia lub ponownego wystawienia czeka na potwierdzenie; "
            "uruchom z --yes, aby je wysłać."],
        22: ["Sklep: plan: 22 zmiany stanów, 22 oferty do zakończenia.",
             "Sklep: 22 oferty do zakończenia lub ponownego wystawienia czekają na potwierdzenie; "
             "uruchom z --yes, aby je wysłać."],
    },
}


@pytest.mark.parametrize("n", COUNTS)
def test_the_sync_plan_counts_changes_and_waiting_listings_in_the_right_form(language, n):
    plan = Plan(channel_id=1, channel_name="Sklep", run_id=1, ends=[end(i) for i in range(n)], quantity_changes=n)
    said = [line for line in describe_plan(plan, approve=False) if not line.startswith("  ")]
    assert said == PLANNED[language][n]
