-- Staging is written once, read once and deleted (V80): PostgreSQL need not log it. After a crash of the
-- database server an unlogged table comes back empty, which is what a staging left behind comes to anyway: the
-- file is stored again from its start.
alter table staged_call_record set unlogged;
alter table staged_survey_response set unlogged;
alter table staged_purchase set unlogged;
alter table staged_service_case set unlogged;
alter table staged_quarantine set unlogged;
alter table intake_staged_key set unlogged;
