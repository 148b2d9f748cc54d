-- Nothing reads the calls through their customer index any more (scoring reads call_profile, V106), and on H2 it cost
-- more than the rest of storing a month's calls: 800,000 calls stored in 130.5 s with it, 54.3 s without
-- (bench/README, "H2: what each calls index costs").
drop index ix_call_customer;
