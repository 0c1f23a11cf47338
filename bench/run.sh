#!/usr/bin/env bash
# make bench: builds a 1,000,000-person demo district and its full CSV export (cached in
# bench/data), then measures import against `sqlite3 .import` of the same CSV, the read
# paths (bench_register) against bare SQLite, and the monthly subsidy review (bench_subsidy)
# against a plain SQL count, and the year's rehabilitation rates over 2,000,000 services
# (bench_rehab), and the insurance roster and figures (bench_insurance), and the first
# 200,000 persons imported from an .xlsx against the same rows from CSV (time and peak
# memory), all in this run. Prints one table.
set -euo pipefail
build=${1:-build}
persons=${BENCH_PERSONS:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
data="$here/data"
dpf="$build/dpf"
mkdir -p "$data"

secs() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l 2>/dev/null || awk "BEGIN { print $2 - $1 }"; }

if [ ! -f "$data/demo-$persons.db" ]; then
    echo "Making a demo district of $persons persons (once; cached in bench/data)..."
    rm -f "$data/demo-$persons.db"*
    "$dpf" --db "$data/demo-$persons.db" demo --persons "$persons" > /dev/null
fi
if [ ! -f "$data/persons-$persons.csv" ]; then
    "$dpf" --db "$data/demo-$persons.db" export persons --full-id \
        --out "$data/persons-$persons.csv" > /dev/null
fi
csv="$data/persons-$persons.csv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Baseline: the sqlite3 shell importing the same file into a WAL database, no checks.
t0=$(secs)
sqlite3 "$tmp/base.db" "PRAGMA journal_mode = WAL" ".import --csv $csv t" > /dev/null
t1=$(secs)
base=$(awk "BEGIN { print $t1 - $t0 }")

# dpf: parse, validate every row, insert with indexes and one audit row per person.
"$dpf" --db "$tmp/dpf.db" init > /dev/null
t0=$(secs)
"$dpf" --db "$tmp/dpf.db" import persons "$csv" --new-places > "$tmp/import.out"
t1=$(secs)
ours=$(awk "BEGIN { print $t1 - $t0 }")

printf '\ndpf bench: %s persons (%s)\n\n' "$persons" "$(date -u +%Y-%m-%d)"
printf '| %-34s | %13s | %12s | %9s | %-4s |\n' "measure" "dpf" "bare SQLite" "target" "ok"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------------" "---------------" \
    "--------------" "-----------" "------"
awk -v b="$base" -v o="$ours" -v n="$persons" 'BEGIN {
    printf("| %-34s | %11.2f s | %10.2f s | %9s | %-4s |\n", "import CSV (rows/s: " int(n / o) ")",
           o, b, "< 2x", (o <= 2 * b) ? "PASS" : "FAIL");
    printf("| %-34s | %12.2fx | %12s | %9s | %-4s |\n", "import time / sqlite3 .import", o / b,
           "1.00x", "< 2.0x", (o <= 2 * b) ? "PASS" : "FAIL");
}'
# Workbooks: the first 200,000 persons (or all, if fewer) as an .xlsx made by openpyxl
# (bench/xlsx_persons.py; cached in bench/data), imported into an empty register against the
# same rows as CSV (the bare SQLite column holds the CSV's figures). Time within 2x; memory
# (ru_maxrss of dpf and of its reading child, bench/rusage.py): the .xlsx reader streams the
# sheet and holds only the shared strings, so the peak stays within the CSV import's (which
# holds the whole file) plus 64 MB.
nx=$(( persons < 200000 ? persons : 200000 ))
xcsv="$data/persons-$persons-first-$nx.csv"
xlsx="$data/persons-$persons-first-$nx.xlsx"
[ -f "$xcsv" ] || head -n $((nx + 1)) "$csv" > "$xcsv"
if [ ! -f "$xlsx" ]; then
    echo "Making a workbook of $nx persons (once; cached in bench/data)..."
    /usr/bin/python3 "$here/xlsx_persons.py" "$xcsv" "$xlsx"
fi
for f in "$xcsv" "$xlsx"; do
    "$dpf" --db "$tmp/wb-${f##*.}.db" init > /dev/null
done
read -r csv_s csv_kb < <(/usr/bin/python3 "$here/rusage.py" "$dpf" --db "$tmp/wb-csv.db" \
    import persons "$xcsv" --new-places)
read -r xlsx_s xlsx_kb < <(/usr/bin/python3 "$here/rusage.py" "$dpf" --db "$tmp/wb-xlsx.db" \
    import persons "$xlsx" --new-places)
cmp -s <("$dpf" --db "$tmp/wb-csv.db" summary | sed 1d) <("$dpf" --db "$tmp/wb-xlsx.db" summary | sed 1d) ||
    echo "bench: FAIL: the register imported from the .xlsx is not the CSV's" >&2
awk -v c="$csv_s" -v x="$xlsx_s" -v ck="$csv_kb" -v xk="$xlsx_kb" -v n="$nx" 'BEGIN {
    printf("| %-34s | %11.2f s | %10.2f s | %9s | %-4s |\n", "import .xlsx, " n " rows (vs CSV)",
           x, c, "< 2x CSV", (x <= 2 * c) ? "PASS" : "FAIL");
    printf("| %-34s | %10.0f MB | %9.0f MB | %9s | %-4s |\n", "peak RSS .xlsx (vs CSV)",
           xk / 1024, ck / 1024, "CSV+64MB", (xk <= ck + 65536) ? "PASS" : "FAIL");
}'
"$build/bench_register" "$tmp/dpf.db"
# The monthly subsidy review: 300,000 of the imported persons enrolled, three months approved.
"$build/bench_subsidy" "$tmp/dpf.db"
# The year's rehabilitation rates: 2,000,000 services over the million persons.
"$build/bench_rehab" "$tmp/dpf.db"
# Accident insurance: the roster built on the start date, the year's figures, the .xlsx roster.
"$build/bench_insurance" "$tmp/dpf.db"
# The annual report over all of it, including writing the .xlsx.
"$build/bench_report" "$tmp/dpf.db"
echo
sed 's/^/dpf import: /' "$tmp/import.out"
