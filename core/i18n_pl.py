"""Polish for core's sentences (see core/i18n.py): English source -> Polish.

A counted sentence (n_) maps its English singular to the three Polish forms:
1 · 2–4, 22–24, … · 0, 5–21, 25–31, …  tests/ui/test_translations.py checks that every
marked sentence is here, with the same {placeholders}.
"""

CATALOGUE: dict[str, str | tuple[str, str, str]] = {
    # --- channels (core/channels.py, core/secrets.py) -------------------------------------
    "Enter a SubSource: the name this channel appears as, for example MyAllegroChannel.":
        "Wpisz nazwę kanału, pod którą będzie widoczny, np. MojKanalAllegro.",
    "Enter the username of your Allegro account.": "Wpisz login swojego konta Allegro.",
    "Enter the password of your Allegro account.": "Wpisz hasło swojego konta Allegro.",
    "Enter the WebAPI key from My Allegro → WebAPI.": "Wpisz klucz WebAPI z Moje Allegro → WebAPI.",
    "Enter the Api Key Version, a whole number such as 1505.": "Wpisz wersję klucza, liczbę całkowitą, np. 1505.",
    "Choose the Default Currency from the list of ISO 4217 currencies, such as PLN.":
        "Wybierz domyślną walutę z listy walut ISO 4217, np. PLN.",
    "Enter the date to fetch orders from.": "Wpisz datę, od której mają być pobierane zamówienia.",
    "Enter the WebAPI address, for example http://127.0.0.1:8080/service.php.":
        "Wpisz adres WebAPI, np. http://127.0.0.1:8080/service.php.",
    "The SubSource can be at most 100 characters long.": "Nazwa kanału może mieć najwyżej 100 znaków.",
    "The username must be 1–16 characters without spaces, or an e-mail address.":
        "Login musi mieć 1–16 znaków bez spacji albo być adresem e-mail.",
    "The WebAPI key is a single word of at most 100 characters; check what was pasted.":
        "Klucz WebAPI to jedno słowo o długości najwyżej 100 znaków; sprawdź, co zostało wklejone.",
    "The Api Key Version must be a whole number, such as 1505.": "Wersja klucza musi być liczbą całkowitą, np. 1505.",
    "Choose the location to take stock from, or untick Inventory Update From Location.":
        "Wybierz lokalizację, z której brać stany, albo odznacz Stany z jednej lokalizacji.",
    "Sync Orders From cannot be in the future.": "Data „Pobieraj zamówienia od” nie może być w przyszłości.",
    "Choose a Relist Listing Duration from the list.": "Wybierz z listy czas trwania ponownej oferty.",
    "The Relist Listing Delay can be from 0 minutes up to 30 days.":
        "Opóźnienie ponownej oferty może wynosić od 0 minut do 30 dni.",
    "There is no channel called “{name}”.": "Nie ma kanału o nazwie „{name}”.",
    "That location no longer exists. Choose another one.": "Ta lokalizacja już nie istnieje. Wybierz inną.",
    "Another channel is already called “{name}”. Choose a different SubSource.":
        "Inny kanał już nazywa się „{name}”. Wybierz inną nazwę.",
    "No password keyring is available on this computer, so the channel was not saved. Install or unlock a keyring "
    "(GNOME Keyring, KWallet, Windows Credential Manager or the macOS Keychain) and try again.":
        "Na tym komputerze nie ma dostępnego magazynu haseł, więc kanał nie został zapisany. Zainstaluj lub odblokuj "
        "magazyn haseł (GNOME Keyring, KWallet, Menedżer poświadczeń Windows lub pęk kluczy macOS) i spróbuj ponownie.",
    "The password keyring is locked. Unlock it and try again; nothing was saved.":
        "Magazyn haseł jest zablokowany. Odblokuj go i spróbuj ponownie; nic nie zostało zapisane.",
    "The password keyring did not keep the password, so the channel was not saved.":
        "Magazyn haseł nie zachował hasła, więc kanał nie został zapisany.",
    # --- command line: channel ------------------------------------------------------------
    "Allegro password: ": "Hasło do Allegro: ",
    "The channel was not added.": "Kanał nie został dodany.",
    "No channels yet. Add one with: main.py channel add --help": "Nie ma jeszcze kanałów. Dodaj kanał poleceniem: main.py channel add --help",
    "SubSource": "Nazwa kanału",
    "Username": "Login",
    "Environment": "Środowisko",
    "Enabled": "Włączony",
    "Inventory Sync": "Synchronizacja stanów",
    "Last sync": "Ostatnia synchronizacja",
    "Outcome": "Wynik",
    "Added channel “{name}”. Its password is in the system keyring.": "Dodano kanał „{name}”. Jego hasło jest w systemowym magazynie haseł.",
    "Allegro at {url} accepted Api Key Version {version} and the login of {username}.":
        "Allegro pod adresem {url} zaakceptowało wersję klucza {version} i logowanie użytkownika {username}.",
    "The channel was not removed.": "Kanał nie został usunięty.",
    "Removed channel “{name}” and its password.": "Usunięto kanał „{name}” i jego hasło.",
    "Sandbox": "Sandbox",
    "yes": "tak",
    "no": "nie",
    "never": "nigdy",
    "The keyring has no password for “{name}”. Add the channel again or type it in the app.":
        "W magazynie haseł nie ma hasła do kanału „{name}”. Dodaj kanał ponownie albo wpisz hasło w programie.",
    "Production ({url})": "Produkcja ({url})",
    "Stored Api Key Version {version}.": "Zapisano wersję klucza {version}.",
    "Run again with --accept-version to store {version}.": "Uruchom ponownie z --accept-version, aby zapisać wersję {version}.",
    # --- command line: listings -----------------------------------------------------------
    "OFFER ID": "NR OFERTY",
    "CHANNEL": "KANAŁ",
    "STATUS": "STATUS",
    "FORMAT": "FORMAT",
    "QTY": "SZT.",
    "SKU": "SKU",
    "TITLE": "TYTUŁ",
    "Would link offer {offer} “{title}” to {sku}.": "Oferta {offer} „{title}” zostałaby powiązana z {sku}.",
    "Linked offer {offer} “{title}” to {sku}.": "Powiązano ofertę {offer} „{title}” z {sku}.",
    "{linked} to link, {ambiguous} ambiguous, {unmatched} without a match.":
        "Do powiązania: {linked}; niejednoznaczne: {ambiguous}; bez dopasowania: {unmatched}.",
    "{linked} linked, {ambiguous} ambiguous, {unmatched} without a match.":
        "Powiązane: {linked}; niejednoznaczne: {ambiguous}; bez dopasowania: {unmatched}.",
    "{n} listing(s).": ("{n} oferta.", "{n} oferty.", "{n} ofert."),
    "Unlinked offer {offer} “{title}”.": "Odłączono ofertę {offer} „{title}”.",
    "Struck off offer {offer} “{title}”: it will not be relisted.": "Wykreślono ofertę {offer} „{title}”: nie będzie wystawiana ponownie.",
    "Reinstated offer {offer} “{title}”: {status}.": "Przywrócono ofertę {offer} „{title}”: {status}.",
    "{text} is not an offer id (a whole number such as 7100000001).": "{text} nie jest numerem oferty (liczbą całkowitą, np. 7100000001).",
    "Ambiguous, not linked ({n}): the title matches several stock items.":
        "Niejednoznaczne, niepowiązane ({n}): tytuł pasuje do kilku pozycji magazynowych.",
    "No stock item with the same title ({n}):": "Brak pozycji magazynowej o takim samym tytule ({n}):",
    "There is no channel called {name}.": "Nie ma kanału o nazwie {name}.",
    "offer {offer} “{title}”": "oferta {offer} „{title}”",
    # --- command line: stock --------------------------------------------------------------
    "Nothing was changed (--check).": "Nic nie zmieniono (--check).",
    "Imported {rows} row(s) from {file}: {new} new item(s), {changed} stock level(s) changed.":
        "Zaimportowano wiersze z pliku {file}: {rows}; nowe pozycje: {new}; zmienione stany: {changed}.",
    "Exported {n} row(s) to {file}.": "Wyeksportowano wiersze do pliku {file}: {n}.",
    "{file} cannot be written: {why}.": "Nie można zapisać pliku {file}: {why}.",
    "… and {n} more.": "… i jeszcze {n}.",
    "line {line}": "wiersz {line}",
    # --- command line: sync ---------------------------------------------------------------
    "{n} order imported": ("{n} zamówienie pobrane", "{n} zamówienia pobrane", "{n} zamówień pobranych"),
    "{n} order updated": ("{n} zamówienie zaktualizowane", "{n} zamówienia zaktualizowane", "{n} zamówień zaktualizowanych"),
    "{n} order cancelled by the buyer": (
        "{n} zamówienie anulowane przez kupującego",
        "{n} zamówienia anulowane przez kupujących",
        "{n} zamówień anulowanych przez kupujących",
    ),
    "{n} quantity changed": ("{n} stan zmieniony", "{n} stany zmienione", "{n} stanów zmienionych"),
    "{n} listing ended": ("{n} oferta zakończona", "{n} oferty zakończone", "{n} ofert zakończonych"),
    "{n} listing relisted": ("{n} oferta wystawiona ponownie", "{n} oferty wystawione ponownie", "{n} ofert wystawionych ponownie"),
    "{n} listing past the 60-day relist window": (
        "{n} oferta po 60-dniowym terminie ponownego wystawienia",
        "{n} oferty po 60-dniowym terminie ponownego wystawienia",
        "{n} ofert po 60-dniowym terminie ponownego wystawienia",
    ),
    "{n} tracking number accepted": ("{n} numer przesyłki przyjęty", "{n} numery przesyłek przyjęte", "{n} numerów przesyłek przyjętych"),
    "{n} tracking number rejected": ("{n} numer przesyłki odrzucony", "{n} numery przesyłek odrzucone", "{n} numerów przesyłek odrzuconych"),
    "{n} unfinished change found done on Allegro": (
        "{n} niedokończona zmiana okazała się wykonana na Allegro",
        "{n} niedokończone zmiany okazały się wykonane na Allegro",
        "{n} niedokończonych zmian okazało się wykonanych na Allegro",
    ),
    "End": "Zakończ",
    "Relist": "Wystaw ponownie",
    "done": "gotowe",
    "done with problems": "gotowe, z problemami",
    "failed": "nieudane",
    "cancelled": "anulowane",
    "syncing…": "synchronizacja…",
    "until sold out": "do wyczerpania zapasów",
    "No enabled channel to sync.": "Brak włączonego kanału do synchronizacji.",
    "applying…": "wysyłanie zmian…",
    "none": "brak",
    "cancelled.": "anulowano.",
    "{n} quantity change(s)": ("{n} zmiana stanu", "{n} zmiany stanów", "{n} zmian stanów"),
    "{n} tracking number(s) to send": ("{n} numer przesyłki do wysłania", "{n} numery przesyłek do wysłania", "{n} numerów przesyłek do wysłania"),
    "{n} listing(s) to end": ("{n} oferta do zakończenia", "{n} oferty do zakończenia", "{n} ofert do zakończenia"),
    "{n} listing(s) to relist": ("{n} oferta do ponownego wystawienia", "{n} oferty do ponownego wystawienia", "{n} ofert do ponownego wystawienia"),
    "plan: ": "plan: ",
    "nothing to send": "nic do wysłania",
    "{n} day": ("{n} dzień", "{n} dni", "{n} dni"),
    "Problem: {problem}": "Problem: {problem}",
    "disabled, skipped.": "wyłączony, pominięty.",
    "starts {time} UTC": "start {time} UTC",
    "{n} listing(s) to end or relist wait for confirmation; run with --yes to apply them.": (
        "{n} oferta do zakończenia lub ponownego wystawienia czeka na potwierdzenie; uruchom z --yes, aby ją wysłać.",
        "{n} oferty do zakończenia lub ponownego wystawienia czekają na potwierdzenie; uruchom z --yes, aby je wysłać.",
        "{n} ofert do zakończenia lub ponownego wystawienia czeka na potwierdzenie; uruchom z --yes, aby je wysłać.",
    ),
    "Note: {note}": "Uwaga: {note}",
    "There is no channel {name}. Channels: {names}.": "Nie ma kanału {name}. Kanały: {names}.",
    "the sync stopped: {why}": "synchronizacja przerwana: {why}",
    "Interrupted.": "Przerwano.",
    "The {command} command failed unexpectedly. Details are in {log}.": "Polecenie {command} nieoczekiwanie się nie powiodło. Szczegóły są w pliku {log}.",
    # --- the database (core/db.py) --------------------------------------------------------
    "Use a PostgreSQL address such as postgresql://user@server:5432/shop (or sqlite:///path/to/file).":
        "Użyj adresu PostgreSQL, np. postgresql://user@server:5432/shop (albo sqlite:///ścieżka/do/pliku).",
    "Leave the password out of the address: Preferences are not a safe place for it. Put it in PostgreSQL's password "
    "file (pgpass.conf / .pgpass) instead.":
        "Nie wpisuj hasła do adresu: Preferencje nie są dla niego bezpiecznym miejscem. Zapisz je w pliku haseł "
        "PostgreSQL (pgpass.conf / .pgpass).",
    "Add the server's name: postgresql://user@server:5432/shop.": "Dodaj nazwę serwera: postgresql://user@server:5432/shop.",
    "Add the database's name at the end: postgresql://user@server:5432/shop.": "Dodaj na końcu nazwę bazy: postgresql://user@server:5432/shop.",
    "The database at {where} cannot be opened ({why}).": "Nie można otworzyć bazy danych {where} ({why}).",
    "That database address cannot be read. Write it like postgresql://user@server:5432/shop.":
        "Nie można odczytać tego adresu bazy. Zapisz go tak: postgresql://user@server:5432/shop.",
    "Add the database file's path: sqlite:///path/to/shop.sqlite3.": "Dodaj ścieżkę pliku bazy: sqlite:///ścieżka/do/shop.sqlite3.",
    "The database server at {where} refused the login ({why}). Check the user name and the password in PostgreSQL's "
    "password file (pgpass).":
        "Serwer bazy danych {where} odrzucił logowanie ({why}). Sprawdź nazwę użytkownika i hasło w pliku haseł "
        "PostgreSQL (pgpass).",
    "The database server at {where} has no such database or user ({why}).": "Serwer bazy danych {where} nie ma takiej bazy lub użytkownika ({why}).",
    "The database server at {where} cannot be reached ({why}). Check the address, that the server is running and that "
    "the network lets this computer in.":
        "Nie można połączyć się z serwerem bazy danych {where} ({why}). Sprawdź adres, czy serwer działa i czy sieć "
        "wpuszcza ten komputer.",
    "The database file {path} cannot be opened for writing. Check that the folder is writable.":
        "Nie można otworzyć pliku bazy {path} do zapisu. Sprawdź, czy folder pozwala na zapis.",
    "Mass-end brake: share of live listings": "Hamulec masowego kończenia: udział aktywnych ofert",
    "Mass-end brake: or number of listings": "Hamulec masowego kończenia: lub liczba ofert",
    "List at most": "Wystawiaj najwyżej",
    "Keep back": "Zatrzymaj",
    "List a share of available": "Wystawiaj część dostępnych",
    "End when available is at most": "Kończ, gdy dostępnych jest najwyżej",
    "The built-in Sandbox is not part of this build of the app.":
        "Wbudowany Sandbox nie jest częścią tej wersji aplikacji.",
    "The database file {path} is locked by another program.": "Plik bazy {path} jest zablokowany przez inny program.",
    "The database has tables but no schema version; it is not this app's database.":
        "Baza ma tabele, ale nie ma wersji schematu; to nie jest baza tego programu.",
    "The database was written by a newer version of the app (schema {current}, this app knows {known}). Update the "
    "app; the database has been left untouched.":
        "Bazę zapisała nowsza wersja programu (schemat {current}, ten program zna {known}). Zaktualizuj program; baza "
        "pozostała nietknięta.",
    "The shared database cannot be used: {why}.": "Nie można użyć wspólnej bazy danych: {why}.",
    # --- the data folder and its files (core/paths.py, core/db.py) ----------------------------
    "The database file {path} is damaged ({why}). It has been left untouched; the newest good backup is {backup}: "
    "close the app, move the damaged file away and copy the backup in its place.":
        "Plik bazy {path} jest uszkodzony ({why}). Pozostał nietknięty; najnowsza dobra kopia zapasowa to {backup}: "
        "zamknij program, przenieś uszkodzony plik w inne miejsce i skopiuj kopię na jego miejsce.",
    "The database file {path} is damaged ({why}). It has been left untouched; there is no good backup in {folder}.":
        "Plik bazy {path} jest uszkodzony ({why}). Pozostał nietknięty; w folderze {folder} nie ma dobrej kopii zapasowej.",
    "The newest good backup is {backup}.": "Najnowsza dobra kopia zapasowa to {backup}.",
    "The database file {path} cannot be opened ({why}). It has been left untouched.":
        "Nie można otworzyć pliku bazy {path} ({why}). Pozostał nietknięty.",
    "The disk holding {path} is full. Free some space and start again; nothing was changed.":
        "Dysk z {path} jest pełny. Zwolnij miejsce i uruchom ponownie; nic nie zostało zmienione.",
    "{path} is on a read-only disk. Use a writable folder or remount the disk writable.":
        "{path} leży na dysku tylko do odczytu. Użyj folderu z prawem zapisu albo zamontuj dysk do zapisu.",
    "The disk holding {path} failed to read or write it ({why}). Check the disk; the file has been left untouched.":
        "Dysk z {path} nie zdołał go odczytać ani zapisać ({why}). Sprawdź dysk; plik pozostał nietknięty.",
    "The folder for the database does not exist: {path}": "Folder na bazę danych nie istnieje: {path}",
    "The folder for the database, {path}, is a file, not a folder.": "Folder na bazę danych, {path}, jest plikiem, a nie folderem.",
    "The folder for the database, {path}, cannot be a folder: part of its path is a file.":
        "Folder na bazę danych, {path}, nie może być folderem: część jego ścieżki jest plikiem.",
    "The database {path} is not a regular file (it is a folder, a device or a pipe). It has been left untouched; move "
    "it away or choose another data folder.":
        "Baza {path} nie jest zwykłym plikiem (to folder, urządzenie albo potok). Pozostała nietknięta; przenieś ją "
        "w inne miejsce albo wybierz inny folder danych.",
    "The file {path} is an SQLite database of another program, not this app's (it has no {table} table). It has been "
    "left untouched; move it away or choose another data folder.":
        "Plik {path} jest bazą SQLite innego programu, nie tego (nie ma tabeli {table}). Pozostał nietknięty; przenieś "
        "go w inne miejsce albo wybierz inny folder danych.",
    "The file {path} is not a database of this app (it is not an SQLite database). It has been left untouched; move it "
    "away or choose another data folder.":
        "Plik {path} nie jest bazą danych tego programu (nie jest bazą SQLite). Pozostał nietknięty; przenieś go w inne "
        "miejsce albo wybierz inny folder danych.",
    "The backup before upgrading the database could not be made in {folder} ({why}). Nothing was changed.":
        "Nie udało się zrobić kopii zapasowej przed aktualizacją bazy w {folder} ({why}). Nic nie zostało zmienione.",
    "{path} cannot be used: {why}.": "Nie można użyć {path}: {why}.",
    "You may not write {path} (permission denied). Use a folder of your own or ask for the right to write it.":
        "Nie masz prawa zapisu do {path} (brak uprawnień). Użyj własnego folderu albo poproś o prawo zapisu.",
    "{path} cannot be a folder ({why}). Choose a folder in your home folder with --data-dir or ACM_DATA_DIR.":
        "{path} nie może być folderem ({why}). Wybierz folder w swoim folderze domowym przez --data-dir lub ACM_DATA_DIR.",
    "{path} is a folder, not a regular file.": "{path} jest folderem, a nie zwykłym plikiem.",
    "The data folder {path} is a file, not a folder. Choose a folder with --data-dir or ACM_DATA_DIR.":
        "Folder danych {path} jest plikiem, a nie folderem. Wybierz folder przez --data-dir lub ACM_DATA_DIR.",
    "{file} is not a regular file (it is a folder, a device or a pipe); choose a CSV file.":
        "{file} nie jest zwykłym plikiem (to folder, urządzenie albo potok); wybierz plik CSV.",
    "{file} is a folder, not a file.": "{file} jest folderem, a nie plikiem.",
    "The database address cannot be used: {why}": "Nie można użyć tego adresu bazy danych: {why}",
    "This build of the app cannot talk to that kind of database ({why}).": "Ta wersja programu nie obsługuje tego rodzaju bazy danych ({why}).",
    "The log file {path} cannot be written ({why}); nothing is logged to it.":
        "Nie można zapisywać do pliku logu {path} ({why}); nic nie będzie w nim zapisywane.",
    # --- the demo shop --------------------------------------------------------------------
    "Starting the Sandbox": "Uruchamianie Sandboksa",
    "Saving the demo channel": "Zapisywanie kanału demonstracyjnego",
    "Testing the connection": "Testowanie połączenia",
    "Filling the stock": "Uzupełnianie magazynu",
    "Reading the demo shop's listings": "Wczytywanie ofert sklepu demonstracyjnego",
    # --- listings -------------------------------------------------------------------------
    "This offer was relisted under a new id; link the new listing instead.":
        "Ta oferta została wystawiona ponownie pod nowym numerem; powiąż zamiast niej nową ofertę.",
    "Only a listing waiting for relist can be struck off.": "Wykreślić można tylko ofertę czekającą na ponowne wystawienie.",
    "Only a struck-off listing can be reinstated.": "Przywrócić można tylko wykreśloną ofertę.",
    "Pending relist": "Do wystawienia",
    "Pending relist (window closed)": "Do wystawienia (po terminie)",
    "Pending relist ({n} day left)": ("Do wystawienia ({n} dzień)", "Do wystawienia ({n} dni)", "Do wystawienia ({n} dni)"),
    "Live": "Aktywna",
    "Ended": "Zakończona",
    "Struck off": "Wykreślona",
    "Expired": "Wygasła",
    "Relisted (history)": "Wystawiona ponownie (historia)",
    "Scheduled": "Zaplanowana",
    "There is no listing with offer id {offer}.": "Nie ma oferty o numerze {offer}.",
    "Offer id {offer} is in several channels ({names}); say which with --channel.":
        "Oferta o numerze {offer} jest w kilku kanałach ({names}); wskaż kanał opcją --channel.",
    "There is no stock item with SKU {sku}.": "Nie ma pozycji magazynowej o SKU {sku}.",
    "Exact title: {sku}": "Ten sam tytuł: {sku}",
    "Ambiguous: {n} items ({skus})": "Niejednoznaczne: pozycje ({n}): {skus}",
    "There is no listing with offer id {offer} in channel {channel}.": "W kanale {channel} nie ma oferty o numerze {offer}.",
    "Buy now": "Kup Teraz",
    "Auction": "Licytacja",
    # --- orders ---------------------------------------------------------------------------
    "Open": "Otwarte",
    "Shipped": "Wysłane",
    "Cancelled": "Anulowane",
    "waiting for the next sync": "czeka na następną synchronizację",
    "being sent": "w trakcie wysyłania",
    "accepted by Allegro": "przyjęty przez Allegro",
    "rejected by Allegro": "odrzucony przez Allegro",
    "not sent: wrong format": "niewysłany: zły format",
    "online payment": "płatność online",
    "Main warehouse": "Magazyn główny",
    # Allegro's own payment statuses (they arrive in Polish)
    "Started": "Rozpoczęta",
    "Paid": "Zakończona",
    "Payment cancelled": "Anulowana",
    "Rejected": "Odrzucona",
    "Withdrawn": "Wycofana",
    "Cash on delivery": "Płatność przy odbiorze",
    "instalments": "raty",
    "cash on delivery": "za pobraniem",
    "bank transfer": "przelew",
    "via listing": "przez ofertę",
    "by title": "po tytule",
    "by hand": "ręcznie",
    "Unlinked": "Niepowiązana",
    "Ambiguous title": "Niejednoznaczny tytuł",
    "This order is already shipped.": "To zamówienie jest już wysłane.",
    "This order was cancelled by the buyer; it cannot be shipped.": "Kupujący anulował to zamówienie; nie można go wysłać.",
    "This order changed meanwhile; look at it again.": "To zamówienie zmieniło się w międzyczasie; sprawdź je ponownie.",
    # --- stock ----------------------------------------------------------------------------
    "Enter a SKU.": "Wpisz SKU.",
    "Enter a title.": "Wpisz tytuł.",
    "A barcode can be at most {n} characters.": "Kod kreskowy może mieć najwyżej {n} znaków.",
    "Enter a location name.": "Wpisz nazwę lokalizacji.",
    "A SKU can be at most {n} characters.": "SKU może mieć najwyżej {n} znaków.",
    "A title can be at most {n} characters.": "Tytuł może mieć najwyżej {n} znaków.",
    "The quantity at {location} must be between 0 and {n}.": "Ilość w lokalizacji {location} musi wynosić od 0 do {n}.",
    "{location} still holds stock of {n} item. Set its quantity to 0 before deleting the location.": (
        "W lokalizacji {location} nadal jest towar {n} pozycji. Ustaw jej ilość na 0, zanim usuniesz lokalizację.",
        "W lokalizacji {location} nadal jest towar {n} pozycji. Ustaw ich ilości na 0, zanim usuniesz lokalizację.",
        "W lokalizacji {location} nadal jest towar {n} pozycji. Ustaw ich ilości na 0, zanim usuniesz lokalizację.",
    ),
    "SKU {sku} is already used by “{title}”.": "SKU {sku} ma już pozycja „{title}”.",
    "A location name can be at most {n} characters.": "Nazwa lokalizacji może mieć najwyżej {n} znaków.",
    "There is already a location called {name}.": "Lokalizacja o nazwie {name} już istnieje.",
    # --- CSV import (core/stock_csv.py) ---------------------------------------------------
    "Cancelled; nothing was changed.": "Anulowano; nic nie zmieniono.",
    "Checking rows": "Sprawdzanie wierszy",
    "Writing rows": "Zapisywanie wierszy",
    "The file has no rows to import.": "Plik nie ma wierszy do zaimportowania.",
    "quantity missing": "brak ilości",
    "{rows}: {new}, {changed}, {same}.": "{rows}: {new}, {changed}, {same}.",
    "{n} row": ("{n} wiersz", "{n} wiersze", "{n} wierszy"),
    "{n} new item": ("{n} nowa pozycja", "{n} nowe pozycje", "{n} nowych pozycji"),
    "{n} stock level to change": ("{n} stan do zmiany", "{n} stany do zmiany", "{n} stanów do zmiany"),
    "{n} unchanged": ("{n} bez zmian", "{n} bez zmian", "{n} bez zmian"),
    "missing SKU": "brak SKU",
    "Adding new items": "Dodawanie nowych pozycji",
    "Setting stock levels": "Ustawianie stanów",
    "{bad} invalid row of {total}; nothing will be imported until it is fixed.": (
        "{bad} błędny wiersz z {total}; nic nie zostanie zaimportowane, dopóki nie zostanie poprawiony.",
        "{bad} błędne wiersze z {total}; nic nie zostanie zaimportowane, dopóki nie zostaną poprawione.",
        "{bad} błędnych wierszy z {total}; nic nie zostanie zaimportowane, dopóki nie zostaną poprawione.",
    ),
    "Line {line} of {file} contains a NUL byte; this is not a text CSV file.":
        "Wiersz {line} pliku {file} zawiera bajt NUL; to nie jest tekstowy plik CSV.",
    "quantity “{text}” is not a number": "ilość „{text}” nie jest liczbą",
    "negative quantity {n}": "ujemna ilość {n}",
    "quantity {n} is too large": "ilość {n} jest za duża",
    "{file} is empty.": "Plik {file} jest pusty.",
    "{file} has no {columns} column. The first line must name the columns: {all}.":
        "Plik {file} nie ma kolumny {columns}. Pierwszy wiersz musi zawierać nazwy kolumn: {all}.",
    "There is no location called {name}.": "Nie ma lokalizacji o nazwie {name}.",
    "a cell is far too long": "komórka jest o wiele za długa",
    "no location given and there is no default location": "nie podano lokalizacji, a nie ma lokalizacji domyślnej",
    "{n} row is invalid; fix it and import the file again.": (
        "{n} wiersz jest błędny; popraw go i zaimportuj plik ponownie.",
        "{n} wiersze są błędne; popraw je i zaimportuj plik ponownie.",
        "{n} wierszy jest błędnych; popraw je i zaimportuj plik ponownie.",
    ),
    "{file} is not UTF-8 text (line {line} has a byte that is not). Save it from your spreadsheet as “CSV UTF-8” and "
    "import it again.":
        "Plik {file} nie jest tekstem UTF-8 (wiersz {line} zawiera niepasujący bajt). Zapisz go w arkuszu jako "
        "„CSV UTF-8” i zaimportuj ponownie.",
    "Line {line} of {file} is longer than {n} characters; a stock CSV never needs lines that long. Check that this is "
    "the right file.":
        "Wiersz {line} pliku {file} ma ponad {n} znaków; plik CSV ze stanami nigdy nie potrzebuje tak długich wierszy. "
        "Sprawdź, czy to właściwy plik.",
    "quantity “{text}” is not a whole number": "ilość „{text}” nie jest liczbą całkowitą",
    "{file} is larger than {n} MB; split it into smaller files.": "Plik {file} ma ponad {n} MB; podziel go na mniejsze pliki.",
    "{file} cannot be read: {why}.": "Nie można odczytać pliku {file}: {why}.",
    "title longer than {n} characters": "tytuł dłuższy niż {n} znaków",
    "barcode longer than {n} characters": "kod kreskowy dłuższy niż {n} znaków",
    "The location {name} was deleted after the check; nothing was imported.":
        "Lokalizacja {name} została usunięta po sprawdzeniu; nic nie zaimportowano.",
    "Line {line} of {file} cannot be read as CSV: {why}.": "Nie można odczytać wiersza {line} pliku {file} jako CSV: {why}.",
    "SKU longer than {n} characters": "SKU dłuższe niż {n} znaków",
    "unknown location “{name}”": "nieznana lokalizacja „{name}”",
    "duplicate SKU {sku} (also on line {line})": "powtórzone SKU {sku} (także w wierszu {line})",
    "or": "lub",
    "new SKU {sku} without a title": "nowe SKU {sku} bez tytułu",
    # --- the sync (core/sync/) ------------------------------------------------------------
    "Not approved.": "Niezatwierdzone.",
    "Allegro refused the carrier for this number.": "Allegro odrzuciło przewoźnika dla tego numeru.",
    "Allegro says this number does not match the carrier's format.": "Według Allegro ten numer nie pasuje do formatu przewoźnika.",
    "Allegro did not confirm this number; it is sent again next sync.":
        "Allegro nie potwierdziło tego numeru; zostanie wysłany ponownie przy następnej synchronizacji.",
    "The sync was cancelled.": "Synchronizacja została anulowana.",
    "The disk holding the app's database is full, so the sync stopped. Free some space and sync again: nothing is "
    "lost, and changes already sent are checked with Allegro first.":
        "Dysk z bazą danych programu jest pełny, więc synchronizacja została przerwana. Zwolnij miejsce i zsynchronizuj "
        "ponownie: nic nie przepadło, a zmiany już wysłane zostaną najpierw sprawdzone w Allegro.",
    "The app's database can no longer be written (a read-only folder or a disk error), so the sync stopped. Make the "
    "data folder writable and sync again: nothing is lost.":
        "Do bazy danych programu nie da się już zapisywać (folder tylko do odczytu lub błąd dysku), więc synchronizacja "
        "została przerwana. Zezwól na zapis w folderze danych i zsynchronizuj ponownie: nic nie przepadło.",
    "Logging in to Allegro": "Logowanie do Allegro",
    "Reading listings": "Wczytywanie ofert",
    "Importing orders": "Pobieranie zamówień",
    "Saving the plan": "Zapisywanie planu",
    "Plan ready": "Plan gotowy",
    "Cancelled before sending; nothing was changed on Allegro.": "Anulowano przed wysłaniem; na Allegro nic się nie zmieniło.",
    "Done": "Gotowe",
    "Changing quantities": "Zmiana stanów",
    "Ending listings": "Kończenie ofert",
    "Relisting": "Ponowne wystawianie",
    "Sending tracking numbers": "Wysyłanie numerów przesyłek",
    "Checking unfinished actions on Allegro": "Sprawdzanie niedokończonych działań na Allegro",
    "Planning stock": "Planowanie stanów",
    "Planning tracking numbers": "Planowanie numerów przesyłek",
    "{n} change(s) did not reach Allegro: {why}. The next sync plans them again.":
        "Zmiany, które nie dotarły do Allegro: {n}; powód: {why}. Następna synchronizacja zaplanuje je ponownie.",
    "{n} change(s) did not reach Allegro. The next sync plans them again.":
        "Zmiany, które nie dotarły do Allegro: {n}. Następna synchronizacja zaplanuje je ponownie.",
    "{name} is disabled; it is not synced.": "Kanał {name} jest wyłączony; nie jest synchronizowany.",
    "Allegro's Api Key Version is now {new} (was {old}); the channel uses the new one.":
        "Wersja klucza Allegro to teraz {new} (była {old}); kanał używa nowej.",
    "The buyer cancelled order {order} after it was shipped.": "Kupujący anulował zamówienie {order} po jego wysłaniu.",
    "{n} listing(s) ended over 60 days ago: Allegro no longer relists them.":
        "Oferty zakończone ponad 60 dni temu: {n}; Allegro już ich nie wystawi ponownie.",
    "{n} listing(s) to end or relist wait for confirmation.":
        "Oferty do zakończenia lub ponownego wystawienia czekające na potwierdzenie: {n}.",
    "Allegro did not answer {n} change(s) in time and may still be making them; the next sync checks them before "
    "sending anything again.":
        "Allegro nie odpowiedziało na czas w sprawie zmian ({n}) i może nadal je wprowadzać; następna synchronizacja "
        "sprawdzi je, zanim cokolwiek wyśle ponownie.",
    "{n} relist(s) are still being processed by Allegro.": "Allegro nadal przetwarza ponowne wystawienia: {n}.",
    "A late change landed on Allegro over the quantity of “{title}”: it showed {shown} where the app expected "
    "{believed}; it is set from the stock again.":
        "Spóźniona zmiana nadpisała na Allegro liczbę sztuk oferty „{title}”: było {shown}, a program oczekiwał "
        "{believed}; liczba jest ustawiana ponownie według stanu magazynu.",
    "Quantities whose answer was late could not be read back ({why}); the next sync checks them.":
        "Nie udało się odczytać liczb sztuk, na które odpowiedź przyszła za późno ({why}); następna synchronizacja "
        "je sprawdzi.",
    "{n} change(s) may or may not have reached Allegro ({why}); the next sync checks them before sending anything "
    "again.":
        "Nie wiadomo, czy zmiany ({n}) dotarły do Allegro ({why}); następna synchronizacja sprawdzi je, zanim "
        "cokolwiek wyśle ponownie.",
    "{n} listing(s) {why}: ": "Oferty ({n}) — {why}: ",
    "“{title}” was relisted but its stock is gone again; the next sync proposes ending it.":
        "Oferta „{title}” została wystawiona ponownie, ale towar znów się skończył; następna synchronizacja zaproponuje "
        "jej zakończenie.",
    "Tracking number {number} (order {order}) was rejected by Allegro: {why}":
        "Allegro odrzuciło numer przesyłki {number} (zamówienie {order}): {why}",
    "{n} order item(s) are not linked to stock and hold no stock":
        "Pozycje zamówień niepowiązane z magazynem, nierezerwujące towaru ({n})",
    "“{title}” (order {order})": "„{title}” (zamówienie {order})",
    "{n} match several stock items by title": "w tym pasujące po tytule do kilku pozycji magazynowych ({n})",
    "no stock, but End Listings is off": "brak towaru, ale opcja Kończ oferty jest wyłączona",
    "auction with no stock, but End Auctions is off": "licytacja bez towaru, ale opcja Kończ licytacje jest wyłączona",
    "auction with bids and no stock, but End Auctions with bids is off":
        "licytacja z ofertami kupna i bez towaru, ale opcja Kończ licytacje z ofertami kupna jest wyłączona",
    "Available {n} {where}": "Dostępne: {n} {where}",
    "back in stock, but Relist Items is off": "towar wrócił, ale opcja Wystawiaj ponownie jest wyłączona",
    "back in stock, but a live listing with the same title exists": "towar wrócił, ale istnieje aktywna oferta o tym samym tytule",
    "Back in stock: {available}; ended today": "Towar wrócił: {available}; zakończona dziś",
    "Back in stock: {available}; ended {n} day ago": (
        "Towar wrócił: {available}; zakończona {n} dzień temu",
        "Towar wrócił: {available}; zakończona {n} dni temu",
        "Towar wrócił: {available}; zakończona {n} dni temu",
    ),
    "ending it sells it to the top bidder ({n} bid)": (
        "zakończenie sprzeda przedmiot najwyżej licytującemu ({n} oferta kupna)",
        "zakończenie sprzeda przedmiot najwyżej licytującemu ({n} oferty kupna)",
        "zakończenie sprzeda przedmiot najwyżej licytującemu ({n} ofert kupna)",
    ),
    "an auction cannot run until sold out, so it runs {n} days": "licytacja nie może trwać do wyczerpania zapasów, więc potrwa {n} dni",
    "A sync of {channel} is already running in another window or process. Try again when it has finished.":
        "Synchronizacja kanału {channel} już trwa w innym oknie lub procesie. Spróbuj ponownie, gdy się zakończy.",
    "A sync of {channel} is already running on {host}. Try again when it has finished.":
        "Synchronizacja kanału {channel} już trwa na komputerze {host}. Spróbuj ponownie, gdy się zakończy.",
    "Another sync of {channel} started meanwhile; nothing more was sent. Sync again.":
        "W międzyczasie rozpoczęła się inna synchronizacja kanału {channel}; nic więcej nie wysłano. Zsynchronizuj ponownie.",
    "No password is stored for {name}. Open the channel, type the password and save it.":
        "Brak zapisanego hasła do kanału {name}. Otwórz kanał, wpisz hasło i zapisz.",
    "{count} order(s) were merged by Allegro into another order; they come in as that order.":
        "Allegro połączyło zamówienia ({count}) w inne zamówienie; zostaną zaimportowane jako to zamówienie.",
    "Allegro shows this was not done (the sync stopped before it was sent); it is planned again.":
        "Według Allegro to nie zostało zrobione (synchronizacja przerwała się przed wysłaniem); zostanie zaplanowane ponownie.",
    "Allegro no longer knows this offer.": "Allegro już nie zna tej oferty.",
    "over all locations": "łącznie we wszystkich lokalizacjach",
    "at {location}": "w lokalizacji {location}",
    "Available {n} {where}; Allegro shows {quantity}": "Dostępne: {n} {where}; na Allegro: {quantity}",
    # --- tracking numbers -----------------------------------------------------------------
    "Enter a tracking number.": "Wpisz numer przesyłki.",
    "Choose the carrier.": "Wybierz przewoźnika.",
    "Allegro does not know this carrier.": "Allegro nie zna tego przewoźnika.",
    "Name the carrier: Allegro needs a carrier name for “Other”.": "Podaj nazwę przewoźnika: Allegro wymaga jej dla przewoźnika „Inny”.",
    "{number} is not a {carrier} tracking number (for example {example}).":
        "{number} nie jest numerem przesyłki {carrier} (przykład: {example}).",
    "Allegro has already accepted this tracking number; add a new one instead.":
        "Allegro już przyjęło ten numer przesyłki; zamiast tego dodaj nowy.",
    "This tracking number is being sent to Allegro right now; try again after the sync.":
        "Ten numer przesyłki jest właśnie wysyłany do Allegro; spróbuj ponownie po synchronizacji.",
    "Tracking number {number} (order {order}) not sent: {why}": "Numer przesyłki {number} (zamówienie {order}) nie został wysłany: {why}",
    "{number} does not look like a tracking number (4–40 letters, digits, / or -).":
        "{number} nie wygląda na numer przesyłki (4–40 liter, cyfr, / lub -).",
    "…and {n} more tracking numbers wait for a correction.": "…i jeszcze {n} numerów przesyłek czeka na poprawkę.",
    # --- sync history ---------------------------------------------------------------------
    "OK": "OK",
    "Partly failed": "Z błędami",
    "Failed": "Nieudane",
    "Running": "W toku",
    "Orders imported": "Pobrane zamówienia",
    "Orders updated": "Zaktualizowane zamówienia",
    "Orders cancelled by the buyer": "Zamówienia anulowane przez kupującego",
    "Order items not linked to stock": "Pozycje zamówień niepowiązane z magazynem",
    "Order items with an ambiguous title": "Pozycje zamówień z niejednoznacznym tytułem",
    "Order items linked": "Powiązane pozycje zamówień",
    "Listings read from Allegro": "Oferty wczytane z Allegro",
    "New listings found": "Znalezione nowe oferty",
    "Listings ended outside the app": "Oferty zakończone poza programem",
    "Quantities sent": "Wysłane stany",
    "Quantities refused": "Odrzucone stany",
    "Listings ended": "Zakończone oferty",
    "Ends refused": "Odrzucone zakończenia",
    "Listings relisted": "Ponownie wystawione oferty",
    "Relists refused": "Odrzucone ponowne wystawienia",
    "Listings past the 60-day relist window": "Oferty po 60-dniowym terminie ponownego wystawienia",
    "Tracking numbers accepted": "Przyjęte numery przesyłek",
    "Tracking numbers rejected": "Odrzucone numery przesyłek",
    "Tracking numbers in a wrong format (not sent)": "Numery przesyłek w złym formacie (niewysłane)",
    "Ends and relists waiting for confirmation": "Zakończenia i ponowne wystawienia czekające na potwierdzenie",
    "Unfinished changes found done on Allegro": "Niedokończone zmiany, które okazały się wykonane na Allegro",
    "Unfinished changes found not done (planned again)": "Niedokończone zmiany, które nie zostały wykonane (zaplanowane ponownie)",
    "Relists Allegro is still processing": "Ponowne wystawienia, które Allegro wciąż przetwarza",
    "Changes sent again after Allegro showed them not done":
        "Zmiany wysłane ponownie, gdy Allegro pokazało, że nie zostały wprowadzone",
    "Quantities set again after a late change landed over them":
        "Liczby sztuk ustawione ponownie po spóźnionej zmianie, która je nadpisała",
    "Listings with no stock left live (End Listings is off)": "Oferty bez towaru pozostawione aktywne (Kończ oferty wyłączone)",
    "Auctions with no stock left live (End Auctions is off)": "Licytacje bez towaru pozostawione aktywne (Kończ licytacje wyłączone)",
    "Auctions with bids and no stock left live (End Auctions with bids is off)":
        "Licytacje z ofertami kupna, bez towaru, pozostawione aktywne (Kończ licytacje z ofertami kupna wyłączone)",
    "Listings back in stock not relisted (see the notes)": "Oferty z powrotem na stanie, niewystawione ponownie (zobacz uwagi)",
    "{m} min {s} s": "{m} min {s} s",
    "{s} s": "{s} s",
    # --- command line: channel options, locations, orders, stock (core/cli/*) ---------------
    "Inventory Update From Location": "Stany z jednej lokalizacji",
    "Stock location": "Lokalizacja stanów",
    "Submit Tracking Info": "Wysyłaj numery przesyłek",
    "Sync Orders From": "Pobieraj zamówienia od",
    "Link Order Item to Stock Item By Title": "Wiąż pozycje zamówień z magazynem po tytule",
    "End Listings": "Kończ oferty",
    "End Auctions": "Kończ licytacje",
    "End Auctions with bids": "Kończ licytacje z ofertami kupna",
    "Relist Items": "Wystawiaj ponownie",
    "Relist Listing Duration": "Czas trwania ponownej oferty",
    "Relist Listing Delay": "Opóźnienie ponownej oferty",
    "No Manual Confirmation": "Bez ręcznego potwierdzania",
    "Api Key Version": "Wersja klucza",
    "Other options": "Inne opcje",
    "Default Currency": "Domyślna waluta",
    "Nothing to change: name at least one option (see main.py channel set --help).":
        "Nie ma nic do zmiany: podaj co najmniej jedną opcję (zobacz main.py channel set --help).",
    "The channel was not changed.": "Kanał nie został zmieniony.",
    "“{value}” is neither on nor off.": "„{value}” to ani on, ani off.",
    "{n} minute": ("{n} minuta", "{n} minuty", "{n} minut"),
    "Saved channel “{name}”.": "Zapisano kanał „{name}”.",
    "{option} needs {needed}: add {flag} on.": "Opcja {option} wymaga opcji {needed}: dodaj {flag} on.",
    "The Api Key Version was not changed.": "Wersja klucza nie została zmieniona.",
    "Allegro's current Api Key Version is {current}, not {configured}.":
        "Aktualna wersja klucza Allegro to {current}, a nie {configured}.",
    "Nothing was asked (standard input is not a terminal); run again with {flag} to answer yes.":
        "Nie zadano pytania (standardowe wejście nie jest terminalem); uruchom ponownie z {flag}, aby odpowiedzieć tak.",
    "send {n}": "wyślij {n}",
    "end": "zakończ",
    "relist": "wystaw ponownie",
    "AVAIL.": "DOST.",
    "NEXT SYNC": "NASTĘPNA SYNCHRONIZACJA",
    "LOCATION": "LOKALIZACJA",
    "DEFAULT": "DOMYŚLNA",
    "ITEMS": "POZYCJE",
    "LEVEL": "STAN",
    "ALLOCATED": "ZAREZERWOWANE",
    "AVAILABLE": "DOSTĘPNE",
    "CHANNELS": "KANAŁY",
    "Added location {name}.": "Dodano lokalizację {name}.",
    "It is the default location.": "To jest lokalizacja domyślna.",
    "No locations yet. Add one with: main.py location add NAME":
        "Nie ma jeszcze lokalizacji. Dodaj ją poleceniem: main.py location add NAZWA",
    "Deleted location {name}.": "Usunięto lokalizację {name}.",
    "Renamed location {old} to {new}.": "Zmieniono nazwę lokalizacji {old} na {new}.",
    "The location was not deleted.": "Lokalizacja nie została usunięta.",
    "{name} is now the default location.": "{name} jest teraz lokalizacją domyślną.",
    "Locations: {names}.": "Lokalizacje: {names}.",
    "{channels} take(s) stock from {location}: after deleting it, choose another location with "
    "main.py channel set NAME --location OTHER.":
        "Kanały {channels} biorą stany z lokalizacji {location}: po jej usunięciu wybierz inną poleceniem "
        "main.py channel set NAZWA --location INNA.",
    "Delete the location {name}?": "Usunąć lokalizację {name}?",
    "DATE": "DATA",
    "ORDER": "ZAMÓWIENIE",
    "BUYER": "KUPUJĄCY",
    "AMOUNT": "KWOTA",
    "UNLINKED": "NIEPOWIĄZANE",
    "TRACKING": "PRZESYŁKA",
    "Items:": "Pozycje:",
    "Ship to:": "Adres dostawy:",
    "Shipments:": "Przesyłki:",
    "Tracking number corrected; it goes to Allegro at the next sync.":
        "Poprawiono numer przesyłki; trafi do Allegro przy następnej synchronizacji.",
    "PRICE": "CENA",
    "LINK": "POWIĄZANIE",
    "Allegro already refused exactly this number; change the number or the carrier.":
        "Allegro już odrzuciło dokładnie ten numer; zmień numer albo przewoźnika.",
    "Give the SKU to link to, or --unlink.": "Podaj SKU, z którym powiązać pozycję, albo --unlink.",
    "{n} order.": ("{n} zamówienie.", "{n} zamówienia.", "{n} zamówień."),
    "Order {order} ({channel}), {status}": "Zamówienie {order} ({channel}), {status}",
    "Placed: {time}": "Złożone: {time}",
    "Amount: {amount} {currency} (postage {postage}); payment: {pay}, {status}":
        "Kwota: {amount} {currency} (dostawa {postage}); płatność: {pay}, {status}",
    "Nothing was changed.": "Nic nie zostało zmienione.",
    "No item of this order is linked to stock, so no stock changes.":
        "Żadna pozycja tego zamówienia nie jest powiązana z magazynem, więc stany się nie zmienią.",
    "The order was not marked shipped.": "Zamówienie nie zostało oznaczone jako wysłane.",
    "Order {order} is shipped.": "Zamówienie {order} jest wysłane.",
    "Linked “{title}” in order {order} to {sku}.": "Powiązano „{title}” w zamówieniu {order} z {sku}.",
    "There is no order {order}.": "Nie ma zamówienia {order}.",
    "Order {order} is in several channels ({names}); say which with --channel.":
        "Zamówienie {order} jest w kilku kanałach ({names}); wskaż kanał opcją --channel.",
    "Message from the buyer: {text}": "Wiadomość od kupującego: {text}",
    "Tracking number {number} added; it goes to Allegro at the next sync.":
        "Dodano numer przesyłki {number}; trafi do Allegro przy następnej synchronizacji.",
    "Tracking number {number} ({carrier}) goes to Allegro at the next sync.":
        "Numer przesyłki {number} ({carrier}) trafi do Allegro przy następnej synchronizacji.",
    "Order {order} has no tracking number {number}.": "Zamówienie {order} nie ma numeru przesyłki {number}.",
    "Order {order} has no item of offer {offer}.": "Zamówienie {order} nie ma pozycji z oferty {offer}.",
    "Unlinked “{title}” in order {order}.": "Odłączono „{title}” w zamówieniu {order}.",
    "Buyer: {login} {email}": "Kupujący: {login} {email}",
    "{n} linked item(s) are taken off stock at {location}.":
        "Powiązane sztuki ({n}) zostaną zdjęte ze stanu w lokalizacji {location}.",
    "Mark order {order} shipped? This cannot be undone.": "Oznaczyć zamówienie {order} jako wysłane? Tego nie można cofnąć.",
    "Submit Tracking Info is off for {channel}: turn it on with main.py channel set {channel} --submit-tracking on.":
        "Wysyłanie numerów przesyłek jest wyłączone w kanale {channel}: włącz je poleceniem "
        "main.py channel set {channel} --submit-tracking on.",
    "sent {time} UTC": "wysłano {time} UTC",
    "no location": "brak lokalizacji",
    "{n} stock level.": ("{n} stan magazynowy.", "{n} stany magazynowe.", "{n} stanów magazynowych."),
    "nothing to change": "nic do zmiany",
    "an auction's quantity is not changed": "ilość w licytacji się nie zmienia",
    "ended for no stock; waits for stock": "zakończona z braku towaru; czeka na towar",
    "not live on Allegro": "nieaktywna na Allegro",
    "the channel is disabled": "kanał jest wyłączony",
    "not linked to a stock item": "niepowiązana z towarem",
    "Inventory Sync is off": "synchronizacja stanów jest wyłączona",
    "Allegro already shows {n}": "Allegro już pokazuje {n}",
    "There is no location yet: add one with main.py location add NAME, then import again.":
        "Nie ma jeszcze żadnej lokalizacji: dodaj ją poleceniem main.py location add NAZWA i zaimportuj ponownie.",
    "{text} is not an order number (a whole number such as 3100000001).":
        "{text} to nie numer zamówienia (liczba całkowita, np. 3100000001).",
}


from core.i18n_pl_guards import GUARDS  # noqa: E402 - the guards keep their sentences apart

CATALOGUE.update(GUARDS)

from core.i18n_pl_rest import REST  # noqa: E402 - the REST connection keeps its sentences apart

CATALOGUE.update(REST)

from core.i18n_pl_h5 import CATALOGUE as H5  # noqa: E402 - the REST adapter's command sentences

CATALOGUE.update(H5)
