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
    "Open {url} and approve the application with the code {code}.":
        "Otwórz {url} i zatwierdź aplikację kodem {code}.",
    "Waiting for the approval (Ctrl+C stops)…": "Czekam na zatwierdzenie (Ctrl+C przerywa)…",
    "Stopped; the channel was not added.": "Przerwano; kanał nie został dodany.",
    "Added channel “{name}”, connected as {login}. Its login is in the system keyring.":
        "Dodano kanał „{name}”, połączony jako {login}. Jego logowanie jest w systemowym magazynie haseł.",
    "“{name}” uses the WebAPI; only REST channels connect with Allegro's approval page.":
        "„{name}” używa WebAPI; tylko kanały REST łączą się przez stronę zatwierdzenia Allegro.",
    "Stopped; the channel's connection was not changed.": "Przerwano; połączenie kanału się nie zmieniło.",
    "Reconnected “{name}” as {login}.": "Ponownie połączono „{name}” jako {login}.",
    "Allegro ({environment}) answered for the account {login}.":
        "Allegro ({environment}) odpowiedziało dla konta {login}.",
    "A WebAPI channel needs {flags}.": "Kanał WebAPI wymaga {flags}.",
}
