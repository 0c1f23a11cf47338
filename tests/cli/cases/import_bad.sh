# Any bad row: nothing is written, exit 1, every problem in the rejects file with line,
# column and reason. --dry-run writes nothing; --partial keeps the good rows.
dpf --db r.db init
cp "$FIX/persons_bad.csv" in.csv
dpf --db r.db import persons in.csv --new-places || echo "exit $?"
tail -c +4 in.rejects.csv | tr -d '\r' | cut -d, -f1-3
dpf --db r.db summary | sed -n 3p
dpf --db r.db import persons in.csv --dry-run --rejects dry.csv || echo "exit $?"
dpf --db r.db import persons in.csv --partial --new-places
dpf --db r.db summary | sed -n 3p
