-- H2 writes a sequence's state whenever the values it reserved run out (by default 32 of them), and with
-- WRITE_DELAY=0 that write commits the store: every page changed since the last save, including those of the
-- intake's transaction in progress. Taking ids for a month's 800,000 calls (50 a value) did so 500 times and was the
-- intake's largest cost after its inserts (16 % of its CPU, Java Flight Recorder through MonthBenchmark). Reserving
-- 10,000 values (500,000 ids) at a time saves the store twice for such a file; a server killed meanwhile leaves a gap
-- in the ids, which nothing reads.
alter sequence call_record_SEQ cache 10000;
alter sequence customer_SEQ cache 10000;
alter sequence survey_response_SEQ cache 10000;
alter sequence purchase_SEQ cache 10000;
alter sequence service_case_SEQ cache 10000;
alter sequence quarantined_record_SEQ cache 10000;
alter sequence customer_identifier_SEQ cache 10000;
alter sequence customer_score_SEQ cache 10000;
alter sequence customer_action_SEQ cache 10000;
alter sequence kpi_value_SEQ cache 10000;
