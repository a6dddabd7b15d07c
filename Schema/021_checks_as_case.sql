-- A CHECK's `IN (...)` list of more than two values costs SQLite 3.40 a temporary index of
-- the list, built again for every row the CHECK tests (EXPLAIN shows OpenEphemeral inside the
-- insert's loop): inserting a million residents took 24 s of CPU with the five lists of
-- `resident` and 12 s with each written as a CASE (sqlite3 tool, same rows). The tables that
-- take a million rows at a time (residents and their history from the register, members and
-- enrollments from the insurance rosters) get the same rules as CASE expressions, rebuilt as
-- SQLite's ALTER TABLE page says (GRDB runs a migration with foreign keys off and checks them
-- before it commits); values, columns and their order, and indexes are unchanged.

CREATE TABLE resident_checked (
    id                    INTEGER PRIMARY KEY,
    person_id             TEXT UNIQUE CHECK (person_id IS NULL OR (length(person_id) = 11 AND person_id NOT GLOB '*[^0-9]*')),
    register_state        TEXT NOT NULL CHECK (CASE register_state
        WHEN 'REGISTERED' THEN 1 WHEN 'ABROAD' THEN 1 WHEN 'MOVED_OUT' THEN 1 WHEN 'DECEASED' THEN 1
        WHEN 'DELETED_EX_OFFICIO' THEN 1 WHEN 'LEFT_REGISTER' THEN 1 WHEN 'UNREGISTERED_SERVED' THEN 1
        ELSE 0 END),
    resident_category     TEXT CHECK (resident_category IS NULL OR CASE resident_category
        WHEN 'MID_LONG_TERM' THEN 1 WHEN 'SPECIAL_PERMANENT' THEN 1 WHEN 'TEMPORARY_REFUGE' THEN 1
        WHEN 'PROVISIONAL_STAY' THEN 1 WHEN 'BIRTH_TRANSITIONAL' THEN 1
        WHEN 'NATIONALITY_LOSS_TRANSITIONAL' THEN 1
        ELSE 0 END),
    residence_card_number TEXT CHECK (residence_card_number IS NULL OR residence_card_number GLOB '[A-Z][A-Z][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][A-Z][A-Z]'),
    name_latin            TEXT NOT NULL CHECK (length(name_latin) > 0),
    name_kanji            TEXT,
    common_name           TEXT,
    name_kana             TEXT,
    birth_date            TEXT NOT NULL CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    sex                   TEXT NOT NULL CHECK (CASE sex
        WHEN '1' THEN 1 WHEN '2' THEN 1 WHEN '9' THEN 1
        ELSE 0 END),
    nationality           TEXT NOT NULL CHECK (length(nationality) = 2),
    status_of_residence   TEXT CHECK (status_of_residence IS NULL OR CASE status_of_residence
        WHEN 'DIPLOMAT' THEN 1 WHEN 'OFFICIAL' THEN 1 WHEN 'PROFESSOR' THEN 1 WHEN 'ARTIST' THEN 1
        WHEN 'RELIGIOUS' THEN 1 WHEN 'JOURNALIST' THEN 1 WHEN 'HSP_1A' THEN 1 WHEN 'HSP_1B' THEN 1
        WHEN 'HSP_1C' THEN 1 WHEN 'HSP_2' THEN 1 WHEN 'BUSINESS_MANAGER' THEN 1
        WHEN 'LEGAL_ACCOUNTING' THEN 1 WHEN 'MEDICAL' THEN 1 WHEN 'RESEARCHER' THEN 1
        WHEN 'INSTRUCTOR' THEN 1 WHEN 'ENGINEER_HUMANITIES' THEN 1 WHEN 'INTRA_COMPANY' THEN 1
        WHEN 'NURSING_CARE' THEN 1 WHEN 'ENTERTAINER' THEN 1 WHEN 'SKILLED_LABOR' THEN 1
        WHEN 'SSW_1' THEN 1 WHEN 'SSW_2' THEN 1 WHEN 'TITP_1' THEN 1 WHEN 'TITP_2' THEN 1
        WHEN 'TITP_3' THEN 1 WHEN 'ESD' THEN 1 WHEN 'CULTURAL' THEN 1 WHEN 'STUDENT' THEN 1
        WHEN 'TRAINEE' THEN 1 WHEN 'DEPENDENT' THEN 1 WHEN 'DESIGNATED' THEN 1 WHEN 'PERMANENT' THEN 1
        WHEN 'SPOUSE_JAPANESE' THEN 1 WHEN 'SPOUSE_PERMANENT' THEN 1 WHEN 'LONG_TERM' THEN 1
        ELSE 0 END),
    period_of_stay        TEXT,
    stay_expiry_date      TEXT CHECK (stay_expiry_date IS NULL OR stay_expiry_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    household_id          TEXT REFERENCES household(household_id),
    relationship          TEXT CHECK (relationship IS NULL OR CASE relationship
        WHEN 'HEAD' THEN 1 WHEN 'SPOUSE' THEN 1 WHEN 'CHILD' THEN 1 WHEN 'PARENT' THEN 1
        WHEN 'SIBLING' THEN 1 WHEN 'OTHER' THEN 1
        ELSE 0 END),
    postal_code           TEXT CHECK (postal_code IS NULL OR postal_code GLOB '[0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
    address               TEXT,
    district_code         TEXT,
    resident_since        TEXT,
    -- Normalised name text for the search index (folded Latin tokens; Japanese as bigrams).
    search_latin          TEXT NOT NULL DEFAULT '',
    search_japanese       TEXT NOT NULL DEFAULT '',
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    register_sequence     INTEGER
) STRICT;
INSERT INTO resident_checked SELECT * FROM resident;
DROP TABLE resident;
ALTER TABLE resident_checked RENAME TO resident;

CREATE TABLE history_checked (
    id          INTEGER PRIMARY KEY,
    resident_id INTEGER REFERENCES resident(id),
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL,
    source      TEXT NOT NULL CHECK (CASE source
        WHEN 'STAFF_EDIT' THEN 1 WHEN 'REGISTER_SYNC' THEN 1 WHEN 'CORRECTION' THEN 1
        WHEN 'FILE_IMPORT' THEN 1 WHEN 'SYSTEM' THEN 1
        ELSE 0 END),
    source_ref  TEXT,
    reason      TEXT
) STRICT;
INSERT INTO history_checked SELECT * FROM history;
DROP TABLE history;
ALTER TABLE history_checked RENAME TO history;

CREATE INDEX history_entity ON history(entity, entity_id, id);
CREATE INDEX history_resident ON history(resident_id, id);
CREATE INDEX resident_birth ON resident(birth_date, sex);
CREATE INDEX resident_card ON resident(residence_card_number) WHERE residence_card_number IS NOT NULL;
CREATE INDEX resident_district ON resident(district_code);
CREATE INDEX resident_expiry ON resident(stay_expiry_date) WHERE stay_expiry_date IS NOT NULL;
CREATE INDEX resident_household ON resident(household_id);
CREATE INDEX resident_state ON resident(register_state);
CREATE INDEX resident_unlinked_birth ON resident(birth_date, sex) WHERE person_id IS NULL;

CREATE TABLE insurance_member_checked (
    id                    INTEGER PRIMARY KEY,
    scheme                TEXT NOT NULL CHECK (CASE scheme
        WHEN 'NHI' THEN 1 WHEN 'EHI' THEN 1 WHEN 'LATE_ELDERLY' THEN 1 WHEN 'NP' THEN 1 WHEN 'EPI' THEN 1
        WHEN 'EI' THEN 1
        ELSE 0 END),
    source                TEXT NOT NULL,
    insurer_number        TEXT NOT NULL CHECK (length(insurer_number) IN (6, 8) AND insurer_number NOT GLOB '*[^0-9]*'),
    member_number         TEXT NOT NULL,
    resident_id           INTEGER REFERENCES resident(id),
    match_outcome         TEXT NOT NULL CHECK (CASE match_outcome
        WHEN 'MATCHED' THEN 1 WHEN 'REVIEW' THEN 1 WHEN 'UNMATCHED' THEN 1 WHEN 'CONFIRMED' THEN 1
        ELSE 0 END),
    match_score           REAL,
    name_kana             TEXT NOT NULL,
    birth_date            TEXT NOT NULL,
    sex                   TEXT NOT NULL CHECK (CASE sex
        WHEN '1' THEN 1 WHEN '2' THEN 1 WHEN '9' THEN 1
        ELSE 0 END),
    residence_card_number TEXT,
    first_file_id         INTEGER NOT NULL REFERENCES intake_file(id),
    last_file_id          INTEGER NOT NULL REFERENCES intake_file(id),
    UNIQUE (scheme, source, insurer_number, member_number)
) STRICT;
INSERT INTO insurance_member_checked SELECT * FROM insurance_member;
DROP TABLE insurance_member;
ALTER TABLE insurance_member_checked RENAME TO insurance_member;
CREATE INDEX insurance_member_resident ON insurance_member(resident_id);
CREATE INDEX insurance_member_source ON insurance_member(scheme, source, last_file_id);

CREATE TABLE enrollment_checked (
    id               INTEGER PRIMARY KEY,
    member_id        INTEGER NOT NULL REFERENCES insurance_member(id),
    resident_id      INTEGER REFERENCES resident(id),
    scheme           TEXT NOT NULL CHECK (CASE scheme
        WHEN 'NHI' THEN 1 WHEN 'EHI' THEN 1 WHEN 'LATE_ELDERLY' THEN 1 WHEN 'NP' THEN 1 WHEN 'EPI' THEN 1
        WHEN 'EI' THEN 1
        ELSE 0 END),
    member_type      TEXT NOT NULL CHECK (member_type IN ('INSURED','DEPENDENT')),
    enrolled_from    TEXT NOT NULL,
    enrolled_until   TEXT,
    agreement_exempt INTEGER NOT NULL DEFAULT 0 CHECK (agreement_exempt IN (0, 1)),
    -- The roster that last listed it, and the one that ended it by no longer listing it.
    file_id          INTEGER NOT NULL REFERENCES intake_file(id),
    ended_by_file_id INTEGER REFERENCES intake_file(id),
    UNIQUE (member_id, enrolled_from)
) STRICT;
INSERT INTO enrollment_checked SELECT * FROM enrollment;
DROP TABLE enrollment;
ALTER TABLE enrollment_checked RENAME TO enrollment;
CREATE INDEX enrollment_open ON enrollment(scheme, enrolled_until);
CREATE INDEX enrollment_resident ON enrollment(resident_id, scheme, enrolled_from);
