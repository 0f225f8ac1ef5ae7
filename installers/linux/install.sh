#!/bin/sh
# Install cmsdesk for the current user only: no administrator rights, nothing outside $HOME.
#
#   ./install.sh               install (or update) from this unpacked folder
#   ./install.sh --uninstall   remove the program, its menu entry, file type and icons
#
# The program goes to ~/.local/opt/cmsdesk with a link in ~/.local/bin; the menu entry, the
# .cmsb file type and the icons go to ~/.local/share (or $XDG_DATA_HOME). Your plans live in
# ~/.local/share/cmsdesk and are never touched by this script.
set -eu

usage() {
    sed -n '2,9s/^# \{0,1\}//p' "$0"
}

fail() {
    echo "install.sh: $*" >&2
    exit 1
}

: "${HOME:?install.sh: HOME is not set}"
HERE=$(cd "$(dirname "$0")" && pwd -P)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
DEST=$HOME/.local/opt/cmsdesk
BIN=$HOME/.local/bin

case "${1:-}" in
    "") action=install ;;
    --uninstall) action=uninstall ;;
    -h | --help) usage; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (use --uninstall, or --help)" >&2; exit 2 ;;
esac

# Refresh the desktop's caches when the tools exist (they are optional on minimal systems).
refresh() {
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$DATA/mime" ]; then
        update-mime-database "$DATA/mime" || echo "install.sh: update-mime-database failed" >&2
    fi
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$DATA/applications" ]; then
        update-desktop-database -q "$DATA/applications" || true
    fi
    if [ -d "$DATA/icons/hicolor" ]; then
        touch "$DATA/icons/hicolor"
        if command -v gtk-update-icon-cache >/dev/null 2>&1; then
            gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" || true
        fi
    fi
}

# The files of share/ below $1, one relative path a line.
share_files() {
    (cd "$1/share" && find . -type f | sed 's|^\./||')
}

if [ "$action" = uninstall ]; then
    [ -x "$DEST/cmsdesk" ] || fail "cmsdesk is not installed in $DEST"
    share_files "$DEST" | while IFS= read -r rel; do
        rm -f "$DATA/$rel"
    done
    if [ -L "$BIN/cmsdesk" ] && [ "$(readlink "$BIN/cmsdesk")" = "$DEST/cmsdesk" ]; then
        rm -f "$BIN/cmsdesk"
    fi
    rm -rf "$DEST"
    refresh
    echo "cmsdesk was removed. Your plans in $DATA/cmsdesk were kept."
    exit 0
fi

[ -x "$HERE/cmsdesk" ] && [ -d "$HERE/share" ] ||
    fail "run this script from the unpacked cmsdesk folder (it needs ./cmsdesk and ./share)"

# Copy the program next to the old one, then swap, so a failed copy leaves the old one working.
if [ "$HERE" != "$DEST" ]; then
    mkdir -p "$(dirname "$DEST")"
    rm -rf "$DEST.new" "$DEST.old"
    cp -R "$HERE" "$DEST.new"
    if [ -e "$DEST" ]; then
        mv "$DEST" "$DEST.old"
    fi
    mv "$DEST.new" "$DEST"
    rm -rf "$DEST.old"
fi

mkdir -p "$BIN"
if [ -e "$BIN/cmsdesk" ] && [ ! -L "$BIN/cmsdesk" ]; then
    echo "install.sh: $BIN/cmsdesk exists and is not a link; left as it is" >&2
else
    ln -sfn "$DEST/cmsdesk" "$BIN/cmsdesk"
fi

# Menu entry, file type and icons. The desktop entry gets the program's full path, since
# ~/.local/bin is not on every desktop session's PATH.
program=$(printf '%s' "$DEST/cmsdesk" | sed 's/[\\&|]/\\&/g')
share_files "$DEST" | while IFS= read -r rel; do
    mkdir -p "$(dirname "$DATA/$rel")"
    case "$rel" in
        *.desktop)
            sed -e "s|^Exec=cmsdesk |Exec=\"$program\" |" -e "s|^TryExec=cmsdesk\$|TryExec=$program|" \
                "$DEST/share/$rel" >"$DATA/$rel"
            ;;
        *) cp "$DEST/share/$rel" "$DATA/$rel" ;;
    esac
done
refresh

echo "cmsdesk is installed in $DEST."
echo "Start it from your applications menu, or double-click a .cmsb bundle to import it."
case ":${PATH:-}:" in
    *":$BIN:"*) echo "On the command line: cmsdesk --help" ;;
    *) echo "On the command line: $BIN/cmsdesk --help (add $BIN to your PATH to type just cmsdesk)" ;;
esac
