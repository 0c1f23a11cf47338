#!/usr/bin/python3
"""Writes a persons CSV (an export) as an .xlsx the way the office's Excel holds it, for the
workbook import benchmark: openpyxl in write_only mode (rows streamed, never a whole sheet
in memory), dates as date cells, then the text moved into the shared strings as Excel writes
it (tests/tools/workbook_fixture.py). Usage: IN.csv OUT.xlsx."""
import csv
import datetime
import os
import re
import sys

import openpyxl
from openpyxl.cell import WriteOnlyCell

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "tools"))
from workbook_fixture import share  # noqa: E402

DATES = ("出生日期", "发证日期", "状态日期")


def main():
    src, out = sys.argv[1], sys.argv[2]
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("名册")
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        ws.append(header)
        dated = [h in DATES for h in header]
        for row in rows:
            cells = []
            for text, is_date in zip(row, dated):
                if is_date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                    c = WriteOnlyCell(ws, value=datetime.date.fromisoformat(text))
                    c.number_format = "yyyy-mm-dd"
                    cells.append(c)
                else:
                    cells.append(text if text != "" else None)
            ws.append(cells)
    wb.save(out + ".tmp")
    share(out + ".tmp", header.index("姓名") + 1)
    os.rename(out + ".tmp", out)


main()
