-- Readiness and revisions (issue 11): a run may wait for its month's data, be forced or published
-- incomplete, and revise (or match) the published run of its month; the integration team marks a
-- source closed or not needed for a month.

alter table run add column forced_by varchar(128);
alter table run add column waiting_for varchar(2000);
alter table run add column incomplete boolean default false not null;
alter table run add column revises_run_id bigint;

create sequence month_mark_SEQ start with 1 increment by 50;

create table month_mark (
    id bigint not null,
    month_start varchar(7) not null,
    source varchar(128) not null,
    mark varchar(16) not null,
    marked_by varchar(128) not null,
    marked_at timestamp(6) with time zone not null,
    primary key (id),
    constraint uk_month_mark unique (month_start, source)
);
