# Traditional characters (issue 22): --lang zh_TW or zh_HK, or a zh_TW/zh_HK locale, speaks
# in Traditional characters through catalogues made at build from the Simplified one; an
# unknown --lang is refused with the languages there are; a Traditional CSV is stored
# Simplified (headers stay Simplified: they are the file format).
dpf --lang xx --version || echo "exit $?"
dpf --lang zh_TW:xx --version || echo "exit $?"
dpf --lang en_US.UTF-8 --version
dpf --lang zh_TW --help | head -3
dpf --lang zh_HK --help | head -3
LANG=zh_TW.UTF-8 dpf --help | head -1
LANG=zh_HK.UTF-8 dpf --help | head -1
dpf --db t.db init > /dev/null
dpf --lang zh_TW --db t.db import persons "$FIX/persons_traditional.csv" --new-places
dpf --db t.db person show 34150319650312101941 | head -4
sqlite3 t.db "SELECT name, township, village, address, note FROM person ORDER BY id"
dpf --lang zh_TW --db t.db person show 34150319650312101941 | head -4
dpf --lang zh_HK --db t.db person status 34150319650312101941 --status 死亡 --date 2099-01-01 || echo "exit $?"
# The report's headings and sheet names are Traditional; its cells hold the register's values.
dpf --lang zh_TW --db t.db report annual --year 2026 --out r.xlsx > /dev/null
python3 -c "import openpyxl; wb = openpyxl.load_workbook('r.xlsx'); print(' '.join(wb.sheetnames)); print(' '.join(c.value for c in wb['持證情況'][2]))"
dpf --db t.db report annual --year 2026 --out s.xlsx > /dev/null
python3 -c "import openpyxl; print(' '.join(openpyxl.load_workbook('s.xlsx').sheetnames))"
# A command's choices and the roles are taken as the UI language shows them: Traditional
# (視力, 稽核員: the Taiwan catalogue's own word for 审核员) and English (any case), as well
# as stored; usage and messages show them in the UI language.
dpf --lang zh_TW --db t.db export persons --out v.csv --category 肢體 --status 在冊
dpf --lang en --db t.db export persons --out v.csv --force --category hearing --status "on the register"
dpf --lang en --db t.db export persons --out v.csv --force --level 5 2>&1 | head -1
dpf --lang zh_TW --db t.db user add clerk1 --role 稽核員
dpf --lang en --db t.db user add clerk2 --role Manager
dpf --lang en --db t.db user add clerk3 --role boss 2>&1 | head -2
sqlite3 t.db "SELECT login, role FROM app_user WHERE login LIKE 'clerk%' ORDER BY login"
dpf --lang zh_TW --db t.db user list | grep clerk | cut -c1-26
dpf --lang en --db t.db user list | grep clerk | cut -c1-26
dpf --lang en --db t.db update record 34150319780720202322 --year 2026 --contact "home visit"
dpf --lang zh_TW --db t.db update record 34150320150101303453 --year 2026 --contact 電話
sqlite3 t.db "SELECT p.name, y.contact FROM yearly_update y JOIN person p ON p.id = y.person_id ORDER BY p.id"
