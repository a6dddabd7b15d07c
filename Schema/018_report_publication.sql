-- Every aggregate table that left the city, figure by figure: what it published (each figure as
-- a sum of the counts behind it, with its value) and what it withheld. Suppression checks each
-- new table against the earlier ones counting the same people (another cut of the same day, a
-- month of a published quarter), so a later table can never give back an earlier withheld
-- figure by difference. Append-only: forgetting a publication would reopen that attack.
CREATE TABLE report_publication (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('population', 'coverage', 'employment', 'schooling', 'language')),
    cut TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL CHECK (last_day >= first_day),
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    figures TEXT NOT NULL
);
CREATE INDEX report_publication_days ON report_publication(kind, first_day, last_day);
CREATE TRIGGER report_publication_no_update BEFORE UPDATE ON report_publication BEGIN
    SELECT RAISE(ABORT, 'published tables are kept as they left the city');
END;
CREATE TRIGGER report_publication_no_delete BEFORE DELETE ON report_publication BEGIN
    SELECT RAISE(ABORT, 'published tables are kept as they left the city');
END;
