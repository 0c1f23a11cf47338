-- Subsidies: programmes and their rules, enrolments with their approval steps, and the
-- payment ledger of approved (locked) months. Months are 'YYYY-MM'; money is integer fen.

-- A programme (补贴项目). pay_period: 1 monthly, 2 quarterly, 3 yearly: the roster of the last
-- month of each period pays the period's months.
CREATE TABLE programme (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE,
    pay_period  INTEGER NOT NULL DEFAULT 1 CHECK (pay_period BETWEEN 1 AND 3),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    note        TEXT
);

-- Who qualifies and for how much, from a month on: the rule of month M is the programme's
-- rule with the latest valid_from <= M, so a rule added in July leaves January as it was.
-- Code sets are strings of codes: statuses '1' (在册), categories '1234567', levels '12'.
-- im_levels: further levels that qualify for intellectual (5) and mental (6) disability.
-- poverty: 1 any, 2 低保 or 建档立卡, 3 低保, 4 建档立卡. period: the amounts are per
-- 1 month, 2 year (paid as twelfths that add up to the year), 3 once.
CREATE TABLE programme_rule (
    id            INTEGER PRIMARY KEY,
    programme_id  INTEGER NOT NULL REFERENCES programme (id),
    valid_from    TEXT NOT NULL,
    statuses      TEXT NOT NULL DEFAULT '1',
    categories    TEXT NOT NULL DEFAULT '1234567',
    levels        TEXT NOT NULL DEFAULT '1234',
    im_levels     TEXT,
    poverty       INTEGER NOT NULL DEFAULT 1 CHECK (poverty BETWEEN 1 AND 4),
    no_tekun      INTEGER NOT NULL DEFAULT 0 CHECK (no_tekun IN (0, 1)),
    min_age       INTEGER,
    max_age       INTEGER,
    period        INTEGER NOT NULL CHECK (period IN (1, 2, 3)),
    amount1       INTEGER NOT NULL CHECK (amount1 >= 0),
    amount2       INTEGER NOT NULL CHECK (amount2 >= 0),
    amount3       INTEGER NOT NULL CHECK (amount3 >= 0),
    amount4       INTEGER NOT NULL CHECK (amount4 >= 0),
    note          TEXT,
    UNIQUE (programme_id, valid_from)
);

-- One application of a person to a programme and what became of it. step: 1 申请 applied,
-- 2 初审 township checked, 3 审核 federation reviewed, 4 审定 approved (paid), 5 不予通过
-- refused, 6 停发 stopped. Payment counts from start_month (the month of application);
-- stop_month is the first month not paid. reason: the stop reason code (enrol.c).
CREATE TABLE enrolment (
    id            INTEGER PRIMARY KEY,
    programme_id  INTEGER NOT NULL REFERENCES programme (id),
    person_id     INTEGER NOT NULL REFERENCES person (id),
    step          INTEGER NOT NULL DEFAULT 1 CHECK (step BETWEEN 1 AND 6),
    applied_on    TEXT NOT NULL,
    applied_by    TEXT NOT NULL,
    start_month   TEXT NOT NULL,
    checked_on    TEXT,
    checked_by    TEXT,
    reviewed_on   TEXT,
    reviewed_by   TEXT,
    approved_on   TEXT,
    approved_by   TEXT,
    closed_on     TEXT,
    closed_by     TEXT,
    stop_month    TEXT,
    reason        INTEGER,
    reason_note   TEXT,
    note          TEXT,
    CHECK (step <> 6 OR (stop_month IS NOT NULL AND reason IS NOT NULL))
);
CREATE INDEX enrolment_person ON enrolment (person_id, programme_id, step);
CREATE INDEX enrolment_step ON enrolment (step, programme_id);

