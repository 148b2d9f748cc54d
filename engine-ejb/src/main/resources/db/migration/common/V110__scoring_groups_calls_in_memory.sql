-- Scoring's grouping of each customer's calls (V106) is held in the server's memory for the step's pages instead of
-- this table: on H2 writing the grouping and deleting it again cost about as much as making it (bench/README, "Scoring's
-- grouping held in memory"). A scoring step starts again from its first page after a restart, so nothing in the
-- table is needed: any rows are those of a step that stopped.
drop table call_profile;
