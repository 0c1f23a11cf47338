# A certificate already registered updates that person; columns the file lacks are kept;
# the same ID twice in one file names both lines; the update leaves an audit row.
dpf --db r.db init
dpf --db r.db import persons "$FIX/persons_good.csv" --new-places
dpf --db r.db import persons "$FIX/persons_update.csv"
dpf --db r.db import persons "$FIX/persons_reordered.csv"
dpf --db r.db person history 34150319780720202322
cp "$FIX/persons_dup.csv" dup.csv
dpf --db r.db import persons dup.csv || echo "exit $?"
tail -c +4 dup.rejects.csv | tr -d '\r' | cut -d, -f1-3
dpf --db r.db import persons "$FIX/persons_reissue.csv"
dpf --db r.db person show 341503196503121019 --full-id | head -1
