# A database from a newer dpf is refused untouched; a file that is not dpf's is refused;
# a missing database is not created by accident; dpf check finds a damaged record.
dpf --db r.db init
dpf --db r.db init || echo "exit $?"
dpf --db nothere.db summary || echo "exit $?"
test -e nothere.db || echo "nothere.db was not created"
dpf --db r.db import persons "$FIX/persons_good.csv" --new-places > /dev/null
sqlite3 r.db "UPDATE person SET birth_date = '1965-03-13' WHERE name = '张伟'"
dpf --db r.db check || echo "exit $?"
sqlite3 r.db "PRAGMA user_version = 99"
dpf --db r.db summary || echo "exit $?"
sqlite3 r.db "PRAGMA user_version"
sqlite3 other.db "CREATE TABLE t (x)"
dpf --db other.db summary || echo "exit $?"
