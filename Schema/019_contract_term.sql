-- The contract term a hire notification may now carry (two optional columns of the employment
-- report): employment insurance asks whether the work is expected to last 31 days, the employer
-- insurances whether it lasts beyond two months. Null where the file did not say; the episode a
-- hire opens keeps the term so the coverage rules read it on any later date.
ALTER TABLE employment_notification ADD COLUMN contract_end TEXT
    CHECK (contract_end IS NULL OR contract_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE employment_notification ADD COLUMN contract_renewable INTEGER
    CHECK (contract_renewable IS NULL OR contract_renewable IN (0, 1));
ALTER TABLE employment_episode ADD COLUMN contract_end TEXT
    CHECK (contract_end IS NULL OR contract_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE employment_episode ADD COLUMN contract_renewable INTEGER
    CHECK (contract_renewable IS NULL OR contract_renewable IN (0, 1));
