-- Covering indexes tried against today's passes (not in the migrations: see bench/README.md)
-- DDL call_record: the month's columns the call measures read
create index ix_probe_call_month on call_record (started_at, customer_ref, outcome, channel, ivr_seconds, queue_seconds, wanted_agent)

-- DDL customer: the slice keys
create index ix_probe_customer_slices on customer (external_id, segment, value_band, preferred_channel)
