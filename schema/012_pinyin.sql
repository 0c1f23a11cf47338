-- Names sort and are searched by sound (src/core/base/pinyin.h): the register lists in
-- pinyin order by name_key, not by the characters' code points (王 wang before 张 zhang),
-- and a search finds full pinyin (luyufeng) and initials (lyf), the first character read
-- as a surname (曾 zeng) and, in the _alt columns, with its common reading (ceng). The
-- keys are made by dpf_pinyin(), which dpf registers on the connection before it migrates;
-- dpf writes them with every name it stores.
ALTER TABLE person ADD COLUMN name_key TEXT;
ALTER TABLE person ADD COLUMN name_spell TEXT;
ALTER TABLE person ADD COLUMN name_initials TEXT;
ALTER TABLE person ADD COLUMN name_spell_alt TEXT;
ALTER TABLE person ADD COLUMN name_initials_alt TEXT;
UPDATE person SET name_key = dpf_pinyin(name, 0), name_spell = dpf_pinyin(name, 1),
    name_initials = dpf_pinyin(name, 2), name_spell_alt = dpf_pinyin(name, 3),
    name_initials_alt = dpf_pinyin(name, 4);
-- The name key takes the place of the name in both list indexes (see 001 and 003): a
-- search by a name's first characters walks it too (the key of a prefix is a prefix).
DROP INDEX person_name;
DROP INDEX person_township_name;
CREATE INDEX person_name_key ON person (name_key);
CREATE INDEX person_township_key ON person (township, name_key);
CREATE INDEX person_spell ON person (name_spell);
CREATE INDEX person_initials ON person (name_initials);
-- Only the few persons whose surname reads two ways have an alternate.
CREATE INDEX person_spell_alt ON person (name_spell_alt) WHERE name_spell_alt IS NOT NULL;
CREATE INDEX person_initials_alt ON person (name_initials_alt)
    WHERE name_initials_alt IS NOT NULL;
