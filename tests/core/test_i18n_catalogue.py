"""core's one gettext catalogue (resources/locale/pl/LC_MESSAGES/core.po): it holds the
Polish of every sentence core marks and nothing else, counts in three Polish forms, and
Allegro's errors read exactly as they did when their Polish sat on the error classes."""
from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest

from core import i18n
from core.allegro import errors

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{\w*\}")
# Marked sentences whose Polish is deliberately the English text: names, codes and formats.
SAME_IN_POLISH = {"Sandbox", "FORMAT", "STATUS", "SKU", "OK", "plan: ", "Problem: {problem}",
                  "{rows}: {new}, {changed}, {same}.", "{m} min {s} s", "{s} s",
                  "CLIENT ID", "CLIENT SECRET"}  # Allegro's Polish portal says Client ID too


def _load_fold_tool():
    spec = importlib.util.spec_from_file_location("fold_catalogue", ROOT / "packaging" / "fold_catalogue.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fold_catalogue", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fold_catalogue = _load_fold_tool()


@pytest.fixture
def polish():
    i18n.set_language("pl")
    yield
    i18n.set_language("en")


def entries() -> dict:
    """msgid (the singular of a counted one) -> the catalogue's message."""
    return {m.id[0] if isinstance(m.id, tuple) else m.id: m for m in fold_catalogue.read_catalogue() if m.id}


# --- the catalogue against the code -------------------------------------------------------------


def test_every_marked_sentence_has_polish_with_the_same_placeholders():
    marked, problems = fold_catalogue.marked_sentences()
    assert problems == [], "a marker was given an f-string or a concatenation"
    assert len(marked) > 500  # the whole of core, not a stub
    catalogue = entries()
    missing, wrong = [], []
    for english, found in marked.items():
        message = catalogue.get(english)
        if message is None or not (message.string if isinstance(message.string, str) else all(message.string)):
            missing.append(english)
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in forms:
            if set(PLACEHOLDER.findall(english)) != set(PLACEHOLDER.findall(text)):
                wrong.append((english, text))
            if text == english and english not in SAME_IN_POLISH:
                wrong.append((english, "still English"))
    assert missing == [], "run: uv run python packaging/fold_catalogue.py, then translate these"
    assert wrong == []


def test_the_catalogue_holds_no_sentence_the_code_no_longer_marks():
    marked, _problems = fold_catalogue.marked_sentences()
    assert sorted(set(entries()) - set(marked)) == []
    assert not SAME_IN_POLISH - set(marked), "an exception above is no longer in the code"


def test_counted_sentences_have_their_english_plural_and_three_polish_forms():
    marked, _problems = fold_catalogue.marked_sentences()
    catalogue = entries()
    counted = {english: found.plural for english, found in marked.items() if found.plural is not None}
    assert len(counted) > 30
    for english, plural in counted.items():
        message = catalogue[english]
        assert message.id == (english, plural), english
        assert isinstance(message.string, tuple) and len(message.string) == 3 and all(message.string), english
    singles = [english for english, found in marked.items() if found.plural is None]
    assert not [english for english in singles if isinstance(catalogue[english].id, tuple)]


def test_counted_sentences_kept_in_constants_are_counted_in_the_catalogue():
    from core.cli.sync import COUNT_WORDS

    catalogue = entries()
    for _key, singular, plural in COUNT_WORDS:
        assert catalogue[singular].id == (singular, plural)


def test_the_catalogue_counts_the_polish_way():
    header = dict(fold_catalogue.read_catalogue().mime_headers)
    assert header["Plural-Forms"] == (
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    )
    indexes = {n: i18n.polish_plural_index(n) for n in (0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 24, 25, 102, 112, 122)}
    assert indexes == {0: 2, 1: 0, 2: 1, 4: 1, 5: 2, 11: 2, 12: 2, 14: 2, 21: 2, 22: 1, 24: 1, 25: 2,
                       102: 1, 112: 2, 122: 1}


def test_an_untranslated_sentence_shows_in_english(polish):
    assert i18n._("A sentence no catalogue has.") == "A sentence no catalogue has."
    assert i18n.n_("{n} thing nobody counts", "{n} things nobody counts", 5) == "{n} things nobody counts"


# --- folding a branch's dict into the catalogue --------------------------------------------------


def test_fold_tool_takes_a_dicts_polish_and_refuses_what_does_not_fit(tmp_path, monkeypatch):
    po = tmp_path / "core.po"
    shutil.copy(fold_catalogue.PO, po)
    leftover = tmp_path / "i18n_pl_x.py"
    leftover.write_text(
        "CATALOGUE = {\n"
        "    'Enter the username of your Allegro account.': 'Podaj login konta Allegro.',\n"
        "    '{n} row': ('{n} wierszyk', '{n} wierszyki', '{n} wierszyków'),\n"
        "    '{n} day': 'dzień',\n"  # a counted sentence needs three forms
        "    'A sentence no code has.': 'Zdanie.',\n"
        "}\n",
        encoding="utf-8",
    )
    said = fold_catalogue.fold([leftover], path=po)
    assert any("needs three forms: '{n} day'" in line for line in said)
    assert any("not marked in the code, left out: 'A sentence no code has.'" in line for line in said)
    folded = {m.id[0] if isinstance(m.id, tuple) else m.id: m.string for m in fold_catalogue.read_catalogue(po) if m.id}
    assert folded["Enter the username of your Allegro account."] == "Podaj login konta Allegro."
    assert folded["{n} row"] == ("{n} wierszyk", "{n} wierszyki", "{n} wierszyków")
    assert folded["{n} day"] == ("{n} dzień", "{n} dni", "{n} dni")
    assert "A sentence no code has." not in folded
    assert said[-1].endswith("0 without Polish")


def test_fold_tool_drops_sentences_the_code_no_longer_marks(tmp_path):
    po = tmp_path / "core.po"
    text = fold_catalogue.PO.read_text(encoding="utf-8")
    po.write_text(text + '\nmsgid "A sentence removed from the code."\nmsgstr "Usunięte zdanie."\n', encoding="utf-8")
    said = fold_catalogue.fold([], path=po)
    assert "dropped (no longer in the code): 'A sentence removed from the code.'" in said
    assert po.read_text(encoding="utf-8") == text  # otherwise unchanged: the committed file is what the tool writes


# --- Allegro's errors through the catalogue ------------------------------------------------------


# The Polish the error classes used to carry as attributes, word for word.
POLISH_BEFORE = [
    (errors.error_for("ERR_USER_PASSWD"), "Allegro odrzuciło nazwę użytkownika lub hasło."),
    (errors.error_for("ERR_WEBAPI_EXPIRED"), "Ten klucz WebAPI wygasł: wygeneruj nowy w Moim Allegro → WebAPI."),
    (errors.error_for("ERR_INVALID_QUANTITY"),
     "Allegro odrzuciło tę liczbę sztuk (dozwolone 1–999, bez zwiększania przy ofertach kupna, nie mniej niż sprzedano)."),
    (errors.error_for("ERR_INVALID_VERSION_CAT_SELL_FIELDS"),
     "Wersja klucza Allegro zmieniła się. Przetestuj kanał, aby przyjąć nową."),
    (errors.RateLimited(), "Przekroczono limit zapytań do Allegro. Program odczeka i spróbuje ponownie."),
    (errors.VersionKeyMismatch(1506, 1505), "Aktualna wersja klucza Allegro to 1506, a nie 1505. Użyć 1506?"),
    (errors.ConnectionFailed("https://x.pl", timed_out=True), "Allegro pod adresem https://x.pl nie odpowiedziało na czas."),
    (errors.ConnectionFailed("https://x.pl", tls=True),
     "Nie udało się zweryfikować bezpiecznego połączenia z https://x.pl."),
    (errors.CallTooSlow("https://x.pl", 120.0),
     "Allegro pod adresem https://x.pl nie skończyło odpowiadać w ciągu 120 sekund, więc aplikacja przestała "
     "czekać. Spróbuj później; jeśli to się powtarza, sprawdź sieć."),
    (errors.AnswerTooLarge("https://x.pl", "doGetItemsInfo", 32 * 1024 * 1024),
     "Odpowiedź z https://x.pl na doGetItemsInfo była większa niż 32 MB, znacznie więcej, niż Allegro "
     "kiedykolwiek wysyła, więc aplikacja przerwała jej czytanie i nic z niej nie zapisała."),
    (errors.InvalidResponse("doLoginEnc"),
     "Allegro przysłało odpowiedź, której program nie potrafi odczytać (doLoginEnc). Nic nie zmieniono."),
    (errors.UnknownAllegroError("ERR_NEW", "{nie} format"), "Allegro zgłosiło błąd ERR_NEW: {nie} format"),
]


@pytest.mark.parametrize("error,polish_text", POLISH_BEFORE, ids=lambda v: getattr(v, "code", None))
def test_allegro_errors_read_in_polish_as_before(error, polish_text):
    assert error.message_for("pl") == error.message_pl == polish_text
    assert error.message_for("en") != polish_text


def test_an_error_follows_the_app_language_when_shown(polish):
    error = errors.error_for("ERR_SESSION_EXPIRED")
    assert str(error) == "Sesja Allegro wygasła, a ponowne logowanie nie pomogło."
    i18n.set_language("en")
    assert str(error) == "The Allegro session ended and logging in again did not help."


def test_every_error_sentence_in_the_error_table_has_its_polish():
    for code in errors.known_codes():
        error = errors.error_for(code)
        assert error.message_pl != error.message_en, code


def test_an_unreachable_oauth_server_is_named_like_any_unreachable_allegro(polish):
    """Connecting with nothing listening: the adapters' own ConnectionFailed, with the address."""
    from core.allegro.environments import RestEndpoints
    from core.allegro.rest.device_flow import DeviceFlow, DeviceFlowFailed

    endpoints = RestEndpoints("http://127.0.0.1:9", "http://127.0.0.1:9", "http://127.0.0.1:9")
    with pytest.raises(DeviceFlowFailed) as failed:
        DeviceFlow(endpoints, "ID", "SECRET").start()
    assert failed.value.kind == "unreachable"
    assert str(failed.value.reason) == (
        "Nie udało się połączyć z Allegro pod adresem http://127.0.0.1:9/auth/oauth/device."
    )
