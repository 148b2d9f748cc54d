-- A run lists the batches its month's calls came from (its lineage). Read as the distinct batches of the month's
-- calls, that fetched every call of the month: 3.0 s for a million calls on H2, the run's closing of intake. With the
-- batch beside the day in the day index, the list is read a batch at a time, a seek per batch and day (CallBatches).
-- Building the index reads every call: minutes at tens of millions of them.
create index ix_call_day_batch on call_record (started_on, batch_id);
drop index ix_call_started_on;
