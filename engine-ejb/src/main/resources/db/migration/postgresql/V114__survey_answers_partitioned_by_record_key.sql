-- The survey answers partitioned by the hash of the record key, 16 ways, as the calls are since V103 (issue 12).
--
-- A survey file is merged in parts side by side (V101), each part a range of key buckets reading its own staged
-- partitions, but both parts wrote into the one survey_response table and its five indexes, whose pages they shared:
-- the insert was two thirds of a survey file's merge (11 µs an answer; bench/README, "Survey files: where their time
-- goes"). Now a bucket is a partition here too: a key's staged rows and its stored answer are in partitions of the same
-- number, a part looks its keys up in its own partitions and writes answers into partitions whose indexes are a
-- sixteenth of the table's. Measured on PostgreSQL 15, 209,656 answers inserted by two sessions side by side a bucket
-- at a time: 2.4-2.7 s into the table as it was, 1.8-1.9 s partitioned.
--
-- As for the calls: a unique key of a partitioned table must hold the partitioning column, and a record key may be null,
-- so the answers are unique by (id, record_key) instead of a primary key on id (ids still come from one sequence), and
-- (record_key, source) stays unique. The batch checks of V112 are made again on the new table; their statement
-- triggers see the rows of every partition. A file left half-merged by the version before needs nothing: its staging
-- was already cut into these buckets (V103), and what it merged is copied over.

alter table survey_response rename to survey_response_before_v114;
create table survey_response (like survey_response_before_v114 including defaults including constraints)
    partition by hash (record_key);
do $$
declare
    part integer;
begin
    for part in 0..15 loop
        execute format('create table %I partition of survey_response for values with (modulus 16, remainder %s)',
                'survey_response_p' || lpad(part::text, 2, '0'), part);
    end loop;
end $$;
insert into survey_response select * from survey_response_before_v114;
drop table survey_response_before_v114;

create unique index ux_survey_response_id on survey_response (id, record_key);
create unique index ux_survey_response_key_source on survey_response (record_key, source);
create index ix_survey_responded on survey_response (responded_at);
create index ix_survey_customer on survey_response (customer_ref, responded_at);
create index ix_survey_batch on survey_response (batch_id);

create trigger survey_response_batch_on_insert after insert on survey_response
    referencing new table as written_rows for each statement execute function written_rows_batches_exist();
create trigger survey_response_batch_on_update after update on survey_response
    referencing new table as written_rows for each statement execute function written_rows_batches_exist();
