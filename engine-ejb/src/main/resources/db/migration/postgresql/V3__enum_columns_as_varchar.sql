-- Enum-like columns keep their VARCHAR type but lose the check constraints Hibernate gave them, so a
-- release that adds a value to one of them needs no migration and an older database can store it.
-- The constraints are found by column, not by name: a database that Hibernate updated over several
-- builds may have them under other names, or with an older list of values (pack_delivery.channel
-- without SFTP).

do $$
declare
    found record;
begin
    for found in
        select c.conrelid::regclass as table_name, c.conname as constraint_name
        from (values ('action_follow_up', 'firing'), ('action_status_change', 'from_status'),
                     ('action_status_change', 'to_status'), ('audit_entry', 'action'),
                     ('call_record', 'outcome'), ('customer', 'status'), ('customer', 'churn_reason'),
                     ('customer_action', 'kind'), ('customer_action_export', 'destination'),
                     ('customer_identifier', 'kind'), ('improvement_trigger', 'status'),
                     ('pack_delivery', 'channel'), ('pack_delivery', 'status'), ('rule_set_version', 'status'),
                     ('run', 'status'), ('run', 'origin'), ('run', 'completed_step'), ('run', 'current_step'),
                     ('service_case', 'kind'), ('source_batch', 'kind'), ('source_batch', 'status'))
                 as enum_column (table_name, column_name)
        join pg_constraint c on c.conrelid = to_regclass(enum_column.table_name) and c.contype = 'c'
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
                and a.attname = enum_column.column_name
    loop
        execute format('alter table %s drop constraint %I', found.table_name, found.constraint_name);
    end loop;
end
$$;

-- the 8-character ones widen to 32, so a longer value fits too
alter table customer_action_export alter column destination type varchar(32);
alter table pack_delivery alter column channel type varchar(32);
alter table pack_delivery alter column status type varchar(32);
