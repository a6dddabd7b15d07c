-- Kyosei foundation: the city's own settings, staff, households, residents, their history,
-- the name search index and the hash-chained audit log. Later migrations add the intake
-- files, cases, insurance, schooling, employment and language tables beside these.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
    login        TEXT PRIMARY KEY NOT NULL CHECK (length(login) BETWEEN 1 AND 64),
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('clerk','caseworker','supervisor','analyst','admin','system')),
    team         TEXT,
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    -- The administrator who ran `init`: may do everything, always audited.
    is_founder   INTEGER NOT NULL DEFAULT 0 CHECK (is_founder IN (0,1)),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
) STRICT;

CREATE TABLE household (
    household_id TEXT PRIMARY KEY NOT NULL CHECK (length(household_id) = 10 AND household_id NOT GLOB '*[^0-9]*'),
    created_at   TEXT NOT NULL
) STRICT;

-- A person known to the city. `id` is Kyosei's own key (shown as K<id>), because walk-ins
-- (UNREGISTERED_SERVED) have no register person id until the register lists them.
CREATE TABLE resident (
    id                    INTEGER PRIMARY KEY,
    person_id             TEXT UNIQUE CHECK (person_id IS NULL OR (length(person_id) = 11 AND person_id NOT GLOB '*[^0-9]*')),
    register_state        TEXT NOT NULL CHECK (register_state IN ('REGISTERED','ABROAD','MOVED_OUT','DECEASED','DELETED_EX_OFFICIO','LEFT_REGISTER','UNREGISTERED_SERVED')),
    resident_category     TEXT CHECK (resident_category IN ('MID_LONG_TERM','SPECIAL_PERMANENT','TEMPORARY_REFUGE','PROVISIONAL_STAY','BIRTH_TRANSITIONAL','NATIONALITY_LOSS_TRANSITIONAL')),
    residence_card_number TEXT CHECK (residence_card_number IS NULL OR residence_card_number GLOB '[A-Z][A-Z][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][A-Z][A-Z]'),
    name_latin            TEXT NOT NULL CHECK (length(name_latin) > 0),
    name_kanji            TEXT,
    common_name           TEXT,
    name_kana             TEXT,
    birth_date            TEXT NOT NULL CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    sex                   TEXT NOT NULL CHECK (sex IN ('1','2','9')),
    nationality           TEXT NOT NULL CHECK (length(nationality) = 2),
    status_of_residence   TEXT CHECK (status_of_residence IS NULL OR status_of_residence IN (
        'DIPLOMAT','OFFICIAL','PROFESSOR','ARTIST','RELIGIOUS','JOURNALIST','HSP_1A','HSP_1B','HSP_1C','HSP_2',
        'BUSINESS_MANAGER','LEGAL_ACCOUNTING','MEDICAL','RESEARCHER','INSTRUCTOR','ENGINEER_HUMANITIES',
        'INTRA_COMPANY','NURSING_CARE','ENTERTAINER','SKILLED_LABOR','SSW_1','SSW_2','TITP_1','TITP_2','TITP_3',
        'ESD','CULTURAL','STUDENT','TRAINEE','DEPENDENT','DESIGNATED','PERMANENT','SPOUSE_JAPANESE',
        'SPOUSE_PERMANENT','LONG_TERM')),
    period_of_stay        TEXT,
    stay_expiry_date      TEXT CHECK (stay_expiry_date IS NULL OR stay_expiry_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    household_id          TEXT REFERENCES household(household_id),
    relationship          TEXT CHECK (relationship IS NULL OR relationship IN ('HEAD','SPOUSE','CHILD','PARENT','SIBLING','OTHER')),
    postal_code           TEXT CHECK (postal_code IS NULL OR postal_code GLOB '[0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
    address               TEXT,
    district_code         TEXT,
    resident_since        TEXT,
    -- Normalised name text for the search index (folded Latin tokens; Japanese as bigrams).
    search_latin          TEXT NOT NULL DEFAULT '',
    search_japanese       TEXT NOT NULL DEFAULT '',
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
) STRICT;

CREATE INDEX resident_card ON resident(residence_card_number) WHERE residence_card_number IS NOT NULL;
CREATE INDEX resident_birth ON resident(birth_date, sex);
CREATE INDEX resident_household ON resident(household_id);
CREATE INDEX resident_state ON resident(register_state);
CREATE INDEX resident_district ON resident(district_code);
CREATE INDEX resident_expiry ON resident(stay_expiry_date) WHERE stay_expiry_date IS NOT NULL;

-- Name search: an external-content FTS5 index over the normalised columns, kept in step by triggers.
CREATE VIRTUAL TABLE resident_search USING fts5(
    search_latin, search_japanese,
    content = 'resident', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER resident_search_insert AFTER INSERT ON resident BEGIN
    INSERT INTO resident_search(rowid, search_latin, search_japanese)
    VALUES (new.id, new.search_latin, new.search_japanese);
END;

CREATE TRIGGER resident_search_delete AFTER DELETE ON resident BEGIN
    INSERT INTO resident_search(resident_search, rowid, search_latin, search_japanese)
    VALUES ('delete', old.id, old.search_latin, old.search_japanese);
END;

CREATE TRIGGER resident_search_update AFTER UPDATE OF search_latin, search_japanese ON resident BEGIN
    INSERT INTO resident_search(resident_search, rowid, search_latin, search_japanese)
    VALUES ('delete', old.id, old.search_latin, old.search_japanese);
    INSERT INTO resident_search(rowid, search_latin, search_japanese)
    VALUES (new.id, new.search_latin, new.search_japanese);
END;

-- One history for every change to a person's data: field by field, with its source.
CREATE TABLE history (
    id          INTEGER PRIMARY KEY,
    resident_id INTEGER REFERENCES resident(id),
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('STAFF_EDIT','REGISTER_SYNC','CORRECTION','FILE_IMPORT','SYSTEM')),
    source_ref  TEXT,
    reason      TEXT
) STRICT;

CREATE INDEX history_resident ON history(resident_id, id);
CREATE INDEX history_entity ON history(entity, entity_id, id);

-- Append-only, hash-chained: hash = SHA-256(previous_hash || canonical entry).
CREATE TABLE audit_log (
    seq           INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    staff_login   TEXT NOT NULL,
    action        TEXT NOT NULL,
    entity        TEXT NOT NULL,
    record_ids    TEXT NOT NULL,
    detail        TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL UNIQUE
) STRICT;

CREATE INDEX audit_staff ON audit_log(staff_login, seq);
CREATE INDEX audit_at ON audit_log(at);

-- Which residents an audit entry touched, for `audit log --person`.
CREATE TABLE audit_subject (
    seq         INTEGER NOT NULL REFERENCES audit_log(seq),
    resident_id INTEGER NOT NULL,
    PRIMARY KEY (resident_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
