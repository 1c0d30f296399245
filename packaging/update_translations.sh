#!/usr/bin/env bash
# Refresh the Qt Linguist catalogues from the code and compile them:
#   bash packaging/update_translations.sh
# 1. pyside6-lupdate reads every tr()/QCoreApplication.translate()/QT_TRANSLATE_NOOP string
#    in main.py and ui/ into resources/translations/acm_pl.ts and acm_en.ts (new strings
#    arrive "unfinished", strings no longer in the code are dropped);
# 2. translate the unfinished ones (Qt Linguist: `uv run pyside6-linguist resources/translations/acm_pl.ts`);
# 3. pyside6-lrelease compiles both into the .qm files the app loads (commit .ts and .qm).
# core/'s sentences are not Qt's: resources/locale/pl/LC_MESSAGES/core.po (packaging/fold_catalogue.py).
# tests/ui/test_translations.py fails while any string is unfinished or a .qm is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
out=resources/translations
mkdir -p "$out"
mapfile -t sources < <(ls main.py ui/*.py ui/*/*.py | sort)
for lang in pl en; do
    uv run pyside6-lupdate -no-obsolete -locations relative -source-language en_GB -target-language "$lang" \
        "${sources[@]}" -ts "$out/acm_$lang.ts"
done
# -nounfinished: an unfinished string falls back to English instead of showing an empty text.
for lang in pl en; do
    uv run pyside6-lrelease -nounfinished "$out/acm_$lang.ts" -qm "$out/acm_$lang.qm"
done
