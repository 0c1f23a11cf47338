#!/usr/bin/python3
"""Fails if any exported file (CSV or .xlsx) holds an unmasked resident ID or a bank account
in full: 18 characters of an ID (17 digits and a digit or X), or a run of 12 or more digits.
Prints each file with its row count. Usage: FILE..."""
import re
import sys

import openpyxl

FULL = re.compile(r"\d{17}[\dX]|\d{12,}")
bad = 0
for path in sys.argv[1:]:
    if path.endswith(".xlsx"):
        wb = openpyxl.load_workbook(path, read_only=True)
        cells = [str(c) for ws in wb.worksheets for r in ws.iter_rows(values_only=True)
                 for c in r if c is not None]
    else:
        cells = re.split(r"[,\r\n]+", open(path, encoding="utf-8-sig").read())
    hits = [c for c in cells if FULL.search(c)]
    print("%s: %d cells, %s" % (path, len(cells), "FULL VALUES: " + hits[0] if hits else "masked"))
    bad += bool(hits)
sys.exit(1 if bad else 0)
