#!/usr/bin/python3
"""Writes a CSV file's rows as a workbook, as the office's Excel would hold them, for the
import tests: OUT.xlsx with openpyxl, OUT.xls with xlwt (by OUT's extension). Text cells are
text; an empty CSV field is no cell at all.

Usage: IN.csv OUT [--dates H,H] [--numbers H,H] [--sheet NAME] [--before NAME] [--shared]
  --dates      these columns' YYYY-MM-DD values become date cells with a date format
  --numbers    these columns' all-digit values become numbers (what Excel does to an ID)
  --sheet      the data sheet's name (default Sheet1)
  --before     a sheet of that name, with other rows, comes first
  --shared     .xlsx: text in the shared strings (as Excel writes it), except the 姓名 column,
               which stays inline (as openpyxl writes every string)"""
import csv
import datetime
import re
import sys
import zipfile


def parse(argv):
    opts = {"dates": [], "numbers": [], "sheet": "Sheet1", "before": None, "shared": False}
    args = argv[1:]
    src, out = args[0], args[1]
    i = 2
    while i < len(args):
        a = args[i]
        if a == "--shared":
            opts["shared"] = True
            i += 1
            continue
        v = args[i + 1]
        if a in ("--dates", "--numbers"):
            opts[a[2:]] = v.split(",")
        else:
            opts[a[2:]] = v
        i += 2
    return src, out, opts


def value(header, text, opts):
    """The cell's value: a date, a number or the text."""
    if header in opts["dates"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return text         # 2015-02-30 stays text, as Excel leaves it
    if header in opts["numbers"] and re.fullmatch(r"\d+", text):
        return int(text)
    return text


def write_xlsx(rows, out, opts):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    if opts["before"]:
        ws.title = opts["before"]
        ws.append(["说明", "这一页不是名册"])
        ws = wb.create_sheet(opts["sheet"])
    else:
        ws.title = opts["sheet"]
    header = rows[0]
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row, 1):
            if text == "":
                continue
            v = value(header[c - 1], text, opts) if r > 1 else text
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    wb.save(out)
    if opts["shared"]:
        share(out, header.index("姓名") + 1 if "姓名" in header else 0)


def col_of(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n


def share(path, inline_col):
    """Moves the inline strings of every sheet into xl/sharedStrings.xml, but column
    inline_col's."""
    strings, index = [], {}
    cell = re.compile(r'<c r="([A-Z]+\d+)"([^>]*) t="inlineStr"([^>]*)><is><t([^>]*)>(.*?)</t></is></c>',
                      re.S)

    def repl(m):
        if col_of(m.group(1)) == inline_col:
            return m.group(0)
        text = m.group(5)
        if text not in index:
            index[text] = len(strings)
            strings.append((m.group(4), text))
        return '<c r="%s"%s t="s"%s><v>%d</v></c>' % (m.group(1), m.group(2), m.group(3),
                                                     index[text])

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name in parts:
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = cell.sub(repl, parts[name].decode("utf-8")).encode("utf-8")
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'count="%d" uniqueCount="%d">' % (len(strings), len(strings))]
    sst += ["<si><t%s>%s</t></si>" % s for s in strings]
    sst.append("</sst>")
    parts["xl/sharedStrings.xml"] = "".join(sst).encode("utf-8")
    ct = parts["[Content_Types].xml"].decode("utf-8")
    if "sharedStrings" not in ct:
        ct = ct.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType='
                        '"application/vnd.openxmlformats-officedocument.spreadsheetml.'
                        'sharedStrings+xml"/></Types>')
    parts["[Content_Types].xml"] = ct.encode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    if "sharedStrings" not in rels:
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdSst" Type="http://schemas.'
                            'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                            'Target="sharedStrings.xml"/></Relationships>')
    parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def write_xls(rows, out, opts):
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    if opts["before"]:
        wb.add_sheet(opts["before"]).write(0, 0, "这一页不是名册")
    ws = wb.add_sheet(opts["sheet"])
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    header = rows[0]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text == "":
                continue
            v = value(header[c], text, opts) if r > 0 else text
            if isinstance(v, datetime.date):
                ws.write(r, c, v, date_style)
            else:
                ws.write(r, c, v)
    wb.save(out)


def main():
    src, out, opts = parse(sys.argv)
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    (write_xls if out.endswith(".xls") else write_xlsx)(rows, out, opts)


if __name__ == "__main__":
    main()
