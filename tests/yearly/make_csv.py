#!/usr/bin/env python3
"""Writes the yearly update (年度动态更新) of every holder of YEAR in DB as the import's CSV
and as the equivalent `dpf update record` commands (one per line, tab-separated arguments):
tests/yearly/run.sh imports the one and runs the other and compares the databases.
Usage: make_csv.py DB YEAR TODAY OUT.csv OUT.cmds [EVERY]  (EVERY: every Nth holder only)"""
import csv, datetime, sqlite3, sys

db, year, today, out_csv, out_cmds = sys.argv[1:6]
every = int(sys.argv[6]) if len(sys.argv) > 6 else 1
year = int(year)
contacts = ['入户', '面对面', '电话', '失访']
# The holders as `dpf update summary` counts them.
rows = sqlite3.connect(db).execute(
    "SELECT cert_no, id_no, name, cert_issue_date, status, status_date FROM person "
    "WHERE (cert_issue_date IS NULL OR cert_issue_date <= ?1 || '-12-31') "
    "AND (status = 1 OR status_date >= ?1 || '-01-01') ORDER BY id", (str(year),)).fetchall()
start = datetime.date(year, 1, 5)
last = min(datetime.date.fromisoformat(today), datetime.date(year, 12, 31))
n = 0
with open(out_csv, 'w', newline='', encoding='utf-8-sig') as f, open(out_cmds, 'w') as c:
    w = csv.writer(f, lineterminator='\r\n')
    w.writerow(['残疾人证号', '姓名', '年度', '联系方式', '结果', '日期', '备注'])
    for i, (cert, idno, name, issued, status, status_date) in enumerate(rows):
        if i % every:
            continue
        day = start + datetime.timedelta(days=i % max(1, (last - start).days + 1))
        if issued and issued > day.isoformat():
            day = datetime.date.fromisoformat(issued)
        deceased = status == 2 or (status == 1 and i % 67 == 0)
        if status != 1:
            day = datetime.date.fromisoformat(status_date)     # the day the register has
        contact = contacts[3 if deceased and i % 2 else i % 3]
        note = '邻居告知已去世' if deceased else ('电话回访' if i % 11 == 0 else '')
        # Half name the person by ID; dates written the ways clerks type them.
        who = idno if i % 2 else cert
        typed = [day.isoformat(), '%d.%d.%d' % (day.year, day.month, day.day),
                 '%d年%d月%d日' % (day.year, day.month, day.day), day.strftime('%Y%m%d')][i % 4]
        w.writerow([who, name if i % 3 else '', year, contact, '核销' if deceased else '核实',
                    typed, note])
        args = [who, '--year', str(year), '--contact', contact, '--date', day.isoformat()]
        if deceased:
            args.append('--deceased')
        if note:
            args += ['--note', note]
        c.write('\t'.join(args) + '\n')
        n += 1
print(n)
