-- No query reads the history by entity: every reader asks for a person's history
-- (`history_resident`), and every row written so far names its resident. Yet each history row
-- paid for a second entry, in an index larger than the resident one (the entity's name and id
-- as text): in a 23,709-row register delta on a 1,000,000-resident city it was 7,816 of the
-- 65,399 pages the transaction wrote, and a snapshot of a new city built it over a million rows.
DROP INDEX history_entity;
