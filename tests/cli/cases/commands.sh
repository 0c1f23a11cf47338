# Every command row: its --help exits 0 and names every option; each has a capability
# (NONE fails). Then help made from the rows and a malformed value of each kind in use.
dpf help --rows > rows.txt
while IFS=$'\t' read -r group name need style opts; do
    [ "$need" != NONE ] || { echo "no capability: $group $name"; exit 1; }
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
dpf report annual --year 12 --format text || echo "exit $?"
dpf report annual --year 2025 --format pdf || echo "exit $?"
dpf report period --from 2025-13-01 --to 2025-06-30 --format text || echo "exit $?"
dpf report period --from 2025-01-01 --format text || echo "exit $?"
dpf demo --persons many || echo "exit $?"
dpf template persons extra || echo "exit $?"
dpf export persons --year 2025 --out x.csv || echo "exit $?"
dpf insurance policy --year 2026 --premium 四十 || echo "exit $?"
dpf insurance roster --year 2026 --out '' || echo "exit $?"
