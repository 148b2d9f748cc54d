-- The measuring step reads a month's calls in one grouped pass per window of days and joins the sums to the
-- customers (CallMonth). H2 reads a row it finds through an index from the table itself, scattered over the
-- file; with every column the pass reads in the index it reads the index alone. Measured on the 100,000-
-- customer benchmark month (bench/README.md, MeasureQueryProbe reading): the first 8-day window's pass took
-- 41.5 s without and 12.1 s with it, the seconds-to-a-human histogram 13.6 s and 4.0 s. PostgreSQL reads
-- the same month in a few seconds without them, so they are H2's only.
create index ix_call_month_reading on call_record (started_at, customer_ref, channel, outcome, wanted_agent,
    ivr_seconds, queue_seconds, transfers, times_reidentified, agent_saw_history);
create index ix_customer_slice_keys on customer (external_id, segment, value_band, preferred_channel);
