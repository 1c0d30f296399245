"""The language of core's sentences: validation, CSV problems, sync reasons, CLI output.

core/ cannot use Qt's translators, so its seller-facing sentences are marked gettext-style
and looked up in a standard gettext catalogue, resources/locale/pl/LC_MESSAGES/core.po
(msgid English, msgstr Polish, counted sentences with their three Polish forms under the
catalogue's Plural-Forms); English is the source text.

    _("Enter a SKU.")                                  a sentence, translated now
    _("There is no location called {name}.").format(name=name)
    n_("{n} row", "{n} rows", count).format(n=count)      a count: English singular and plural,
                                                       Polish 1 wiersz · 2 wiersze · 5 wierszy
    N_("Open")                                         kept in a constant; pass it to _() where shown

The .po file itself is read (with Babel) the first time Polish is chosen: there is no
compiled .mo to go stale beside it. The GUI sets the language at start from Preferences
(ui/app.py); the command line follows LC_ALL / LC_MESSAGES / LANG. A sentence is
translated when it is made, so text already stored (sync history) stays in the language
it was written in. docs/translations.md says how to add sentences.
"""
from __future__ import annotations

import functools
import gettext
import io
import os
from pathlib import Path

ENGLISH = "en"
POLISH = "pl"
DOMAIN = "core"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
_language = ENGLISH
_active: gettext.NullTranslations = gettext.NullTranslations()


def _code(lang: str | None) -> str:
    return POLISH if (lang or "").lower().startswith("pl") else ENGLISH


def catalogue_path(lang: str = POLISH) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translation(lang: str | None) -> gettext.NullTranslations:
    """The catalogue of `lang` ("pl", "pl_PL.UTF-8", "en", ...): gettext/ngettext on it.
    English, the source language, translates nothing."""
    lang = _code(lang)
    if lang == ENGLISH:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalogue_path(lang).open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    mo = io.BytesIO()
    write_mo(mo, catalog)  # untranslated and fuzzy entries stay out: they show in English
    mo.seek(0)
    return gettext.GNUTranslations(mo)


def set_language(lang: str | None) -> str:
    """Use `lang` ("pl", "pl_PL.UTF-8", "en", ...) for core's sentences; returns "pl" or "en"."""
    global _language, _active
    _language = _code(lang)
    _active = translation(_language)
    return _language


def language() -> str:
    return _language


def language_from_environment(environ: dict | None = None) -> str:
    """The language POSIX tools would speak: the first of LC_ALL, LC_MESSAGES, LANG that is set."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return _code(value)
    return ENGLISH


def _(text: str) -> str:
    """`text` in the current language (English text stays itself when it has no translation)."""
    return _active.gettext(text)


def N_(text: str) -> str:
    """Marks a sentence stored in a constant; it is translated with _() where it is shown."""
    return text


def n_(singular: str, plural: str, n: int) -> str:
    """The form of a counted sentence for `n`, ngettext-style: English `singular` for 1 and
    `plural` otherwise; Polish one of its three forms (1 · 2–4, 22–24, … · 0, 5–21, 12–14, …)."""
    return _active.ngettext(singular, plural, n)


def polish_plural_index(n: int) -> int:
    """0 for 1 (plik), 1 for 2–4, 22–24, … (pliki), 2 for the rest (plików): the Polish
    catalogue's own Plural-Forms rule."""
    return translation(POLISH).plural(abs(n))
