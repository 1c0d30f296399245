"""The language of core's sentences: validation, CSV problems, sync reasons, CLI output.

core/ cannot use Qt's translators, so its seller-facing sentences are marked gettext-style
and looked up in a Polish catalogue (core/i18n_pl.py); English is the source text.

    _("Enter a SKU.")                                  a sentence, translated now
    _("There is no location called {name}.").format(name=name)
    n_("{n} row", "{n} rows", count).format(n=count)      a count: English singular and plural,
                                                       Polish 1 wiersz · 2 wiersze · 5 wierszy
    N_("Open")                                         kept in a constant; pass it to _() where shown

The GUI sets the language at start from Preferences (ui/app.py); the command line follows
LC_ALL / LC_MESSAGES / LANG. A sentence is translated when it is made, so text already
stored (sync history) stays in the language it was written in.
"""
from __future__ import annotations

import os

ENGLISH = "en"
POLISH = "pl"
_language = ENGLISH
_active: dict = {}  # the catalogue of _language ({} for English)


def set_language(lang: str | None) -> str:
    """Use `lang` ("pl", "pl_PL.UTF-8", "en", ...) for core's sentences; returns "pl" or "en"."""
    global _language, _active
    _language = POLISH if (lang or "").lower().startswith("pl") else ENGLISH
    if _language == POLISH:
        from core.i18n_pl import CATALOGUE

        _active = CATALOGUE
    else:
        _active = {}
    return _language


def language() -> str:
    return _language


def language_from_environment(environ: dict | None = None) -> str:
    """The language POSIX tools would speak: the first of LC_ALL, LC_MESSAGES, LANG that is set."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return POLISH if value.lower().startswith("pl") else ENGLISH
    return ENGLISH


def _(text: str) -> str:
    """`text` in the current language (English text stays itself when it has no translation)."""
    translated = _active.get(text)
    return translated if isinstance(translated, str) and translated else text


def N_(text: str) -> str:
    """Marks a sentence stored in a constant; it is translated with _() where it is shown."""
    return text


def n_(singular: str, plural: str, n: int) -> str:
    """The form of a counted sentence for `n`, ngettext-style: English `singular` for 1 and
    `plural` otherwise; Polish one of the three forms its catalogue maps `singular` to
    (1 · 2–4, 22–24, … · 0, 5–21, 12–14, …)."""
    forms = _active.get(singular)
    if isinstance(forms, tuple) and forms:
        return forms[min(polish_plural_index(n), len(forms) - 1)]
    return singular if n == 1 else plural


def polish_plural_index(n: int) -> int:
    """0 for 1 (plik), 1 for 2–4, 22–24, … (pliki), 2 for the rest (plików)."""
    n = abs(n)
    if n == 1:
        return 0
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return 1
    return 2
