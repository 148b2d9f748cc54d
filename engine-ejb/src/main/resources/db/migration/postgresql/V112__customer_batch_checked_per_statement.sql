-- A customer's batch is checked once a statement instead of once a row (issue 12), as a call's is since V100. The
-- foreign key from customer to source_batch looked its batch up, and locked it, for every customer written: a file
-- of 1,000,000 new customers went in at 74,600 rows/s with it and 103,800 rows/s without it (embedded PostgreSQL, the
-- chunked intake, one backend; bench/README). These triggers keep what the key guaranteed, from the rows a statement
-- wrote (its transition table): every customer's batch exists, locked against deletion as the key locked it, and no
-- batch goes or changes its id while customers refer to it. H2 keeps its foreign key.

alter table customer drop constraint fk_customer_batch;

-- for any table whose triggers name their written rows written_rows; a null batch (a customer written before batches
-- were kept) refers to nothing, as under the key
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

create trigger customer_batch_on_insert after insert on customer
    referencing new table as written_rows for each statement execute function written_rows_batches_exist();
create trigger customer_batch_on_update after update on customer
    referencing new table as written_rows for each statement execute function written_rows_batches_exist();

create function source_batch_keeps_its_customers() returns trigger language plpgsql as $$
begin
    if exists (select 1 from gone_batches g where exists (select 1 from customer c where c.batch_id = g.id)) then
        raise foreign_key_violation using message = 'source_batch is still referred to by customer',
            table = 'source_batch';
    end if;
    return null;
end $$;

create trigger source_batch_deleted_keeps_its_customers after delete on source_batch
    referencing old table as gone_batches for each statement execute function source_batch_keeps_its_customers();

create function source_batch_id_keeps_its_customers() returns trigger language plpgsql as $$
begin
    if exists (select 1 from customer c where c.batch_id = old.id) then
        raise foreign_key_violation using message = 'source_batch is still referred to by customer',
            table = 'source_batch';
    end if;
    return new;
end $$;

create trigger source_batch_id_keeps_its_customers before update of id on source_batch
    for each row when (old.id <> new.id) execute function source_batch_id_keeps_its_customers();
