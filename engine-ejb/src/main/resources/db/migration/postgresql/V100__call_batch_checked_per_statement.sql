-- A call's batch is checked once a statement instead of once a row (issue 12). The foreign key from call_record to
-- source_batch looked its batch up for every row inserted: making a 1,000,000-call file its batch spent 3.5 to 8.5 s
-- of the database's CPU (of 15 to 23 s for the whole insert) on lookups that all found the batch the same
-- transaction had just made. These triggers (0.6 s for the million) keep what the key guaranteed, from the rows a
-- statement wrote (its transition table): every call's batch exists, locked against deletion as the key locked it,
-- and no batch goes or changes its id while calls refer to it. H2 keeps its foreign key (it stores a file in one
-- transaction, row by row).

alter table call_record drop constraint fk2h6wwiku9q5jjofjcsbh7yor;

create function call_record_batches_exist() returns trigger language plpgsql as $$
declare
    wanted bigint[];
    found integer;
begin
    select array_agg(distinct batch_id) into wanted from written_calls;
    if wanted is null then
        return null;
    end if;
    select count(*) into found from (select id from source_batch where id = any (wanted) for key share) locked;
    if found < cardinality(wanted) then
        raise foreign_key_violation using message = 'call_record.batch_id refers to no source_batch',
            table = 'call_record';
    end if;
    return null;
end $$;

create trigger call_record_batch_on_insert after insert on call_record
    referencing new table as written_calls for each statement execute function call_record_batches_exist();
create trigger call_record_batch_on_update after update on call_record
    referencing new table as written_calls for each statement execute function call_record_batches_exist();

create function source_batch_keeps_its_calls() returns trigger language plpgsql as $$
begin
    if exists (select 1 from gone_batches g where exists (select 1 from call_record c where c.batch_id = g.id)) then
        raise foreign_key_violation using message = 'source_batch is still referred to by call_record',
            table = 'source_batch';
    end if;
    return null;
end $$;

create trigger source_batch_deleted_keeps_its_calls after delete on source_batch
    referencing old table as gone_batches for each statement execute function source_batch_keeps_its_calls();

create function source_batch_id_keeps_its_calls() returns trigger language plpgsql as $$
begin
    if exists (select 1 from call_record c where c.batch_id = old.id) then
        raise foreign_key_violation using message = 'source_batch is still referred to by call_record',
            table = 'source_batch';
    end if;
    return new;
end $$;

create trigger source_batch_id_keeps_its_calls before update of id on source_batch
    for each row when (old.id <> new.id) execute function source_batch_id_keeps_its_calls();
