"""Help → About: the version, and every library the app ships with and its licence.

The list is read from the installed packages' metadata, following the app's runtime
dependencies down, so it stays true when a dependency adds or drops one of its own.
"""
from __future__ import annotations

import html
import platform
import re
from dataclasses import dataclass
from importlib import metadata

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ui.resources import app_icon

# The app's own runtime dependencies (pyproject.toml's [project] dependencies).
APP_DEPENDENCIES = ("PySide6-Essentials", "zeep", "keyring", "peewee", "platformdirs", "waitress", "psycopg2-binary")
# Where a package's metadata names no licence, what its own repository says; also the
# list shown when a build carries no package metadata at all.
KNOWN_LICENCES = {
    "pyside6-essentials": "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    "shiboken6": "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    "zeep": "MIT",
    "lxml": "BSD-3-Clause",
    "requests": "Apache-2.0",
    "keyring": "MIT",
    "peewee": "MIT",
    "platformdirs": "MIT",
    "waitress": "ZPL-2.1",
    "psycopg2-binary": "LGPL with exceptions",
}
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str
    home: str = ""


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a package declares: its SPDX expression, else a short License field,
    else its licence classifiers, else what we know of it."""
    meta = dist.metadata
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    field = (meta.get("License") or "").strip()
    # Some packages paste the whole licence text into the field; a name is short.
    if field and "\n" not in field and len(field) <= 60 and "classifiers" not in field.lower():
        return field
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::") and c.count("::") >= 2
    ]
    if classifiers:
        return ", ".join(classifiers)
    return KNOWN_LICENCES.get(_key(meta.get("Name", "")), "see the package")


def _home(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository", "source code"):
            return url.strip()
    return (meta.get("Home-page") or "").strip()


def _wanted(requirement: str) -> str | None:
    """The package a requirement line needs at run time here, or None (an extra, another platform)."""
    name_match = _NAME.match(requirement)
    if not name_match:
        return None
    _, _, marker = requirement.partition(";")
    if marker.strip():
        if "extra" in marker:
            return None
        try:
            from packaging.markers import Marker

            if not Marker(marker.strip()).evaluate():
                return None
        except Exception:  # noqa: BLE001 - no packaging module in a frozen build: judge by what is installed
            pass
    return name_match.group(1)


def bundled_libraries(roots: tuple[str, ...] = APP_DEPENDENCIES) -> list[Library]:
    """Every installed package the app needs at run time, with its licence, by name."""
    found: dict[str, Library] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        key = _key(name)
        if key in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[key] = Library(dist.metadata.get("Name", name), dist.version, licence_of(dist), _home(dist))
        for requirement in dist.requires or []:
            wanted = _wanted(requirement)
            if wanted and _key(wanted) not in found:
                todo.append(wanted)
    if not found:  # a frozen build without package metadata: say what we know
        return [Library(name, "", licence) for name, licence in sorted(KNOWN_LICENCES.items())]
    return sorted(found.values(), key=lambda lib: lib.name.lower())


class AboutDialog(QDialog):
    def __init__(self, version: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Allegro Channel Manager"))
        self.setWindowIcon(app_icon())
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        self.heading = QLabel(
            self.tr(
                "<h3>Allegro Channel Manager %1</h3>"
                "<p>Keeps your stock and your Allegro.pl listings in step: orders in, quantities out, "
                "listings ended when stock runs out and relisted when it returns.</p>"
                "<p>Licensed under the MIT licence. It ships with these libraries:</p>"
            ).replace("%1", version)
        )
        self.heading.setWordWrap(True)
        self.heading.setObjectName("about_heading")
        layout.addWidget(self.heading)
        self.runtime = QLabel(
            self.tr("Running on Python %1 and Qt %2.").replace("%1", platform.python_version()).replace("%2", qVersion())
        )
        self.runtime.setObjectName("about_runtime")
        self.libraries = bundled_libraries()
        self.table = QTextBrowser()
        self.table.setObjectName("about_libraries")
        self.table.setOpenExternalLinks(True)
        self.table.setAccessibleName(self.tr("Bundled libraries and their licences"))
        self.table.setHtml(self.libraries_html())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.runtime)
        qt_note = QLabel(
            self.tr(
                "Qt and Qt for Python are used under the GNU LGPL version 3; you may replace them with "
                "your own build of the same version."
            )
        )
        qt_note.setWordWrap(True)
        qt_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(qt_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def libraries_html(self) -> str:
        library, version, licence = self.tr("Library"), self.tr("Version"), self.tr("Licence")  # lupdate skips f-strings
        head = (
            f"<tr><th align='left'>{library}</th><th align='left'>{version}</th>"
            f"<th align='left'>{licence}</th></tr>"
        )
        rows = []
        for lib in self.libraries:
            name = html.escape(lib.name)
            if lib.home.startswith("https://"):
                name = f"<a href='{html.escape(lib.home, quote=True)}'>{name}</a>"
            rows.append(f"<tr><td>{name}</td><td>{html.escape(lib.version)}</td><td>{html.escape(lib.licence)}</td></tr>")
        return f"<table cellspacing='0' cellpadding='3' width='100%'>{head}{''.join(rows)}</table>"

    def text(self) -> str:
        """Everything the dialog says, as plain text (for tests and copying)."""
        return "\n".join((self.heading.text(), self.runtime.text(), self.table.toPlainText()))

    @classmethod
    def ask(cls, version: str, parent: QWidget | None = None) -> None:
        """Show it modally. Tests replace this."""
        cls(version, parent).exec()
