# A kind of record the database defines (schema 009): its table declared as a migration
# would, its definition inserted, and then `dpf template`, `dpf import` (field checks by
# type, rejects with line, column and reason, audit rows) and `dpf export` take it as they
# take the modules' kinds, with its access checked: a clerk may not import what the
# definition gives the manager.
ME=$(id -un)
dpf --db l.db init > /dev/null
sqlite3 l.db "CREATE TABLE ledger (id INTEGER PRIMARY KEY, entry_on TEXT NOT NULL, amount INTEGER, note TEXT);
INSERT INTO entity_def VALUES ('ledger', 'ledger entries', 'ledger', 3);
INSERT INTO entity_field (entity, pos, key, header, label, type, maxlen, required) VALUES
  ('ledger', 1, 'entry_on', '日期', 'Date', 'date', 10, 1),
  ('ledger', 2, 'amount', '金额', 'Amount', 'money', 16, 1),
  ('ledger', 3, 'note', '备注', 'Note', 'text', 5, 0);"
dpf --db l.db template ledger --out ledger.csv
cat ledger.csv | tr -d '\r'
printf '日期,金额,备注\n2026-05-01,12.50,房租\n2026-13-01,3,\n2026-05-02,1,太长了的备注\n' > in.csv
dpf --db l.db import ledger in.csv || echo "exit $?"
tr -d '\r' < in.rejects.csv
dpf --db l.db import ledger in.csv --partial --rejects r2.csv
sqlite3 l.db "SELECT entity, action, after FROM audit WHERE entity = 'ledger'"
dpf --db l.db export ledger --out out.csv
tr -d '\r' < out.csv
dpf --db l.db export ledger --out y.csv --year 2026 || echo "exit $?"
dpf --db l.db import ledger --help | head -2
dpf --db l.db template nothing || echo "exit $?"
dpf --db l.db user add boss --role 管理员
dpf --db l.db user add "$ME" --role 录入员 | sed "s/$ME/USER/"
dpf --db l.db import ledger in.csv --partial --rejects r3.csv || echo "exit $?"
