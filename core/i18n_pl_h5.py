"""Polish for the REST adapter's sentences about commands (core/allegro/rest/marketplace.py)."""

CATALOGUE: dict[str, str | tuple[str, str, str]] = {
    "Allegro has not said yet whether it made this change; the app checks again at the next sync.":
        "Allegro jeszcze nie potwierdziło, czy wprowadziło tę zmianę; program sprawdzi to przy następnej synchronizacji.",
}
