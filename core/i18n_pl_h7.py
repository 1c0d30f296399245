"""Polish of the command line's counted sentences (core/cli), with Polish's three plural
forms: 1 · 2–4, 22–24, … · 0, 5–21, 25–31, ….

Merged into core/i18n_pl.py's CATALOGUE; RETIRED names the hand-made "(s)" sentences these
replace, which the catalogue drops.
"""

CATALOGUE = {
    # main.py listings list
    "{n} listing.": ("{n} oferta.", "{n} oferty.", "{n} ofert."),
    # main.py sync: the plan
    "{n} quantity change": ("{n} zmiana stanu", "{n} zmiany stanów", "{n} zmian stanów"),
    "{n} tracking number to send": (
        "{n} numer przesyłki do wysłania",
        "{n} numery przesyłek do wysłania",
        "{n} numerów przesyłek do wysłania",
    ),
    "{n} listing to end": ("{n} oferta do zakończenia", "{n} oferty do zakończenia", "{n} ofert do zakończenia"),
    "{n} listing to relist": (
        "{n} oferta do ponownego wystawienia",
        "{n} oferty do ponownego wystawienia",
        "{n} ofert do ponownego wystawienia",
    ),
    "{n} listing to end or relist waits for confirmation; run with --yes to apply it.": (
        "{n} oferta do zakończenia lub ponownego wystawienia czeka na potwierdzenie; uruchom z --yes, aby ją wysłać.",
        "{n} oferty do zakończenia lub ponownego wystawienia czekają na potwierdzenie; uruchom z --yes, aby je wysłać.",
        "{n} ofert do zakończenia lub ponownego wystawienia czeka na potwierdzenie; uruchom z --yes, aby je wysłać.",
    ),
    # main.py stock import / export
    "Imported {rows} from {file}: {new}, {changed}.": "Zaimportowano z pliku {file}: {rows}, {new}, {changed}.",
    "{n} stock level changed": ("{n} zmieniony stan", "{n} zmienione stany", "{n} zmienionych stanów"),
    "Exported {n} row to {file}.": (
        "Wyeksportowano {n} wiersz do pliku {file}.",
        "Wyeksportowano {n} wiersze do pliku {file}.",
        "Wyeksportowano {n} wierszy do pliku {file}.",
    ),
    # main.py location remove
    "{channels} takes stock from {location}: after deleting it, choose another location with "
    "main.py channel set NAME --location OTHER.": (
        "Kanał {channels} bierze stany z lokalizacji {location}: po jej usunięciu wybierz inną poleceniem "
        "main.py channel set NAZWA --location INNA.",
        "Kanały {channels} biorą stany z lokalizacji {location}: po jej usunięciu wybierz inną poleceniem "
        "main.py channel set NAZWA --location INNA.",
        "Kanały {channels} biorą stany z lokalizacji {location}: po jej usunięciu wybierz inną poleceniem "
        "main.py channel set NAZWA --location INNA.",
    ),
    # main.py orders ship
    "{n} linked item is taken off stock at {location}.": (
        "{n} powiązana sztuka zostanie zdjęta ze stanu w lokalizacji {location}.",
        "{n} powiązane sztuki zostaną zdjęte ze stanu w lokalizacji {location}.",
        "{n} powiązanych sztuk zostanie zdjętych ze stanu w lokalizacji {location}.",
    ),
    # main.py listings auto-link
    "{n} listing is ambiguous, not linked: its title matches several stock items.": (
        "{n} oferta niejednoznaczna, niepowiązana: jej tytuł pasuje do kilku towarów.",
        "{n} oferty niejednoznaczne, niepowiązane: ich tytuły pasują do kilku towarów.",
        "{n} ofert niejednoznacznych, niepowiązanych: ich tytuły pasują do kilku towarów.",
    ),
    "{n} listing has no stock item with the same title:": (
        "{n} oferta nie ma towaru o tym samym tytule:",
        "{n} oferty nie mają towaru o tym samym tytule:",
        "{n} ofert nie ma towaru o tym samym tytule:",
    ),
}

RETIRED = (
    "{n} listing(s).",
    "{n} quantity change(s)",
    "{n} tracking number(s) to send",
    "{n} listing(s) to end",
    "{n} listing(s) to relist",
    "{n} listing(s) to end or relist wait for confirmation; run with --yes to apply them.",
    "Imported {rows} row(s) from {file}: {new} new item(s), {changed} stock level(s) changed.",
    "Exported {n} row(s) to {file}.",
    "{channels} take(s) stock from {location}: after deleting it, choose another location with "
    "main.py channel set NAME --location OTHER.",
    "{n} linked item(s) are taken off stock at {location}.",
    "Ambiguous, not linked ({n}): the title matches several stock items.",
    "No stock item with the same title ({n}):",
)


def merge(catalogue: dict) -> None:
    """Add these sentences to `catalogue` and drop the ones they replace."""
    for english in RETIRED:
        catalogue.pop(english, None)
    catalogue.update(CATALOGUE)
