-- Intake without one long transaction (issue 12): a delivered file's rows are first staged, a chunk per
-- committed transaction, then made the batch's records in a few set-based statements in one short
-- transaction. Nothing reads these tables but the intake; a staging whose process died (another owner) is
-- deleted before the next delivery is staged, and its file, still in its inbox, is stored again from the start.
-- No foreign keys and no indexes beyond the keys the set-based steps join on: staging is written once, read
-- once and deleted.

create table intake_staging (
    id bigint not null,
    source varchar(128) not null,
    file_name varchar(512) not null,
    checksum varchar(64) not null,
    owner varchar(64) not null,
    started_at timestamp(6) with time zone not null,
    primary key (id)
);

create sequence intake_staging_seq start with 1 increment by 1;

create table staged_call_record (
    staging_id bigint not null,
    ordinal bigint not null,
    record_id bigint not null,
    record_key varchar(160) not null,
    content_hash bigint not null,
    customer_ref varchar(64),
    call_ref varchar(64),
    started_at timestamp(6),
    ivr_seconds integer,
    queue_seconds integer,
    talk_seconds integer,
    outcome varchar(24),
    wanted_agent boolean,
    transfers integer,
    times_reidentified integer,
    agent_saw_history boolean,
    channel varchar(32),
    primary key (staging_id, ordinal)
);

create table staged_survey_response (
    staging_id bigint not null,
    ordinal bigint not null,
    record_id bigint not null,
    record_key varchar(160) not null,
    content_hash bigint not null,
    customer_ref varchar(64),
    response_ref varchar(64),
    responded_at timestamp(6),
    survey varchar(128),
    touchpoint varchar(64),
    nps integer,
    csat integer,
    effort integer,
    comment_text varchar(4000),
    primary key (staging_id, ordinal)
);

create table staged_purchase (
    staging_id bigint not null,
    ordinal bigint not null,
    record_id bigint not null,
    record_key varchar(160) not null,
    content_hash bigint not null,
    customer_ref varchar(64),
    purchased_on date,
    amount numeric(12,2),
    product_category varchar(64),
    primary key (staging_id, ordinal)
);

create table staged_service_case (
    staging_id bigint not null,
    ordinal bigint not null,
    record_id bigint not null,
    record_key varchar(160) not null,
    content_hash bigint not null,
    customer_ref varchar(64),
    opened_at timestamp(6) with time zone,
    closed_at timestamp(6) with time zone,
    channel varchar(32),
    kind varchar(16),
    category varchar(128),
    text varchar(4000),
    primary key (staging_id, ordinal)
);

create table staged_quarantine (
    staging_id bigint not null,
    ordinal bigint not null,
    record_id bigint not null,
    line bigint not null,
    field varchar(128) not null,
    reason varchar(1024) not null,
    raw_text varchar(4000),
    primary key (staging_id, ordinal)
);

-- One row per key of a staged file and table at the set-based step: where its first and last rows are, whether
-- its rows differ among themselves, and what the store holds under that key.
create table intake_staged_key (
    staging_id bigint not null,
    record_key varchar(160) not null,
    first_hash bigint not null,
    last_ordinal bigint not null,
    hashes integer not null,
    stored_id bigint,
    stored_hash bigint,
    stored_batch bigint
);
