-- Scoring pages no longer read the calls through their customer index (V90): when scoring starts, the calls of the
-- month's 90 days are grouped once per customer (outcome, wanted agent, channel) into this table, in customer order,
-- and each page reads its range of it. The grouping is one pass over the window through the calls' time index; a
-- customer index on the calls themselves costs H2 more than the rest of storing a month's calls (bench/README, "H2:
-- what each calls index costs"), as its inserts land all over a B-tree the size of the table. A pass is a scoring's
-- (the run it scores) or a page walk's (a run replayed); it is deleted when done.
create table call_profile (
    pass varchar(48) not null,
    customer_ref varchar(64) not null,
    outcome varchar(32) not null,
    wanted_agent boolean not null,
    channel varchar(32),
    calls integer not null,
    calls_in_month integer not null
);
create index ix_call_profile_pass_customer on call_profile (pass, customer_ref);
