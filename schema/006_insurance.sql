-- Accident insurance for registered-poor disabled persons: the yearly group policy, its
-- coverage items with their caps, the insured roster, and claims with their items and
-- steps. Money is in fen; sets of document codes are stored as sorted digits ("1235").

-- One policy a year. Periods never overlap, so an accident date names one policy.
-- rule_poor: the roster takes only 建档立卡 persons (besides being 在册 on starts_on).
-- Once confirmed the roster is frozen: later changes are dated additions and removals.
CREATE TABLE policy (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL UNIQUE,
    insurer         TEXT NOT NULL,
    policy_no       TEXT NOT NULL,
    premium         INTEGER NOT NULL CHECK (premium >= 0),
    starts_on       TEXT NOT NULL,
    ends_on         TEXT NOT NULL CHECK (ends_on >= starts_on),
    rule_poor       INTEGER NOT NULL DEFAULT 1 CHECK (rule_poor IN (0, 1)),
    confirmed_on    TEXT,
    confirmed_by    TEXT,
    note            TEXT
);

-- Coverage items. Rows without a policy are the office's standard items, copied into each
-- new policy. cap is per insured person over the policy period; an allowance item pays
-- daily a day for at most max_days days (and its cap is daily * max_days). docs are the
-- documents a claim on the item needs before it can be paid.
CREATE TABLE cover (
    id          INTEGER PRIMARY KEY,
    policy_id   INTEGER REFERENCES policy (id),
    seq         INTEGER NOT NULL,
    item        TEXT NOT NULL,
    cap         INTEGER NOT NULL CHECK (cap > 0),
    daily       INTEGER CHECK (daily > 0),
    max_days    INTEGER CHECK (max_days > 0),
    docs        TEXT NOT NULL DEFAULT '',
    CHECK ((daily IS NULL) = (max_days IS NULL))
);
CREATE UNIQUE INDEX cover_item ON cover (coalesce(policy_id, 0), item);
INSERT INTO cover (policy_id, seq, item, cap, daily, max_days, docs) VALUES
    (NULL, 1, '意外身故/伤残', 10000000, NULL, NULL, '123'),
    (NULL, 2, '意外医疗', 1200000, NULL, NULL, '1234567'),
    (NULL, 3, '住院津贴', 1260000, 7000, 180, '1234');

-- The insured roster: covered from from_on to to_on (NULL: to the policy's end).
-- added: 0 on the roster as built on the start date, 1 a dated addition.
CREATE TABLE insured (
    id          INTEGER PRIMARY KEY,
    policy_id   INTEGER NOT NULL REFERENCES policy (id),
    person_id   INTEGER NOT NULL REFERENCES person (id),
    from_on     TEXT NOT NULL,
    to_on       TEXT,
    added       INTEGER NOT NULL DEFAULT 0 CHECK (added IN (0, 1)),
    reason      TEXT,
    UNIQUE (policy_id, person_id)
);
CREATE INDEX insured_person ON insured (person_id);

-- Claims. status: 1 报案, 2 材料收集, 3 已报保险公司, 4 已赔付, 5 拒赔, 6 撤销; status_on
-- is the date of the last step. death: the accident was fatal (a death certificate and the
-- household cancellation are then required). docs: the documents received.
CREATE TABLE claim (
    id          INTEGER PRIMARY KEY,
    policy_id   INTEGER NOT NULL REFERENCES policy (id),
    person_id   INTEGER NOT NULL REFERENCES person (id),
    accident_on TEXT NOT NULL,
    reported_on TEXT NOT NULL CHECK (reported_on >= accident_on),
    place       TEXT NOT NULL,
    description TEXT,
    death       INTEGER NOT NULL DEFAULT 0 CHECK (death IN (0, 1)),
    docs        TEXT,
    status      INTEGER NOT NULL DEFAULT 1 CHECK (status BETWEEN 1 AND 6),
    status_on   TEXT NOT NULL,
    reason      TEXT,
    note        TEXT
);
CREATE INDEX claim_policy ON claim (policy_id, status);
CREATE INDEX claim_person ON claim (person_id);

-- Amounts per item claimed: claimed, then approved and paid when known (NULL before).
CREATE TABLE claim_item (
    claim_id    INTEGER NOT NULL REFERENCES claim (id),
    cover_id    INTEGER NOT NULL REFERENCES cover (id),
    days        INTEGER CHECK (days > 0),
    claimed     INTEGER NOT NULL CHECK (claimed > 0),
    approved    INTEGER CHECK (approved BETWEEN 0 AND claimed),
    paid        INTEGER CHECK (paid BETWEEN 0 AND approved),
    PRIMARY KEY (claim_id, cover_id)
) WITHOUT ROWID;

-- Each step of a claim: the status it moved to, on which date, by whom.
CREATE TABLE claim_step (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claim (id),
    status      INTEGER NOT NULL CHECK (status BETWEEN 1 AND 6),
    step_on     TEXT NOT NULL,
    user        TEXT NOT NULL,
    at          TEXT NOT NULL,
    note        TEXT
);
CREATE INDEX claim_step_claim ON claim_step (claim_id, id);
