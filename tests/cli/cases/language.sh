# Chinese by default (C.UTF-8, as over SSH), also when the zh_CN locale is not installed;
# a locale naming another language is followed; --lang overrides both.
dpf --db r.db init > /dev/null
dpf --db r.db summary | head -1
LANG=zh_CN.UTF-8 dpf --db r.db summary | head -1
LANG=zh_TW.UTF-8 dpf --db r.db summary | head -1
LANG=en_US.UTF-8 dpf --db r.db summary | head -1
LANG=en_US.UTF-8 dpf --lang zh_CN --db r.db summary | head -1
dpf --lang en --db r.db person show 110105194912310021 || echo "exit $?"
# English shows the values in English (肢体 Physical, 是 Yes) and reads them back (Moved out
# is 迁出); Chinese shows them as stored, and files keep the stored names.
dpf --db r.db import persons "$FIX/persons_good.csv" --new-places > /dev/null
dpf --lang en --db r.db person show 34150319650312101941 |
    grep -E '^(Gender|Category|Level|Registered poor|Status)  '
dpf --db r.db person show 34150319650312101941 | grep -E '^(性别|残疾类别|残疾等级|状态)  '
dpf --lang zh_TW --db r.db person show 34150319650312101941 | grep -E '^(殘疾類別|殘疾等級)  '
dpf --lang en --db r.db person status 34150319650312101941 --status "Moved out" --date 2024-01-02
sqlite3 r.db "SELECT status FROM person WHERE cert_no = '34150319650312101941'"
dpf --lang en --db r.db export persons --out p.csv > /dev/null
grep -o -m1 '肢体,一级' p.csv
grep -c 'Physical\|Moved out\|Level 1' p.csv || true
# The summary's figures by category, level and status, in English and in Chinese.
LANG=en_US.UTF-8 dpf --db r.db summary | sed -n "3p;5,9p"
dpf --db r.db summary | sed -n "3p;5,9p"
