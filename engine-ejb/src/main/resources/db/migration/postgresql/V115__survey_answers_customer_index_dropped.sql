-- Scoring reads each customer's survey answers from one read of the window's answers held in memory per pass
-- (SurveyProfiles), no longer a page of customers' answers through their customer index; and of the answers' indexes
-- that are not keys, that one cost a survey file's merge the most (inserted at random): 1.8-1.9 s of 209,656 answers
-- with it, 1.4-1.5 s without (bench/README, "Survey answers without their customer index"). Dropping the partitioned
-- table's index drops its partitions'.
drop index ix_survey_customer;
