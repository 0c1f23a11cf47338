# The yearly update and the insured roster's additions and removals imported like every
# kind: a template, one transaction for the file (any bad row: nothing written), rejects by
# line and column, each row doing what `dpf update record` or `dpf insurance add|remove`
# does, and a re-import that changes nothing.
dpf --db r.db init > /dev/null
dpf --db r.db import persons "$FIX/persons_good.csv" > /dev/null
dpf --db r.db template updates --out t.csv
tail -c +4 t.csv
printf '\xEF\xBB\xBF残疾人证号,姓名,年度,联系方式,结果,日期,备注\r\n' > up.csv
cat >> up.csv <<'CSV'
34150319650312101941,张伟,2026,入户,核实,2026.3.5,
341503197807202023,,2026,3,核实,2026年3月6日,电话核实
34150319881111505861,陈强,2026,失访,核销,2026-05-20,邻居告知已去世
34150320150101303453,王子豪,2026,面对面,核实,,
3.41503E+17,王子豪,2026,入户,核实,2026-03-07,
34150320150101303453,王子豪,2027,入户,核实,2026-03-07,
34150320150101303453,王子涵,2026,入户,核实,2026-03-07,
34150320150101303453,王子豪,2026,短信,核实,3/7/2026,
34150399990101000000,,2026,入户,核实,2026-03-07,
CSV
dpf --db r.db import updates up.csv || echo "exit $?"
tail -c +4 up.rejects.csv | tr -d '\r' | cut -d, -f1-3
dpf --db r.db update summary --year 2026 | tail -1
dpf --db r.db import updates up.csv --partial --rejects again.csv
dpf --db r.db update summary --year 2026
dpf --db r.db person show 34150319881111505861 | grep 状态
dpf --db r.db import updates up.csv --partial --rejects third.csv | head -1
# The insured roster: built, confirmed, then a file of additions and removals.
dpf --db i.db init > /dev/null
dpf --db i.db import persons "$FIX/ins_persons.csv" > /dev/null
dpf --db i.db import persons "$FIX/ins_poor_later.csv" > /dev/null
dpf --db i.db insurance policy --year 2026 --insurer 示范保险公司 --policy-no PA-2026-01 --premium 40 --starts-on 2026-03-30 --ends-on 2027-03-29 > /dev/null
dpf --db i.db insurance build --year 2026 > /dev/null
dpf --db i.db insurance confirm --year 2026 > /dev/null
dpf --db i.db template insured --out ti.csv
tail -c +4 ti.csv
printf '\xEF\xBB\xBF保单年度,残疾人证号,姓名,增减,变动日期,变动原因\r\n' > ins.csv
cat >> ins.csv <<'CSV'
2026,34150319820202031X13,孙三,增员,2026.5.1,新识别建档立卡
2026,34150319580501011741,赵一,减员,2026年6月1日,迁出
2026,34150319750808022222,钱二,减员,2026-06-01,
2026,34150319750808022222,钱二,增员,2026-06-01,
2027,34150319750808022222,钱二,减员,2026-06-01,迁出
2026,3.41503E+17,钱二,减员,2026-06-01,迁出
2026,34150319750808022222,钱二,减员,2026-03-01,迁出
2026,34150319750808022222,钱三,减员,2026-06-01,迁出
CSV
dpf --db i.db import insured ins.csv || echo "exit $?"
tail -c +4 ins.rejects.csv | tr -d '\r' | cut -d, -f1-3
dpf --db i.db insurance policies | sed -n 2p
dpf --db i.db import insured ins.csv --partial --rejects ins-again.csv
dpf --db i.db insurance policies | sed -n 2p
