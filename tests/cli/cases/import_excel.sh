# What Excel does to a sheet, caught for every kind with the line, the column and what was
# lost: an ID stored as a number (scientific notation, or the last digits zeroed), a phone
# or an account without its leading zero, a date with the year last or no such month. The
# dates typed as text the common ways (2017.3.5, 2017/3/5, 2017年3月5日, 20170305) are taken
# and stored as 2017-03-05.
dpf --db r.db init
cp "$FIX/persons_excel.csv" in.csv
dpf --db r.db import persons in.csv || echo "exit $?"
tail -c +4 in.rejects.csv | tr -d '\r' | cut -d, -f1-3
dpf --db r.db import persons in.csv --partial --rejects again.csv
dpf --db r.db export persons --out out.csv --full-id
tail -c +4 out.csv | tr -d '\r' | cut -d, -f1,2,4,18 | sed 1d | sort
# A kind that names a person by certificate as text (an enrolment) says the same.
printf '\xEF\xBB\xBF残疾人证号,姓名,补贴项目,申请日期\r\n3.41502E+17,周正,困难残疾人生活补贴,2026.6.1\r\n341502197208153000,郑芳,困难残疾人生活补贴,2026年6月1日\r\n' > enrol.csv
dpf --db r.db import enrolments enrol.csv || echo "exit $?"
tail -c +4 enrol.rejects.csv | tr -d '\r' | cut -d, -f1-3
