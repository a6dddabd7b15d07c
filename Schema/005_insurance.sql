-- Social-insurance coverage: who each roster member is (a partner's member number linked to
-- a resident by the identity resolver) and their enrollments with periods. A roster is its
-- source's full current list: an enrollment it no longer lists ends on the roster's date.

CREATE TABLE insurance_member (
    id                    INTEGER PRIMARY KEY,
    scheme                TEXT NOT NULL CHECK (scheme IN ('NHI','EHI','LATE_ELDERLY','NP','EPI','EI')),
    source                TEXT NOT NULL,
    insurer_number        TEXT NOT NULL CHECK (length(insurer_number) IN (6, 8) AND insurer_number NOT GLOB '*[^0-9]*'),
    member_number         TEXT NOT NULL,
    resident_id           INTEGER REFERENCES resident(id),
    match_outcome         TEXT NOT NULL CHECK (match_outcome IN ('MATCHED','REVIEW','UNMATCHED','CONFIRMED')),
    match_score           REAL,
    name_kana             TEXT NOT NULL,
    birth_date            TEXT NOT NULL,
    sex                   TEXT NOT NULL CHECK (sex IN ('1','2','9')),
    residence_card_number TEXT,
    first_file_id         INTEGER NOT NULL REFERENCES intake_file(id),
    last_file_id          INTEGER NOT NULL REFERENCES intake_file(id),
    UNIQUE (scheme, source, insurer_number, member_number)
) STRICT;

CREATE INDEX insurance_member_resident ON insurance_member(resident_id);
CREATE INDEX insurance_member_source ON insurance_member(scheme, source, last_file_id);

CREATE TABLE enrollment (
    id               INTEGER PRIMARY KEY,
    member_id        INTEGER NOT NULL REFERENCES insurance_member(id),
    resident_id      INTEGER REFERENCES resident(id),
    scheme           TEXT NOT NULL CHECK (scheme IN ('NHI','EHI','LATE_ELDERLY','NP','EPI','EI')),
    member_type      TEXT NOT NULL CHECK (member_type IN ('INSURED','DEPENDENT')),
    enrolled_from    TEXT NOT NULL,
    enrolled_until   TEXT,
    agreement_exempt INTEGER NOT NULL DEFAULT 0 CHECK (agreement_exempt IN (0, 1)),
    -- The roster that last listed it, and the one that ended it by no longer listing it.
    file_id          INTEGER NOT NULL REFERENCES intake_file(id),
    ended_by_file_id INTEGER REFERENCES intake_file(id),
    UNIQUE (member_id, enrolled_from)
) STRICT;

CREATE INDEX enrollment_resident ON enrollment(resident_id, scheme, enrolled_from);
CREATE INDEX enrollment_open ON enrollment(scheme, enrolled_until);

-- An identity question can now be about a roster member as well as a register row.
ALTER TABLE identity_review ADD COLUMN subject_entity TEXT;
ALTER TABLE identity_review ADD COLUMN subject_id TEXT;
