-- What Quartz.NET 4.x (4.7) reads and writes beyond the classic schema of migration 0002, and checks at start-up
-- (SchemaProvisioning.Validate): paused job groups, pause reasons, continuations, overlap and retry policies, preferred
-- nodes and execution groups, fire progress and interrupts, per-trigger misfire thresholds and fixed delays, and the
-- Quartz version each node runs. Every new column is nullable or has a default, so rows written before stay valid.

CREATE TABLE qrtz_paused_job_grps (
    sched_name   text NOT NULL,
    job_group    text NOT NULL,
    pause_reason varchar(250),
    paused_by    varchar(200),
    paused_at    bigint,
    PRIMARY KEY (sched_name, job_group)
);

ALTER TABLE qrtz_paused_trigger_grps
    ADD COLUMN pause_reason varchar(250),
    ADD COLUMN paused_by    varchar(200),
    ADD COLUMN paused_at    bigint;

ALTER TABLE qrtz_triggers
    ADD COLUMN misfire_orig_fire_time  bigint,
    ADD COLUMN execution_group         varchar(200),
    ADD COLUMN preferred_node          varchar(200),
    ADD COLUMN preferred_node_auto     boolean NOT NULL DEFAULT false,
    ADD COLUMN retry_policy            varchar(250),
    ADD COLUMN retry_attempt           integer,
    ADD COLUMN continues_trigger_name  text,
    ADD COLUMN continues_trigger_group text,
    ADD COLUMN continuation_condition  integer,
    ADD COLUMN overlap_policy          integer,
    ADD COLUMN pause_reason            varchar(250),
    ADD COLUMN paused_by               varchar(200),
    ADD COLUMN paused_at               bigint,
    ADD COLUMN misfire_threshold       bigint,
    ADD COLUMN fixed_delay             boolean;

ALTER TABLE qrtz_fired_triggers
    ADD COLUMN execution_group          varchar(200),
    ADD COLUMN progress                 integer,
    ADD COLUMN progress_message         varchar(250),
    ADD COLUMN interrupt_requested_time bigint;

ALTER TABLE qrtz_scheduler_state
    ADD COLUMN quartz_version varchar(20);

CREATE INDEX idx_qrtz_t_continues ON qrtz_triggers (sched_name, continues_trigger_name, continues_trigger_group)
    WHERE continues_trigger_name IS NOT NULL;
