-- Foreign-worker hire and separation notifications (formats.md §3): the employers who file
-- them, every notification as filed (linked to its resident by residence card number when the
-- card holder's birth date and sex agree), the employment episodes they open and close, and
-- what the checks found in each, with the reason.

CREATE TABLE employer (
    -- A corporate number (13 digits, check digit first) or L + a labour-insurance number.
    employer_id   TEXT PRIMARY KEY CHECK (
        (length(employer_id) = 13 AND employer_id NOT GLOB '*[^0-9]*')
        OR (length(employer_id) = 15 AND employer_id GLOB 'L[0-9]*' AND substr(employer_id, 2) NOT GLOB '*[^0-9]*')),
    kind          TEXT NOT NULL CHECK (kind IN ('CORPORATE','LABOUR_INSURANCE')),
    -- The establishment name it first filed under (the files carry no employer name of their own).
    name          TEXT NOT NULL CHECK (length(name) > 0),
    first_file_id INTEGER NOT NULL REFERENCES intake_file(id)
) STRICT;

CREATE TABLE employment_notification (
    id                        INTEGER PRIMARY KEY,
    file_id                   INTEGER NOT NULL REFERENCES intake_file(id),
    line                      INTEGER NOT NULL CHECK (line > 0),
    report_type               TEXT NOT NULL CHECK (report_type IN ('HIRE','SEPARATION')),
    report_date               TEXT NOT NULL CHECK (report_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    employer_id               TEXT NOT NULL REFERENCES employer(employer_id),
    establishment_name        TEXT NOT NULL,
    establishment_address     TEXT NOT NULL,
    residence_card_number     TEXT NOT NULL CHECK (residence_card_number GLOB '[A-Z][A-Z][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][A-Z][A-Z]'),
    name_latin                TEXT NOT NULL,
    birth_date                TEXT NOT NULL CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    sex                       TEXT NOT NULL CHECK (sex IN ('1','2','9')),
    nationality               TEXT NOT NULL CHECK (length(nationality) = 2),
    status_of_residence       TEXT NOT NULL,
    stay_expiry_date          TEXT,
    other_activity_permission INTEGER NOT NULL CHECK (other_activity_permission IN (0, 1)),
    event_date                TEXT NOT NULL CHECK (event_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    employment_insurance      INTEGER NOT NULL CHECK (employment_insurance IN (0, 1)),
    weekly_hours              REAL NOT NULL CHECK (weekly_hours >= 0 AND weekly_hours <= 168),
    dispatched                INTEGER NOT NULL CHECK (dispatched IN (0, 1)),
    occupation                TEXT,
    -- LINKED: the card holder's birth date and sex agree; REVIEW: they do not (an identity
    -- review was opened and nothing was linked); UNLINKED: no resident holds the card.
    link                      TEXT NOT NULL CHECK (link IN ('LINKED','REVIEW','UNLINKED')),
    resident_id               INTEGER REFERENCES resident(id),
    CHECK ((link = 'LINKED') = (resident_id IS NOT NULL))
) STRICT;

-- The same notification in a later file (a resend with other bytes) is recognised, not doubled.
CREATE UNIQUE INDEX employment_notification_key
    ON employment_notification(employer_id, residence_card_number, report_type, event_date);
CREATE INDEX employment_notification_resident ON employment_notification(resident_id) WHERE resident_id IS NOT NULL;
CREATE INDEX employment_notification_card ON employment_notification(residence_card_number);
CREATE INDEX employment_notification_event ON employment_notification(event_date);

-- One stretch of work at one employer, keyed by the card number so that a notification not
-- (yet) linked to a resident still opens and closes its episode.
CREATE TABLE employment_episode (
    id                      INTEGER PRIMARY KEY,
    residence_card_number   TEXT NOT NULL,
    resident_id             INTEGER REFERENCES resident(id),
    employer_id             TEXT NOT NULL REFERENCES employer(employer_id),
    establishment_name      TEXT NOT NULL,
    -- Null when a separation arrived for a hire Kyosei never saw.
    employed_from           TEXT,
    employed_until          TEXT,
    weekly_hours            REAL CHECK (weekly_hours IS NULL OR (weekly_hours >= 0 AND weekly_hours <= 168)),
    dispatched              INTEGER CHECK (dispatched IS NULL OR dispatched IN (0, 1)),
    employment_insurance    INTEGER CHECK (employment_insurance IS NULL OR employment_insurance IN (0, 1)),
    hire_notification_id    INTEGER REFERENCES employment_notification(id),
    separation_notification_id INTEGER REFERENCES employment_notification(id),
    -- Why the episode is not a plain hire-then-separation (SEPARATION_WITHOUT_HIRE, HIRE_ALREADY_OPEN).
    flag                    TEXT CHECK (flag IS NULL OR flag IN ('SEPARATION_WITHOUT_HIRE','HIRE_ALREADY_OPEN')),
    CHECK (employed_from IS NOT NULL OR employed_until IS NOT NULL),
    CHECK (employed_from IS NULL OR employed_until IS NULL OR employed_from <= employed_until)
) STRICT;

CREATE INDEX employment_episode_open ON employment_episode(residence_card_number, employer_id) WHERE employed_until IS NULL;
CREATE INDEX employment_episode_resident ON employment_episode(resident_id) WHERE resident_id IS NOT NULL;
CREATE INDEX employment_episode_employer ON employment_episode(employer_id);

CREATE TABLE employment_finding (
    id              INTEGER PRIMARY KEY,
    notification_id INTEGER NOT NULL REFERENCES employment_notification(id),
    kind            TEXT NOT NULL CHECK (kind IN ('LATE_REPORT','WORK_NOT_PERMITTED','WORK_REVIEW','EI_MISSING',
                                                  'STAY_EXPIRED','SEPARATION_WITHOUT_HIRE','HIRE_ALREADY_OPEN')),
    reason          TEXT NOT NULL CHECK (length(reason) > 0),
    UNIQUE (notification_id, kind)
) STRICT;

CREATE INDEX employment_finding_kind ON employment_finding(kind, notification_id);
