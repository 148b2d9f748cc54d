-- The survey answers', purchases' and service cases' batches are checked once a statement instead of once a row
-- (issue 12), as the calls' are since V100 and the customers' since V112: their foreign keys to source_batch looked
-- the batch up, and locked it, for every record a staged file's merge inserted or updated. The statement triggers
-- (V112's function, over each statement's written rows) keep what the keys guaranteed: every record's batch exists,
-- locked against deletion as the key locked it, and no batch goes or changes its id while records refer to it. These
-- tables have no index on their batch, so a batch's deletion looks through them, as the keys' checks did. H2 keeps its
-- foreign keys.

alter table survey_response drop constraint fkf3md4dtcg824um36fawafxi9f;
alter table purchase drop constraint fkrx8eb1evum71l8vw9offbgtix;
alter table service_case drop constraint fkesfvc7o55pdp5gacr0q79n7sa;

do $$
declare
    contacts text;
begin
    foreach contacts in array array['survey_response', 'purchase', 'service_case'] loop
        execute format('create trigger %I after insert on %I referencing new table as written_rows'
            || ' for each statement execute function written_rows_batches_exist()', contacts || '_batch_on_insert',
            contacts);
        execute format('create trigger %I after update on %I referencing new table as written_rows'
            || ' for each statement execute function written_rows_batches_exist()', contacts || '_batch_on_update',
            contacts);
    end loop;
end $$;

create function source_batch_keeps_its_contacts() returns trigger language plpgsql as $$
begin
    if exists (select 1 from gone_batches g where exists (select 1 from survey_response r where r.batch_id = g.id)
            or exists (select 1 from purchase p where p.batch_id = g.id)
            or exists (select 1 from service_case s where s.batch_id = g.id)) then
        raise foreign_key_violation using message = 'source_batch is still referred to by a survey answer, purchase'
            || ' or service case', table = 'source_batch';
    end if;
    return null;
end $$;

create trigger source_batch_deleted_keeps_its_contacts after delete on source_batch
    referencing old table as gone_batches for each statement execute function source_batch_keeps_its_contacts();

create function source_batch_id_keeps_its_contacts() returns trigger language plpgsql as $$
begin
    if exists (select 1 from survey_response r where r.batch_id = old.id)
            or exists (select 1 from purchase p where p.batch_id = old.id)
            or exists (select 1 from service_case s where s.batch_id = old.id) then
        raise foreign_key_violation using message = 'source_batch is still referred to by a survey answer, purchase'
            || ' or service case', table = 'source_batch';
    end if;
    return new;
end $$;

create trigger source_batch_id_keeps_its_contacts before update of id on source_batch
    for each row when (old.id <> new.id) execute function source_batch_id_keeps_its_contacts();
