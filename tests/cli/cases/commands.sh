# Every command row: it has a handler that takes its parsed options (typed), its --help
# exits 0 and names every option, and it has a capability (NONE fails). Then help made from the rows and a malformed value of each kind in use.
dpf help --rows > rows.txt
while IFS=$'\t' read -r group name need style opts; do
    [ "$need" != NONE ] || { echo "no capability: $group $name"; exit 1; }
    [ "$style" = typed ] || { echo "no typed handler: $group $name"; exit 1; }
    if [ "$group" = - ]; then words=("$name"); else words=("$group" "$name"); fi
    dpf "${words[@]}" --help > help.txt || { echo "help fails: ${words[*]}"; exit 1; }
    for o in $opts; do
        grep -q -- "--${o%%:*}" help.txt || { echo "${words[*]}: --${o%%:*} not in help"; exit 1; }
    done
done < rows.txt
echo "rows: $(wc -l < rows.txt), typed: $(grep -c typed rows.txt)"
grep typed rows.txt
dpf help | head -3
dpf subsidy --help | head -3
dpf help report annual
dpf help nosuch || echo "exit $?"
dpf subsidy nosuch 2>&1 | head -3
dpf rehab 2>&1 | head -2
dpf report annual --year 12 --format text || echo "exit $?"
dpf report annual --year 2025 --format pdf || echo "exit $?"
dpf report period --from 2025-13-01 --to 2025-06-30 --format text || echo "exit $?"
dpf report period --from 2025-01-01 --format text || echo "exit $?"
dpf demo --persons many || echo "exit $?"
dpf template persons extra || echo "exit $?"
dpf export persons --year 2025 --out x.csv || echo "exit $?"
dpf rehab delete services --id 0 || echo "exit $?"
dpf rehab rates --needs-year 2025 || echo "exit $?"
dpf subsidy approve --month 2026-13 || echo "exit $?"
dpf subsidy stop 341503196003120116 --programme nursing --reason 死亡 --from 2026 || echo "exit $?"
dpf subsidy roster --month 2026-04 --out '' || echo "exit $?"
dpf subsidy review --month 2026-04 --all=yes || echo "exit $?"
dpf subsidy totals --year 26 || echo "exit $?"
dpf subsidy apply 341503196003120116 --programme nursing --date 2026-02-30 || echo "exit $?"
dpf subsidy show || echo "exit $?"
dpf subsidy refuse 341503196003120116 --programme nursing --reason "$(printf 'a\033[2Jb')" || echo "exit $?"
dpf update record 34150319650312101941 --year 1999 --contact 入户 || echo "exit $?"
dpf person status 34150319650312101941 --status 死亡 --date 2026-02-30 || echo "exit $?"
dpf audit --limit -1 || echo "exit $?"
dpf backup --daily "" || echo "exit $?"
dpf backup b.db --daily bk || echo "exit $?"
dpf user remove || echo "exit $?"
dpf insurance policy --year 2026 --premium 四十 || echo "exit $?"
dpf insurance roster --year 2026 --out '' || echo "exit $?"
