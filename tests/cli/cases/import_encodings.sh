# UTF-8 with BOM and CRLF, and GBK (detected, or named) read the same as plain UTF-8.
dpf --db a.db init
dpf --db a.db import persons "$FIX/persons_bom_crlf.csv" --new-places
dpf --db b.db init
dpf --db b.db import persons "$FIX/persons_gbk.csv" --new-places
dpf --db c.db init
dpf --db c.db import persons "$FIX/persons_gbk.csv" --new-places --encoding gbk
dpf --db c.db import persons "$FIX/persons_gbk.csv" --encoding utf-8 || echo "exit $?"
dpf --db a.db export persons --out a.csv --full-id
dpf --db b.db export persons --out b.csv --full-id
cmp a.csv b.csv && echo "BOM/CRLF and GBK imports are identical"
dpf --db a.db import persons "$FIX/not_csv.csv" || echo "exit $?"
dpf --db a.db import persons "$FIX/unknown_column.csv" || echo "exit $?"
dpf --db a.db import persons missing.csv || echo "exit $?"
