-- Record kinds a database defines, beside the modules' own (dpf/entity.h): the ledgers to come
-- declare their tables in their own migrations and describe them here, and `dpf template`,
-- `dpf import` and `dpf export` take them as they take persons.
--
-- entity_def: the kind's name (as typed after `dpf import`), what it holds, the table of its
-- rows (one the migrations made; it has an INTEGER PRIMARY KEY or a rowid), and the role that
-- may import it (1 录入员 clerk .. 4 管理员 admin).
CREATE TABLE entity_def (
    name        TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    table_name  TEXT NOT NULL,
    cap         INTEGER NOT NULL DEFAULT 1 CHECK (cap BETWEEN 1 AND 4)
) WITHOUT ROWID;

-- entity_field: its columns in template order: the SQL column (key), the template's header,
-- the label, the type (as dpf/field.h's: text, date, flag, phone, idno, digits, money, int,
-- month), the longest value, and whether it is required or sensitive (masked unless full).
CREATE TABLE entity_field (
    entity      TEXT NOT NULL REFERENCES entity_def(name) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    key         TEXT NOT NULL,
    header      TEXT NOT NULL,
    label       TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('text', 'date', 'flag', 'phone', 'idno',
                                              'digits', 'money', 'int', 'month')),
    maxlen      INTEGER NOT NULL DEFAULT 30 CHECK (maxlen BETWEEN 1 AND 1000),
    required    INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
    sensitive   INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
    PRIMARY KEY (entity, pos),
    UNIQUE (entity, key),
    UNIQUE (entity, header)
) WITHOUT ROWID;
