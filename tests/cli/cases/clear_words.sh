# Clear words (issue 15): a date out of range is called out of range, a missing database
# missing, and a bad value of an audit option is a usage error (exit 2) before anything is
# read. (A full disk and a refused permission need root or another user: tests/unit/test_words.c.)
dpf --db w.db init > /dev/null
dpf --db w.db import persons "$FIX/persons_good.csv" > /dev/null
dpf --db w.db person status 34150319650312101941 --status 死亡 --date 1800-01-01 || echo "exit $?"
dpf --db w.db person status 34150319650312101941 --status 死亡 --date 1800-02-30 || echo "exit $?"
dpf --db w.db audit --limit abc 2>&1 | head -1; echo "exit ${PIPESTATUS[0]}"
dpf --db w.db audit --limit 0 2>&1 | head -1; echo "exit ${PIPESTATUS[0]}"
dpf --db w.db audit --limit 5x 2>&1 | head -1; echo "exit ${PIPESTATUS[0]}"
dpf --db w.db audit --to junk 2>&1 | head -1; echo "exit ${PIPESTATUS[0]}"
dpf --db w.db audit --from 2026-13-01 2>&1 | head -1; echo "exit ${PIPESTATUS[0]}"
dpf --db w.db audit --from 1800-01-01 2>&1 | head -1; echo "exit ${PIPESTATUS[0]}"
dpf --db w.db audit --from 2026-07-01 --to 2026-06-01 2>&1 | head -1; echo "exit ${PIPESTATUS[0]}"
dpf --db w.db audit --from 2026/6/30 --to 20260630 --limit 2 | cut -c1-60
dpf --db w.db audit --person 34150319650312101941 --limit 1 | cut -c1-60
dpf --db nothere.db audit || echo "exit $?"
