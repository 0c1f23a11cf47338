# Roles and privacy: the creator of a new database is its admin; the last admin is kept;
# a clerk is refused the reviewer's, the manager's and the admin's commands with a clear
# message and allowed their own; every export masks IDs and bank accounts unless --full-id,
# and every export is in the audit log; the audit log cannot be changed or emptied, even
# with the sqlite3 shell; a backup is restored after its check, and a file that is not a
# dpf database is refused. Issue 15: a backup is 0600 and named only when whole (a killed
# one's folder is no backup); a restore keeps the rows written since the backup, marked
# 已回滚, and names the file's SHA-256; a file with no users makes no admin of whoever comes
# next (root names one with --first-admin); a dropped audit trigger fails dpf check and
# such a backup is refused.
ME=$(id -un)
dpf --db a.db demo --persons 60 > /dev/null
dpf --db a.db user list | sed "s/$ME/USER/" | awk '{ print $1, $2 }'
dpf --db a.db user add "$ME" --role 录入员 || echo "exit $?"
dpf --db a.db user add boss --role 管理员
dpf --db a.db user add "$ME" --role 录入员 | sed "s/$ME/USER/"
dpf --db a.db subsidy approve --month 2026-06 || echo "exit $?"
dpf --db a.db import enrolments "$FIX/enrolments.csv" || echo "exit $?"
dpf --db a.db report annual --year 2026 --format text || echo "exit $?"
dpf --db a.db insurance build --year 2026 || echo "exit $?"
dpf --db a.db rehab delete projects --id 1 || echo "exit $?"
dpf --db a.db user list || echo "exit $?"
dpf --db a.db backup b.db || echo "exit $?"
dpf --db a.db audit || echo "exit $?"
dpf --db a.db summary | head -2
for kind in persons institutions assessments agreements services rescues projects claims; do
    dpf --db a.db export $kind --out $kind.csv > /dev/null
done
dpf --db a.db export services --out services.xlsx > /dev/null
dpf --db a.db insurance roster --year 2026 --out roster.xlsx > /dev/null
/usr/bin/python3 "$TOOLS/no_full_ids.py" *.csv *.xlsx
dpf --db a.db export persons --out full.csv --full-id || echo "exit $?"
[ -e full.csv ] || echo "a clerk's full export: refused, no file"
sqlite3 a.db "UPDATE app_user SET role = 2 WHERE login = '$ME'"
dpf --db a.db export persons --out full.csv --full-id > /dev/null
sqlite3 a.db "UPDATE app_user SET role = 1 WHERE login = '$ME'"
/usr/bin/python3 "$TOOLS/no_full_ids.py" full.csv || echo "full IDs written, as asked"
sqlite3 a.db "SELECT action, json_extract(after, '$.what'), json_extract(after, '$.full_ids')
              FROM audit WHERE entity = 'export' ORDER BY id"
sqlite3 a.db "DELETE FROM audit" || echo "exit $?"
sqlite3 a.db "UPDATE audit SET user = 'x' WHERE id = 1" || echo "exit $?"
sqlite3 a.db "UPDATE app_user SET role = 4 WHERE login = '$ME'"
dpf --db a.db subsidy roster --month 2026-05 --out pay.xlsx > /dev/null
dpf --db a.db subsidy roster --month 2026-05 --out pay.csv > /dev/null
/usr/bin/python3 "$TOOLS/no_full_ids.py" pay.xlsx pay.csv
dpf --db a.db user remove boss
dpf --db a.db backup b.db
dpf --db a.db backup b.db || echo "exit $?"
n=$(sqlite3 a.db "SELECT count(*) FROM person")
dpf --db a.db person status 34150319 --status 死亡 --date 2026-06-01 > /dev/null 2>&1 || true
sqlite3 a.db "INSERT INTO setting (key, value) VALUES ('after_backup', '1')"
echo "not a database" > junk.db
dpf --db a.db restore junk.db || echo "exit $?"
dpf --db a.db restore no-such.db || echo "exit $?"
dpf --db a.db restore b.db
sqlite3 a.db "SELECT count(*) = $n FROM person; SELECT count(*) FROM setting WHERE key = 'after_backup'"
dpf --db a.db check | tail -1
mkdir bk
dpf --db a.db backup --auto bk --keep 3 | sed "s|$PWD|.|"
DPF_NOW="2026-07-01 09:00:00" dpf --db a.db summary > /dev/null
DPF_NOW="2026-07-05 09:00:00" dpf --db a.db summary > /dev/null
ls bk
dpf --db a.db backup --auto off
dpf --db a.db audit --limit 2 | cut -c21- | sed "s/$ME/USER/; s|$PWD|.|; s/[0-9a-f]\{64\}/SHA/"
[ "$(dpf --db a.db audit --limit 2 | grep -o '[0-9a-f]\{64\}')" = \
  "$(sha256sum bk/dpf-2026-06-30.db | cut -c1-64)" ] &&
    echo "the backup's row names its SHA-256, by which an installed dpf knows it"
stat -c %a b.db
dpf --db a.db export persons --out full2.csv --full-id > /dev/null
dpf --db a.db restore b.db
dpf --db a.db audit --limit 3 | cut -c21- | sed "s/$ME/USER/; s/[0-9a-f]\{64\}/SHA/"
[ "$(dpf --db a.db audit --limit 3 | grep -o '[0-9a-f]\{64\}')" = "$(sha256sum b.db | cut -c1-64)" ] &&
    echo "the restore names the file's SHA-256, as sha256sum computes it"
dpf --db a.db person history 34150319 2>&1 | grep -c 已回滚 || true
cp b.db nousers.db
sqlite3 nousers.db "DELETE FROM app_user"
dpf --db nousers.db summary || echo "exit $?"
dpf --db nousers.db user add "$ME" --role 录入员 --first-admin || echo "exit $?"
dpf --db a.db user add "$ME" --role 管理员 --first-admin || echo "exit $?"
if [ "$(id -u)" = 0 ]; then as_root=; else as_root="unshare -r"; fi
$as_root dpf --db nousers.db user add "$ME" --role 管理员 --first-admin | sed "s/$ME/USER/"
dpf --db nousers.db user list | sed "s/$ME/USER/" | awk '{ print $1, $2 }'
sqlite3 a.db "DROP TRIGGER audit_no_delete"
dpf --db a.db check || echo "exit $?"
dpf --db a.db backup dropped.db > /dev/null
dpf --db a.db restore dropped.db || echo "exit $?"
mkdir -p bk2/.dpf-2026-06-30.db.Ab12Cd
echo partial > bk2/.dpf-2026-06-30.db.Ab12Cd/dpf-2026-06-30.db
dpf --db nousers.db backup --daily bk2 --keep 3
ls -A bk2
