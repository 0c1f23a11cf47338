# Subsidies from the command line: enrolments and past payments imported (bad rows rejected
# with line, column and reason), an application through its steps, the monthly review with
# a death reported late (recovery), a missing bank account, back pay and a candidate; stops
# confirmed, the month approved and locked, the roster written as CSV and .xlsx (read back),
# the yearly totals, and a person's subsidies.
A=341503196003120116; D=341503194501010412; F=34150319900909061X
dpf --db s.db init > /dev/null
dpf --db s.db import persons "$FIX/subsidy_persons.csv" --new-places
dpf --db s.db template enrolments --out t.csv && cat t.csv
dpf --db s.db import enrolments "$FIX/enrolments.csv"
dpf --db s.db import enrolments "$FIX/enrolments_bad.csv" --rejects bad.csv || echo "exit $?"
cut -d, -f1-3 bad.csv
dpf --db s.db import payments "$FIX/payments.csv" --rejects pay_all.csv || echo "exit $?"
dpf --db s.db import payments "$FIX/payments.csv" --partial --rejects pay_rejects.csv
cut -d, -f1-3 pay_rejects.csv
dpf --db s.db person status $D --status 死亡 --date 2026-02-10 --reason 病故 > /dev/null
dpf --db s.db subsidy apply $F --programme nursing --date 2026-03-05
dpf --db s.db subsidy advance $F --programme nursing --date 2026-04-01
dpf --db s.db subsidy advance $F --programme nursing --date 2026-04-01
dpf --db s.db subsidy advance $F --programme nursing --date 2026-04-02
dpf --db s.db subsidy advance $F --programme nursing --date 2026-04-03 || echo "exit $?"
dpf --db s.db subsidy review --month 2026-04
# In English no heading is cut: the summary's columns widen, the last heading is whole.
dpf --lang en --db s.db subsidy review --month 2026-04 | grep -E "^  Programme|^  Total"
dpf --db s.db subsidy review --month 2026-04 --confirm-stops | tail -1
dpf --db s.db subsidy approve --month 2026-04
dpf --db s.db subsidy approve --month 2026-04 || echo "exit $?"
dpf --db s.db subsidy approve --month 2026-06 || echo "exit $?"
dpf --db s.db subsidy review --month 2026-04 | head -3
dpf --db s.db template rules --out r.csv && cat r.csv
dpf --db s.db import rules "$FIX/rules.csv" --partial --rejects rules_rejects.csv
cut -d, -f1-3 rules_rejects.csv
dpf --db s.db subsidy programmes | sed -n 3,6p
dpf --db s.db subsidy review --month 2026-04 --confirm-stops || echo "exit $?"
dpf --db s.db subsidy roster --month 2026-05 --out draft.csv || echo "exit $?"
dpf --db s.db subsidy roster --month 2026-04 --out roster.csv
cat roster.csv
dpf --db s.db subsidy roster --month 2026-04 --out roster.xlsx --full-id
/usr/bin/python3 "$TOOLS/roster_check.py" roster.xlsx
dpf --db s.db subsidy stop $A --programme nursing --reason 搬家 --from 2026-07 || echo "exit $?"
dpf --db s.db subsidy stop $A --programme nursing --reason 本人申请退出 --from 2025-11 || echo "exit $?"
dpf --db s.db subsidy stop $A --programme nursing --reason 本人申请退出 --from 2026-07 --note 书面申请
dpf --db s.db subsidy show $A
dpf --db s.db subsidy totals --year 2026
dpf --db s.db person history $A | tail -11
dpf --db s.db check
sqlite3 s.db "UPDATE roster_line SET amount = amount + 1 WHERE month = '2026-04' AND name = '甲'"
dpf --db s.db check || echo "exit $?"
