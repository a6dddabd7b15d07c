-- Every employment notification asks which jobs the same card holds elsewhere on its date
-- (`EmploymentEpisodeRecord.held`), ended ones included; the only index by card was the
-- partial one of open episodes, so each notification read every episode: 200,000
-- notifications into a 1,000,000-resident city ran for more than ten minutes, ever slower as
-- the episodes grew.
CREATE INDEX employment_episode_card ON employment_episode(residence_card_number, employer_id);
