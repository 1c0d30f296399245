"""Polish and English: complete catalogues, compiled files up to date, and the app speaking Polish.

The Qt side: resources/translations/acm_{pl,en}.ts (from tr() in ui/ and main.py) compiled to
.qm. The core side (resources/locale/pl/LC_MESSAGES/core.po) is checked in tests/core/test_i18n_catalogue.py.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from core import i18n as core_i18n
from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"%\d|%n")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease of the venv running the tests."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is not installed (it comes with PySide6)"
    return found


def messages(ts: Path):
    """(context, source, translation element) of every message in a .ts file."""
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


def texts(translation) -> list[str]:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.fixture
def polish(qapp):
    """The app in Polish, as after choosing Polski in Preferences and starting again."""
    assert i18n.install_translators(qapp, "pl") == "pl"
    yield qapp
    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    core_i18n.set_language("en")


# --- the catalogues ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_every_string_has_a_finished_translation_with_its_placeholders(lang):
    found = list(messages(TRANSLATIONS / f"acm_{lang}.ts"))
    assert len(found) > 500  # the whole UI, not a stub
    problems = []
    for context, source, translation in found:
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append((context, source, translation.get("type")))
            continue
        forms = texts(translation)
        if translation.findall("numerusform"):
            assert len(forms) == (3 if lang == "pl" else 2), source
        for text in forms:
            if not text.strip():
                problems.append((context, source, "empty"))
            elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append((context, source, f"placeholders differ: {text}"))
    assert problems == []


def test_polish_translations_are_polish():
    """Not English copied over: most long sentences change, and Polish letters are there."""
    pairs = [(s, texts(t)[0]) for _c, s, t in messages(TRANSLATIONS / "acm_pl.ts") if len(s) > 30]
    unchanged = [s for s, t in pairs if s == t]
    assert len(unchanged) <= len(pairs) // 20, unchanged[:10]
    assert sum(1 for _s, t in pairs if re.search("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]", t)) > len(pairs) // 2


def test_the_catalogues_hold_every_string_of_the_code(tmp_path):
    """lupdate over the code finds nothing new: no tr() string was added without its Polish."""
    ts = tmp_path / "acm_pl.ts"
    shutil.copy(TRANSLATIONS / "acm_pl.ts", ts)
    sources = ["main.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))]
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
        cwd=ROOT, check=True, capture_output=True, timeout=120,
    )
    fresh = [(c, s) for c, s, t in messages(ts) if t.get("type") == "unfinished"]
    assert fresh == [], "run: bash packaging/update_translations.sh, then translate these"


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_compiled_qm_files_match_the_ts_files(tmp_path, lang):
    qm = tmp_path / f"acm_{lang}.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), "-nounfinished", str(TRANSLATIONS / f"acm_{lang}.ts"), "-qm", str(qm)],
        check=True, capture_output=True, timeout=60,
    )
    shipped = TRANSLATIONS / f"acm_{lang}.qm"
    assert shipped.read_bytes() == qm.read_bytes(), "stale .qm: run bash packaging/update_translations.sh"


def test_polish_plural_forms():
    core_i18n.set_language("pl")
    try:
        said = {n: core_i18n.n_("{n} listing to end", "", n).format(n=n) for n in (1, 2, 5, 12, 22, 25)}
    finally:
        core_i18n.set_language("en")
    assert said == {
        1: "1 oferta do zakończenia",
        2: "2 oferty do zakończenia",
        5: "5 ofert do zakończenia",
        12: "12 ofert do zakończenia",
        22: "22 oferty do zakończenia",
        25: "25 ofert do zakończenia",
    }
    assert core_i18n.n_("{n} listing to end", "{n} listings to end", 2) == "{n} listings to end"


# --- the app in Polish ---------------------------------------------------------------------------


def test_language_follows_the_choice_in_preferences(qapp):
    i18n.store_choice(i18n.POLISH)
    try:
        assert i18n.preferred_language() == "pl"
        assert i18n.install_translators(qapp) == "pl"
        assert core_i18n.language() == "pl"
        assert QCoreApplication.translate("MainWindow", "&Help") == "Pomo&c"
    finally:
        for translator in i18n._installed:
            qapp.removeTranslator(translator)
        i18n._installed.clear()
        core_i18n.set_language("en")
        i18n.store_choice(i18n.SYSTEM)
    assert QCoreApplication.translate("MainWindow", "&Help") == "&Help"


def test_main_window_menus_in_polish(polish, qtbot, db, data_dir):
    from core.paths import app_paths
    from ui.main_window import MainWindow

    window = MainWindow(app_paths(data_dir))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Plik", "Widok", "Ustawienia", "Pomoc"]
    settings = window.menuBar().actions()[2].menu()
    assert [a.text().replace("&", "") for a in settings.actions() if a.text()] == [
        "Integracja kanałów…",
        "Preferencje…",
    ]
    assert window.statusBar().currentMessage() == "Gotowe"


def test_channel_integration_screen_in_polish(polish, qtbot, db, data_dir):
    from core.paths import app_paths
    from ui.channels.integration_window import ChannelIntegrationWindow

    window = ChannelIntegrationWindow(app_paths(data_dir))
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Integracja kanałów"
    assert window.add_button.text() == "&Dodaj nowy kanał"
    assert window.hint.text().startswith("Nie ma jeszcze kanałów.")
    headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(window.model.columnCount())]
    assert headers == ["Nazwa kanału", "Środowisko", "Włączony", "Synchronizacja stanów", "Ostatnia synchronizacja", "Wynik"]
    window.open_integration()
    form = window.integration_page.form
    assert window.windowTitle() == "Integracja kanałów — integracja z Allegro.pl"
    assert form.labels["username"].text() == "&Login"
    assert form.test_button.text() == "&Testuj"
    assert form.environment.itemText(0) == "Sandbox — wbudowany emulator Allegro na tym komputerze"
    # a validation sentence from core, in Polish next to its field
    window.integration_page.save()
    assert form.errors["username"].text() == "Wpisz login swojego konta Allegro."
    assert window.integration_page.message.text() == "Kanał nie został zapisany: popraw pola zaznaczone na czerwono."


def test_confirmation_dialog_in_polish(polish, qtbot):
    from core.sync.plan import Plan
    from tests.ui.test_confirm_dialog import action
    from ui.sync.confirm_dialog import ConfirmDialog

    plan = Plan(channel_id=1, channel_name="MojeAllegro", run_id=1)
    plan.ends = [
        action(1, "end", 1001, "Kubek ceramiczny żółty"),
        action(2, "end", 1002, "Zegarek kieszonkowy", format="auction", bids=3, sells_to_top_bidder=True),
    ]
    plan.relists = [action(3, "relist", 1003, "Czajnik elektryczny", duration_days=7)]
    dialog = ConfirmDialog(plan)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Potwierdź zmiany na Allegro — MojeAllegro"
    assert dialog.ends.heading.text() == "<b>Oferty do zakończenia</b> — zaznaczone: 1 z 2"
    assert dialog.relists.heading.text() == "<b>Oferty do ponownego wystawienia</b> — zaznaczone: 1 z 1"
    assert dialog.apply_button.text() == "&Zastosuj zaznaczone (2)"
    assert dialog.rest_button.text() == "Wyślij &resztę bez tych ofert"
    assert dialog.cancel_button.text() == "&Anuluj całą synchronizację"
    model = dialog.ends.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, model.columnCount())]
    assert headers == ["Nr oferty", "Oferta", "Pozycja magazynowa", "Powód", "Uwaga"]
    assert model.data(model.index(1, 2)) == "Zegarek kieszonkowy (Licytacja)"
    assert model.data(model.index(1, 5)) == "Sprzedaje najwyżej licytującemu (3 oferty kupna)"
    relists = dialog.relists.model
    assert relists.data(relists.index(0, 5)) == "7 dni"
    assert relists.data(relists.index(0, 6)) == "Od razu"
    assert dialog.bids_warning.text().startswith("1 licytacja ma oferty kupna.")


def test_adapter_error_shown_in_polish(polish, qtbot, monkeypatch, db, data_dir):
    """A fault from Allegro reaches the seller in the language of the app."""
    from core.allegro.errors import error_for
    from core.paths import app_paths
    from ui.channels.integration_form import IntegrationForm
    from ui.channels.message import Message

    shown = []
    monkeypatch.setattr(Message, "ask", classmethod(lambda cls, box: shown.append(box)))
    form = IntegrationForm(app_paths(data_dir))
    qtbot.addWidget(form)
    busy = object()
    form._worker = busy
    error = error_for("ERR_USER_PASSWD", "Niepoprawny login lub hasło")
    form._test_failed(busy, str(error), error)
    assert form.status.text() == "Allegro odrzuciło nazwę użytkownika lub hasło."
    assert shown[0].windowTitle() == "Test nieudany"
    assert shown[0].text() == "Allegro odrzuciło nazwę użytkownika lub hasło."
    assert error.message_for("en") == "Allegro rejected the username or password."


def test_core_sentences_follow_the_app_language(polish):
    from core.channels import ChannelConfig, validate
    from core.sync.tracking import check

    assert validate(ChannelConfig(), taken_names=set())["username"] == "Wpisz login swojego konta Allegro."
    assert check(5, "123") == "123 nie jest numerem przesyłki InPost (przykład: 620000000000000000000001)."


def test_command_line_speaks_polish_when_lang_is_polish(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(LANG="pl_PL.UTF-8", ACM_DATA_DIR=str(tmp_path / "data"))
    env.pop("ACM_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "channel", "list"],
        env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Nie ma jeszcze kanałów." in done.stdout



def test_every_counted_string_has_its_english_and_polish_forms():
    """A "(s)" or %n sentence is counted (numerus) in both catalogues: two finished English forms
    (1 listing, 2 listings) and three Polish ones (1 oferta, 2 oferty, 5 ofert), none with "(s)"."""
    problems = []
    for lang, count in (("en", 2), ("pl", 3)):
        for context, source, translation in messages(TRANSLATIONS / f"acm_{lang}.ts"):
            if "(s)" not in source and "%n" not in source:
                continue
            forms = [f.text or "" for f in translation.findall("numerusform")]
            if translation.get("type") == "unfinished" or len(forms) != count or not all(f.strip() for f in forms):
                problems.append(f"{lang} {context}: {source!r} has no {count} finished counted forms")
            elif any("(s)" in f for f in forms) or lang == "en" and "(s)" in source and len(set(forms)) < 2:
                # Polish may rightly repeat a form ("5 z 7 ofert" for every count after "z")
                problems.append(f"{lang} {context}: {source!r} keeps its \"(s)\": {forms}")
    assert problems == [], "\n".join(problems)
