# Places are a list (issue 20): the first register import lists the places it found and
# takes them only with --new-places; `dpf place` gives them codes; once the office has
# places, an import refuses an unknown township with line, column and the nearest names;
# the report lists the townships in code order.
dpf --db p.db init > /dev/null
dpf --db p.db place list
dpf --db p.db import persons "$FIX/persons_good.csv" || echo "exit $?"
dpf --db p.db summary | head -1
dpf --db p.db import persons "$FIX/persons_good.csv" --new-places
dpf --db p.db place list
dpf --db p.db place edit 新安镇 --code 341503101
dpf --db p.db place edit 城南镇 --code 341503102
dpf --db p.db place edit 双河村 --township 新安镇 --code 341503102001 || echo "exit $?"
dpf --db p.db place edit 双河村 --township 新安镇 --code 341503101001
dpf --db p.db place edit 新安镇 --name 新安街道 || echo "exit $?"
dpf --db p.db place add 新集镇 --code 34150310 || echo "exit $?"
dpf --db p.db place add 新集镇 --code 341503103
dpf --db p.db place list 新安镇
dpf --db p.db place find 341503101001
dpf --db p.db place find 新安 || echo "exit $?"
# Places hold no personal data: no --full-id to ask for.
dpf --db p.db export places --out places.csv --full-id 2>&1 | head -1
dpf --db p.db export places --out places.csv > /dev/null
cat places.csv
# An unknown township, and a village not of its township: rejected, nothing written.
printf '残疾人证号,姓名,乡镇街道,村社区\n34150319800101001941,新人,不存在镇,\n34150319800101003541,新人二,新安镇,双合村\n' > unknown.csv
dpf --db p.db import persons unknown.csv --rejects unknown.rej.csv || echo "exit $?"
cut -d, -f1-3 unknown.rej.csv
# The manager may take them instead.
dpf --db p.db import persons unknown.csv --new-places --rejects unknown2.rej.csv || echo "exit $?"
dpf --db p.db place list | head -4
# A place list imported first: its codes, in code order.
dpf --db q.db init > /dev/null
printf '乡镇街道,村社区,行政区划代码\n城南镇,,341503002\n城南镇,清水村,341503002001\n新安镇,,341503001\n' > pl.csv
dpf --db q.db import places pl.csv
dpf --db q.db place list
