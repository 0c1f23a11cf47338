# Rehabilitation from the command line: institutions, assessments, services, children's
# rescue and projects imported (bad rows rejected with line, column and reason: a service
# before the assessment, an unknown institution, a child over the age limit, devices not
# needed; a later assessment of the same year replaces the earlier), a re-import that
# changes nothing, the year's rates (and with needs
# from another year), the projects' completion, a person's file, exports read back, and a
# deletion.
A=34150319580501011741
dpf --db r.db init > /dev/null
dpf --db r.db import persons "$FIX/rehab_persons.csv" --new-places > /dev/null
dpf --db r.db template assessments --out t.csv && cat t.csv
dpf --db r.db import institutions "$FIX/rehab_institutions.csv" --rejects i.csv
dpf --db r.db rehab institutions
dpf --db r.db import assessments "$FIX/rehab_assessments.csv" --rejects a.csv || echo "exit $?"
cut -d, -f1-3 a.csv
dpf --db r.db import assessments "$FIX/rehab_assessments.csv" --partial --rejects a.csv --force
dpf --db r.db import services "$FIX/rehab_services.csv" --partial --rejects s.csv
cut -d, -f1-3 s.csv
dpf --db r.db import services "$FIX/rehab_services.csv" --partial --rejects s.csv --force
dpf --db r.db import rescues "$FIX/rehab_rescues.csv" --partial --rejects c.csv
cut -d, -f1-3 c.csv
dpf --db r.db import projects "$FIX/rehab_projects.csv" --partial --rejects p.csv
cut -d, -f1-3 p.csv
dpf --db r.db rehab rates --year 2026 | head -8
dpf --db r.db rehab rates --year 2026 --needs-year 2025 | head -5
dpf --db r.db rehab projects --year 2026 | head -8
dpf --db r.db rehab show $A
dpf --db r.db export services --year 2026 --out s.csv --force
cat s.csv
dpf --db r.db export rescues --out c.xlsx --full-id
/usr/bin/python3 -c "
import openpyxl, sys
ws = openpyxl.load_workbook('c.xlsx').active
print(ws.title, ws.max_row, ws.freeze_panes)
for row in ws.iter_rows(values_only=True):
    print(','.join('' if v is None else str(v) for v in row))
"
dpf --db r.db rehab delete institutions --id 1 || echo "exit $?"
dpf --db r.db rehab delete services --id 1
dpf --db r.db rehab rates --year 2026 | sed -n 4p
dpf --db r.db person history $A | tail -4
dpf --db r.db check | tail -1
