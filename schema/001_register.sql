-- The register of certified disabled persons, its audit log and the yearly update.
-- Codes: gender 1 male, 2 female; category 1..7 as on the certificate; level 1..4;
-- status 1 在册 active, 2 死亡 deceased, 3 迁出 moved out, 4 注销 cancelled.

CREATE TABLE person (
    id              INTEGER PRIMARY KEY,
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
-- The unique key is a separate index (not a column constraint) so a bulk import into an
-- empty register can drop and rebuild it: sorting once beats a million random B-tree inserts.
-- A certificate number begins with the resident ID, so this index also finds certificates
-- and keeps them unique.
CREATE UNIQUE INDEX person_id_no ON person (id_no);
-- Name search and sorted lists page by (name, id): every index entry ends with the rowid
-- (= id), so (name) is already in that order. A list filtered by township walks the same
-- index (a township holds at least a few percent of the register, so a page of 50 reads a
-- few thousand entries); a (township, name) index would cost a quarter of a bulk import.
CREATE INDEX person_name ON person (name);
CREATE INDEX person_phone ON person (phone) WHERE phone IS NOT NULL;

-- Append-only history of every change to a person: before/after are JSON objects of the
-- fields that changed (all fields for an insert).
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user        TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    action      TEXT NOT NULL,
    before      TEXT,
    after       TEXT
);
CREATE INDEX audit_entity ON audit (entity, entity_id, id);

-- The yearly needs-and-services update: one row per person and year.
-- contact: 1 入户 home visit, 2 面对面 face to face, 3 电话 phone, 4 失访 lost.
-- outcome: 1 verified, 2 found deceased (written off).
CREATE TABLE yearly_update (
    person_id   INTEGER NOT NULL REFERENCES person (id),
    year        INTEGER NOT NULL,
    contact     INTEGER NOT NULL CHECK (contact BETWEEN 1 AND 4),
    outcome     INTEGER NOT NULL CHECK (outcome IN (1, 2)),
    done_on     TEXT NOT NULL,
    user        TEXT NOT NULL,
    note        TEXT,
    PRIMARY KEY (person_id, year)
) WITHOUT ROWID;
CREATE INDEX yearly_update_year ON yearly_update (year);
