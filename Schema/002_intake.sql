-- The intake of files from outside: each applied file once, the rows set aside
-- for staff to fix, and the identity questions the register sync could not answer alone.

CREATE TABLE intake_file (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('REGISTER','INSURANCE','SCHOOL','EMPLOYMENT')),
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    -- Register exports only: their order, and whether they reset the baseline.
    sequence      INTEGER CHECK (sequence IS NULL OR sequence > 0),
    export_kind   TEXT CHECK (export_kind IS NULL OR export_kind IN ('snapshot','delta')),
    as_of         TEXT,
    encoding      TEXT NOT NULL,
    -- The header in file order, so a reject can be re-read under it after a fix.
    header        TEXT NOT NULL,
    row_count     INTEGER NOT NULL CHECK (row_count >= 0),
    rows_applied  INTEGER NOT NULL CHECK (rows_applied >= 0),
    rows_rejected INTEGER NOT NULL CHECK (rows_rejected >= 0),
    summary       TEXT NOT NULL,
    applied_at    TEXT NOT NULL,
    applied_by    TEXT NOT NULL
) STRICT;

-- A register export is identified by its sequence (two nights with no change send the same
-- bytes); every other file by its bytes.
CREATE UNIQUE INDEX intake_file_register_sequence ON intake_file(sequence) WHERE kind = 'REGISTER';
CREATE UNIQUE INDEX intake_file_hash ON intake_file(kind, sha256) WHERE kind <> 'REGISTER';

CREATE TABLE intake_reject (
    id              INTEGER PRIMARY KEY,
    file_id         INTEGER NOT NULL REFERENCES intake_file(id),
    line            INTEGER NOT NULL CHECK (line > 0),
    columns         TEXT NOT NULL,
    reasons         TEXT NOT NULL,
    record_text     TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN','APPLIED','DISMISSED')),
    corrected_text  TEXT,
    resolved_at     TEXT,
    resolved_by     TEXT,
    resolution_note TEXT
) STRICT;

CREATE INDEX intake_reject_state ON intake_reject(state, id);
CREATE INDEX intake_reject_file ON intake_reject(file_id);

-- A register row that might be a person Kyosei already holds without a person id, where the
-- evidence was not decisive: no merge was made; a human decides. Issue 5 turns these into cases.
CREATE TABLE identity_review (
    id            INTEGER PRIMARY KEY,
    resident_id   INTEGER NOT NULL REFERENCES resident(id),
    candidate_ids TEXT NOT NULL,
    reason        TEXT NOT NULL,
    source_ref    TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN','RESOLVED')),
    created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX identity_review_state ON identity_review(state, id);

-- Walk-ins waiting to be recognised in the register are looked up by birth date among the
-- residents without a person id; this keeps that lookup off the million registered rows.
CREATE INDEX resident_unlinked_birth ON resident(birth_date, sex) WHERE person_id IS NULL;

-- The register export that last changed each person, so a correction of an older file's
-- rejected row cannot undo what a newer export said.
ALTER TABLE resident ADD COLUMN register_sequence INTEGER;
