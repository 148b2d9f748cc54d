-- A staged file is made its batch a part at a time, each part in a transaction of its own (issue 12): an 8,000,000-row
-- file merged in one transaction ran into the transaction timeout and started again from nothing, forever. A part is
-- a range of the file's keys, by the bucket each staged row's key falls in (0 to 63), so that every row of a key is in
-- one part, and parts are merged side by side. The staging remembers the batch its parts are written under (a batch
-- BEING_STORED until the last part) and the buckets merged, one bit each, so a process stopped between parts goes on
-- with the others when the file is delivered again.
alter table intake_staging add column batch_id bigint;
alter table intake_staging add column merged_buckets bigint default 0 not null;
alter table staged_call_record add column key_bucket smallint default 0 not null;
alter table staged_survey_response add column key_bucket smallint default 0 not null;
alter table staged_purchase add column key_bucket smallint default 0 not null;
alter table staged_service_case add column key_bucket smallint default 0 not null;
