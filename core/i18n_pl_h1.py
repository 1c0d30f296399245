"""Polish of the sync's counted sentences (n_: one, two to four, five and more)."""
from __future__ import annotations

CATALOGUE: dict[str, str | tuple[str, str, str]] = {
    "{n} change did not reach Allegro: {why}. The next sync plans it again.": (
        "{n} zmiana nie dotarła do Allegro: {why}. Następna synchronizacja zaplanuje ją ponownie.",
        "{n} zmiany nie dotarły do Allegro: {why}. Następna synchronizacja zaplanuje je ponownie.",
        "{n} zmian nie dotarło do Allegro: {why}. Następna synchronizacja zaplanuje je ponownie.",
    ),
    "{n} change did not reach Allegro. The next sync plans it again.": (
        "{n} zmiana nie dotarła do Allegro. Następna synchronizacja zaplanuje ją ponownie.",
        "{n} zmiany nie dotarły do Allegro. Następna synchronizacja zaplanuje je ponownie.",
        "{n} zmian nie dotarło do Allegro. Następna synchronizacja zaplanuje je ponownie.",
    ),
    "{n} change may or may not have reached Allegro ({why}); the next sync checks it before sending anything again.": (
        "Nie wiadomo, czy {n} zmiana dotarła do Allegro ({why}); następna synchronizacja sprawdzi ją, zanim "
        "cokolwiek wyśle ponownie.",
        "Nie wiadomo, czy {n} zmiany dotarły do Allegro ({why}); następna synchronizacja sprawdzi je, zanim "
        "cokolwiek wyśle ponownie.",
        "Nie wiadomo, czy {n} zmian dotarło do Allegro ({why}); następna synchronizacja sprawdzi je, zanim "
        "cokolwiek wyśle ponownie.",
    ),
    "Allegro did not answer {n} change in time and may still be making it; the next sync checks it before "
    "sending anything again.": (
        "Allegro nie odpowiedziało na czas w sprawie {n} zmiany i może nadal ją wprowadzać; następna synchronizacja "
        "sprawdzi ją, zanim cokolwiek wyśle ponownie.",
        "Allegro nie odpowiedziało na czas w sprawie {n} zmian i może nadal je wprowadzać; następna synchronizacja "
        "sprawdzi je, zanim cokolwiek wyśle ponownie.",
        "Allegro nie odpowiedziało na czas w sprawie {n} zmian i może nadal je wprowadzać; następna synchronizacja "
        "sprawdzi je, zanim cokolwiek wyśle ponownie.",
    ),
    "{n} relist is still being processed by Allegro.": (
        "Allegro nadal przetwarza {n} ponowne wystawienie.",
        "Allegro nadal przetwarza {n} ponowne wystawienia.",
        "Allegro nadal przetwarza {n} ponownych wystawień.",
    ),
    "{n} listing ended over 60 days ago: Allegro no longer relists it.": (
        "{n} oferta zakończyła się ponad 60 dni temu: Allegro już jej nie wystawi ponownie.",
        "{n} oferty zakończyły się ponad 60 dni temu: Allegro już ich nie wystawi ponownie.",
        "{n} ofert zakończyło się ponad 60 dni temu: Allegro już ich nie wystawi ponownie.",
    ),
    "{n} listing to end or relist waits for confirmation.": (
        "{n} oferta do zakończenia lub ponownego wystawienia czeka na potwierdzenie.",
        "{n} oferty do zakończenia lub ponownego wystawienia czekają na potwierdzenie.",
        "{n} ofert do zakończenia lub ponownego wystawienia czeka na potwierdzenie.",
    ),
    "{n} listing {why}: ": ("{n} oferta — {why}: ", "{n} oferty — {why}: ", "{n} ofert — {why}: "),
    "{n} order item is not linked to stock and holds no stock": (
        "{n} pozycja zamówienia nie jest powiązana z magazynem i nie rezerwuje towaru",
        "{n} pozycje zamówień nie są powiązane z magazynem i nie rezerwują towaru",
        "{n} pozycji zamówień nie jest powiązanych z magazynem i nie rezerwuje towaru",
    ),
    "{n} matches several stock items by title": (
        "{n} pasuje po tytule do kilku pozycji magazynowych",
        "{n} pasują po tytule do kilku pozycji magazynowych",
        "{n} pasuje po tytule do kilku pozycji magazynowych",
    ),
    "{count} order was merged by Allegro into another order; it comes in as that order.": (
        "Allegro połączyło {count} zamówienie z innym; zostanie zaimportowane jako to zamówienie.",
        "Allegro połączyło {count} zamówienia z innym; zostaną zaimportowane jako to zamówienie.",
        "Allegro połączyło {count} zamówień z innym; zostaną zaimportowane jako to zamówienie.",
    ),
    "Confirmation: sent the rest of the sync without this {total} listing.": (
        "Potwierdzenie: wysłano resztę synchronizacji bez tej {total} oferty.",
        "Potwierdzenie: wysłano resztę synchronizacji bez tych {total} ofert.",
        "Potwierdzenie: wysłano resztę synchronizacji bez tych {total} ofert.",
    ),
}

# The "(s)" sentences of the sync that the counted ones above replace: dropped from the catalogue.
REPLACES = (
    "{n} change(s) did not reach Allegro: {why}. The next sync plans them again.",
    "{n} change(s) did not reach Allegro. The next sync plans them again.",
    "{n} listing(s) ended over 60 days ago: Allegro no longer relists them.",
    "{n} listing(s) to end or relist wait for confirmation.",
    "Allegro did not answer {n} change(s) in time and may still be making them; the next sync checks them before "
    "sending anything again.",
    "{n} relist(s) are still being processed by Allegro.",
    "{n} change(s) may or may not have reached Allegro ({why}); the next sync checks them before sending anything "
    "again.",
    "{n} listing(s) {why}: ",
    "{n} order item(s) are not linked to stock and hold no stock",
    "{n} match several stock items by title",
    "{count} order(s) were merged by Allegro into another order; they come in as that order.",
    "Confirmation: sent the rest of the sync without these {total} listing(s).",
)
