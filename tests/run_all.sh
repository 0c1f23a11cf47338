#!/usr/bin/env bash
# Runs every test suite against a test build: the cmocka unit tests, the layer check, the
# CLI tests, the yearly update of a whole district (yearly/), the clock (with the normal build
# beside it), the screen tests, the installed help (help/: dpf(1) and the completion, put
# into a DESTDIR from the normal build), then the installed privilege boundary (as root
# only; it builds and installs its own normal build). Ends with one line "N passed, N
# failed" counting individual tests; exits non-zero if any failed.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
passed=0 failed=0
export CMOCKA_MESSAGE_OUTPUT=STDOUT

for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    out=$("$t" 2>&1); rc=$?
    printf '%s\n' "$out"
    p=$(printf '%s\n' "$out" | sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    f=$(printf '%s\n' "$out" | sed -n 's/.*\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    if [ $rc -ne 0 ] && [ -z "$f" ]; then
        echo "FAIL: $t exited $rc"; failed=$((failed + 1))
    fi
done

# suite NAME: runs NAME/run.sh, which ends with "NAME: N passed, N failed".
suite() {
    local out p f rc
    out=$("$here/$1/run.sh" "$build"); rc=$?
    printf '%s\n' "$out"
    p=$(printf '%s\n' "$out" | sed -n "s/^$1: \([0-9]*\) passed, \([0-9]*\) failed\$/\1/p")
    f=$(printf '%s\n' "$out" | sed -n "s/^$1: \([0-9]*\) passed, \([0-9]*\) failed\$/\2/p")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    [ $rc -ne 0 ] && [ -z "$f" ] && failed=$((failed + 1))
    return 0
}
suite layers
suite cli
suite yearly
suite clock
suite tui
suite help
suite install

echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
