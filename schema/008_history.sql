-- Restores lose no history, and a person's id is never given to anyone else.
--
-- Audit rows that a restore takes out of the log (written after the backup was made) are kept
-- here, apart from the log: a person's history reads only `audit`, so a rolled-back row can
-- never show up in someone else's history. restore_id is the audit row of the restore that
-- rolled it back; audit_id its id in the log it came from.
CREATE TABLE audit_rolled_back (
    id          INTEGER PRIMARY KEY,
    restore_id  INTEGER NOT NULL,
    audit_id    INTEGER NOT NULL,
    at          TEXT NOT NULL,
    user        TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    action      TEXT NOT NULL,
    before      TEXT,
    after       TEXT
);
CREATE TRIGGER audit_rolled_back_no_update BEFORE UPDATE ON audit_rolled_back
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_rolled_back_no_delete BEFORE DELETE ON audit_rolled_back
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- person.id becomes AUTOINCREMENT, which SQLite allows only by rebuilding the table
-- (migrate_run turns foreign keys off around the migrations and runs foreign_key_check
-- before committing, so the tables that refer to person keep their rows and references).
CREATE TABLE person_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    cert_no         TEXT NOT NULL,
    id_no           TEXT NOT NULL CHECK (length(id_no) = 18 AND id_no = substr(cert_no, 1, 18)),
    name            TEXT NOT NULL,
    gender          INTEGER NOT NULL CHECK (gender IN (1, 2)),
    birth_date      TEXT NOT NULL,
    ethnicity       TEXT,
    category        INTEGER NOT NULL CHECK (category BETWEEN 1 AND 7),
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    township        TEXT NOT NULL,
    village         TEXT,
    address         TEXT,
    phone           TEXT,
    guardian        TEXT,
    guardian_phone  TEXT,
    poor_reg        INTEGER NOT NULL DEFAULT 0 CHECK (poor_reg IN (0, 1)),
    dibao           INTEGER NOT NULL DEFAULT 0 CHECK (dibao IN (0, 1)),
    tekun           INTEGER NOT NULL DEFAULT 0 CHECK (tekun IN (0, 1)),
    illness_poor    INTEGER NOT NULL DEFAULT 0 CHECK (illness_poor IN (0, 1)),
    cert_issue_date TEXT,
    status          INTEGER NOT NULL DEFAULT 1 CHECK (status BETWEEN 1 AND 4),
    status_date     TEXT,
    status_reason   TEXT,
    bank_account    TEXT,
    note            TEXT,
    CHECK (status = 1 OR status_date IS NOT NULL)
);
INSERT INTO person_new (id, cert_no, id_no, name, gender, birth_date, ethnicity, category,
                        level, township, village, address, phone, guardian, guardian_phone,
                        poor_reg, dibao, tekun, illness_poor, cert_issue_date, status,
                        status_date, status_reason, bank_account, note)
SELECT id, cert_no, id_no, name, gender, birth_date, ethnicity, category, level, township,
       village, address, phone, guardian, guardian_phone, poor_reg, dibao, tekun,
       illness_poor, cert_issue_date, status, status_date, status_reason, bank_account, note
FROM person;
DROP TABLE person;
ALTER TABLE person_new RENAME TO person;
CREATE UNIQUE INDEX person_id_no ON person (id_no);
CREATE INDEX person_name ON person (name);
CREATE INDEX person_phone ON person (phone) WHERE phone IS NOT NULL;
CREATE INDEX person_township_name ON person (township, name);

-- The next id is above every id a person ever had: the log remembers ids whose rows are gone.
DELETE FROM sqlite_sequence WHERE name = 'person';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'person', max(coalesce((SELECT max(id) FROM person), 0),
                     coalesce((SELECT max(entity_id) FROM audit WHERE entity = 'person'), 0));
