#!/usr/bin/env bash
# CLI tests: each cases/NAME.sh runs `dpf` in a fresh directory on fixture files; what it
# prints (stdout and stderr) must equal cases/NAME.out. The clock starts at DPF_NOW in each
# dpf (a test build's; a short command's stamps are that time) and the login name is replaced
# by USER so the output is the same on every machine.
# UPDATE=1 tests/cli/run.sh writes the .out files instead (then read them before committing).
set -u
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
passed=0 failed=0
user=$(id -un)

for case in "$here"/cases/*.sh; do
    name=$(basename "$case" .sh)
    work=$(mktemp -d /tmp/dpf-cli-XXXXXX)
    actual=$(cd "$work" && env -i PATH="$build:/usr/bin:/bin" HOME="$work" \
        LANG=C.UTF-8 DPF_NOW="2026-06-30 10:00:00" DPF_LOCALEDIR="$build/locale" \
        FIX="$here/../fixtures" TOOLS="$here/../tools" \
        bash -e "$case" 2>&1 | sed -e "s/\b$user\b/USER/g" -e "s|$here/../fixtures|\$FIX|g")
    expected="$here/cases/$name.out"
    if [ "${UPDATE:-0}" = 1 ]; then
        printf '%s\n' "$actual" > "$expected"
    fi
    if [ -f "$expected" ] && diff -u "$expected" <(printf '%s\n' "$actual") > "$work.diff"; then
        echo "cli: $name ok"
        passed=$((passed + 1))
    else
        echo "cli: $name FAILED"
        cat "$work.diff" 2>/dev/null | head -40
        failed=$((failed + 1))
    fi
    rm -rf "$work" "$work.diff"
done
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
