#!/usr/bin/python3
"""Reads a subsidy roster .xlsx back: the sheets, the header row, each line, the totals row
(a SUM formula whose cached value must equal the sum of the lines, to the fen), under it a
line left blank and the signature block (制表人, 审核人, 负责人, 日期), the number
format of amounts, and the print set-up (A4, landscape, one page wide, header row repeated,
page numbers in the footer). Prints what it found; exits 1 on the first problem."""
import sys

import openpyxl

path = sys.argv[1]
values = openpyxl.load_workbook(path, data_only=True)
formulas = openpyxl.load_workbook(path)


def fail(msg):
    print("roster check FAILED:", msg)
    sys.exit(1)


print("sheets:", ", ".join(values.sheetnames))
for name in values.sheetnames:
    ws, wf = values[name], formulas[name]
    rows = list(ws.iter_rows(values_only=True))
    if name == "汇总":
        total = rows[-1]
        print(f"{name}: {total[0]} {total[1]} persons, {total[2]:.2f} yuan")
        continue
    sign = rows[-1]
    if sign[1:8:2] != tuple(f"{k}{v}" for k, v in zip(("制表人：", "审核人：", "负责人：", "日期："),
                                                       (str(sign[1])[4:], str(sign[3])[4:], "", str(sign[7])[3:]))) \
            or any(rows[-2]) or not str(sign[1]).startswith("制表人："):
        fail(f"{name}: no signature block under the total: {sign}")
    rows = rows[:-2]
    print(f"{name}: signed {' / '.join(str(sign[c]) for c in (1, 3, 5, 7))}")
    head = rows[2]
    if head[:3] != ("序号", "姓名", "身份证号"):
        fail(f"{name}: header row is {head}")
    lines = rows[3:-1]
    total = rows[-1]
    if total[0] != "合计":
        fail(f"{name}: last row is not the total: {total}")
    fen = sum(round(r[6] * 100) for r in lines)
    if round(total[6] * 100) != fen:
        fail(f"{name}: total {total[6]} but the lines add up to {fen / 100:.2f}")
    formula = wf.cell(row=len(rows), column=7).value
    if not str(formula).startswith("=SUM(G4:G"):
        fail(f"{name}: the total is not a SUM formula: {formula}")
    fmt = wf.cell(row=4, column=7).number_format
    ps = wf.page_setup
    if fmt != "#,##0.00" or ps.paperSize != 9 or ps.orientation != "landscape":
        fail(f"{name}: format {fmt}, paper {ps.paperSize}, {ps.orientation}")
    if wf.print_title_rows.replace("$", "") != "3:3" or "&P" not in (wf.oddFooter.right.text or ""):
        fail(f"{name}: titles {wf.print_title_rows}, footer {wf.oddFooter.right.text}")
    if wf.sheet_properties.pageSetUpPr.fitToPage is not True or ws.freeze_panes != "A4":
        fail(f"{name}: not fitted to the page width, or panes {ws.freeze_panes}")
    print(f"{name}: {ws['A1'].value}; {len(lines)} lines, total {total[6]:.2f} = sum of lines,"
          f" {total[1]}; A4 landscape, header row repeated, footer {wf.oddFooter.right.text}")
    for r in lines:
        print("   ", " | ".join("" if c is None else str(c) for c in r))
