-- The measuring step joins a month's call sums to the customers by their id for the slice keys (CallMonth).
-- With the keys in the index the join can read it alone. H2's V90 adds, besides, an index covering the
-- call columns the pass reads; PostgreSQL reads the month's calls in a few seconds without it, and would
-- pay for it on every call stored.
create index ix_customer_slice_keys on customer (external_id, segment, value_band, preferred_channel);
