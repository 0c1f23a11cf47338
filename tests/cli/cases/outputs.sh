# Outputs never destroy anything: every command that writes a file refuses the database and
# its companions (even ones that do not exist yet, and through another name or a symlink),
# keeps an existing file unless --force, replaces a planted symlink instead of writing
# through it, leaves no temporary file behind, and makes files of personal data 0600
# whatever the umask.
umask 000
dpf --db o.db demo --persons 300 > /dev/null
mode() { stat -c '%a %F' "$1"; }
sum() { sha256sum o.db | cut -c1-16; }
echo "database: $(mode o.db)"
before=$(sum)
for out in o.db o.db-wal o.db-shm o.db-journal ./o.db sub/../o.db; do
    mkdir -p sub
    dpf --db o.db export persons --out "$out" || echo "exit $?"
done
dpf --db o.db import persons "$FIX/persons_bad.csv" --new-places --rejects o.db-wal || echo "exit $?"
dpf --db o.db template persons --out o.db || echo "exit $?"
dpf --db o.db subsidy roster --month 2026-05 --out o.db-shm || echo "exit $?"
dpf --db o.db insurance roster --year 2026 --out o.db-journal || echo "exit $?"
dpf --db o.db report annual --year 2026 --out o.db-wal || echo "exit $?"
dpf --db o.db export claims --out o.db --force || echo "exit $?"
ln -s o.db link.csv
dpf --db o.db export persons --out link.csv --force || echo "exit $?"
ls o.db-journal o.db-shm 2>&1 | sed 's/^ls: //'
[ "$(sum)" = "$before" ] && echo "the database is untouched"
dpf --db o.db check

# an existing file is kept unless --force; with it, the file is replaced whole
echo "keep me" > kept.csv
dpf --db o.db export persons --out kept.csv || echo "exit $?"
cat kept.csv
dpf --db o.db export persons --out kept.csv --force
head -c 40 kept.csv | tail -c +4 | cut -d, -f1; echo
echo "mine" > t.csv
dpf --db o.db template persons --out t.csv || echo "exit $?"
dpf --db o.db report annual --year 2026 --out r.xlsx
dpf --db o.db report annual --year 2026 --out r.xlsx || echo "exit $?"
dpf --db o.db report annual --year 2026 --out r.xlsx --force
dpf --db o.db subsidy roster --month 2026-05 --out roster.xlsx > /dev/null
dpf --db o.db subsidy roster --month 2026-05 --out roster.xlsx || echo "exit $?"

# a symlink planted at the target is replaced, never written through
echo "victim's file" > victim.txt
ln -s victim.txt bank.csv
dpf --db o.db subsidy roster --month 2026-05 --out bank.csv || echo "exit $?"
dpf --db o.db subsidy roster --month 2026-05 --out bank.csv --force > /dev/null
cat victim.txt
echo "bank.csv: $(mode bank.csv)"
ln -s nowhere dangling.csv
dpf --db o.db export persons --out dangling.csv || echo "exit $?"
ls nowhere 2>&1 | sed 's/^ls: //'

# modes under umask 000: personal data 0600, the template and report as the umask says
dpf --db o.db export persons --out p.xlsx --full-id > /dev/null
dpf --db o.db insurance roster --year 2026 --out ins.csv > /dev/null
dpf --db o.db import persons "$FIX/persons_bad.csv" --rejects rej.csv > /dev/null || true
dpf --db o.db template persons --out t2.csv > /dev/null
for f in p.xlsx ins.csv rej.csv roster.xlsx kept.csv t2.csv r.xlsx; do echo "$f: $(mode $f)"; done
umask 022
dpf --db o.db template persons --out t3.csv > /dev/null
echo "t3.csv: $(mode t3.csv)"

# a folder that does not exist, and a folder as the target
dpf --db o.db export persons --out nodir/p.csv || echo "exit $?"
dpf --db o.db export persons --out sub --force || echo "exit $?"
# nothing temporary is left behind, after success or refusal
ls -A | grep '^\.' || echo "no temporary files"
