-- Version 1: the schema as the releases before migrations had it on H2 (Hibernate's hbm2ddl
-- from the entities of 2026-12-05). An installation that has these tables is baselined here, not recreated.
-- Never edit: a script that ran is checksummed in flyway_schema_history.


    create sequence action_follow_up_SEQ start with 1 increment by 50;

    create sequence action_status_change_SEQ start with 1 increment by 50;

    create sequence audit_entry_SEQ start with 1 increment by 50;

    create sequence board_pack_SEQ start with 1 increment by 50;

    create sequence call_record_SEQ start with 1 increment by 50;

    create sequence customer_action_export_SEQ start with 1 increment by 50;

    create sequence customer_action_SEQ start with 1 increment by 50;

    create sequence customer_identifier_SEQ start with 1 increment by 50;

    create sequence customer_score_SEQ start with 1 increment by 50;

    create sequence customer_SEQ start with 1 increment by 50;

    create sequence distribution_change_SEQ start with 1 increment by 50;

    create sequence improvement_trigger_SEQ start with 1 increment by 50;

    create sequence kpi_value_SEQ start with 1 increment by 50;

    create sequence pack_delivery_SEQ start with 1 increment by 50;

    create sequence pack_recipient_SEQ start with 1 increment by 50;

    create sequence purchase_SEQ start with 1 increment by 50;

    create sequence quarantined_record_SEQ start with 1 increment by 50;

    create sequence rule_file_SEQ start with 1 increment by 50;

    create sequence rule_set_activation_SEQ start with 1 increment by 50;

    create sequence rule_set_version_SEQ start with 1 increment by 50;

    create sequence run_request_theme_SEQ start with 1 increment by 50;

    create sequence run_SEQ start with 1 increment by 50;

    create sequence service_case_SEQ start with 1 increment by 50;

    create sequence source_batch_SEQ start with 1 increment by 50;

    create sequence survey_response_SEQ start with 1 increment by 50;

    create table action_follow_up (
        id bigint not null,
        run_id bigint not null,
        trigger_id bigint not null,
        firing enum ('NO_LONGER_FIRING','STILL_FIRING') not null,
        primary key (id)
    );

    create table action_status_change (
        changed_at timestamp(6) with time zone not null,
        id bigint not null,
        trigger_id bigint not null,
        changed_by varchar(128) not null,
        note_text varchar(2000),
        from_status enum ('DONE','DROPPED','IN_PROGRESS','OPEN') not null,
        to_status enum ('DONE','DROPPED','IN_PROGRESS','OPEN') not null,
        primary key (id)
    );

    create table audit_entry (
        id bigint not null,
        recorded_at timestamp(6) with time zone not null,
        recorded_by varchar(128) not null,
        subject varchar(200) not null,
        detail varchar(500),
        action enum ('BATCH_REPLAYED','RUN_STARTED','SOURCE_REMOVED','SOURCE_SAVED','USER_ROLES_CHANGED') not null,
        primary key (id)
    );

    create table board_pack (
        id bigint not null,
        published_at timestamp(6) with time zone,
        run_id bigint not null unique,
        sha256 varchar(64) not null,
        file_path varchar(1024),
        recipients varchar(2000),
        pdf blob not null,
        snapshot_json clob,
        primary key (id)
    );

    create table call_record (
        agent_saw_history boolean,
        ivr_seconds integer not null,
        queue_seconds integer not null,
        talk_seconds integer not null,
        times_reidentified integer not null,
        transfers integer not null,
        wanted_agent boolean not null,
        batch_id bigint not null,
        id bigint not null,
        started_at timestamp(6) not null,
        channel varchar(32),
        call_ref varchar(64),
        customer_ref varchar(64),
        outcome enum ('ABANDONED_IN_IVR','ABANDONED_IN_QUEUE','ANSWERED','SELF_SERVED') not null,
        primary key (id)
    );

    create table customer (
        annual_value numeric(12,2),
        churned_on date,
        consent_analytics boolean not null,
        consent_contact boolean not null,
        customer_since date,
        version integer not null,
        id bigint not null,
        preferred_channel varchar(32),
        value_band varchar(32),
        external_id varchar(64) not null,
        region varchar(64),
        segment varchar(64),
        churn_reason enum ('BETTER_OFFER','DECEASED','PRODUCT_OR_SERVICE','SERIAL_SWITCHER','STOPPED_USING','TREATMENT','UNKNOWN'),
        status enum ('ACTIVE','CHURNED') not null,
        primary key (id),
        constraint ux_customer_external_id unique (external_id)
    );

    create table customer_action (
        id bigint not null,
        run_id bigint not null,
        customer_ref varchar(64) not null,
        reason varchar(1000) not null,
        kind enum ('ADVOCATE_INVITE','DETRACTOR_CALL_BACK','INDEX_FELL_SHARPLY') not null,
        primary key (id)
    );

    create table customer_action_export (
        actions integer not null,
        attempts integer not null,
        delivered boolean not null,
        exported_at timestamp(6) with time zone not null,
        id bigint not null,
        run_id bigint not null,
        failure varchar(1024),
        target varchar(1024) not null,
        destination enum ('FILE','REST') not null,
        primary key (id)
    );

    create table customer_identifier (
        id bigint not null,
        customer_ref varchar(64) not null,
        keyed_hash varchar(64) not null,
        kind enum ('ACCOUNT_NUMBER','PHONE_NUMBER') not null,
        primary key (id),
        constraint ux_customer_identifier unique (kind, keyed_hash)
    );

    create table customer_score (
        behavioural numeric(6,2),
        cognitive numeric(6,2),
        emotional numeric(6,2),
        engagement_index numeric(6,2),
        id bigint not null,
        run_id bigint not null,
        stage varchar(16),
        customer_ref varchar(64) not null,
        primary key (id)
    );

    create table distribution_change (
        action varchar(8) not null,
        changed_at timestamp(6) with time zone not null,
        id bigint not null,
        changed_by varchar(128) not null,
        address varchar(320) not null,
        primary key (id)
    );

    create table improvement_trigger (
        id bigint not null,
        run_id bigint not null,
        status_changed_at timestamp(6) with time zone,
        pillar varchar(16) not null,
        severity varchar(16) not null,
        code varchar(64) not null,
        owner varchar(128),
        status_changed_by varchar(128),
        title varchar(256) not null,
        evidence varchar(2000) not null,
        status enum ('DONE','DROPPED','IN_PROGRESS','OPEN') not null,
        primary key (id)
    );

    create table kpi_value (
        measured_value numeric(14,4),
        previous numeric(14,4),
        target numeric(14,4),
        id bigint not null,
        rag varchar(8),
        run_id bigint not null,
        sample_size bigint not null,
        code varchar(64) not null,
        dimension varchar(128) not null,
        primary key (id),
        constraint ux_kpi_value_run_code_dim unique (run_id, code, dimension)
    );

    create table pack_delivery (
        attempts integer not null,
        delivered_at timestamp(6) with time zone,
        id bigint not null,
        run_id bigint not null,
        target varchar(512) not null,
        last_error varchar(1024),
        channel enum ('EMAIL','FOLDER','SFTP') not null,
        status enum ('FAILED','PENDING','SENT') not null,
        primary key (id)
    );

    create table pack_recipient (
        added_at timestamp(6) with time zone not null,
        id bigint not null,
        added_by varchar(128) not null,
        address varchar(320) not null,
        primary key (id),
        constraint ux_recipient_address unique (address)
    );

    create table purchase (
        amount numeric(12,2) not null,
        purchased_on date not null,
        batch_id bigint not null,
        id bigint not null,
        customer_ref varchar(64),
        product_category varchar(64),
        primary key (id)
    );

    create table quarantined_record (
        batch_id bigint not null,
        id bigint not null,
        line bigint not null,
        field varchar(128) not null,
        reason varchar(1024) not null,
        raw_text varchar(4000),
        primary key (id)
    );

    create table rule_file (
        id bigint not null,
        version_id bigint not null,
        name varchar(256) not null,
        content blob not null,
        primary key (id)
    );

    create table rule_set_activation (
        rollback boolean not null,
        activated_at timestamp(6) with time zone not null,
        id bigint not null,
        version_id bigint not null,
        activated_by varchar(128) not null,
        comment_text varchar(1000),
        primary key (id)
    );

    create table rule_set_version (
        created_at timestamp(6) with time zone not null,
        id bigint not null,
        checksum varchar(64) not null,
        author varchar(128) not null,
        label varchar(128) not null,
        validation_messages varchar(8000),
        status enum ('ACTIVE','DRAFT','RETIRED','VALIDATED') not null,
        primary key (id)
    );

    create table run (
        month_start varchar(7) not null,
        finished_at timestamp(6) with time zone,
        id bigint not null,
        rule_set_version_id bigint not null,
        started_at timestamp(6) with time zone not null,
        failure varchar(2000),
        completed_step enum ('CLOSE_INTAKE','DISTRIBUTE','EVALUATE','MEASURE','PUBLISH','RENDER','SCORE'),
        current_step enum ('CLOSE_INTAKE','DISTRIBUTE','EVALUATE','MEASURE','PUBLISH','RENDER','SCORE'),
        origin enum ('INTAKE','ON_DEMAND','SCHEDULE') not null,
        status enum ('FAILED','PUBLISHED','RUNNING') not null,
        primary key (id)
    );

    create table run_request_theme (
        mentions integer not null,
        recurs_at integer not null,
        id bigint not null,
        run_id bigint not null,
        pillar varchar(16) not null,
        code varchar(128) not null,
        label varchar(256) not null,
        primary key (id),
        constraint ux_run_request_theme unique (run_id, code)
    );

    create table run_source_batch (
        batch_id bigint not null,
        run_id bigint not null,
        primary key (batch_id, run_id)
    );

    create table service_case (
        batch_id bigint not null,
        closed_at timestamp(6) with time zone,
        id bigint not null,
        opened_at timestamp(6) with time zone not null,
        channel varchar(32),
        customer_ref varchar(64),
        category varchar(128),
        text varchar(4000),
        kind enum ('CALL_BACK','COMPLAINT','COMPLIMENT','ENQUIRY','REQUEST') not null,
        primary key (id)
    );

    create table source_batch (
        rows_accepted integer not null,
        rows_quarantined integer not null,
        rows_unmatched integer default 0 not null not null,
        duplicate_of bigint,
        id bigint not null,
        newest_record_at timestamp(6),
        received_at timestamp(6) with time zone not null,
        replaced_by bigint,
        checksum varchar(64) not null,
        source varchar(128) not null,
        name varchar(512) not null,
        kept_as varchar(1024),
        message varchar(1024),
        kind enum ('CALLS','CUSTOMERS','PURCHASES','SERVICE_CASES','SURVEY_RESPONSES') not null,
        status enum ('ACCEPTED','DUPLICATE','REJECTED','REPLACED') not null,
        primary key (id)
    );

    create table survey_response (
        csat integer,
        effort integer,
        nps integer,
        batch_id bigint not null,
        id bigint not null,
        responded_at timestamp(6) not null,
        customer_ref varchar(64),
        response_ref varchar(64),
        touchpoint varchar(64),
        survey varchar(128),
        comment_text varchar(4000),
        primary key (id)
    );

    create index audit_entry_at
       on audit_entry (recorded_at);

    create index ix_call_started
       on call_record (started_at);

    create index ix_call_customer
       on call_record (customer_ref, started_at);

    create index ix_call_batch
       on call_record (batch_id);

    create index ix_customer_status
       on customer (status);

    create index ix_customer_action_run
       on customer_action (run_id, customer_ref);

    create index ix_customer_action_export_run
       on customer_action_export (run_id, destination);

    create index ix_purchase_customer_date
       on purchase (customer_ref, purchased_on);

    create index ix_purchase_batch
       on purchase (batch_id);

    create index ix_quarantined_batch
       on quarantined_record (batch_id, line);

    create index ix_run_month
       on run (month_start);

    create index ix_service_case_opened
       on service_case (opened_at);

    create index ix_service_case_batch
       on service_case (batch_id);

    create index ix_source_batch_checksum
       on source_batch (kind, checksum);

    create index ix_source_batch_received
       on source_batch (received_at);

    create index ix_source_batch_source_name
       on source_batch (source, name);

    create index ix_survey_responded
       on survey_response (responded_at);

    create index ix_survey_customer
       on survey_response (customer_ref, responded_at);

    create index ix_survey_batch
       on survey_response (batch_id);

    alter table if exists action_follow_up
       add constraint FKc8623yqf47tcvuvftbnmtlolo
       foreign key (trigger_id)
       references improvement_trigger;

    alter table if exists action_follow_up
       add constraint FKb6trjcd0sy39ogqnn26oltbw
       foreign key (run_id)
       references run;

    alter table if exists action_status_change
       add constraint FKh3sof5bw1tqvlbwurclc2qqpx
       foreign key (trigger_id)
       references improvement_trigger;

    alter table if exists board_pack
       add constraint FKskmth4a0f2utqkujvyj20s20q
       foreign key (run_id)
       references run;

    alter table if exists call_record
       add constraint FK2h6wwiku9q5jjofjcsbh7yor
       foreign key (batch_id)
       references source_batch;

    alter table if exists customer_score
       add constraint FKlrpwihnpnjao4oogx3fs7ephw
       foreign key (run_id)
       references run;

    alter table if exists improvement_trigger
       add constraint FKhtvcl5tgkwlbuy0duouba4564
       foreign key (run_id)
       references run;

    alter table if exists kpi_value
       add constraint FKblhy5sf5a1bhmbtfm8qis02c4
       foreign key (run_id)
       references run;

    alter table if exists pack_delivery
       add constraint FKimkrohcxjjby0mx4exgm1j5l7
       foreign key (run_id)
       references run;

    alter table if exists purchase
       add constraint FKrx8eb1evum71l8vw9offbgtix
       foreign key (batch_id)
       references source_batch;

    alter table if exists quarantined_record
       add constraint FKmmfdcvdfe4r2dfkffihhw0e67
       foreign key (batch_id)
       references source_batch;

    alter table if exists rule_file
       add constraint FK3a1skjml87c0iypwtifn2rbvp
       foreign key (version_id)
       references rule_set_version;

    alter table if exists rule_set_activation
       add constraint FKoc70gjsa8fy1pm4seuus42xey
       foreign key (version_id)
       references rule_set_version;

    alter table if exists run
       add constraint FKm4abgk5314qt834ckdu9eym51
       foreign key (rule_set_version_id)
       references rule_set_version;

    alter table if exists run_request_theme
       add constraint FKnhchydt4oupbuvd2fkymi81oh
       foreign key (run_id)
       references run;

    alter table if exists run_source_batch
       add constraint FKmt4e99b2avgfja2g2h6gat2ir
       foreign key (batch_id)
       references source_batch;

    alter table if exists run_source_batch
       add constraint FK1o21xavkkrp4m5evdbxfocosu
       foreign key (run_id)
       references run;

    alter table if exists service_case
       add constraint FKesfvc7o55pdp5gacr0q79n7sa
       foreign key (batch_id)
       references source_batch;

    alter table if exists survey_response
       add constraint FKf3md4dtcg824um36fawafxi9f
       foreign key (batch_id)
       references source_batch;
