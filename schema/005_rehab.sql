-- Rehabilitation (精准康复): service institutions, needs assessments, service agreements,
-- services delivered, children's rehabilitation rescue, and projects with yearly targets.
-- Code lists (kinds, needs, funding lines) are in src/core/rehab_fields.c; sets of codes
-- are stored as sorted digits ("125").

CREATE TABLE institution (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    kind        INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 9),
    township    TEXT NOT NULL,
    phone       TEXT,
    note        TEXT
);

-- One assessment per person and year; needs are codes of the basic service catalogue,
-- devices the assistive devices found needed (only with the device need).
CREATE TABLE assessment (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person (id),
    year            INTEGER NOT NULL,
    assessed_on     TEXT NOT NULL,
    method          INTEGER NOT NULL CHECK (method IN (1, 2)),
    assessor        TEXT NOT NULL,
    institution_id  INTEGER REFERENCES institution (id),
    needs           TEXT,
    devices         TEXT,
    note            TEXT,
    UNIQUE (person_id, year)
);
CREATE INDEX assessment_year ON assessment (year);

CREATE TABLE agreement (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person (id),
    year            INTEGER NOT NULL,
    signed_on       TEXT NOT NULL,
    institution_id  INTEGER NOT NULL REFERENCES institution (id),
    planned         TEXT NOT NULL,
    plan_from       TEXT,
    plan_to         TEXT,
    note            TEXT
);
CREATE INDEX agreement_person ON agreement (person_id);

-- Services delivered. year is the year of served_on, kept so the year's rates read one
-- range of services_year without parsing dates.
CREATE TABLE service (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person (id),
    year            INTEGER NOT NULL,
    served_on       TEXT NOT NULL,
    institution_id  INTEGER NOT NULL REFERENCES institution (id),
    kind            INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 6),
    item            TEXT NOT NULL,
    cost            INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
    funding         INTEGER CHECK (funding BETWEEN 1 AND 7),
    note            TEXT
);
-- (year, person_id, kind): the year's rates are read from this index alone.
CREATE INDEX service_year ON service (year, person_id, kind);
CREATE INDEX service_person ON service (person_id, served_on);

CREATE TABLE rescue (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person (id),
    year            INTEGER NOT NULL,
    started_on      TEXT NOT NULL,
    kind            INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 5),
    funding         INTEGER NOT NULL CHECK (funding BETWEEN 1 AND 4),
    institution_id  INTEGER NOT NULL REFERENCES institution (id),
    cost            INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
    ended_on        TEXT,
    note            TEXT
);
CREATE INDEX rescue_year ON rescue (year);
CREATE INDEX rescue_person ON rescue (person_id);

-- A project's target for a year and how its completed count is taken from the records:
-- source 1 services, 2 children's rescue, 3 assessments, 4 subsidy payments; kinds (names
-- of the source's kinds, empty for all), funding lines (codes), a programme (source 4);
-- count 1 distinct persons, 2 records.
CREATE TABLE project (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL,
    name        TEXT NOT NULL,
    target      INTEGER NOT NULL CHECK (target >= 0),
    source      INTEGER NOT NULL CHECK (source BETWEEN 1 AND 4),
    kinds       TEXT,
    funding     TEXT,
    programme   TEXT,
    count       INTEGER NOT NULL DEFAULT 1 CHECK (count IN (1, 2)),
    note        TEXT,
    UNIQUE (year, name)
);

-- Children's rescue covers ages 0-6 unless the locality raised it.
INSERT INTO setting (key, value) VALUES ('rescue_age_max', '6');
