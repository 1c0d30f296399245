"""Polish for `main.py preferences` (core/cli/preferences.py) and the REST demo (core/demo_rest.py)."""

H6: dict[str, str | tuple[str, str, str]] = {
    "Enter the Client ID of your application at Allegro (apps.developer.allegro.pl).":
        "Wpisz Client ID swojej aplikacji w Allegro (apps.developer.allegro.pl).",
    "“{text}” is not a Client ID: it is one word of letters and digits, as Allegro shows it.":
        "„{text}” nie jest Client ID: to jedno słowo z liter i cyfr, tak jak pokazuje je Allegro.",
    "Nothing was asked (standard input is not a terminal); give the Client Secret on standard "
    "input with --secret-stdin.":
        "Nie zadano pytania (standardowe wejście nie jest terminalem); podaj Client Secret na "
        "standardowym wejściu z opcją --secret-stdin.",
    "Nothing was stored.": "Niczego nie zapisano.",
    "Client Secret (not shown): ": "Client Secret (niewidoczny): ",
    "No password keyring is available on this computer, so the Client Secret was not stored. "
    "Install or unlock a keyring (GNOME Keyring, KWallet, Windows Credential Manager or the macOS "
    "Keychain) and try again.":
        "Na tym komputerze nie ma magazynu haseł, więc Client Secret nie został zapisany. "
        "Zainstaluj lub odblokuj magazyn haseł (GNOME Keyring, KWallet, Menedżer poświadczeń Windows "
        "lub pęk kluczy macOS) i spróbuj ponownie.",
    "the built-in demo application": "wbudowana aplikacja demonstracyjna",
    "stored in the keyring": "zapisany w magazynie haseł",
    "missing: set it again": "brak: ustaw go ponownie",
    "not set": "nie ustawiono",
    "Allegro application (Preferences → Allegro application):":
        "Aplikacja Allegro (Preferencje → Aplikacja Allegro):",
    "ENVIRONMENT": "ŚRODOWISKO",
    "CLIENT ID": "CLIENT ID",
    "CLIENT SECRET": "CLIENT SECRET",
    "Enter the Client Secret of your application at Allegro.":
        "Wpisz Client Secret swojej aplikacji w Allegro.",
    "Stored the application {client_id} for {environment}: the Client Secret is in the system keyring.":
        "Zapisano aplikację {client_id} dla {environment}: Client Secret jest w systemowym magazynie haseł.",
    "No application was set for {environment}; nothing changed.":
        "Dla {environment} nie ustawiono aplikacji; nic się nie zmieniło.",
    "Removed the application of {environment}.": "Usunięto aplikację środowiska {environment}.",
    "Connecting the demo channel with Allegro's approval": "Łączenie kanału demonstracyjnego z zatwierdzeniem Allegro",
    "No password keyring is available on this computer, so whether a Client Secret is stored "
    "cannot be read.":
        "Na tym komputerze nie ma magazynu haseł, więc nie da się sprawdzić, czy Client Secret jest zapisany.",
}
