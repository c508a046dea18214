-- Open and recently resolved alerts, one per finding fingerprint of a project; what was last told about each, its
-- acknowledgement and its escalation step survive a restart.
CREATE TABLE alert (
    project_id      text        NOT NULL,
    fingerprint     text        NOT NULL,
    group_key       text        NOT NULL,
    severity        text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('firing', 'resolved')),
    finding         jsonb       NOT NULL,
    updated_at      timestamptz NOT NULL,
    notified_status text,
    acked_at        timestamptz,
    acked_by        text,
    tier_index      int         NOT NULL DEFAULT 0,
    escalate_at     timestamptz,
    PRIMARY KEY (project_id, fingerprint)
);
CREATE INDEX alert_by_group ON alert (project_id, group_key);
CREATE INDEX alert_escalation ON alert (escalate_at) WHERE escalate_at IS NOT NULL;

-- A group of a project's alerts (route and severity) and its timers: when the pending change is told, when the
-- reminder is due.
CREATE TABLE alert_group (
    project_id    text        NOT NULL,
    group_key     text        NOT NULL,
    route         text        NOT NULL,
    severity      text        NOT NULL,
    flush_at      timestamptz,
    last_flush_at timestamptz,
    repeat_at     timestamptz,
    digest        boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (project_id, group_key)
);
CREATE INDEX alert_group_flush ON alert_group (flush_at) WHERE flush_at IS NOT NULL;
CREATE INDEX alert_group_repeat ON alert_group (repeat_at) WHERE repeat_at IS NOT NULL;

-- Silences: matchers and a time window; ended early by setting ends_at.
CREATE TABLE silence (
    id         uuid        PRIMARY KEY,
    project_id text        NOT NULL,
    matchers   jsonb       NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    comment    text,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX silence_project ON silence (project_id, ends_at);
