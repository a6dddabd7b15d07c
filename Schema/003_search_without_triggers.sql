-- FTS5 flushes its pending terms to disk at every statement savepoint, and a trigger-driven
-- index insert runs one per resident row: a million-row register snapshot spent most of its
-- time there. The index is now written by the code that writes residents (ResidentWrites),
-- in plain statements inside the same transaction.
DROP TRIGGER resident_search_insert;
DROP TRIGGER resident_search_delete;
DROP TRIGGER resident_search_update;
