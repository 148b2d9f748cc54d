-- Nothing reads the calls through their customer index any more (scoring reads call_profile, V106); it cost the merge
-- of a staged file about 7 s a million calls (bench/README, "Where a file's time goes on PostgreSQL"), and H2 more than
-- the rest of storing a month's calls (h2/V107).
drop index ix_call_customer;
