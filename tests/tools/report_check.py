#!/usr/bin/python3
"""Reads a report .xlsx back and checks every figure against the database, counted here
with plain SQL (not by dpf): project completion and rates, certificate holders by category
and level and by township, register changes, subsidies paid, rehabilitation rates and the
insurance figures; also the sheet names, number formats and the print set-up of each sheet.
Prints what it checked; exits 1 on the first difference. Usage: REPORT.xlsx DB YEAR."""
import sqlite3
import sys
from decimal import Decimal, ROUND_HALF_UP

import openpyxl

path, dbpath, year = sys.argv[1], sys.argv[2], int(sys.argv[3])
wb = openpyxl.load_workbook(path)
db = sqlite3.connect(dbpath)
checked = 0


def fail(msg):
    print("report check FAILED:", msg)
    sys.exit(1)


def q(sql, *args):
    return db.execute(sql, args).fetchall()


def rate(n, d):
    """Two decimals of a percent, half up, as a fraction (153/146 -> 1.0479)."""
    return None if d == 0 else float((Decimal(n * 100) / Decimal(d)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP) / 100)


def rows(sheet):
    ws = wb[sheet]
    return [r for r in ws.iter_rows(min_row=3)]


def same(cell, want, fmt=None):
    global checked
    got = cell.value
    if isinstance(want, float) or (isinstance(got, float) and want is not None):
        ok = got is not None and abs(float(got) - float(want)) < 1e-9
    else:
        ok = got == want
    if not ok:
        fail("%s!%s is %r, not %r" % (cell.parent.title, cell.coordinate, got, want))
    if fmt and cell.number_format != fmt:
        fail("%s!%s has format %r, not %r" % (cell.parent.title, cell.coordinate,
                                              cell.number_format, fmt))
    checked += 1


print("sheets:", ", ".join(wb.sheetnames))
print("cover:", wb["封面"]["A1"].value)

# Targets: completion counted from the assessments (the fixture's projects count them).
codes = {"康复训练": "1", "辅助器具": "2"}
projects = q("SELECT name, target, kinds FROM project WHERE year = ? ORDER BY id", year)
got = rows("目标任务")
if len(got) != len(projects):
    fail("目标任务 has %d rows, not %d" % (len(got), len(projects)))
for r, (name, target, kinds) in zip(got, projects):
    done = q("SELECT count(*) FROM assessment WHERE year = ? AND instr(needs, ?) > 0",
             year, codes[kinds])[0][0]
    same(r[0], name)
    same(r[1], target, "#,##0")
    same(r[2], done, "#,##0")
    same(r[3], rate(done, target), "0.00%")
    same(r[4], max(0, done - target), "#,##0")
    print("  %s: %d of %d, %s" % (name, done, target, "{:.2%}".format(r[3].value)))

# Holders by category and level, and by township.
cats = ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"]
for i, r in enumerate(rows("持证情况")[:7]):
    same(r[0], cats[i])
    for level in range(1, 5):
        same(r[level], q("SELECT count(*) FROM person WHERE status = 1 AND category = ? "
                         "AND level = ?", i + 1, level)[0][0])
same(rows("持证情况")[7][5], q("SELECT count(*) FROM person WHERE status = 1")[0][0])
for r in rows("乡镇持证"):
    same(r[1], q("SELECT count(*) FROM person WHERE status = 1 AND township = ?", r[0].value)[0][0])
    same(r[3], q("SELECT count(*) FROM person WHERE status = 1 AND poor_reg = 1 AND township = ?",
                 r[0].value)[0][0])

# Register changes in the year.
frm, to = "%d-01-01" % year, "%d-12-31" % year
ch = rows("证件变动")
same(ch[0][1], q("SELECT count(*) FROM person WHERE cert_issue_date BETWEEN ? AND ?", frm, to)[0][0])
same(ch[1][1], q("SELECT count(*) FROM person WHERE status = 2 AND status_date BETWEEN ? AND ?",
                 frm, to)[0][0])

# Subsidies by programme: persons paid and amounts, from the stored roster lines.
for r in rows("补贴发放"):
    n, paid = q("SELECT count(DISTINCT CASE WHEN r.amount > 0 THEN r.person_id END), "
                "coalesce(sum(CASE WHEN r.amount > 0 THEN r.amount END), 0) FROM roster_line r "
                "JOIN programme p ON p.id = r.programme_id WHERE p.name = ? AND r.month "
                "BETWEEN ? AND ?", r[0].value, "%d-01" % year, "%d-12" % year)[0]
    same(r[1], n, "#,##0")
    same(r[2], paid / 100.0, "#,##0.00")
    print("  %s: %d persons, %.2f yuan" % (r[0].value, n, paid / 100.0))

