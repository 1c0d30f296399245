"""Polish for the sentences of the guards (core/sync/guards.py, buffers.py, drift.py) and
their options and commands; merged into core.i18n_pl.CATALOGUE."""
from __future__ import annotations

GUARDS: dict[str, str | tuple[str, str, str]] = {
    # --- stock buffers ---------------------------------------------------------------------
    "ends at {n} or fewer": "kończy przy {n} lub mniej",
    "keeps {n} back": "zatrzymuje {n}",
    "lists {n} %": "wystawia {n} %",
    "lists at most {n}": "wystawia najwyżej {n}",
    "buffer ({rules}): {n} to list": "bufor ({rules}): do wystawienia {n}",
    # --- oversell risk -----------------------------------------------------------------------
    "End Listings is off": "opcja Kończ oferty jest wyłączona",
    "an auction, and End Auctions is off": "licytacja, a opcja Kończ licytacje jest wyłączona",
    "an auction with bids, and End Auctions with bids is off":
        "licytacja z ofertami kupna, a opcja Kończ licytacje z ofertami kupna jest wyłączona",
    "its end was declined": "jej zakończenie odrzucono",
    "its end was held by the mass-end brake": "jej zakończenie wstrzymał hamulec masowego kończenia",
    "its end waits for confirmation": "jej zakończenie czeka na potwierdzenie",
    "Allegro refused the end: {why}": "Allegro odmówiło zakończenia: {why}",
    "the next sync proposes ending it": "następna synchronizacja zaproponuje jej zakończenie",
    "“{title}” (available {n}: {why})": "„{title}” (dostępne: {n}; {why})",
    "{n} listing is live on Allegro with nothing available to send (oversell risk): ": (
        "{n} oferta jest aktywna na Allegro, a nie ma czego wysłać (ryzyko sprzedaży bez towaru): ",
        "{n} oferty są aktywne na Allegro, a nie ma czego wysłać (ryzyko sprzedaży bez towaru): ",
        "{n} ofert jest aktywnych na Allegro, a nie ma czego wysłać (ryzyko sprzedaży bez towaru): ",
    ),
    "oversell risk": "ryzyko sprzedaży bez towaru",
    "OVERSELL RISK": "RYZYKO SPRZEDAŻY BEZ TOWARU",
    "{n} live listing has nothing available to send (OVERSELL RISK): end it, or restock it.": (
        "{n} aktywna oferta nie ma towaru do wysłania (RYZYKO SPRZEDAŻY BEZ TOWARU): zakończ ją albo uzupełnij stan.",
        "{n} aktywne oferty nie mają towaru do wysłania (RYZYKO SPRZEDAŻY BEZ TOWARU): zakończ je albo uzupełnij stan.",
        "{n} aktywnych ofert nie ma towaru do wysłania (RYZYKO SPRZEDAŻY BEZ TOWARU): zakończ je albo uzupełnij stan.",
    ),
    "{n} listing at oversell risk": (
        "{n} oferta z ryzykiem sprzedaży bez towaru",
        "{n} oferty z ryzykiem sprzedaży bez towaru",
        "{n} ofert z ryzykiem sprzedaży bez towaru",
    ),
    "Listings at oversell risk after the run": "Oferty z ryzykiem sprzedaży bez towaru po synchronizacji",
    # --- brakes ------------------------------------------------------------------------------
    "This sync would end {n} of the {live} live listings of {channel} ({share} %), more than the "
    "mass-end brake allows in one run ({limit}: {percent} % of the live listings or {count}, whichever "
    "is larger). A wrong or empty stock import looks like this, so nothing has been ended.":
        "Ta synchronizacja zakończyłaby {n} z {live} aktywnych ofert kanału {channel} ({share} %), więcej, niż "
        "hamulec masowego kończenia pozwala w jednym przebiegu ({limit}: {percent} % aktywnych ofert lub {count}, "
        "co większe). Tak wygląda błędny lub pusty import stanów, więc nic nie zostało zakończone.",
    "This sync would lower {n} of the {live} live buy-now listings of {channel} to a quantity of 1 "
    "at once, more than the brake allows in one run ({limit}: half of them or {count}, whichever is "
    "larger). A wrong or empty stock import looks like this, so those quantities have not been sent.":
        "Ta synchronizacja obniżyłaby naraz do 1 sztuki {n} z {live} aktywnych ofert Kup Teraz kanału {channel}, "
        "więcej, niż hamulec pozwala w jednym przebiegu ({limit}: połowa z nich lub {count}, co większe). Tak "
        "wygląda błędny lub pusty import stanów, więc tych stanów nie wysłano.",
    "{n} change held by a brake": (
        "{n} zmiana wstrzymana przez hamulec",
        "{n} zmiany wstrzymane przez hamulec",
        "{n} zmian wstrzymanych przez hamulec",
    ),
    "Changes held by a brake": "Zmiany wstrzymane przez hamulec",
    "Nothing held is sent; check the stock, then run main.py sync again with --allow-mass-end to send it.":
        "Nic wstrzymanego nie zostało wysłane; sprawdź stany, potem uruchom main.py sync ponownie z --allow-mass-end, "
        "aby to wysłać.",
    # --- options -----------------------------------------------------------------------------
    "The mass-end brake's share of live listings is a whole number from 1 to 100 %.":
        "Udział aktywnych ofert dla hamulca masowego kończenia to liczba całkowita od 1 do 100 %.",
    "The mass-end brake's number of listings is a whole number from 1 to 100,000.":
        "Liczba ofert dla hamulca masowego kończenia to liczba całkowita od 1 do 100 000.",
    "List at most is a whole number from 0 (no limit) to 999.":
        "Wystawiaj najwyżej to liczba całkowita od 0 (bez limitu) do 999.",
    "Keep back is a whole number from 0 to 100,000.": "Zatrzymaj to liczba całkowita od 0 do 100 000.",
    "List a share of available is a whole number from 1 to 100 %.":
        "Wystawiaj część dostępnych to liczba całkowita od 1 do 100 %.",
    "End when available is at most is a whole number from 0 to 100,000.":
        "Kończ, gdy dostępnych jest najwyżej, to liczba całkowita od 0 do 100 000.",
}

