# Status changes need a date; the yearly update verifies or writes off; counts per township.
dpf --db r.db init
dpf --db r.db import persons "$FIX/persons_good.csv" --new-places
dpf --db r.db person status 34150319650312101941 --status 死亡 || echo "exit $?"
dpf --db r.db person status 34150319650312101941 --status 死亡 --date 2027-01-01 || echo "exit $?"
dpf --db r.db update record 34150319780720202322 --year 2026 --contact 入户 --date 2026-03-05
dpf --db r.db update record 341503201501013034 --year 2026 --contact 电话 --date 2026-04-01
dpf --db r.db update record 34150319650312101941 --year 2026 --contact 失访 --deceased --date 2026-05-20
dpf --db r.db update record 34150319650312101941 --year 2026 --contact 入户 --date 2026-06-01 || echo "exit $?"
dpf --db r.db person show 34150319650312101941 | sed -n '19,21p'
dpf --db r.db update summary --year 2026
dpf --db r.db person history 34150319650312101941 | cut -c1-80
