#!/usr/bin/env bash
# Put Allegro Channel Manager in the Linux desktop's application menu (for this user only).
#
#   bash packaging/install-linux-desktop.sh                  the `allegro-channel-manager`
#                                                            launcher from `pip install .`
#   bash packaging/install-linux-desktop.sh dist/allegro-channel-manager
#                                                            the PyInstaller build in that folder
#
# Copies the .desktop file to $XDG_DATA_HOME/applications and the icons to
# $XDG_DATA_HOME/icons/hicolor (default ~/.local/share). Run it again to update;
# remove those files to uninstall.
set -euo pipefail
NAME=allegro-channel-manager
here="$(cd "$(dirname "$0")" && pwd)"
resources="$here/../resources"
exec_line="$NAME"

if [ $# -gt 0 ]; then
  app="$(cd "$1" 2>/dev/null && pwd)" || { echo "No such folder: $1" >&2; exit 2; }
  if [ ! -x "$app/$NAME" ]; then
    echo "$app has no $NAME program: give the folder PyInstaller built (dist/$NAME)." >&2
    exit 2
  fi
  exec_line="$app/$NAME"
  [ -d "$app/_internal/resources" ] && resources="$app/_internal/resources"
fi

data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
icons="$data_home/icons/hicolor"
for size in 16 32 48 64 128 256; do
  install -D -m 644 "$resources/icons/app-$size.png" "$icons/${size}x$size/apps/$NAME.png"
done
install -D -m 644 "$resources/icons/app.svg" "$icons/scalable/apps/$NAME.svg"

# A path with spaces must be quoted inside Exec (Desktop Entry spec); TryExec takes it bare.
quoted="$exec_line"
case "$exec_line" in *" "*) quoted="\"$exec_line\"" ;; esac
mkdir -p "$data_home/applications"
sed -e "s|^Exec=.*|Exec=$quoted|" -e "s|^TryExec=.*|TryExec=$exec_line|" \
  "$resources/$NAME.desktop" > "$data_home/applications/$NAME.desktop"
chmod 644 "$data_home/applications/$NAME.desktop"

# Menus and docks pick the new entry up sooner when their caches are refreshed.
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data_home/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$icons" || true
echo "Installed $data_home/applications/$NAME.desktop (starts: $exec_line)"
