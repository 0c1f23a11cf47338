#!/usr/bin/python3
"""Writes the seeds of the .xlsx fuzz target (fuzz/fuzz_xlsx.c) into DIR: small workbooks
(under make fuzz's 4,096-byte limit) with shared and inline strings, rich text with a
phonetic run, dates by a built-in and a custom format, the 1904 system, a formula's text,
booleans, errors, skipped columns and cells without references; as zips, and as the parts
alone (the worksheet, the shared strings and the styles, separated by NUL bytes), which the
target stores into a zip itself so that the fuzzer's changes reach the XML past the zip's
CRCs. Usage: DIR."""
import os
import sys
import zipfile

NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="x/styles" Target="styles.xml"/>'
        '<Relationship Id="rId3" Type="x/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>')
STYLES = ('<styleSheet %s><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m'
          '&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs><xf numFmtId="0"/>'
          '<xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>' % NS)
STRINGS = ('<sst %s><si><t>残疾人证号</t></si><si><t>姓名</t></si><si><t>出生日期</t></si>'
           '<si><r><t>张</t></r><r><t>伟</t></r><rPh><t>zw</t></rPh></si><si><t>a_x000D_b</t>'
           '</si></sst>' % NS)
SHEET = ('<worksheet %s><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s">'
         '<v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="inlineStr">'
         '<is><t>341503199001011234</t></is></c><c r="B2" t="s"><v>3</v></c><c r="C2" s="1">'
         '<v>32874</v></c></row><row r="4"><c r="A4"><v>3.41503199001011E+17</v></c>'
         '<c r="C4" s="2"><v>60</v></c><c r="E4" t="str"><f>A1</f><v>x</v></c></row>'
         '<row><c><v>12.0</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c>'
         '<c t="s"><v>4</v></c></row></sheetData></worksheet>' % NS)


def workbook(pr):
    return ('<workbook %s>%s<sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets>'
            '</workbook>' % (NS, pr))


def write(path, parts, method):
    with zipfile.ZipFile(path, "w", method) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    base = {"xl/workbook.xml": workbook(""), "xl/_rels/workbook.xml.rels": RELS,
            "xl/styles.xml": STYLES, "xl/sharedStrings.xml": STRINGS,
            "xl/worksheets/sheet1.xml": SHEET}
    d1904 = dict(base, **{"xl/workbook.xml": workbook('<workbookPr date1904="1"/>')})
    for name, parts in (("full", base), ("1904", d1904)):
        write(os.path.join(out, name + "-deflated.xlsx"), parts, zipfile.ZIP_DEFLATED)
        write(os.path.join(out, name + "-stored.xlsx"), parts, zipfile.ZIP_STORED)
    with open(os.path.join(out, "parts"), "wb") as f:
        f.write("\0".join((SHEET, STRINGS, STYLES)).encode("utf-8"))


main()
