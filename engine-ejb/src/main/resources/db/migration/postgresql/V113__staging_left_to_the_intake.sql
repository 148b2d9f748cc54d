-- The staging tables are the intake's scratch space: a file's rows are copied in, analysed by the merge itself with
-- the sample its plans need (StagedMerge.analyzeStaging), deleted part by part as they are merged, and the tables are
-- truncated whole once no staging is in them (StagingArea.emptyWhenUnused). Autovacuum's work on them was wasted and
-- got in the way: it vacuumed each partition after the rows were copied in and again after they were deleted, and the
-- truncate at the end of a file waited for it partition after partition (autovacuum gives way after a second): 3.5 s
-- between the 1,000,000-customer month's bank file merged and accepted, 4.7 s for its PBX file, the next file waiting.
--
-- So autovacuum never analyses them and never vacuums them for rows copied in; it vacuums a table for its deleted rows
-- only once it holds a million of them, which a truncate clears long before unless stagings follow one another
-- without a moment between (files stored side by side without end): the space they hold then stays bounded.
-- Vacuums against transaction-id wraparound are not affected (PostgreSQL runs them whatever these say).
do $$
declare
    staged text;
begin
    for staged in
        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind = 'r'
          and (c.relname ~ '^staged_(call_record|survey_response|purchase|service_case)_p[0-9]+$'
               or c.relname in ('staged_quarantine', 'intake_staged_key'))
    loop
        execute format('alter table %I set (autovacuum_vacuum_insert_threshold = -1,'
                ' autovacuum_analyze_threshold = 2147483647, autovacuum_analyze_scale_factor = 0,'
                ' autovacuum_vacuum_threshold = 1000000, autovacuum_vacuum_scale_factor = 0)', staged);
    end loop;
end $$;
