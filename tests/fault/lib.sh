# Shared by the fault tests (sourced): the build's dpf, a work folder removed at exit, the
# fixed clock of the test build, and kill_at. Set `name` (for messages) and `rounds_default`
# before sourcing; the script's arguments are BUILD_DIR [ROUNDS].
set -u
build=$(cd "${1:-build}" && pwd)
rounds=${2:-$rounds_default}
work=$(mktemp -d /tmp/dpf-fault-XXXXXX)
trap 'rm -rf "$work"' EXIT
export DPF_NOW="2026-06-30 10:00:00" LANG=C.UTF-8
dpf="$build/dpf"
fail() { echo "$name test FAILED: $*"; exit 1; }

kill_at() {         # kill_at MS CMD...: runs CMD, kills it -9 after MS milliseconds
    local ms=$1
    shift
    "$@" > /dev/null 2>&1 &
    local pid=$!
    sleep "$(awk -v m="$ms" 'BEGIN { printf("%.3f", m / 1000) }')"
    kill -9 "$pid" 2> /dev/null
    wait "$pid" 2> /dev/null
}
