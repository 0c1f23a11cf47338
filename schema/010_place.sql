-- The office's places: townships (乡镇街道) and their villages (村社区), with their official
-- codes (行政区划代码: a township 9 digits, a village 12 that begin with its township's).
-- A person's township and village are checked against this list once it holds any place
-- (dpf/place.h); reports list townships in code order from it.
--
-- code is NULL until the manager gives it (`dpf place edit`): places taken from a register
-- (this migration, or a first import with --new-places) come without one. A place without a
-- code sorts after the coded ones, by name.
CREATE TABLE place (
    id      INTEGER PRIMARY KEY,
    code    TEXT UNIQUE CHECK (code IS NULL OR (code NOT GLOB '*[^0-9]*' AND
                                                length(code) = CASE WHEN parent IS NULL
                                                                    THEN 9 ELSE 12 END)),
    name    TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
    parent  INTEGER REFERENCES place(id)    -- NULL: a township; else the village's township
);
CREATE UNIQUE INDEX place_township ON place (name) WHERE parent IS NULL;
CREATE UNIQUE INDEX place_village ON place (parent, name) WHERE parent IS NOT NULL;

-- An office that upgrades keeps its register as it is: the places it names become the list
-- (without codes), so the reports keep their rows and the checks apply from now on. A name
-- mistyped in the register becomes a place too; `dpf place list` shows it, with its persons.
INSERT INTO place (name)
    SELECT DISTINCT township FROM person WHERE township <> '' ORDER BY township;
INSERT INTO place (name, parent)
    SELECT DISTINCT p.village, t.id FROM person p
    JOIN place t ON t.parent IS NULL AND t.name = p.township
    WHERE p.village IS NOT NULL AND p.village <> '' ORDER BY t.id, p.village;
