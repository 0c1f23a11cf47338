# Workbooks (issue 21): the same persons as an .xlsx (text in shared strings, names inline,
# dates as date cells) and as an .xls import exactly as the CSV does, rejects and all; a sheet
# is chosen with --sheet; a damaged workbook imports nothing. The workbooks are made here
# from the CSV fixtures (tests/tools/workbook_fixture.py).
mk() { "$TOOLS/workbook_fixture.py" "$@"; }
mk "$FIX/persons_good.csv" good.xlsx --dates 出生日期,发证日期,状态日期 --shared
mk "$FIX/persons_good.csv" good.xls --dates 出生日期,发证日期,状态日期
for f in "$FIX/persons_good.csv" good.xlsx good.xls; do
    db=$(basename "$f").db
    dpf --db "$db" init > /dev/null
    dpf --db "$db" import persons "$f"
    dpf --db "$db" export persons --full-id --out "$db.csv" > /dev/null
done
cmp persons_good.csv.db.csv good.xlsx.db.csv && echo "xlsx: the same register as the CSV"
cmp persons_good.csv.db.csv good.xls.db.csv && echo "xls: the same register as the CSV"

# Bad rows: the same rejects, line for line (a sheet's row is the CSV's line).
cp "$FIX/persons_bad.csv" bad.csv
mk bad.csv bad.xlsx --dates 出生日期,发证日期 --shared
mk bad.csv bad.xls --dates 出生日期,发证日期
dpf --db r.db init > /dev/null
for f in bad.csv bad.xlsx bad.xls; do
    dpf --db r.db import persons "$f" || echo "exit $?"
done
tail -c +4 bad.rejects.csv | tr -d '\r' | cut -d, -f1-3
cmp bad.rejects.csv bad.rejects-2.csv && echo "xlsx: the same rejects"
cmp bad.rejects.csv bad.rejects-3.csv && echo "xls: the same rejects"

# --sheet: the register on the second sheet.
mk "$FIX/persons_good.csv" two.xlsx --sheet 名册 --before 说明
mk "$FIX/persons_good.csv" two.xls --sheet 名册 --before 说明
for f in two.xlsx two.xls; do
    dpf --db "s-$f.db" init > /dev/null
    dpf --db "s-$f.db" import persons "$f" || echo "exit $?"
    dpf --db "s-$f.db" import persons "$f" --sheet 花名册 || echo "exit $?"
    dpf --db "s-$f.db" import persons "$f" --sheet 名册
done
dpf --db r.db import persons "$FIX/persons_good.csv" --sheet 名册 || echo "exit $?"

# Damage: a workbook cut short, and one whose sheet breaks part way: nothing is imported.
head -c 900 good.xlsx > cut.xlsx
dpf --db d.db init > /dev/null
dpf --db d.db import persons cut.xlsx || echo "exit $?"
python3 -c '
import zipfile
z = zipfile.ZipFile("good.xlsx")
parts = {n: z.read(n) for n in z.namelist()}
s = parts["xl/worksheets/sheet1.xml"].decode()
parts["xl/worksheets/sheet1.xml"] = s.replace("<row r=\"5\"", "<row r=\"5\"><bad").encode()
with zipfile.ZipFile("broken.xlsx", "w") as w:
    for n, d in parts.items():
        w.writestr(n, d)
'
dpf --db d.db import persons broken.xlsx --partial || echo "exit $?"
dpf --db d.db summary | sed -n 3p
ls | grep rejects
