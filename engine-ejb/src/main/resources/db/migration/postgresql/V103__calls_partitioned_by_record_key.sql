-- The calls and the staged tables partitioned by the hash of the record key, 16 ways (issue 12).
--
-- A staged file is merged a part at a time (V101), a part being a range of key buckets, and each statement of a
-- part read the whole staging and wrote into the whole calls table. Merging the 1,000,000-customer month's
-- 8,000,000 calls, the inserts spent nine tenths of their time keeping the calls table's indexes: the key and
-- customer indexes, hundreds of megabytes each, are written at random places, so the backend read and wrote back
-- about one page a row (auto_explain: 600,000 pages read, 640,000 written for 1,000,000 rows), and larger buffers
-- did not help much (shared_buffers 1 GB: 54 to 92 s a million rows). Now a bucket is a partition: the staged tables
-- and call_record are partitioned alike by the hash of record_key, a key's staged rows and its stored call fall in
-- partitions of the same number, and a part reads its own staged partitions and writes calls into partitions whose
-- indexes are a sixteenth of the table's. The other contact tables stay as they are (a month holds far fewer of
-- them); their staging is partitioned so that a part reads its own rows.
--
-- A unique key of a partitioned table must hold the partitioning column, and a primary key's columns may not be
-- null, as a call's record key may: the calls are unique by (id, record_key) instead of a primary key on id — ids
-- still come from one sequence — and (record_key, source) stays unique. The partitions of
-- the staging are unlogged, as the staged tables were (V81). The batch checks of V100 stay on call_record: its
-- statement triggers see the rows of every partition.
--
-- A file left mid-merge by the version before was cut into buckets of another kind: it must be finished before
-- this upgrade (start the earlier version until the integration screen lists no file as being stored).

do $$
begin
    if exists (select 1 from intake_staging where batch_id is not null) then
        raise exception 'A file is being stored in parts: let the earlier version finish it before upgrading';
    end if;
end $$;

do $$
declare
    staged text;
    part integer;
begin
    foreach staged in array array['staged_call_record', 'staged_survey_response', 'staged_purchase',
            'staged_service_case'] loop
        execute format('alter table %I rename to %I', staged, staged || '_before_v103');
        execute format('alter table %I drop constraint %I', staged || '_before_v103', staged || '_pkey');
        execute format('create table %I (like %I including defaults) partition by hash (record_key)',
                staged, staged || '_before_v103');
        execute format('alter table %I add primary key (staging_id, ordinal, record_key)', staged);
        for part in 0..15 loop
            execute format('create unlogged table %I partition of %I for values with (modulus 16, remainder %s)',
                    staged || '_p' || lpad(part::text, 2, '0'), staged, part);
        end loop;
        execute format('insert into %I select * from %I', staged, staged || '_before_v103');
        execute format('drop table %I', staged || '_before_v103');
    end loop;
end $$;

alter table call_record rename to call_record_before_v103;
create table call_record (like call_record_before_v103 including defaults including constraints)
    partition by hash (record_key);
do $$
declare
    part integer;
begin
    for part in 0..15 loop
        execute format('create table %I partition of call_record for values with (modulus 16, remainder %s)',
                'call_record_p' || lpad(part::text, 2, '0'), part);
    end loop;
end $$;
insert into call_record select * from call_record_before_v103;
drop table call_record_before_v103;

create unique index ux_call_record_id on call_record (id, record_key);
create index ix_call_started on call_record (started_at);
create index ix_call_customer on call_record (customer_ref, started_at, outcome, wanted_agent, channel);
create index ix_call_batch on call_record (batch_id);
create unique index ux_call_record_key_source on call_record (record_key, source);

create trigger call_record_batch_on_insert after insert on call_record
    referencing new table as written_calls for each statement execute function call_record_batches_exist();
create trigger call_record_batch_on_update after update on call_record
    referencing new table as written_calls for each statement execute function call_record_batches_exist();
