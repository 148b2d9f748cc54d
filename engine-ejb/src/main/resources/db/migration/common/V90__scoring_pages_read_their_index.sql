-- Scoring reads a page of customers' calls and cases over the range of customer ids the page holds (issue 12).
-- The calls' customer index carries every column the page reads, so a page is read from the index alone: a
-- call looked up in the table instead costs a random read, and a page's calls lie all over a month's table.
-- Service cases had no customer index at all, so every page scanned the year's cases.
drop index ix_call_customer;
create index ix_call_customer on call_record (customer_ref, started_at, outcome, wanted_agent, channel);
create index ix_service_case_customer on service_case (customer_ref, opened_at, kind, channel);