GUARDS.update(
    {
        # --- the confirmation's answer in the run's record -----------------------------------
        "Confirmation: applied the ticked ones ({n} of {total}).": "Potwierdzenie: zastosowano zaznaczone ({n} z {total}).",
        "Confirmation: sent the rest of the sync without these {total} listing(s).":
            "Potwierdzenie: wysłano resztę synchronizacji bez tych ofert (ofert: {total}).",
        "The {n} quantities the brake held were sent on your word.":
            "Stany wstrzymane przez hamulec (liczba: {n}) wysłano na Twoje polecenie.",
        "The {n} quantities the brake held were not sent.": "Stanów wstrzymanych przez hamulec (liczba: {n}) nie wysłano.",
        "Confirmation: the whole sync was cancelled.": "Potwierdzenie: anulowano całą synchronizację.",
        "Seconds spent waiting for your answer (not counted in Took)":
            "Sekundy oczekiwania na Twoją odpowiedź (nie wliczone w czas trwania)",
    }
)

GUARDS.update(
    {
        # --- changes made elsewhere (drift.py) -------------------------------------------------
        "quantity {before} → {after} changed on Allegro": "stan {before} → {after} zmieniony na Allegro",
        "title “{before}” → “{after}” changed on Allegro": "tytuł „{before}” → „{after}” zmieniony na Allegro",
        "ended on Allegro outside the app; it will not be relisted by the app":
            "zakończona na Allegro poza programem; program nie wystawi jej ponownie",
        "relisted on Allegro outside the app from offer {offer}; linked as its relist":
            "wystawiona ponownie na Allegro poza programem z oferty {offer}; powiązana jako jej ponowne wystawienie",
        "{n} listing was changed outside the app: ": (
            "{n} oferta została zmieniona poza programem: ",
            "{n} oferty zostały zmienione poza programem: ",
            "{n} ofert zostało zmienionych poza programem: ",
        ),
        "The app's quantities win and are sent again; listings ended elsewhere are not relisted.":
            "Wygrywają stany programu i są wysyłane ponownie; oferty zakończone gdzie indziej nie są wystawiane ponownie.",
        "“{title}” (offer {offer}) is new on Allegro and its title matches {n} listings waiting for relist; "
        "link it by hand on the Listings screen.":
            "„{title}” (oferta {offer}) jest nowa na Allegro, a jej tytuł pasuje do ofert czekających na ponowne "
            "wystawienie (liczba: {n}); powiąż ją ręcznie na ekranie Oferty.",
        "changed on Allegro": "zmieniona na Allegro",
        "Listings changed outside the app": "Oferty zmienione poza programem",
    }
)

GUARDS.update(
    {
        # --- honest set-up ----------------------------------------------------------------------
        "The channel {others} already connects the Allegro account {username} on this environment. A second "
        "channel on the same account reads the same listings and orders, so every listing would be counted, "
        "linked and kept in step twice.":
            "Kanał {others} już łączy konto Allegro {username} w tym środowisku. Drugi kanał na tym samym koncie "
            "czyta te same oferty i zamówienia, więc każda oferta byłaby liczona, wiązana i uzgadniana dwa razy.",
    }
)

GUARDS.update({"not sent: Submit Tracking Info is off": "niewysłany: opcja Wysyłaj numery przesyłek jest wyłączona"})

GUARDS.update(
    {
        "The channel was not added. Give --same-account to add it anyway.":
            "Kanał nie został dodany. Podaj --same-account, aby dodać go mimo to.",
    }
)
