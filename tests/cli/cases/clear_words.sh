# Clear words (issue 15): a date out of range is called out of range, a missing database
# missing, and a bad value of an audit option is a usage error (exit 2) before anything is
# read. (A full disk and a refused permission need root or another user: tests/unit/test_words.c.)
# first_line CMD...: the first line CMD prints and its exit status (read whole first: a
# pipe into head could end it with SIGPIPE before it exits by itself)
first_line() {
    local out rc
    out=$("$@" 2>&1) && rc=0 || rc=$?
    printf '%s\n' "$out" | head -1
    echo "exit $rc"
}
dpf --db w.db init > /dev/null
dpf --db w.db import persons "$FIX/persons_good.csv" --new-places > /dev/null
dpf --db w.db person status 34150319650312101941 --status 死亡 --date 1800-01-01 || echo "exit $?"
dpf --db w.db person status 34150319650312101941 --status 死亡 --date 1800-02-30 || echo "exit $?"
first_line dpf --db w.db audit --limit abc
first_line dpf --db w.db audit --limit 0
first_line dpf --db w.db audit --limit 5x
first_line dpf --db w.db audit --to junk
first_line dpf --db w.db audit --from 2026-13-01
first_line dpf --db w.db audit --from 1800-01-01
first_line dpf --db w.db audit --from 2026-07-01 --to 2026-06-01
dpf --db w.db audit --from 2026/6/30 --to 20260630 --limit 2 | cut -c1-60
dpf --db w.db audit --person 34150319650312101941 --limit 1 | cut -c1-60
dpf --db nothere.db audit || echo "exit $?"
