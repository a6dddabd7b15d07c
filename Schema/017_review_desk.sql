-- The review desk (issue 17): every identity review says which source asked it, keeps the
-- comparison that sent it to a person, and, once decided, who decided what and why. A roster
-- import keeps the match parameters it decided with, so a decision can be explained later.

ALTER TABLE identity_review ADD COLUMN source TEXT
    CHECK (source IS NULL OR source IN ('REGISTER','INSURANCE','SCHOOL','EMPLOYMENT','ATTENDANCE'));
-- What makes two questions the same person's across files when the subject row differs (an
-- employment notification: card, birth date and sex), so a decision holds for the next file.
ALTER TABLE identity_review ADD COLUMN subject_key TEXT;
-- The comparison vector, per-field weights and runner-up the resolver decided with (JSON).
ALTER TABLE identity_review ADD COLUMN explanation TEXT;
ALTER TABLE identity_review ADD COLUMN decision TEXT CHECK (decision IS NULL OR decision IN ('LINKED','REJECTED'));
ALTER TABLE identity_review ADD COLUMN linked_resident_id INTEGER REFERENCES resident(id);
ALTER TABLE identity_review ADD COLUMN decided_by TEXT;
ALTER TABLE identity_review ADD COLUMN decided_at TEXT;
ALTER TABLE identity_review ADD COLUMN decision_note TEXT;

UPDATE identity_review SET source = CASE subject_entity
    WHEN 'insurance_member' THEN 'INSURANCE'
    WHEN 'school_student' THEN 'SCHOOL'
    WHEN 'employment_notification' THEN 'EMPLOYMENT'
    ELSE 'REGISTER' END;

CREATE INDEX identity_review_subject ON identity_review(subject_entity, subject_id);
CREATE INDEX identity_review_source ON identity_review(source, state, id);
CREATE INDEX identity_review_key ON identity_review(subject_key) WHERE subject_key IS NOT NULL;

-- The Fellegi–Sunter parameters a roster was matched with (`MatchParameters` as JSON).
ALTER TABLE intake_file ADD COLUMN match_parameters TEXT;
