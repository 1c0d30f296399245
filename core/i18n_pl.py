"""Polish for core's sentences (see core/i18n.py): English source -> Polish.

A counted sentence (n_) maps its English singular to the three Polish forms:
1 · 2–4, 22–24, … · 0, 5–21, 25–31, …  tests/ui/test_translations.py checks that every
marked sentence is here, with the same {placeholders}.
"""

CATALOGUE: dict[str, str | tuple[str, str, str]] = {
}
