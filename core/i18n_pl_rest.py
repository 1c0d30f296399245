"""Polish for the REST connection's sentences (core/allegro/rest/, channel add --api rest)."""

REST: dict[str, str | tuple[str, str, str]] = {
    "The connection was refused on Allegro's page.": "Połączenie odrzucono na stronie Allegro.",
    "Allegro no longer knows this code (it was used or is wrong); start again.":
        "Allegro nie zna już tego kodu (został użyty lub jest błędny); zacznij od nowa.",
    "Connecting was cancelled.": "Łączenie przerwano.",
    "The code expired before it was approved; start connecting again.":
        "Kod wygasł, zanim go zatwierdzono; zacznij łączenie od nowa.",
    "Allegro does not accept the application's Client ID and Secret; check them in Preferences.":
        "Allegro nie akceptuje Client ID i Client Secret aplikacji; sprawdź je w Preferencjach.",
    "Allegro refused the connection ({detail}).": "Allegro odmówiło połączenia ({detail}).",
}
