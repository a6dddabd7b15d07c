-- Facts an insurance rule needs that no partner file carries, recorded by staff (issue 19):
-- each change is audited and kept field by field in `history` (entity `insurance_fact`,
-- `coverage_certificate` or `employer`), so what a rule read on a past night can be traced.

-- One row per person for whom staff recorded something. A person without a row is read as
-- "nothing known": no designation, no public assistance, student standing presumed from the
-- status of residence (`StudentStanding.presumed`).
CREATE TABLE insurance_fact (
    resident_id       INTEGER PRIMARY KEY REFERENCES resident(id),
    -- The Designated Activities designation on the passport's designation paper.
    designation       TEXT CHECK (designation IS NULL OR designation IN (
        'WORKING_HOLIDAY','MEDICAL_STAY','MEDICAL_STAY_COMPANION','LONG_STAY_TOURISM',
        'LONG_STAY_TOURISM_COMPANION','EXPO_2027_PARTICIPANT','OTHER')),
    -- The household receives public assistance (the city's welfare office says so).
    public_assistance INTEGER NOT NULL DEFAULT 0 CHECK (public_assistance IN (0, 1)),
    student_standing  TEXT CHECK (student_standing IS NULL OR student_standing IN ('NOT_STUDENT','FULL_TIME','OTHER_STUDENT')),
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL REFERENCES staff(login)
) STRICT;

-- A certificate of coverage under a social-security agreement, copied from the employer's
-- filing: the seconded worker is exempt from the branches the agreement covers on the days it runs.
CREATE TABLE coverage_certificate (
    id          INTEGER PRIMARY KEY,
    resident_id INTEGER NOT NULL REFERENCES resident(id),
    country     TEXT NOT NULL CHECK (length(country) = 2),
    valid_from  TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    valid_until TEXT NOT NULL CHECK (valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES staff(login),
    CHECK (valid_from <= valid_until)
) STRICT;

CREATE INDEX coverage_certificate_resident ON coverage_certificate(resident_id, valid_from);

-- The employer's insured headcount (EPI insured across the enterprise) decides whether its
-- short-time employees are in the employer insurances; staff record it from the pension
-- office's notice or the employer. Null: not known.
ALTER TABLE employer ADD COLUMN insured_headcount INTEGER CHECK (insured_headcount IS NULL OR insured_headcount >= 0);
