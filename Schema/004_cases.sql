-- Case work: a piece of work for a person (or a household) owned by a member of staff, with a
-- workflow, notes and a full history of every change. Rules raise cases; staff open them too.

CREATE TABLE cases (
    id            INTEGER PRIMARY KEY,
    case_type     TEXT NOT NULL CHECK (length(case_type) BETWEEN 1 AND 40),
    resident_id   INTEGER REFERENCES resident(id),
    household_id  TEXT REFERENCES household(household_id),
    state         TEXT NOT NULL CHECK (state IN ('OPEN','IN_PROGRESS','WAITING','RESOLVED','CLOSED')),
    priority      INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
    assignee      TEXT REFERENCES staff(login),
    team          TEXT,
    due_date      TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    title         TEXT NOT NULL,
    cause         TEXT NOT NULL,
    -- Set by a rule: one case per person, type and cause, ever (a cause that comes back reopens it).
    dedup_key     TEXT,
    rule          TEXT,
    cause_gone_at TEXT,
    outcome       TEXT CHECK (outcome IS NULL OR outcome IN ('SETTLED','REFERRED','CONTACTED_NO_CHANGE','UNREACHABLE','NOT_APPLICABLE','DUPLICATE','CAUSE_GONE')),
    opened_at     TEXT NOT NULL,
    opened_by     TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    resolved_at   TEXT,
    closed_at     TEXT,
    CHECK (resident_id IS NOT NULL OR household_id IS NOT NULL),
    CHECK ((state IN ('RESOLVED','CLOSED')) = (outcome IS NOT NULL))
) STRICT;

CREATE UNIQUE INDEX cases_dedup ON cases(dedup_key) WHERE dedup_key IS NOT NULL;
-- The queues: by team, by assignee, by person, by type; ordered by priority and due date.
CREATE INDEX cases_queue ON cases(state, team, priority, due_date);
CREATE INDEX cases_assignee ON cases(assignee, state, priority, due_date);
CREATE INDEX cases_resident ON cases(resident_id);
CREATE INDEX cases_type ON cases(case_type, state);
CREATE INDEX cases_rule ON cases(rule, state) WHERE rule IS NOT NULL;

-- Every change to a case: who, when, from, to (state, assignee, priority, due date, notes).
CREATE TABLE case_event (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    at         TEXT NOT NULL,
    by         TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('OPENED','STATE','ASSIGNED','PRIORITY','DUE','NOTE','CAUSE_GONE','CAUSE_BACK')),
    from_value TEXT,
    to_value   TEXT,
    note       TEXT
) STRICT;

CREATE INDEX case_event_case ON case_event(case_id, id);
CREATE INDEX case_event_at ON case_event(kind, at);

-- The records that raised a case (an identity review, a reject, a roster row …).
CREATE TABLE case_link (
    case_id   INTEGER NOT NULL REFERENCES cases(id),
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (case_id, entity, entity_id)
) STRICT, WITHOUT ROWID;

-- Staff edits of identity reviews happen through their cases.
CREATE INDEX identity_review_resident ON identity_review(resident_id);
