-- Audit entries of reads that ran while another process held the write lock (a register
-- snapshot holds it for many seconds) wait in a spool database beside this one and join the
-- chain at the next write. Each keeps its spool id here, so an entry folded in before a crash
-- cut the spool's clean-up short is recognised and never joins the chain twice.
ALTER TABLE audit_log ADD COLUMN spool_id INTEGER;
CREATE UNIQUE INDEX audit_spool_id ON audit_log(spool_id) WHERE spool_id IS NOT NULL;
