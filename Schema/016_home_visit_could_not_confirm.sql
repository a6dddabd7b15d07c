-- A home visit may find that the schooling could not be confirmed (nobody at home, no answer,
-- the family would not say): MEXT's class 5, apart from the children nobody visited (the
-- survey's difference). SQLite cannot widen a CHECK in place, so the table is rebuilt with
-- every confirmation kept as it was.
CREATE TABLE school_confirmation_rebuilt (
    id            INTEGER PRIMARY KEY,
    resident_id   INTEGER NOT NULL REFERENCES resident(id),
    outcome       TEXT NOT NULL CHECK (outcome IN ('NOT_ENROLLED','FOREIGN_SCHOOL','DEPARTING','ENROLLED','COULD_NOT_CONFIRM')),
    note          TEXT NOT NULL CHECK (length(note) > 0),
    -- The newest school roster applied when it was recorded: a roster after it that lists the
    -- child says otherwise, and the confirmation no longer counts.
    after_file_id INTEGER REFERENCES intake_file(id),
    confirmed_at  TEXT NOT NULL,
    confirmed_by  TEXT NOT NULL
) STRICT;

INSERT INTO school_confirmation_rebuilt (id, resident_id, outcome, note, after_file_id, confirmed_at, confirmed_by)
    SELECT id, resident_id, outcome, note, after_file_id, confirmed_at, confirmed_by FROM school_confirmation;
DROP TABLE school_confirmation;
ALTER TABLE school_confirmation_rebuilt RENAME TO school_confirmation;
CREATE INDEX school_confirmation_resident ON school_confirmation(resident_id, id);
