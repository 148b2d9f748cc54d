-- A staged file is made its batch a part at a time, each part in a transaction of its own (issue 12): an 8,000,000-row
-- file merged in one transaction ran into the transaction timeout and started again from nothing, forever. The
-- staging remembers the batch its parts are written under (a batch BEING_STORED until the last part) and the last
-- row merged, so a process stopped between parts goes on from the next one when the file is delivered again.
alter table intake_staging add column batch_id bigint;
alter table intake_staging add column merged_through bigint default 0 not null;
