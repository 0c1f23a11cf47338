#!/usr/bin/env bash
# The clock of the normal build: `build/dpf` (REAL_DPF; made without DPF_TEST_CLOCK) does not
# read DPF_NOW at all and stamps the audit log with the real time, while the test build under
# test (BUILD) starts its clock at DPF_NOW. Prints "clock: N passed, N failed".
set -u
build=$(cd "${1:-build-test}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
real=${REAL_DPF:-$here/../../build/dpf}
work=$(mktemp -d /tmp/dpf-clock-XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
export LANG=C.UTF-8 DPF_LOCALEDIR="$build/locale" DPF_NOW="2099-01-01 00:00:00"

check() {
    if [ "$2" = ok ]; then
        echo "clock: $1 ok"; passed=$((passed + 1))
    else
        echo "clock: $1 FAILED: $2"; failed=$((failed + 1))
    fi
}

# stamps DPF NAME: the dates of the audit rows a fresh database gets from an import.
stamps() {
    "$1" --db "$work/$2.db" init > /dev/null &&
        "$1" --db "$work/$2.db" import persons "$here/../fixtures/persons_good.csv" --new-places > /dev/null &&
        sqlite3 "$work/$2.db" "SELECT DISTINCT substr(at, 1, 10) FROM audit"
}

if [ ! -x "$real" ]; then
    check "normal build" "$real is missing (make builds it)"
else
    # The real date, read before and after: the run may straddle midnight.
    before=$(date +%F)
    got=$(stamps "$real" real)
    after=$(date +%F)
    if [ -z "$got" ] || [ "$(printf '%s\n' "$got" | grep -cvxE "$before|$after")" != 0 ]; then
        check "the normal build ignores DPF_NOW" "audit dated '$got', today is $before"
    else
        check "the normal build ignores DPF_NOW" ok
    fi
    if grep -q DPF_NOW "$real"; then
        check "the normal build has no DPF_NOW in it" "the string is in $real"
    else
        check "the normal build has no DPF_NOW in it" ok
    fi
fi
# The same run with the test build is dated by DPF_NOW: the check above is not vacuous.
got=$(stamps "$build/dpf" test)
[ "$got" = 2099-01-01 ] && check "the test build starts at DPF_NOW" ok ||
    check "the test build starts at DPF_NOW" "audit dated '$got'"

echo "clock: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
