# Accident insurance from the command line: the year's policy with the standard coverage
# items, the roster built on the start date (a person certified after it, one not registered
# poor then, and one who died before it are left out; one who became poor later is added
# with a date), confirmed, the insurer's roster read back from .xlsx, claims imported (bad
# rows rejected with line, column and reason: outside the period, above the cap, days over
# the limit, days times the rate, approved above claimed, paid without documents, not on the
# roster), a re-import that changes nothing, claims moved on, the year's figures, an export,
# and the person's history.
dpf --db i.db init > /dev/null
dpf --db i.db import persons "$FIX/ins_persons.csv" --new-places > /dev/null
dpf --db i.db person status 34150319600303061241 --status 死亡 --date 2026-03-01 --reason 病故
dpf --db i.db import persons "$FIX/ins_poor_later.csv" > /dev/null
dpf --db i.db person status 34150320170101051621 --status 死亡 --date 2026-06-01 --reason 溺水 > /dev/null
dpf --db i.db insurance policy --year 2026 --insurer 示范保险公司 --policy-no PA-2026-01 --premium 40 --starts-on 2026-03-30 --ends-on 2027-03-29
dpf --db i.db insurance policy --year 2026 --starts-on 2026-02-30 || echo "exit $?"
dpf --db i.db insurance policy --year 2027 --insurer 示范保险公司 --policy-no PA-2027-01 --premium 40 --starts-on 2027-03-01 --ends-on 2028-02-28 || echo "exit $?"
dpf --db i.db insurance build --year 2026
dpf --db i.db insurance add 34150319820202031X13 --year 2026 --date 2026-05-01 || echo "exit $?"
dpf --db i.db insurance confirm --year 2026
dpf --db i.db insurance build --year 2026 || echo "exit $?"
dpf --db i.db insurance add 34150319820202031X13 --year 2026 --date 2026-05-01 --reason 新识别建档立卡
dpf --db i.db insurance add 34150319820202031X13 --year 2026 --date 2026-05-02 || echo "exit $?"
dpf --db i.db insurance remove 34150320210909042752 --year 2026 --date 2026-06-01 --reason 不在名单 || echo "exit $?"
dpf --db i.db insurance policies
dpf --db i.db insurance roster --year 2026 --out roster.xlsx
/usr/bin/python3 -c "
import openpyxl
ws = openpyxl.load_workbook('roster.xlsx').active
print(ws.title, ws.max_row, ws.freeze_panes)
for row in ws.iter_rows(values_only=True):
    print(','.join('' if v is None else str(v) for v in row))
"
dpf --db i.db template claims --out t.csv && cat t.csv
dpf --db i.db import claims "$FIX/ins_claims.csv" --rejects r.csv || echo "exit $?"
/usr/bin/python3 -c "
import csv
for r in csv.reader(open('r.csv', encoding='utf-8-sig')):
    print(' | '.join(r[:3]))
"
dpf --db i.db insurance claims
dpf --db i.db import claims "$FIX/ins_claims.csv" --partial --rejects r.csv --force
dpf --db i.db import claims "$FIX/ins_claims.csv" --partial --rejects r.csv --force
dpf --db i.db insurance claims
dpf --db i.db insurance move 2 --to 已赔付 || echo "exit $?"
dpf --db i.db insurance move 2 --to 已报保险公司 --date 2026-06-10
dpf --db i.db insurance move 2 --to 已赔付 --date 2026-06-20 || echo "exit $?"
dpf --db i.db insurance move 2 --to 拒赔 --date 2026-06-20 || echo "exit $?"
dpf --db i.db insurance move 2 --to 拒赔 --date 2026-06-20 --reason 非意外伤害
dpf --db i.db insurance move 2 --to 撤销 --date 2026-06-21 --reason 重复 || echo "exit $?"
dpf --db i.db insurance show 1
dpf --db i.db insurance claims --status 已赔付
dpf --db i.db insurance figures --year 2026
dpf --db i.db export claims --year 2026 --out c.csv
cat c.csv
dpf --db i.db person history 34150319750808022222 | tail -8
# --status as the UI language shows it: English (any case) and Traditional.
dpf --lang en --db i.db insurance claims --status "paid out" | awk 'NR > 1 { print $1, $3 }'
dpf --lang zh_TW --db i.db insurance claims --status 已賠付 | awk 'NR > 1 { print $1, $3 }'
dpf --lang en --db i.db insurance claims --status OPEN | awk 'NR > 1 { print $1, $3 }'
# In English the columns widen to their headers and statuses: none is cut or runs into the next.
dpf --lang en --db i.db insurance claims | head -3
dpf --lang en --db i.db summary | grep -A1 "^Township"
