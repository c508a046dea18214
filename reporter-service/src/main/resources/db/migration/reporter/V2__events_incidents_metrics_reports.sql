-- Projects as the spawner announces them on cm.projects.v1: the reporter learns from them who may see what.
CREATE TABLE project (
    id         text        PRIMARY KEY,
    owner      text,
    name       text        NOT NULL,
    chain_type text        NOT NULL,
    revision   bigint      NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_owner ON project (owner);

-- Every event of the streams the reporter keeps (findings, wire incidents, health reports, notifications, actions,
-- audit): the whole envelope plus the columns the queries filter and sort on. Daily range partitions on the event's
-- own time are created ahead by PartitionMaintenance; the default partition takes whatever falls outside them (late
-- or replayed events), so an insert never fails for want of a partition.
CREATE TABLE event (
    id            uuid        NOT NULL,
    kind          text        NOT NULL,
    project_id    text        NOT NULL,
    severity      text        NOT NULL,
    severity_rank smallint    NOT NULL,
    at            timestamptz NOT NULL,
    replica_id    text,
    status        text,
    rule          text,
    attack        text,
    fingerprints  jsonb       NOT NULL DEFAULT '[]',
    title         text,
    summary       text,
    envelope      jsonb       NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (at, id)
) PARTITION BY RANGE (at);
CREATE TABLE event_default PARTITION OF event DEFAULT;
-- The listing order (severity, then newest first) within a kind and project: keyset pagination walks this index.
CREATE INDEX event_listing ON event (kind, project_id, severity_rank, at DESC, id DESC);
CREATE INDEX event_kind_at ON event (kind, at);
CREATE INDEX event_fingerprints ON event USING gin (fingerprints jsonb_path_ops);

-- One row per incident: a finding's firing and resolved events of one generation (fingerprint + startsAt).
CREATE TABLE incident (
    id                  uuid        PRIMARY KEY,
    project_id          text        NOT NULL,
    fingerprint         text        NOT NULL,
    starts_at           timestamptz NOT NULL,
    status              text        NOT NULL,
    severity            text        NOT NULL,
    severity_rank       smallint    NOT NULL,
    rule_id             text        NOT NULL,
    attack              text,
    title               text        NOT NULL,
    summary             text        NOT NULL,
    chain_type          text        NOT NULL,
    height              bigint,
    block_hash          text,
    replica_id          text,
    evidence            jsonb,
    labels              jsonb       NOT NULL DEFAULT '{}',
    recommended_actions jsonb       NOT NULL DEFAULT '[]',
    ends_at             timestamptz,
    first_signal_at     timestamptz NOT NULL,
    last_signal_at      timestamptz NOT NULL,
    latest_event_id     uuid        NOT NULL,
    latest_event_at     timestamptz NOT NULL,
    event_count         integer     NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT incident_generation UNIQUE (project_id, fingerprint, starts_at)
);
CREATE INDEX incident_listing ON incident (project_id, severity_rank, starts_at DESC, id DESC);
CREATE INDEX incident_fingerprint ON incident (fingerprint, starts_at);
CREATE INDEX incident_updated ON incident (updated_at);

-- Metric samples as they came, for a recent window; partitioned by day like event.
CREATE TABLE metric_sample (
    project_id  text             NOT NULL,
    replica_id  text             NOT NULL,
    metric      text             NOT NULL,
    labels_key  text             NOT NULL,
    labels      jsonb            NOT NULL,
    observed_at timestamptz      NOT NULL,
    value       double precision NOT NULL,
    unit        text,
    height      bigint,
    event_id    uuid             NOT NULL
) PARTITION BY RANGE (observed_at);
CREATE TABLE metric_sample_default PARTITION OF metric_sample DEFAULT;
CREATE INDEX metric_sample_series ON metric_sample (project_id, metric, replica_id, observed_at);

-- Per-minute and per-hour rollups of every series (metric, replica, labels), kept far longer than the samples.
CREATE TABLE metric_rollup (
    resolution   text             NOT NULL,
    project_id   text             NOT NULL,
    metric       text             NOT NULL,
    replica_id   text             NOT NULL,
    labels_key   text             NOT NULL,
    bucket_start timestamptz      NOT NULL,
    labels       jsonb            NOT NULL,
    unit         text,
    min_value    double precision NOT NULL,
    max_value    double precision NOT NULL,
    sum_value    double precision NOT NULL,
    sample_count bigint           NOT NULL,
    last_value   double precision NOT NULL,
    last_at      timestamptz      NOT NULL,
    PRIMARY KEY (resolution, project_id, metric, replica_id, labels_key, bucket_start)
);
CREATE INDEX metric_rollup_age ON metric_rollup (resolution, bucket_start);

-- Reports made on demand or on schedule: the rendered document is kept, so a download is the same report later.
CREATE TABLE report (
    id          uuid        PRIMARY KEY,
    project_id  text        NOT NULL,
    kind        text        NOT NULL,
    title       text        NOT NULL,
    trigger     text        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    period_from timestamptz,
    period_to   timestamptz,
    document    jsonb       NOT NULL
);
CREATE INDEX report_project ON report (project_id, created_at DESC, id DESC);
CREATE INDEX report_age ON report (created_at);

-- A project's report schedule; the job claims due rows with SKIP LOCKED so two instances never make the same report.
CREATE TABLE report_schedule (
    project_id  text        PRIMARY KEY,
    cadence     text        NOT NULL,
    kinds       jsonb       NOT NULL,
    next_run_at timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Read-only share links; only the SHA-256 of the token is stored.
CREATE TABLE report_share (
    id         uuid        PRIMARY KEY,
    report_id  uuid        NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    token_hash text        NOT NULL UNIQUE,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX report_share_report ON report_share (report_id);
