-- The staging tables are the intake's scratch space: a file's rows are copied in, analysed by the merge itself with
-- the sample its plans need (StagedMerge.analyzeStaging), deleted part by part as they are merged, and the tables are
-- truncated whole once no staging is in them (StagingArea.emptyWhenUnused). Autovacuum vacuumed each partition again
-- once a file's rows were deleted from it, and the truncate at the end of the file waited for it partition after
-- partition (autovacuum gives way after a second): 3.5 s between the 1,000,000-customer month's bank file merged and
-- accepted, 4.7 s for its PBX file, the next file waiting meanwhile; its analyses were wasted beside the merge's own.
--
-- So autovacuum never analyses them, and vacuums a table for its deleted rows only once it holds a million of them,
-- which a truncate clears long before unless stagings follow one another without a moment between (files stored side
-- by side without end): the space they hold then stays bounded. It still vacuums them for rows copied in, while a file
-- is staged, which marks the rows seen by all for the merge that reads them next (with that off too, the bank file's
-- merge took 52.0 and 53.8 s, against 48.5 and 48.7 s before). Vacuums against transaction-id wraparound are not affected
-- (PostgreSQL runs them whatever these say).
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
        execute format('alter table %I set (autovacuum_analyze_threshold = 2147483647,'
                ' autovacuum_analyze_scale_factor = 0, autovacuum_vacuum_threshold = 1000000,'
                ' autovacuum_vacuum_scale_factor = 0)', staged);
    end loop;
end $$;
