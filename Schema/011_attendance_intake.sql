-- A provider's attendance file becomes an intake file like the others: recorded once (the same
-- bytes again are recognised), its rejected rows kept for staff. SQLite cannot change a CHECK,
-- so intake_file is rebuilt (the migrator runs this with foreign keys off and checks them all
-- before it commits); every table that references it keeps its rows and its ids.

CREATE TABLE intake_file_rebuilt (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('REGISTER','INSURANCE','SCHOOL','EMPLOYMENT','ATTENDANCE')),
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
    applied_by    TEXT NOT NULL,
    -- Attendance files only: the course they mark, which the file itself does not name, so a
    -- fixed row is applied to the same course.
    course_id     INTEGER REFERENCES course(id),
    CHECK ((kind = 'ATTENDANCE') = (course_id IS NOT NULL))
) STRICT;

INSERT INTO intake_file_rebuilt(id, kind, file_name, sha256, sequence, export_kind, as_of, encoding, header, row_count,
                                rows_applied, rows_rejected, summary, applied_at, applied_by)
SELECT id, kind, file_name, sha256, sequence, export_kind, as_of, encoding, header, row_count,
       rows_applied, rows_rejected, summary, applied_at, applied_by
FROM intake_file;

DROP TABLE intake_file;
ALTER TABLE intake_file_rebuilt RENAME TO intake_file;

CREATE UNIQUE INDEX intake_file_register_sequence ON intake_file(sequence) WHERE kind = 'REGISTER';
CREATE UNIQUE INDEX intake_file_hash ON intake_file(kind, sha256) WHERE kind <> 'REGISTER';
