# An export with --full-id imports back into an empty database unchanged; the .xlsx export
# has the template's headers and masked IDs, read back with openpyxl.
dpf --db d.db demo --persons 500 --seed 7
dpf --db d.db check
dpf --db d.db export persons --out full.csv --full-id
dpf --db e.db init
dpf --db e.db import persons full.csv --new-places
dpf --db e.db export persons --out again.csv --full-id
cmp full.csv again.csv && echo "round trip unchanged"
dpf --db d.db export persons --out masked.xlsx
/usr/bin/python3 "$TOOLS/xlsx_check.py" masked.xlsx full.csv
