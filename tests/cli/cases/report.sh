# The year-end and period reports on a small district with known records: 160 persons,
# 153 assessed with 康复训练 needs (59 also 辅助器具) against targets of 146 and 22, past
# subsidy payments, an insurance policy with two claims. The text report shows 104.79% and
# 268.18%; the .xlsx is read back and every figure checked against the database with plain
# SQL, with its number formats, sheet names and print set-up; the first quarter's report
# counts only the assessments dated by 31 March; bad periods are refused.
/usr/bin/python3 "$TOOLS/report_fixture.py" .
dpf --db r.db init > /dev/null
dpf --db r.db import persons persons.csv --new-places > /dev/null
dpf --db r.db import persons "$FIX/subsidy_persons.csv" --new-places > /dev/null
dpf --db r.db import enrolments "$FIX/enrolments.csv" > /dev/null
dpf --db r.db import payments "$FIX/payments.csv" --partial --rejects p.csv > /dev/null
dpf --db r.db import assessments assessments.csv > /dev/null
dpf --db r.db import projects projects.csv > /dev/null
dpf --db r.db insurance policy --year 2026 --insurer 示范保险公司 --policy-no PA-1 --premium 40 --starts-on 2026-03-30 --ends-on 2027-03-29 > /dev/null
dpf --db r.db insurance build --year 2026 > /dev/null
dpf --db r.db insurance confirm --year 2026 > /dev/null
dpf --db r.db import claims claims.csv > /dev/null
dpf --db r.db report annual --year 2026 --format text
dpf --db r.db report annual --year 2026 --out report.xlsx
/usr/bin/python3 "$TOOLS/report_check.py" report.xlsx r.db 2026
dpf --db r.db report period --from 2026-01-01 --to 2026-03-31 --format text | sed -n 1,7p
dpf --db r.db report period --from 2026-07-01 --to 2026-03-31 --format text || echo "exit $?"
dpf --db r.db report period --from 2025-07-01 --to 2026-03-31 --format text || echo "exit $?"
dpf --db r.db report annual --year 2026 || echo "exit $?"
