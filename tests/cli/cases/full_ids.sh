# Issue 16, who sees full IDs. Each disclosure of full IDs or bank accounts (person show,
# person history, rehab show, insurance show, subsidy review, an export with --full-id, a
# rejects file) leaves a `disclose` row naming what, the person or file, and the command;
# which role may use --full-id is one table: a clerk may see one person in full but gets
# masked lists; a full export needs the reviewer, the insurer's roster the manager. A file
# whose row cannot be written is removed. dpf audit masks the values unless --full-id (admin
# only, audited). Text cells of CSV files are guarded against formulas and import back
# unchanged; a reason with an ESC sequence is printed without ESC.
ME=$(id -un)
role() { sqlite3 a.db "UPDATE app_user SET role = $1 WHERE login = '$ME'"; }
disclosed() {
    sqlite3 a.db "SELECT entity, entity_id > 0, json_extract(after, '$.what'),
                  json_extract(after, '$.command'), json_extract(after, '$.rows')
                  FROM audit WHERE action = 'disclose' ORDER BY id DESC LIMIT 1"
}
dpf --db a.db demo --persons 60 --seed 3 > /dev/null
C=$(sqlite3 a.db "SELECT cert_no FROM person ORDER BY id LIMIT 1")
CL=$(sqlite3 a.db "SELECT min(id) FROM claim")
role 1
echo "== a clerk: one person in full, audited"
dpf --db a.db person show "$C" --full-id | grep -c "$C"
disclosed
dpf --db a.db person history "$C" --full-id > /dev/null
disclosed
dpf --db a.db rehab show "$C" --full-id > /dev/null
disclosed
dpf --db a.db insurance show "$CL" --full-id > /dev/null
disclosed
dpf --db a.db person show "$C" | grep -c "$C" || echo "masked without --full-id"
echo "== a clerk: lists masked, --full-id refused"
dpf --db a.db export persons --out p.csv --full-id || echo "exit $?"
dpf --db a.db export claims --out c.csv --full-id || echo "exit $?"
dpf --db a.db insurance roster --year 2026 --out r.csv --full-id || echo "exit $?"
dpf --db a.db audit --full-id || echo "exit $?"
ls *.csv 2>/dev/null || echo "no file written"
echo "== a reviewer"
role 2
dpf --db a.db export persons --out p.csv --full-id
disclosed
dpf --db a.db subsidy review --month 2026-05 --full-id > /dev/null
disclosed
dpf --db a.db insurance roster --year 2026 --out r.csv --full-id || echo "exit $?"
echo "== a manager"
role 3
dpf --db a.db insurance roster --year 2026 --out r.csv --full-id | sed 's/[0-9]* persons/N persons/'
disclosed
echo "== no audit row, nothing shown and no file"
role 4
sqlite3 a.db "CREATE TRIGGER no_disclose BEFORE INSERT ON audit WHEN NEW.action = 'disclose'
              BEGIN SELECT RAISE(ABORT, 'no room in the log'); END"
dpf --db a.db person show "$C" --full-id || echo "exit $?"
dpf --db a.db export persons --out p2.csv --full-id || echo "exit $?"
ls -a | grep -c 'p2' || echo "no p2 file, not even a temporary one"
sqlite3 a.db "DROP TRIGGER no_disclose"
echo "== dpf audit masks, unless an admin asks (audited)"
dpf --db a.db audit --person "$C" | grep -c "$C" || echo "masked"
dpf --db a.db audit --person "$C" | grep -o '"cert_no":"[^"]*"' | tail -1
dpf --db a.db audit --person "$C" --full-id | grep -c "$C"
disclosed
dpf --db a.db audit --limit 1 | cut -c21- | sed "s/$ME/USER/"
echo "== formulas guarded in CSV, and imported back unchanged"
sqlite3 a.db "UPDATE person SET note = '=HYPERLINK(\"http://x.test\")', address = '-2 号',
              guardian = '@SUM(A1)' WHERE cert_no = '$C'"
dpf --db a.db export persons --out full.csv --full-id > /dev/null
grep -o "'=HYPERLINK[^,]*\|,'-2 号\|,'@SUM(A1)" full.csv
dpf --db e.db init
dpf --db e.db import persons full.csv --new-places
dpf --db e.db export persons --out again.csv --full-id > /dev/null
cmp full.csv again.csv && echo "round trip unchanged"
sqlite3 e.db "SELECT note, address, guardian FROM person WHERE cert_no = '$C'"
echo "== a rejects file keeps full IDs: audited, 0600"
sed -n 1,3p full.csv | sed '3s/,[^,]*/,不是名字的名字太长太长太长太长太长太长太长太长太长太长太长太长太长/1' > bad.csv
dpf --db e.db import persons bad.csv --dry-run || echo "exit $?"
stat -c %a bad.rejects.csv
sqlite3 e.db "SELECT json_extract(after, '$.what'), json_extract(after, '$.file'),
              json_extract(after, '$.rows') FROM audit WHERE action = 'disclose'"
echo "== control characters from the database"
# The command line refuses such text (--reason takes text without control characters), but
# a file imported or written before may hold it: planted in the change's audit row.
dpf --db a.db person status "$C" --status 迁出 --date 2026-06-01 --reason moved > /dev/null
sqlite3 a.db "INSERT INTO audit (at, user, entity, entity_id, action, before, after)
              SELECT at, user, entity, entity_id, action, before,
                     json_set(after, '\$.status_reason', 'moved' || char(27) || '[2K' ||
                              char(27) || '[1A' || char(13) || 'gone' || char(155) || '2J')
              FROM audit ORDER BY id DESC LIMIT 1"
dpf --db a.db person history "$C" > h.txt
grep -c "$(printf '\033')" h.txt || echo "no ESC in person history"
grep -c "$(printf '\r')" h.txt || echo "no CR in person history"
grep -o 'moved.*gone.2J' h.txt
