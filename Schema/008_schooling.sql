-- Children's schooling: who each school-roster student is (the school's stable student number
-- linked to a resident by the identity resolver), what each term's roster said about them (a
-- term re-sent replaces that term's row), and what staff found on a home visit.

CREATE TABLE school_student (
    id                    INTEGER PRIMARY KEY,
    school_code           TEXT NOT NULL,
    student_number        TEXT NOT NULL,
    resident_id           INTEGER REFERENCES resident(id),
    match_outcome         TEXT NOT NULL CHECK (match_outcome IN ('MATCHED','REVIEW','UNMATCHED','CONFIRMED')),
    match_score           REAL,
    name_latin            TEXT,
    name_kana             TEXT,
    birth_date            TEXT NOT NULL CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    sex                   TEXT NOT NULL CHECK (sex IN ('1','2','9')),
    residence_card_number TEXT,
    first_file_id         INTEGER NOT NULL REFERENCES intake_file(id),
    last_file_id          INTEGER NOT NULL REFERENCES intake_file(id),
    UNIQUE (school_code, student_number)
) STRICT;

CREATE INDEX school_student_resident ON school_student(resident_id);

CREATE TABLE school_term_row (
    id               INTEGER PRIMARY KEY,
    student_id       INTEGER NOT NULL REFERENCES school_student(id),
    resident_id      INTEGER REFERENCES resident(id),
    school_year      INTEGER NOT NULL,
    term             TEXT NOT NULL CHECK (term IN ('T1','T2','T3')),
    school_name      TEXT NOT NULL,
    school_type      TEXT NOT NULL CHECK (school_type IN ('PUBLIC_ELEMENTARY','PUBLIC_JUNIOR_HIGH','PRIVATE_COMPULSORY',
                                                          'SPECIAL_NEEDS','FOREIGN_SCHOOL','INTERNATIONAL_SCHOOL')),
    grade            INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 9),
    days_in_term     INTEGER NOT NULL CHECK (days_in_term >= 0),
    days_absent      INTEGER NOT NULL CHECK (days_absent BETWEEN 0 AND days_in_term),
    japanese_support INTEGER NOT NULL CHECK (japanese_support IN (0, 1)),
    status           TEXT NOT NULL CHECK (status IN ('ENROLLED','WITHDRAWN','TRANSFERRED')),
    -- The roster that last stated it.
    file_id          INTEGER NOT NULL REFERENCES intake_file(id),
    UNIQUE (student_id, school_year, term)
) STRICT;

CREATE INDEX school_term_row_resident ON school_term_row(resident_id, school_year, term);

CREATE TABLE school_confirmation (
    id            INTEGER PRIMARY KEY,
    resident_id   INTEGER NOT NULL REFERENCES resident(id),
    outcome       TEXT NOT NULL CHECK (outcome IN ('NOT_ENROLLED','FOREIGN_SCHOOL','DEPARTING','ENROLLED')),
    note          TEXT NOT NULL CHECK (length(note) > 0),
    -- The newest school roster applied when it was recorded: a roster after it that lists the
    -- child says otherwise, and the confirmation no longer counts.
    after_file_id INTEGER REFERENCES intake_file(id),
    confirmed_at  TEXT NOT NULL,
    confirmed_by  TEXT NOT NULL
) STRICT;

CREATE INDEX school_confirmation_resident ON school_confirmation(resident_id, id);
