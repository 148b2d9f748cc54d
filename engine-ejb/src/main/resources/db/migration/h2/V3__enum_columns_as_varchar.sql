-- Enum-like columns become plain VARCHAR (they were H2 ENUM types), so a release that adds a value to
-- one of them needs no migration and an older database can store it; the 8-character ones widen to 32.

alter table action_follow_up alter column firing set data type varchar(20);
alter table action_status_change alter column from_status set data type varchar(16);
alter table action_status_change alter column to_status set data type varchar(16);
alter table audit_entry alter column action set data type varchar(32);
alter table call_record alter column outcome set data type varchar(24);
alter table customer alter column status set data type varchar(16);
alter table customer alter column churn_reason set data type varchar(32);
alter table customer_action alter column kind set data type varchar(32);
alter table customer_action_export alter column destination set data type varchar(32);
alter table customer_identifier alter column kind set data type varchar(16);
alter table improvement_trigger alter column status set data type varchar(16);
alter table pack_delivery alter column channel set data type varchar(32);
alter table pack_delivery alter column status set data type varchar(32);
alter table rule_set_version alter column status set data type varchar(16);
alter table run alter column status set data type varchar(16);
alter table run alter column origin set data type varchar(16);
alter table run alter column completed_step set data type varchar(16);
alter table run alter column current_step set data type varchar(16);
alter table service_case alter column kind set data type varchar(16);
alter table source_batch alter column kind set data type varchar(32);
alter table source_batch alter column status set data type varchar(16);