# Subsidies by month and by township (counted by dpf in one pass; here by GROUP BY).
for sheet, col in (("补贴按月", "r.month"), ("补贴按乡镇", "r.township")):
    want = q("SELECT p.name, %s, count(DISTINCT CASE WHEN r.amount > 0 THEN r.person_id END), "
             "coalesce(sum(CASE WHEN r.amount > 0 THEN r.amount END), 0), "
             "coalesce(-sum(CASE WHEN r.amount < 0 THEN r.amount END), 0) FROM roster_line r "
             "JOIN programme p ON p.id = r.programme_id WHERE r.month BETWEEN ? AND ? "
             "GROUP BY p.id, 2 ORDER BY p.id, 2" % col, "%d-01" % year, "%d-12" % year)
    got = rows(sheet)
    if len(got) != len(want):
        fail("%s has %d rows, not %d" % (sheet, len(got), len(want)))
    for r, (prog, key, n, paid, back) in zip(got, want):
        same(r[0], prog)
        same(r[1], key)
        same(r[2], n)
        same(r[3], paid / 100.0, "#,##0.00")
        same(r[4], back / 100.0, "#,##0.00")
    print("  %s: %d rows" % (sheet, len(got)))

# Rehabilitation: persons with needs in the year's assessments; served from the services.
district = rows("精准康复")[0]
needs = q("SELECT count(DISTINCT person_id) FROM assessment WHERE year = ? AND needs <> ''",
          year)[0][0]
served = q("SELECT count(DISTINCT person_id) FROM service WHERE year = ?", year)[0][0]
same(district[1], needs)
same(district[2], served)
same(district[3], rate(served, needs) if needs else "—")

# Insurance: the district row.
ins = rows("意外保险")[0]
insured, premium = q("SELECT count(*), count(*) * p.premium FROM insured i JOIN policy p "
                     "ON p.id = i.policy_id WHERE p.year = ?", year)[0]
claims = q("SELECT c.status, (SELECT coalesce(sum(paid), 0) FROM claim_item WHERE claim_id = c.id) "
           "FROM claim c JOIN policy p ON p.id = c.policy_id WHERE p.year = ?", year)
paid = [v for s, v in claims if s == 4]
same(ins[1], insured)
same(ins[2], premium / 100.0, "#,##0.00")
same(ins[3], float((Decimal(premium) / 1000000).quantize(Decimal("0.01"), ROUND_HALF_UP)),
     '0.00"万"')
same(ins[4], len(claims))
same(ins[5], len(paid))
same(ins[8], len([s for s, v in claims if s == 6]))     # withdrawn (撤销)
same(ins[9], sum(paid) / 100.0, "#,##0.00")
same(ins[10], max(paid or [0]) / 100.0, "#,##0.00")

# Print set-up of every table sheet: A4, fitted to the width, header repeated, frozen,
# title and page numbers in the footer; wide tables landscape.
for ws in wb.worksheets:
    name = ws.title
    if name in ("封面", "指标说明"):
        continue
    if ws.page_setup.paperSize not in (9, "9"):
        fail("%s: paper %r" % (name, ws.page_setup.paperSize))
    # fitToWidth left out is 1 (OOXML's default); fitToHeight 0 is "as many pages as needed"
    if not ws.sheet_properties.pageSetUpPr.fitToPage or ws.page_setup.fitToWidth not in (None, 1, "1"):
        fail("%s: not fitted to the page width" % name)
    if ws.print_title_rows not in ("2:2", "$2:$2") or ws.freeze_panes != "A3":
        fail("%s: header rows %r, frozen at %r" % (name, ws.print_title_rows, ws.freeze_panes))
    if "&P" not in (ws.oddFooter.right.text or "") or ws.oddFooter.left.text != wb["封面"]["A1"].value:
        fail("%s: footer %r" % (name, ws.oddFooter.right.text))
if wb["意外保险"].page_setup.orientation != "landscape":
    fail("意外保险 is not landscape")
if "完成率图" not in [c.title for c in wb.chartsheets]:
    fail("no chart of completion rates")
notes = [r[1].value for r in wb["指标说明"].iter_rows(min_row=3)]
print("notes:", len(notes), "definitions; the first:", notes[0])
print("report check: %d figures equal to the database's" % checked)
