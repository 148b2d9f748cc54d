-- Each record once (issue 11, point 6): a record a source delivered before is found again by its key and
-- updated, never stored a second time. Contact tables get the source and key they are unique by, and a
-- fingerprint of their values; customers (unique by external id already) get the batch that last set them
-- and the same fingerprint; the ledger counts what each delivery added, updated, left unchanged and withdrew.

alter table call_record add column source varchar(128);
alter table call_record add column record_key varchar(160);
alter table call_record add column content_hash bigint;
alter table survey_response add column source varchar(128);
alter table survey_response add column record_key varchar(160);
alter table survey_response add column content_hash bigint;
alter table purchase add column source varchar(128);
alter table purchase add column record_key varchar(160);
alter table purchase add column content_hash bigint;
alter table service_case add column source varchar(128);
alter table service_case add column record_key varchar(160);
alter table service_case add column content_hash bigint;

update call_record set source = (select b.source from source_batch b where b.id = call_record.batch_id);
update survey_response set source = (select b.source from source_batch b where b.id = survey_response.batch_id);
update purchase set source = (select b.source from source_batch b where b.id = purchase.batch_id);
update service_case set source = (select b.source from source_batch b where b.id = service_case.batch_id);

-- Calls and responses came with their ids: one stored twice before (the same id from two files of one source)
-- is kept once, as the later file set it. Purchases and cases came without: each row stays a record of its own,
-- known by its row id (a later delivery of it cannot be told from a new one; new deliveries are keyed properly).
update call_record set record_key = coalesce(call_ref, '~row-' || cast(id as varchar(20)));
update survey_response set record_key = coalesce(response_ref, '~row-' || cast(id as varchar(20)));
update purchase set record_key = '~row-' || cast(id as varchar(20));
update service_case set record_key = '~row-' || cast(id as varchar(20));

delete from call_record where id in (
    select id from (select id, row_number() over (partition by source, record_key order by batch_id desc, id desc) as n
                    from call_record) ranked
    where n > 1);
delete from survey_response where id in (
    select id from (select id, row_number() over (partition by source, record_key order by batch_id desc, id desc) as n
                    from survey_response) ranked
    where n > 1);

alter table call_record alter column source set not null;
alter table survey_response alter column source set not null;
alter table purchase alter column source set not null;
alter table service_case alter column source set not null;

-- The key leads: a chunk's keys are looked up as "record_key = any(?) and source = ?", which H2 can serve
-- from an index only on its first column (with the source first it scans every record of the source).
create unique index ux_call_record_key_source on call_record (record_key, source);
create unique index ux_survey_response_key_source on survey_response (record_key, source);
create unique index ux_purchase_key_source on purchase (record_key, source);
create unique index ux_service_case_key_source on service_case (record_key, source);

alter table customer add column batch_id bigint;
alter table customer add column content_hash bigint;
alter table customer add constraint fk_customer_batch foreign key (batch_id) references source_batch (id);
create index ix_customer_batch on customer (batch_id);

alter table source_batch add column rows_new integer default 0 not null;
alter table source_batch add column rows_updated integer default 0 not null;
alter table source_batch add column rows_unchanged integer default 0 not null;
alter table source_batch add column rows_withdrawn integer default 0 not null;
update source_batch set rows_new = rows_accepted where status in ('ACCEPTED', 'REPLACED');
