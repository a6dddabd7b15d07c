-- The residents an audit entry names are part of the entry: removing one hides a read from
-- `audit log --person`, so `audit_subject` is append-only like the log itself. The index by
-- entry lets `audit verify` walk subjects beside the chain in one pass.
CREATE TRIGGER audit_subject_no_update BEFORE UPDATE ON audit_subject BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_subject_no_delete BEFORE DELETE ON audit_subject BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE INDEX audit_subject_entry ON audit_subject(seq, resident_id);
