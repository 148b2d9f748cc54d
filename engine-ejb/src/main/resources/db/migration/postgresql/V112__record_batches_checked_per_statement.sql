-- The customers', survey answers', purchases' and service cases' batches are checked once a statement instead of once
-- a row (issue 12), as the calls' are since V100. Their foreign keys to source_batch looked the batch up, and locked
-- it, for every record written: a file of 1,000,000 new customers went in at 74,600 rows/s with its key and 103,800
-- without it (embedded PostgreSQL, the chunked intake, one backend; bench/README). These triggers keep what the keys
-- guaranteed, from the rows a statement wrote (its transition table): every record's batch exists, locked against
-- deletion as the key locked it, and no batch goes or changes its id while records refer to it. A null batch (a
-- customer written before batches were kept) refers to nothing, as under a key. Only the customers have an index on
-- their batch: a batch's deletion looks through the other three tables, as their keys' checks did. H2 keeps its keys.

alter table customer drop constraint fk_customer_batch;
alter table survey_response drop constraint fkf3md4dtcg824um36fawafxi9f;
alter table purchase drop constraint fkrx8eb1evum71l8vw9offbgtix;
alter table service_case drop constraint fkesfvc7o55pdp5gacr0q79n7sa;

create function written_rows_batches_exist() returns trigger language plpgsql as $$
declare
    wanted bigint[];
    found integer;
begin
    select array_agg(batch_id) into wanted from (select distinct batch_id from written_rows
        where batch_id is not null) batches;
    if wanted is null then
        return null;
    end if;
    select count(*) into found from (select id from source_batch where id = any (wanted) for key share) locked;
    if found < cardinality(wanted) then
        raise foreign_key_violation using message = TG_TABLE_NAME || '.batch_id refers to no source_batch',
            table = TG_TABLE_NAME;
    end if;
    return null;
end $$;

do $$
declare
    records text;
begin
    foreach records in array array['customer', 'survey_response', 'purchase', 'service_case'] loop
        execute format('create trigger %I after insert on %I referencing new table as written_rows'
            || ' for each statement execute function written_rows_batches_exist()', records || '_batch_on_insert',
            records);
        execute format('create trigger %I after update on %I referencing new table as written_rows'
            || ' for each statement execute function written_rows_batches_exist()', records || '_batch_on_update',
            records);
    end loop;
end $$;

-- whether any of those records refers to one of the batches listed
create function records_refer_to(batches bigint[]) returns boolean language sql stable as $$
    select exists (select 1 from customer c where c.batch_id = any (batches))
        or exists (select 1 from survey_response r where r.batch_id = any (batches))
        or exists (select 1 from purchase p where p.batch_id = any (batches))
        or exists (select 1 from service_case s where s.batch_id = any (batches))
$$;

create function source_batch_keeps_its_records() returns trigger language plpgsql as $$
begin
    if records_refer_to(array(select id from gone_batches)) then
        raise foreign_key_violation using message = 'source_batch is still referred to by a customer, survey answer,'
            || ' purchase or service case', table = 'source_batch';
    end if;
    return null;
end $$;

create trigger source_batch_deleted_keeps_its_records after delete on source_batch
    referencing old table as gone_batches for each statement execute function source_batch_keeps_its_records();

create function source_batch_id_keeps_its_records() returns trigger language plpgsql as $$
begin
    if records_refer_to(array[old.id]) then
        raise foreign_key_violation using message = 'source_batch is still referred to by a customer, survey answer,'
            || ' purchase or service case', table = 'source_batch';
    end if;
    return new;
end $$;

create trigger source_batch_id_keeps_its_records before update of id on source_batch
    for each row when (old.id <> new.id) execute function source_batch_id_keeps_its_records();
