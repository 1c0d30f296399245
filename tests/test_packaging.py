"""The cheap half of packaging: what `pip install .`, the desktop menu and the PyInstaller
build are made of. The slow build itself runs in packaging/build_and_selftest.sh (CI)."""
from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import struct
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
SPEC = ROOT / "packaging" / "allegro-channel-manager.spec"
DESKTOP = RESOURCES / "allegro-channel-manager.desktop"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
LAUNCHER = "allegro-channel-manager"
# Desktop Entry spec's main categories: a menu files the app under one of them.
MAIN_CATEGORIES = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
                   "Network", "Office", "Science", "Settings", "System", "Utility"}


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive (Name vs name)
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def run_spec(spec: Path, found_datas: tuple = ()) -> dict:
    """Execute the spec as PyInstaller would, with stand-ins recording what it asks for;
    `found_datas`: (dest, source, kind) entries the analysis pretends its hooks found."""
    recorded: dict = {}

    class Analysis:
        def __init__(self, scripts, **kwargs):
            recorded["scripts"], recorded["analysis"] = scripts, kwargs
            self.datas, self.binaries, self.pure, self.scripts = list(found_datas), [], [], []

    def record(name):
        def stand_in(*args, **kwargs):
            recorded[name], recorded[name + " args"] = kwargs, args
        return stand_in

    namespace = {"SPECPATH": str(spec.parent), "__file__": str(spec), "Analysis": Analysis,
                 "PYZ": record("PYZ"), "EXE": record("EXE"), "COLLECT": record("COLLECT")}
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    return recorded


# -- pip install . -------------------------------------------------------------------------

def test_pip_install_builds_a_wheel_with_a_gui_launcher():
    project = pyproject()
    assert project["build-system"]["build-backend"] == "hatchling.build"
    assert project["project"]["gui-scripts"] == {LAUNCHER: "main:main"}
    shipped = set(project["tool"]["hatch"]["build"]["targets"]["wheel"]["only-include"])
    assert {"main.py", "core", "ui", "sandbox", "resources"} <= shipped
    # `uv run main.py` runs from the checkout; uv must not try to build the project.
    assert project["tool"]["uv"]["package"] is False


def test_installed_layout_keeps_resources_beside_the_packages():
    """The wheel and the frozen app copy resources/ next to core/ui/sandbox, which only
    works while the code looks for it there."""
    from core.allegro import wsdl
    from sandbox import soap
    from ui import resources

    assert resources.RESOURCES == RESOURCES
    assert wsdl.WSDL_PATH == RESOURCES / "webapi.wsdl"
    assert soap.WSDL_PATH.resolve() == RESOURCES / "webapi.wsdl"


# -- the desktop menu ----------------------------------------------------------------------

def test_desktop_file_starts_the_launcher_with_its_icon():
    entry = desktop_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Allegro Channel Manager"
    assert entry["Exec"].split()[0] == LAUNCHER  # what `pip install .` puts on PATH
    assert entry["TryExec"] == LAUNCHER
    assert entry["Icon"] == LAUNCHER  # the name install-linux-desktop.sh installs the icons as
    assert entry["Terminal"] == "false"
    categories = entry["Categories"]
    assert categories.endswith(";")
    assert MAIN_CATEGORIES & set(categories.split(";"))
    assert "pl" in {key[key.index("[") + 1:-1] for key in entry if "[" in key}  # Polish menus


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_has_its_stated_size(size):
    path = ICONS / f"app-{size}.png"
    data = path.read_bytes()
    assert png_size(data) == (size, size)
    assert data[25] == 6, "the icon needs an alpha channel (RGBA) for its rounded corners"


