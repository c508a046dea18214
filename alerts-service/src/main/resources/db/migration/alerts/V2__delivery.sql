-- One notification to one contact over one channel, with its message as it was rendered for the group: retried from
-- here after a failure or a restart, so a restart sends it at most once more.
CREATE TABLE delivery (
    id              uuid        PRIMARY KEY,
    notification_id text        NOT NULL,
    project_id      text        NOT NULL,
    group_key       text        NOT NULL,
    kind            text        NOT NULL,
    channel         text        NOT NULL,
    contact_id      uuid        NOT NULL,
    recipient       text        NOT NULL,
    tier            text        NOT NULL,
    message         jsonb       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX delivery_project ON delivery (project_id, created_at);

-- The notification log: every attempt and its outcome; published on cm.alerts.notifications.v1 once the broker has it.
CREATE TABLE notification_attempt (
    id             uuid        PRIMARY KEY,
    delivery_id    uuid        NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempt        int         NOT NULL,
    outcome        text        NOT NULL CHECK (outcome IN ('sent', 'failed')),
    retryable      boolean     NOT NULL DEFAULT false,
    failure_reason text,
    detail         text,
    at             timestamptz NOT NULL,
    published_at   timestamptz,
    UNIQUE (delivery_id, attempt)
);
CREATE INDEX notification_attempt_unpublished ON notification_attempt (at) WHERE published_at IS NULL;
