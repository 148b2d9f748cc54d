-- A file left part merged (its intake's process stopped, its database went away) is finished from its staging
-- once no intake has touched it for a while, without the file being delivered again (issue 12): until then its
-- month's runs wait for it. An intake merging a staging touches it with each part, so one still being merged, by
-- this process or another, is not taken from it.
alter table intake_staging add column touched_at timestamp(6) with time zone;
update intake_staging set touched_at = started_at;
