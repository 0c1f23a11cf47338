# The template is exactly the header row, UTF-8 with a BOM, CRLF.
dpf template persons --out t.csv
od -An -c t.csv | head -1
tail -c +4 t.csv | tr -d '\r'
