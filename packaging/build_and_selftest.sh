#!/usr/bin/env bash
# Build the one-folder desktop app and prove it starts:
#   1. PyInstaller builds dist/allegro-channel-manager/ from packaging/allegro-channel-manager.spec;
#   2. the built app runs `--self-test` (window opens, WSDL loads, database opens, exit 0);
#   3. the folder's size is printed in MB;
#   4. `pip install .` (done with uv pip, from uv's cache) into a throwaway venv gives an
#      `allegro-channel-manager` launcher that passes the same self-test (skip with --no-wheel).
# Exits non-zero when any step fails. Run from anywhere: bash packaging/build_and_selftest.sh
set -euo pipefail
cd "$(dirname "$0")/.."

check_wheel=1
[ "${1:-}" = "--no-wheel" ] && check_wheel=0

NAME=allegro-channel-manager
APP_DIR="dist/$NAME"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

self_test() {  # self_test LABEL EXECUTABLE: runs it headless on an empty data folder
  local label="$1" exe="$2" data="$scratch/data-$1"
  mkdir -p "$data"
  if ! QT_QPA_PLATFORM=offscreen ACM_DATA_DIR="$data" timeout 120 "$exe" --self-test; then
    echo "FAILED: the $label self-test did not exit 0; its log:" >&2
    cat "$data/logs/acm.log" >&2 2>/dev/null || true
    return 1
  fi
  if [ ! -s "$data/acm.sqlite3" ]; then
    echo "FAILED: the $label self-test created no database in $data" >&2
    return 1
  fi
  echo "== $label self-test passed"
}

echo "== building $APP_DIR with PyInstaller"
start=$(date +%s)
uv run --group packaging pyinstaller packaging/$NAME.spec --noconfirm --log-level WARN
echo "== build took $(( $(date +%s) - start )) s"

for bundled in webapi.wsdl icons/app.svg icons/app-256.png locale/pl/LC_MESSAGES/core.po; do
  if [ ! -s "$APP_DIR/_internal/resources/$bundled" ]; then
    echo "FAILED: resources/$bundled is missing from the built app" >&2
    exit 1
  fi
done

self_test "built app" "$APP_DIR/$NAME"
# core's Polish catalogue is found and read (Babel) in the frozen app: a command in Polish
mkdir -p "$scratch/data-pl"
said="$(LANG=pl_PL.UTF-8 LC_ALL= LC_MESSAGES= ACM_DATA_DIR="$scratch/data-pl" timeout 120 "$APP_DIR/$NAME" channel list)"
if [[ "$said" != *"Nie ma jeszcze kanałów."* ]]; then
  echo "FAILED: the built app's 'channel list' is not in Polish under LANG=pl_PL.UTF-8: $said" >&2
  exit 1
fi
echo "== built app speaks Polish"
echo "== app folder size: $(du -sm "$APP_DIR" | cut -f1) MB ($APP_DIR)"

if [ "$check_wheel" = 1 ]; then
  echo "== pip install . into a throwaway venv"
  start=$(date +%s)
  uv venv --quiet --python 3.11 "$scratch/venv"
  # Pinned to uv.lock's versions, which `uv run` already has in uv's cache.
  uv export --quiet --frozen --no-dev --no-hashes -o "$scratch/constraints.txt"
  uv pip install --quiet --python "$scratch/venv/bin/python" -c "$scratch/constraints.txt" .
  echo "== install took $(( $(date +%s) - start )) s"
  # From another folder, so the checkout's own modules cannot stand in for the installed ones.
  (cd "$scratch" && self_test "installed launcher" "$scratch/venv/bin/$NAME")
fi
echo "== packaging checks passed"
