# Hostile input: a control character, an over-long name and a 5,000-character address are
# rejected with line, column and reason and nothing is written; an emoji and a combining
# accent are kept as typed (--partial); a NUL byte, a 3 MB line that is no CSV, and a file
# that is not a database given to restore each get a clear error and change nothing.
/usr/bin/python3 "$TOOLS/hostile_fixture.py" .
dpf --db h.db init > /dev/null
dpf --db h.db import persons hostile.csv --new-places --rejects r.csv || echo "exit $?"
/usr/bin/python3 -c "
import csv
for r in csv.reader(open('r.csv', encoding='utf-8-sig')):
    print(' | '.join(r[:3]))
"
sqlite3 h.db "SELECT count(*) FROM person; SELECT count(*) FROM audit WHERE entity = 'person'"
dpf --db h.db import persons hostile.csv --partial --new-places --rejects r.csv --force | head -1
sqlite3 h.db "SELECT name, length(name) FROM person ORDER BY id"
dpf --db h.db import persons nul.csv || echo "exit $?"
dpf --db h.db import persons oneline.csv || echo "exit $?"
dpf --db h.db restore oneline.csv || echo "exit $?"
dpf --db h.db check | tail -1
