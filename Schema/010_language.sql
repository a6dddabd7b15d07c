-- Japanese-language training and orientation: courses and their sessions, seats (enrolled or
-- waiting, in order of request within priority groups), attendance per session, and placement
-- and exit assessments. Whether a seat is free is decided inside one IMMEDIATE write
-- transaction, so two clerks taking the last seat at once cannot both get it.

CREATE TABLE course (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL CHECK (kind IN ('DAILY_LIFE','WORK','PRE_SCHOOL','ORIENTATION')),
    level             TEXT NOT NULL CHECK (level IN ('A1','A2','B1','B2','C1','C2')),
    title             TEXT NOT NULL CHECK (length(title) > 0),
    provider          TEXT NOT NULL DEFAULT '',
    venue             TEXT NOT NULL DEFAULT '',
    starts_on         TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ends_on           TEXT NOT NULL CHECK (ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    capacity          INTEGER NOT NULL CHECK (capacity > 0),
    -- Languages staff or materials support besides Japanese, ISO 639-1 codes joined by commas.
    support_languages TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    CHECK (ends_on >= starts_on)
) STRICT;

CREATE INDEX course_term ON course(starts_on, ends_on);

CREATE TABLE course_session (
    id        INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES course(id),
    number    INTEGER NOT NULL CHECK (number > 0),
    held_on   TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    starts_at TEXT NOT NULL DEFAULT '',
    UNIQUE (course_id, number)
) STRICT;

-- One row per request for a seat; it keeps its row as it moves from waiting to enrolled to
-- withdrawn, so the wait is measured from the request to the seat.
CREATE TABLE course_seat (
    id             INTEGER PRIMARY KEY,
    course_id      INTEGER NOT NULL REFERENCES course(id),
    resident_id    INTEGER NOT NULL REFERENCES resident(id),
    state          TEXT NOT NULL CHECK (state IN ('ENROLLED','WAITLISTED','WITHDRAWN','TRANSFERRED')),
    -- The priority group the person was in when they asked (language.waitlist_priority), and
    -- its place in that list; people in no group come after every group.
    priority_group TEXT,
    priority_rank  INTEGER NOT NULL CHECK (priority_rank >= 0),
    requested_on   TEXT NOT NULL CHECK (requested_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    seated_on      TEXT CHECK (seated_on IS NULL OR seated_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    left_on        TEXT CHECK (left_on IS NULL OR left_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    requested_by   TEXT NOT NULL,
    -- Seated when a seat came free rather than when they asked: the wait counts for the report.
    from_waitlist  INTEGER NOT NULL DEFAULT 0 CHECK (from_waitlist IN (0, 1)),
    CHECK ((state = 'ENROLLED') <= (seated_on IS NOT NULL)),
    CHECK ((state = 'WAITLISTED') <= (seated_on IS NULL))
) STRICT;

CREATE UNIQUE INDEX course_seat_active ON course_seat(course_id, resident_id) WHERE state IN ('ENROLLED','WAITLISTED');
-- Seats taken and people waiting, per course: counted on every request for a seat.
CREATE INDEX course_seat_course ON course_seat(course_id, state);
CREATE INDEX course_seat_waitlist ON course_seat(course_id, priority_rank, id) WHERE state = 'WAITLISTED';
CREATE INDEX course_seat_resident ON course_seat(resident_id, state);

CREATE TABLE course_attendance (
    session_id  INTEGER NOT NULL REFERENCES course_session(id),
    resident_id INTEGER NOT NULL REFERENCES resident(id),
    present     INTEGER NOT NULL CHECK (present IN (0, 1)),
    source      TEXT NOT NULL CHECK (source IN ('HAND','FILE')),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (session_id, resident_id)
) STRICT, WITHOUT ROWID;

-- Covers "sessions this person attended" (results, history, the report) without the table.
CREATE INDEX course_attendance_resident ON course_attendance(resident_id, present, session_id);

CREATE TABLE language_assessment (
    id          INTEGER PRIMARY KEY,
    resident_id INTEGER NOT NULL REFERENCES resident(id),
    course_id   INTEGER REFERENCES course(id),
    kind        TEXT NOT NULL CHECK (kind IN ('PLACEMENT','EXIT')),
    level       TEXT NOT NULL CHECK (level IN ('A1','A2','B1','B2','C1','C2')),
    assessed_on TEXT NOT NULL CHECK (assessed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    recorded_by TEXT NOT NULL
) STRICT;

CREATE INDEX language_assessment_resident ON language_assessment(resident_id, assessed_on, id);
-- The latest placement or exit level of a person in a course.
CREATE INDEX language_assessment_course ON language_assessment(course_id, resident_id, kind, assessed_on, id);
