-- A certificate of coverage recorded by mistake (the wrong person, a certificate the pension
-- office later cancelled) is withdrawn, never deleted: the rules stop reading it, and what a rule
-- read on a past night, and who took it back and why, stay on record.
ALTER TABLE coverage_certificate ADD COLUMN withdrawn_at TEXT;
ALTER TABLE coverage_certificate ADD COLUMN withdrawn_by TEXT REFERENCES staff(login);
ALTER TABLE coverage_certificate ADD COLUMN withdrawn_reason TEXT
    CHECK ((withdrawn_reason IS NULL) = (withdrawn_at IS NULL) AND (withdrawn_by IS NULL) = (withdrawn_at IS NULL));
