-- What the health checks read: each replica's latest state, from its lifecycle events and its metric batches.
CREATE TABLE check_replica (
    project_id      text        NOT NULL,
    replica_id      text        NOT NULL,
    chain_type      text        NOT NULL,
    lifecycle       text        NOT NULL,
    lifecycle_at    timestamptz NOT NULL,
    last_metric_at  timestamptz,
    height          bigint,
    peers           integer,
    syncing         boolean,
    rpc_available   boolean,
    PRIMARY KEY (project_id, replica_id)
);

-- The projects the checks run for, and when each is next due for a periodic check (claimed by one instance).
CREATE TABLE check_project (
    project_id     text        PRIMARY KEY,
    chain_type     text        NOT NULL,
    next_check_at  timestamptz NOT NULL
);

-- Findings firing now, per project, from cm.findings.v1.
CREATE TABLE check_firing (
    project_id   text        NOT NULL,
    fingerprint  text        NOT NULL,
    rule_id      text        NOT NULL,
    severity     text        NOT NULL,
    since        timestamptz NOT NULL,
    PRIMARY KEY (project_id, fingerprint)
);

-- Health reports as published on cm.health.reports.v1.
CREATE TABLE health_report (
    id            uuid        PRIMARY KEY,
    project_id    text        NOT NULL,
    trigger       text        NOT NULL,
    generated_at  timestamptz NOT NULL,
    overall       text        NOT NULL,
    report        jsonb       NOT NULL
);

CREATE INDEX health_report_project ON health_report (project_id, generated_at DESC);
