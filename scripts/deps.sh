#!/bin/sh
# Checks that the Debian packages dpf builds, runs and tests with are installed. As root it
# installs what is missing; otherwise it prints the exact command and fails.
# Packages: build tools, SQLite, ncursesw, libxlsxwriter, libzip and expat (import .xlsx),
# libfreexl (import .xls), opencc (the Traditional catalogues, Traditional input made
# Simplified), libicu-dev (the pinyin table, made at build), cmocka, gettext, tmux (screen
# tests), python3-openpyxl (reads exported .xlsx back, and writes the .xlsx fixtures, in
# tests), python3-xlwt (writes the .xls fixtures), sqlite3 (bench baseline), man-db (man
# formats the installed dpf(1) in tests/help).
# Targets that need more name their packages as arguments (`make fuzz`: clang and its
# libFuzzer runtime).
set -eu

PKGS="gcc make pkg-config libc6-dev libsqlite3-dev sqlite3 libncurses-dev libxlsxwriter-dev \
zlib1g-dev nettle-dev libzip-dev libexpat1-dev libfreexl-dev opencc libopencc-dev libicu-dev \
libcmocka-dev gettext tmux python3 python3-openpyxl python3-xlwt man-db $*"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    echo "Installing missing packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
else
    echo "dpf needs these Debian packages, which are not installed:$missing" >&2
    echo "Install them with:" >&2
    echo "    sudo apt-get install$missing" >&2
    exit 1
fi
