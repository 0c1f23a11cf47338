#!/usr/bin/env bash
# The layer check (scripts/layers.py) on small planted trees: it must pass a tree whose
# arrows run down, and fail one with a circle, a call up a floor, a call to a neighbour on
# the same floor and a folder with no floor. Then the real build's objects. Ends with "layers: N passed, N failed".
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/dpf-layers-XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

# plant TREE FILE "C source": one source of a planted tree and its object beside it (the
# check reads only objects whose source exists).
plant() {
    mkdir -p "$(dirname "$work/$1/$2")"
    printf '%s\n' "$3" > "$work/$1/$2.c"
    cc -c -o "$work/$1/$2.o" "$work/$1/$2.c"
}
# expect NAME WANT(0|1) TREE [PATTERN]: the check's exit code, and a line it must print.
expect() {
    local out rc
    out=$(cd "$work/$3" && python3 "$root/scripts/layers.py" . 2>&1); rc=$?
    [ $rc -ne 0 ] && rc=1
    if [ $rc -eq "$2" ] && { [ -z "${4:-}" ] || grep -q -- "$4" <<< "$out"; }; then
        echo "layers: $1 ok"; passed=$((passed + 1))
    else
        echo "FAIL: layers: $1 (exit $rc)"; printf '%s\n' "$out"; failed=$((failed + 1))
    fi
}

plant down src/core/base/low 'int low(void) { return 1; }'
plant down src/core/register/high 'int low(void); int high(void) { return low(); }'
expect "arrows running down pass" 0 down "0 problems"

plant circle src/core/base/a 'int b(void); int a(void) { return b(); }'
plant circle src/core/base/b 'int a(void); int b(void) { return a() + 1; }'
expect "a circle fails" 1 circle "circle: src/core/base/a.c <-> src/core/base/b.c"

plant up src/core/base/low 'int high(void); int low(void) { return high(); }'
plant up src/core/subsidy/high 'int high(void) { return 2; }'
expect "a call up a floor fails" 1 up "upward: src/core/base/low.c -> src/core/subsidy/high.c"

plant side src/core/subsidy/s 'int ins(void); int s(void) { return ins(); }'
plant side src/core/insurance/i 'int ins(void) { return 3; }'
expect "a call to a neighbour on the same floor fails" 1 side "sideways: src/core/subsidy/s.c"

plant loose src/core/base/low 'int low(void) { return 1; }'
plant loose src/core/household/h 'int low(void); int h(void) { return low(); }'
expect "a core folder with no floor fails" 1 loose "unplaced: src/core/household"

out=$(python3 "$root/scripts/layers.py" "$build" 2>&1)
if [ $? -eq 0 ]; then echo "layers: dpf's own objects ok"; passed=$((passed + 1))
else printf '%s\n' "$out"; echo "FAIL: layers: dpf's own objects"; failed=$((failed + 1)); fi

echo "layers: $passed passed, $failed failed"
