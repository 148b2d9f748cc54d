-- The version a draft was copied from (null for the seeded default and for sets uploaded whole), so the
-- strategy team can see a draft's difference from where it started.
alter table rule_set_version add column based_on_id bigint;
alter table rule_set_version add constraint fk_rule_set_version_based_on foreign key (based_on_id) references rule_set_version (id);
create index ix_rule_set_version_based_on on rule_set_version (based_on_id);
