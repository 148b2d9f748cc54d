-- Indexes the entities lacked: PostgreSQL does not index a foreign key by itself, and a run's results,
-- a trigger's history and a rule set's files are read by these columns. (H2 had made its own for the
-- foreign keys; these make both databases the same.)

create index ix_customer_score_run_customer on customer_score (run_id, customer_ref);
create index ix_improvement_trigger_run on improvement_trigger (run_id);
create index ix_pack_delivery_run on pack_delivery (run_id);
create index ix_rule_file_version on rule_file (version_id);
create index ix_rule_set_activation_version on rule_set_activation (version_id);
create index ix_run_rule_set_version on run (rule_set_version_id);
create index ix_run_source_batch_run on run_source_batch (run_id);
create index ix_action_follow_up_run on action_follow_up (run_id);
create index ix_action_follow_up_trigger on action_follow_up (trigger_id);
create index ix_action_status_change_trigger on action_status_change (trigger_id);
