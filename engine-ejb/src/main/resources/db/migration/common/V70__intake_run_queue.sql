-- The intake-triggered runs' queue outlives a restart or redeployment (issue 11): a delivery is marked
-- once the months it touches are queued, and the queued months are rows, not one server's memory.
-- Deliveries stored before this version were planned by the release that stored them.

alter table source_batch add column run_planned boolean default true not null;

create table intake_run_queue (
    month_start varchar(7) not null,
    queued_at timestamp(6) with time zone not null,
    primary key (month_start)
);
