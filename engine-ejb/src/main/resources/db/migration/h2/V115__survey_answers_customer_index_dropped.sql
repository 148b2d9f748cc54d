-- Scoring reads each customer's survey answers from one read of the window's answers held in memory per pass
-- (SurveyProfiles), no longer through their customer index; as for PostgreSQL (postgresql/V115), the index only cost
-- the intake.
drop index ix_survey_customer;