-- An approved month: its roster is locked. source: 1 reviewed and approved in dpf,
-- 2 payments imported from before dpf.
CREATE TABLE subsidy_month (
    month        TEXT PRIMARY KEY,
    approved_at  TEXT NOT NULL,
    approved_by  TEXT NOT NULL,
    source       INTEGER NOT NULL DEFAULT 1 CHECK (source IN (1, 2)),
    persons      INTEGER NOT NULL DEFAULT 0,
    amount       INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- The roster of an approved month: one line per person and programme, with the person as
-- they were on the day of approval, so later edits do not change a locked roster. amount
-- covers from_month..to_month (back: the part for earlier periods; first: the enrolment's
-- first payment). A negative amount is
-- money to recover (paid for months the person was not entitled to), with its reason.
CREATE TABLE roster_line (
    id            INTEGER PRIMARY KEY,
    month         TEXT NOT NULL REFERENCES subsidy_month (month),
    programme_id  INTEGER NOT NULL REFERENCES programme (id),
    enrolment_id  INTEGER NOT NULL REFERENCES enrolment (id),
    person_id     INTEGER NOT NULL REFERENCES person (id),
    name          TEXT NOT NULL,
    id_no         TEXT NOT NULL,
    township      TEXT NOT NULL,
    village       TEXT,
    bank_account  TEXT,
    amount        INTEGER NOT NULL,
    back          INTEGER NOT NULL DEFAULT 0,
    first         INTEGER NOT NULL DEFAULT 0 CHECK (first IN (0, 1)),
    from_month    TEXT NOT NULL,
    to_month      TEXT NOT NULL,
    reason        INTEGER,
    note          TEXT
);
-- (month, programme, person, amount): the last roster is read from the index alone when the
-- review compares with it.
CREATE INDEX roster_line_month ON roster_line (month, programme_id, person_id, amount);

-- The ledger: what each roster line paid (or recovered) for each month it covers. Keyed by
-- enrolment so the monthly review reads it in one pass beside the enrolments.
CREATE TABLE payment (
    enrolment_id    INTEGER NOT NULL,
    for_month       TEXT NOT NULL,
    roster_line_id  INTEGER NOT NULL REFERENCES roster_line (id),
    amount          INTEGER NOT NULL,
    PRIMARY KEY (enrolment_id, for_month, roster_line_id)
) WITHOUT ROWID;

-- A certificate is valid this many years from its issue date; then it must be renewed.
INSERT INTO setting (key, value) VALUES ('cert_valid_years', '10');

-- The office's programmes and their standards (seeds/000, 2017).
INSERT INTO programme (id, code, name, pay_period, note) VALUES
    (1, 'living', '困难残疾人生活补贴', 1, '低保或建档立卡家庭的残疾人'),
    (2, 'nursing', '重度残疾人护理补贴', 1, '一级、二级；每月审核'),
    (3, 'mental', '贫困精神残疾人补助', 3, '贫困家庭的精神残疾人'),
    (4, 'edu_high', '教育助学（高中）', 1, '在校残疾高中生'),
    (5, 'edu_college', '教育助学（专科、本科）', 1, '家庭经济困难的残疾大学生'),
    (6, 'edu_grad', '教育助学（研究生）', 1, '家庭经济困难的残疾研究生'),
    (7, 'barrier_free', '无障碍改造', 1, '贫困重度残疾人家庭，每户一次');
INSERT INTO programme_rule (programme_id, valid_from, statuses, categories, levels, im_levels,
                            poverty, no_tekun, period, amount1, amount2, amount3, amount4) VALUES
    (1, '2017-01', '1', '1234567', '1234', NULL, 2, 1, 2, 80000, 80000, 40000, 40000),
    (2, '2017-01', '1', '1234567', '12', NULL, 1, 0, 1, 6000, 6000, 6000, 6000),
    (3, '2017-01', '1', '6', '1234', NULL, 2, 0, 2, 100000, 100000, 100000, 100000),
    (4, '2017-01', '1', '1234567', '1234', NULL, 1, 0, 3, 100000, 100000, 100000, 100000),
    (5, '2017-01', '1', '1234567', '1234', NULL, 1, 0, 3, 150000, 150000, 150000, 150000),
    (6, '2017-01', '1', '1234567', '1234', NULL, 1, 0, 3, 250000, 250000, 250000, 250000),
    (7, '2017-01', '1', '1234567', '12', NULL, 2, 0, 3, 600000, 600000, 600000, 600000);
