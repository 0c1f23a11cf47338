#!/usr/bin/env bash
# The yearly update (年度动态更新) of a whole district imported from one file gives what the
# single commands give. dpf demo makes the 18,253-person district; make_csv.py writes every
# 2026 holder's update as the import's CSV (IDs or certificates, dates typed the common
# ways, write-offs) and as `dpf update record` commands. Checked: the whole file imports in
# one go with no holder left pending; a sample of it imported and the same sample as single
# commands leave the same register, updates and audit rows (dump.py); a re-import changes
# nothing; a file with one bad row leaves the database as it was.
# The sample is every YEARLY_EVERY-th holder (default 20, 100 under a sanitizer: a command
# costs ~20 ms, a holder file of 17,633 takes minutes that way); YEARLY_EVERY=1 compares
# them all. Ends with "yearly: N passed, N failed".
set -u
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/dpf-yearly-XXXXXX)
passed=0 failed=0
every=${YEARLY_EVERY:-$([ -n "${DPF_SAN:-}" ] && echo 100 || echo 20)}
export LANG=C.UTF-8 DPF_NOW="2026-06-30 10:00:00" DPF_LOCALEDIR="$build/locale"
dpf() { "$build/dpf" "$@"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f s", b - a }'; }

result() {  # NAME: passes if the last command did
    if [ "$1" = 0 ]; then echo "yearly: $2 ok"; passed=$((passed + 1));
    else echo "yearly: $2 FAILED"; failed=$((failed + 1)); fi
}

cd "$work" || exit 1
dpf --db d.db demo --persons 18253 > /dev/null || { echo "yearly: demo FAILED"; exit 1; }
holders=$(python3 "$here/make_csv.py" d.db 2026 2026-06-30 all.csv all.cmds)
python3 "$here/make_csv.py" d.db 2026 2026-06-30 sample.csv sample.cmds "$every" > /dev/null

# The whole district from one file: every holder contacted, none pending.
cp d.db all.db
start=$EPOCHREALTIME
out=$(dpf --db all.db import updates all.csv)
echo "yearly: $holders holders imported in $(since "$start")"
[[ "$out" == *"新增 $holders 条，更新 0 条，未变 0 条，拒绝 0 行"* ]] &&
    dpf --db all.db update summary --year 2026 | tail -1 | grep -Eq " $holders( .*)? 0$"
result $? "the district's $holders holders imported from one file, none pending"

# Imported again: nothing changes.
out=$(dpf --db all.db import updates all.csv)
[[ "$out" == *"新增 0 条，更新 0 条，未变 $holders 条"* ]]
result $? "a re-import changes nothing"

# A sample as single commands and as an import: the same tables.
cp d.db cmds.db
cp d.db file.db
n=0 start=$EPOCHREALTIME
while IFS=$'\t' read -r -a args; do
    dpf --db cmds.db update record "${args[@]}" > /dev/null || echo "yearly: ${args[0]} refused"
    n=$((n + 1))
done < sample.cmds
echo "yearly: $n single commands in $(since "$start")"
dpf --db file.db import updates sample.csv > /dev/null
python3 "$here/dump.py" cmds.db > cmds.txt
python3 "$here/dump.py" file.db > file.txt
diff cmds.txt file.txt > diff.txt
result $? "$n holders: the import and the single commands leave the same tables"
head -20 diff.txt

# One bad row (an ID Excel stored as a number) and nothing is written.
cp d.db bad.db
{ cat all.csv; printf '3.41503E+17,,2026,入户,核实,2026-03-05,\r\n'; } > bad.csv
python3 "$here/dump.py" bad.db > before.txt
dpf --db bad.db import updates bad.csv > /dev/null 2>&1
rc=$?
python3 "$here/dump.py" bad.db > after.txt
[ "$rc" = 1 ] && cmp -s before.txt after.txt && grep -q "^$((holders + 2)),残疾人证号," \
    <(tail -c +4 bad.rejects.csv)
result $? "a file with one bad row leaves the database as it was"

rm -rf "$work"
echo "yearly: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
