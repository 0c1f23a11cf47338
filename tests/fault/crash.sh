#!/usr/bin/env bash
# Crash test: `kill -9` dpf at random moments of a large import (into an empty register, the
# bulk loader) and of a month's approval, ROUNDS times each. After every kill `dpf check`
# must pass and the data must be all before or all after: 0 or every person with its audit
# row; 0 or every roster line of the month, and the month approved only with its lines.
# Usage: crash.sh BUILD_DIR [ROUNDS]. Prints the kills survived.
name="crash" rounds_default=20
. "$(dirname "$0")/lib.sh"

# A file of 60,000 persons to import, and a district whose June is not yet approved.
"$dpf" --db "$work/src.db" demo --persons 60000 > /dev/null || fail "demo"
"$dpf" --db "$work/src.db" export persons --full-id --out "$work/persons.csv" > /dev/null
rows=$(($(wc -l < "$work/persons.csv") - 1))

# How long each takes uninterrupted, so kills land anywhere in it.
"$dpf" --db "$work/t.db" init > /dev/null
t0=$(date +%s%N)
"$dpf" --db "$work/t.db" import persons "$work/persons.csv" --new-places > /dev/null || fail "import"
import_ms=$((($(date +%s%N) - t0) / 1000000))
cp "$work/src.db" "$work/a.db"
t0=$(date +%s%N)
"$dpf" --db "$work/a.db" subsidy approve --month 2026-06 > /dev/null || fail "approve"
approve_ms=$((($(date +%s%N) - t0) / 1000000))
june=$(sqlite3 "$work/a.db" "SELECT count(*) FROM roster_line WHERE month = '2026-06'")
[ "$june" -gt 0 ] || fail "June approved with no lines"


killed=0
for r in $(seq "$rounds"); do
    rm -f "$work"/i.db*
    "$dpf" --db "$work/i.db" init > /dev/null
    kill_at $((RANDOM % (import_ms + 50))) "$dpf" --db "$work/i.db" import persons "$work/persons.csv" --new-places
    "$dpf" --db "$work/i.db" check > "$work/check.out" 2>&1 || { cat "$work/check.out"; fail "check after import kill $r"; }
    n=$(sqlite3 "$work/i.db" "SELECT count(*) FROM person")
    a=$(sqlite3 "$work/i.db" "SELECT count(*) FROM audit WHERE entity = 'person'")
    [ "$n" = 0 ] || [ "$n" = "$rows" ] || fail "import kill $r left $n of $rows persons"
    [ "$a" = "$n" ] || fail "import kill $r: $n persons but $a audit rows"
    killed=$((killed + 1))
done
approved=0
for r in $(seq "$rounds"); do
    rm -f "$work"/m.db*
    cp "$work/src.db" "$work/m.db"
    kill_at $((RANDOM % (approve_ms + 50))) "$dpf" --db "$work/m.db" subsidy approve --month 2026-06
    "$dpf" --db "$work/m.db" check > "$work/check.out" 2>&1 || { cat "$work/check.out"; fail "check after approval kill $r"; }
    got=$(sqlite3 "$work/m.db" "SELECT count(*) FROM roster_line WHERE month = '2026-06'")
    month=$(sqlite3 "$work/m.db" "SELECT count(*) FROM subsidy_month WHERE month = '2026-06'")
    [ "$got" = 0 ] || [ "$got" = "$june" ] || fail "approval kill $r left $got of $june lines"
    [ "$month" = $((got > 0 ? 1 : 0)) ] || fail "approval kill $r: month recorded $month with $got lines"
    [ "$got" = 0 ] || approved=$((approved + 1))
    killed=$((killed + 1))
done
echo "crash test: $killed kills survived ($rounds in an import of $rows persons taking ${import_ms} ms, $rounds in an approval of $june lines taking ${approve_ms} ms, $approved of those had finished); every database passed dpf check, nothing half-written"
