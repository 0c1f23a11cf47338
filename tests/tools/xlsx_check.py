#!/usr/bin/python3
"""Reads an exported persons .xlsx back and compares it with the full CSV export: same
headers, same row count, the same values except that IDs and bank accounts are masked.
Prints a short report; exits 1 on the first difference."""
import csv
import re
import sys

import openpyxl

xlsx, full_csv = sys.argv[1], sys.argv[2]
ws = openpyxl.load_workbook(xlsx, read_only=True).worksheets[0]
rows = [[("" if c is None else str(c)) for c in r] for r in ws.iter_rows(values_only=True)]
with open(full_csv, encoding="utf-8-sig", newline="") as f:
    full = list(csv.reader(f))

def fail(msg):
    print("xlsx check FAILED:", msg)
    sys.exit(1)

if rows[0] != full[0]:
    fail(f"headers differ: {rows[0]} vs {full[0]}")
if len(rows) != len(full):
    fail(f"{len(rows) - 1} data rows, the CSV has {len(full) - 1}")
cert, bank = full[0].index("残疾人证号"), full[0].index("银行账号")
for n, (x, c) in enumerate(zip(rows[1:], full[1:]), start=2):
    x = x + [""] * (len(c) - len(x))
    if not re.fullmatch(r"\d{6}\*{8}\d{3}[\dX]\d\d(B\d*)?", x[cert]):
        fail(f"row {n}: certificate not masked: {x[cert]}")
    if x[cert][:6] != c[cert][:6] or x[cert][14:] != c[cert][14:]:
        fail(f"row {n}: masked certificate {x[cert]} does not match {c[cert]}")
    if c[bank] and (x[bank][:4] != c[bank][:4] or "*" not in x[bank]):
        fail(f"row {n}: bank account not masked: {x[bank]}")
    for i, (a, b) in enumerate(zip(x, c)):
        if i not in (cert, bank) and a != b:
            fail(f"row {n}, column {full[0][i]}: {a!r} vs {b!r}")
print(f"xlsx: {len(rows) - 1} rows, headers as the template, IDs and bank accounts masked")
print("xlsx: header", ",".join(rows[0][:4]), "...; first certificate", rows[1][cert])
