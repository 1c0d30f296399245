"""Refresh core's gettext catalogue from the code, folding in Polish kept in dict files:

    uv run python packaging/fold_catalogue.py [core/i18n_pl_<branch>.py ...]

Reads every sentence core/ and main.py mark with _(), N_() or n_() (found with ast), keeps
the Polish resources/locale/pl/LC_MESSAGES/core.po already has, takes the Polish of each
FILE's `CATALOGUE = {english: polish}` (a counted sentence: english_singular: (form for 1,
for 2–4, for 5+)), drops entries no code marks any more and rewrites core.po. Prints what
it did and the sentences still without Polish (tests/core/test_i18n_catalogue.py fails
while any is left). Delete the folded files afterwards.
"""
from __future__ import annotations

import ast
import runpy
import sys
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "resources" / "locale" / "pl" / "LC_MESSAGES" / "core.po"


@dataclass
class Marked:
    plural: str | None = None  # the English plural of a counted sentence
    files: set[str] = field(default_factory=set)


def marked_sentences(root: Path = ROOT) -> tuple[dict[str, Marked], list[str]]:
    """msgid -> Marked for every literal given to _(), N_() or n_(); and the problems found
    (a marker given an f-string or a concatenation, which no catalogue can hold)."""
    found: dict[str, Marked] = {}
    problems: list[str] = []
    for path in [*sorted((root / "core").rglob("*.py")), root / "main.py"]:
        where = path.relative_to(root).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            calls = [node] if isinstance(node, ast.Call) else []
            if isinstance(node, ast.Tuple):  # (key, N_("{n} thing"), "{n} things"): a counted constant
                for first, second in zip(node.elts, node.elts[1:]):
                    if _marker(first) == "N_" and first.args and "{n}" in (_text(first.args[0]) or "") \
                            and "{n}" in (_text(second) or ""):
                        found.setdefault(_text(first.args[0]), Marked()).plural = _text(second)
            for call in calls:
                name = _marker(call)
                if not name or not call.args:
                    continue
                if isinstance(call.args[0], (ast.JoinedStr, ast.BinOp)):
                    problems.append(f"{where}:{call.lineno}: {name}() needs a plain string (format after translating)")
                text = _text(call.args[0])
                if text is None:
                    continue  # _(CONSTANT): the constant's text is marked with N_() where it is defined
                entry = found.setdefault(text, Marked())
                entry.files.add(where)
                if name == "n_" and len(call.args) > 1 and _text(call.args[1]) is not None:
                    entry.plural = _text(call.args[1])
    return found, problems


def _marker(node: ast.AST) -> str:
    if not isinstance(node, ast.Call):
        return ""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name if name in ("_", "N_", "n_") else ""


def _text(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def read_catalogue(path: Path = PO) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale="pl", domain="core")


def polish_of(file: Path) -> dict:
    """The file's CATALOGUE, or its one upper-case dict."""
    names = runpy.run_path(str(file))
    if isinstance(names.get("CATALOGUE"), dict):
        return names["CATALOGUE"]
    dicts = [v for k, v in names.items() if k.isupper() and isinstance(v, dict)]
    if len(dicts) != 1:
        raise SystemExit(f"{file}: no CATALOGUE dict")
    return dicts[0]


def fold(files: list[Path], path: Path = PO) -> list[str]:
    """Rewrites `path` as described above; returns the lines to print."""
    old = read_catalogue(path)
    marked, problems = marked_sentences()
    polish = {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in old if m.id}
    said = [f"problem: {p}" for p in problems]
    for file in files:
        for english, text in polish_of(file).items():
            counted = marked.get(english) and marked[english].plural is not None
            if english not in marked:
                said.append(f"{file.name}: not marked in the code, left out: {english!r}")
            elif counted != isinstance(text, tuple) or (counted and len(text) != 3):
                said.append(f"{file.name}: needs {'three forms' if counted else 'one text'}: {english!r}")
            else:
                polish[english] = text
    new = Catalog(locale="pl", domain="core", header_comment=old.header_comment, fuzzy=False)
    new.mime_headers = old.mime_headers  # the header as it was, Plural-Forms included
    missing = []
    for english, entry in marked.items():
        text = polish.get(english)
        if entry.plural is not None:
            forms = tuple(text) if isinstance(text, (tuple, list)) and len(text) == 3 else ("", "", "")
            new.add((english, entry.plural), forms, locations=[(f, None) for f in sorted(entry.files)])
            text = forms[0]
        else:
            text = text if isinstance(text, str) else ""
            new.add(english, text, locations=[(f, None) for f in sorted(entry.files)])
        if not text:
            missing.append(english)
    dropped = sorted(set(polish) - set(marked))
    with path.open("wb") as po:
        write_po(po, new, width=100, sort_by_file=True, include_lineno=False, omit_header=False)
    said += [f"dropped (no longer in the code): {english!r}" for english in dropped]
    said += [f"still without Polish: {english!r}" for english in missing]
    said.append(f"{path.name}: {len(marked)} sentences, {len(missing)} without Polish")
    return said


if __name__ == "__main__":
    print("\n".join(fold([Path(name) for name in sys.argv[1:]])))