def test_windows_icon_holds_the_sizes_explorer_uses():
    data = (ICONS / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, height, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        stated = width or 256
        assert (width, height) == (stated % 256, stated % 256)
        assert png_size(data[offset:offset + length]) == (stated, stated)
        sizes.add(stated)
    assert sizes == {16, 32, 48, 256}


def test_committed_pngs_match_the_svg_source(qapp):
    """Someone who edits app.svg must re-run packaging/render_icons.py."""
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    loader = importlib.util.spec_from_file_location("render_icons", ROOT / "packaging" / "render_icons.py")
    render_icons = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(render_icons)
    for size, source in ((16, "app-small.svg"), (64, "app.svg"), (256, "app.svg")):
        fresh = render_icons.render(QSvgRenderer(str(ICONS / source)), size)
        committed = QImage(str(ICONS / f"app-{size}.png"))
        fresh = fresh.convertToFormat(committed.format())
        differing = sum(fresh.pixel(x, y) != committed.pixel(x, y)
                        for x in range(size) for y in range(size))
        assert differing <= size * size // 100, f"app-{size}.png is stale: re-run packaging/render_icons.py"


def test_install_script_puts_the_app_in_the_menu(tmp_path):
    app = tmp_path / "My Apps" / LAUNCHER  # a folder like PyInstaller's, with a space
    app.mkdir(parents=True)
    (app / LAUNCHER).write_text("#!/bin/sh\n")
    (app / LAUNCHER).chmod(0o755)
    data_home = tmp_path / "share"
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "install-linux-desktop.sh"), str(app)],
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(data_home)},
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    entry = desktop_entry(data_home / "applications" / f"{LAUNCHER}.desktop")
    assert entry["Exec"] == f'"{app / LAUNCHER}"'
    assert entry["TryExec"] == str(app / LAUNCHER)
    assert entry["Icon"] == LAUNCHER
    for size in ICON_SIZES:
        icon = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{LAUNCHER}.png"
        assert png_size(icon.read_bytes()) == (size, size)
    assert (data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{LAUNCHER}.svg").is_file()


# -- the PyInstaller build -----------------------------------------------------------------

def test_spec_bundles_the_wsdl_icons_and_desktop_file():
    recorded = run_spec(SPEC)
    datas = {(Path(source), folder) for source, folder in recorded["analysis"]["datas"]}
    assert (RESOURCES / "webapi.wsdl", "resources") in datas
    assert (DESKTOP, "resources") in datas
    for name in ["app.svg", "app.ico"] + [f"app-{size}.png" for size in ICON_SIZES]:
        assert (ICONS / name, "resources/icons") in datas
    assert all(source.is_file() for source, _folder in datas)
    assert recorded["scripts"] == [str(ROOT / "main.py")]
    assert recorded["EXE"]["name"] == recorded["COLLECT"]["name"] == LAUNCHER
    assert recorded["EXE"]["exclude_binaries"] is True  # one folder, not one file


def test_spec_bundles_compiled_translations_when_present(tmp_path):
    (tmp_path / "packaging").mkdir()
    spec = shutil.copy(SPEC, tmp_path / "packaging" / SPEC.name)
    shutil.copytree(RESOURCES, tmp_path / "resources",
                    ignore=shutil.ignore_patterns("translations"))
    (tmp_path / "main.py").write_text("")
    assert not any(f == "resources/translations" for _s, f in run_spec(Path(spec))["analysis"]["datas"])

    translations = tmp_path / "resources" / "translations"
    translations.mkdir()
    (translations / "acm_pl.qm").write_bytes(b"qm")
    (translations / "acm_pl.ts").write_text("<TS/>")  # sources stay out of the app
    datas = run_spec(Path(spec))["analysis"]["datas"]
    assert [Path(s).name for s, f in datas if f == "resources/translations"] == ["acm_pl.qm"]


def test_spec_bundles_every_module_even_those_imported_by_name():
    """Commands and screens are imported with importlib, invisible to PyInstaller's scan."""
    hidden = set(run_spec(SPEC)["analysis"]["hiddenimports"])
    for package in ("core", "ui", "sandbox"):
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            assert module in hidden


def test_spec_excludes_big_qt_modules_but_none_the_app_uses():
    excluded = set(run_spec(SPEC)["analysis"]["excludes"])
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtPdf", "tkinter"} <= excluded
    used = set()
    for package in ("main.py", "core", "ui", "sandbox"):
        paths = [ROOT / package] if package.endswith(".py") else (ROOT / package).rglob("*.py")
        for path in paths:
            used |= set(re.findall(r"PySide6\.Qt\w+", path.read_text(encoding="utf-8")))
    used |= {"PySide6.QtSvg"}  # the SVG icon engine plugin loads it
    assert not used & excluded, f"the frozen app would miss {sorted(used & excluded)}"


def test_spec_ships_cores_polish_catalogue_and_only_the_babel_data_it_needs():
    """core/i18n.py reads resources/locale/pl/LC_MESSAGES/core.po with Babel in the frozen app too."""
    po = RESOURCES / "locale" / "pl" / "LC_MESSAGES" / "core.po"
    found = [(f"babel/locale-data/{name}.dat", f"/venv/babel/locale-data/{name}.dat", "DATA")
             for name in ("root", "pl", "en", "de", "zh_Hant")]
    found.append(("babel/global.dat", "/venv/babel/global.dat", "DATA"))
    recorded = run_spec(SPEC, found_datas=tuple(found))
    assert (str(po), "resources/locale/pl/LC_MESSAGES") in recorded["analysis"]["datas"]
    _exe, _binaries, shipped = recorded["COLLECT args"]
    assert sorted(dest for dest, _source, _kind in shipped) == [
        "babel/global.dat", "babel/locale-data/en.dat", "babel/locale-data/pl.dat", "babel/locale-data/root.dat"]


def test_core_reads_its_catalogue_from_the_resources_the_app_ships():
    from core import i18n

    assert i18n.catalogue_path("pl") == RESOURCES / "locale" / "pl" / "LC_MESSAGES" / "core.po"
    assert i18n.catalogue_path("pl").is_file()
