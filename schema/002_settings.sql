-- Office settings: the district's name and code, shown on reports and used by `dpf demo`.
CREATE TABLE setting (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO setting (key, value) VALUES ('district_name', '示范区'), ('district_code', '341503');
