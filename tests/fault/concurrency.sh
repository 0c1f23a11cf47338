#!/usr/bin/env bash
# Concurrency test: 8 dpf processes on one database for SECONDS seconds, as 8 clerks in their
# own terminals: 4 change persons' status back and forth (each on persons of their own), 2
# re-import a file of 200 persons with a changed phone, 2 record the yearly update. Then:
# no command failed (a busy database is waited for, never reported as "locked"), every
# successful change left exactly its audit row, and `dpf check` passes.
# Usage: concurrency.sh BUILD_DIR [SECONDS]. Prints the operations survived.
set -u
build=$(cd "${1:-build}" && pwd)
secs=${2:-20}
work=$(mktemp -d /tmp/dpf-conc-XXXXXX)
trap 'rm -rf "$work"' EXIT
export DPF_NOW="2026-06-30 10:00:00" LANG=C.UTF-8
dpf="$build/dpf"
db="$work/c.db"
fail() { echo "concurrency test FAILED: $*"; exit 1; }

"$dpf" --db "$db" demo --persons 4000 > /dev/null || fail "demo"
sqlite3 "$db" "SELECT cert_no FROM person WHERE status = 1 ORDER BY id LIMIT 400" > "$work/certs"
"$dpf" --db "$db" export persons --full-id --out "$work/all.csv" > /dev/null
head -201 "$work/all.csv" > "$work/a.csv"
# the same 200 persons with other phone numbers: each import changes every row
/usr/bin/python3 - "$work/a.csv" "$work/b.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
phone = rows[0].index("联系电话")
for i, r in enumerate(rows[1:]):
    r[phone] = "139%08d" % i
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8-sig", newline=""))
w.writerows(rows)
PY
before=$(sqlite3 "$db" "SELECT count(*) FROM audit")
end=$(($(date +%s) + secs))

status_worker() {       # persons k*50 .. k*50+49 of the list, each toggled 迁出 / 在册
    local k=$1 ok=0 n=0 s
    while [ "$(date +%s)" -lt "$end" ]; do
        local cert=$(sed -n "$((k * 50 + n % 50 + 1))p" "$work/certs")
        s=$(sqlite3 -cmd ".timeout 10000" "$db" "SELECT status FROM person WHERE cert_no = '$cert'")
        if [ "$s" = 1 ]; then
            "$dpf" --db "$db" person status "$cert" --status 迁出 --date 2026-06-01 --reason 测试 \
                > /dev/null 2>> "$work/err.$k" && ok=$((ok + 1))
        else
            "$dpf" --db "$db" person status "$cert" --status 在册 --date 2026-06-02 \
                > /dev/null 2>> "$work/err.$k" && ok=$((ok + 1))
        fi
        n=$((n + 1))
    done
    echo "$ok" > "$work/ok.$k"
}
import_worker() {       # alternating files: an import updates the persons it changes
    local k=$1 ok=0 n=0 f
    while [ "$(date +%s)" -lt "$end" ]; do
        f=$([ $((n % 2)) = 0 ] && echo b || echo a)
        "$dpf" --db "$db" import persons "$work/$f.csv" --new-places > "$work/imp.$k" 2>> "$work/err.$k" &&
            ok=$((ok + $(grep -o "更新 [0-9]* 人" "$work/imp.$k" | grep -o "[0-9]*")))
        n=$((n + 1))
    done
    echo "$ok" > "$work/ok.$k"
}
yearly_worker() {       # persons 200 + (k-6)*100 ..: the yearly update, once each
    local k=$1 ok=0 n=0
    while [ "$(date +%s)" -lt "$end" ] && [ "$n" -lt 100 ]; do
        local cert=$(sed -n "$((200 + (k - 6) * 100 + n + 1))p" "$work/certs")
        "$dpf" --db "$db" update record "$cert" --year 2026 --contact 电话 > /dev/null \
            2>> "$work/err.$k" && ok=$((ok + 1))
        n=$((n + 1))
    done
    echo "$ok" > "$work/ok.$k"
}

for k in 0 1 2 3; do status_worker $k & done
import_worker 4 &
sleep 0.3
import_worker 5 &
yearly_worker 6 &
yearly_worker 7 &
wait
ops=0
for k in 0 1 2 3 4 5 6 7; do ops=$((ops + $(cat "$work/ok.$k"))); done
cat "$work"/err.* 2> /dev/null | grep -v "^$" > "$work/errors" || true
if [ -s "$work/errors" ]; then
    head -5 "$work/errors"
    fail "$(wc -l < "$work/errors") commands failed"
fi
"$dpf" --db "$db" check > "$work/check.out" 2>&1 || { cat "$work/check.out"; fail "dpf check"; }
changes=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE id > $before
                          AND action IN ('status', 'update', 'yearly_update')")
[ "$changes" = "$ops" ] || fail "$ops changes reported done but $changes audit rows"
echo "concurrency test: 8 processes for ${secs} s, $ops changes (status changes, imported updates, yearly updates) each done and audited once, no command failed, no lock error, dpf check passed"
