# Excel's damage in the workbooks the office has (issue 21): the damaged sheet of
# import_excel as an .xlsx and an .xls, its phones stored as number cells (the leading zero
# gone, as Excel does) and its YYYY-MM-DD dates as date cells; the other date styles stay
# text. The same rejects as the CSV, line for line, and the same dates stored.
mk() { "$TOOLS/workbook_fixture.py" "$@"; }
cp "$FIX/persons_excel.csv" in.csv
mk in.csv in.xlsx --numbers 联系电话 --dates 发证日期 --shared
mk in.csv in.xls --numbers 联系电话 --dates 发证日期
for f in in.csv in.xlsx in.xls; do
    dpf --db "$f.db" init > /dev/null
    dpf --db "$f.db" import persons "$f" --new-places --partial > /dev/null || echo "exit $?"
    dpf --db "$f.db" export persons --full-id --out "$f.out.csv" > /dev/null
done
tail -c +4 in.rejects.csv | tr -d '\r' | cut -d, -f1-3
cmp in.rejects.csv in.rejects-2.csv && echo "xlsx: the same rejects"
cmp in.rejects.csv in.rejects-3.csv && echo "xls: the same rejects"
cmp in.csv.out.csv in.xlsx.out.csv && echo "xlsx: the same register"
cmp in.csv.out.csv in.xls.out.csv && echo "xls: the same register"

# An 18-digit ID typed into a General cell: Excel keeps it as a number, 15 digits exact.
/usr/bin/python3 - <<'PY'
import openpyxl, xlwt
head = ["残疾人证号", "姓名", "乡镇街道", "村社区"]
row = [34150219551111400042, "冯军", "苏埠镇", "黄墩村"]
wb = openpyxl.Workbook()
wb.active.append(head)
wb.active.append(row)
wb.save("id.xlsx")
book = xlwt.Workbook()
sheet = book.add_sheet("Sheet1")
for r, values in enumerate([head, row]):
    for c, v in enumerate(values):
        sheet.write(r, c, float(v) if isinstance(v, int) else v)
book.save("id.xls")
PY
for f in id.xlsx id.xls; do
    dpf --db in.csv.db import persons "$f" || echo "exit $?"
done
tail -c +4 id.rejects.csv | tr -d '\r' | cut -d, -f1-3
tail -c +4 id.rejects-2.csv | tr -d '\r' | cut -d, -f1-3
