-- The metric batches and blocks the health service consumed, kept for a bounded time (retention, default 7 days) so
-- that a rule set can be dry-run over the past. Keyed by event id: a redelivered event is stored once.
CREATE TABLE metric_history (
    event_id    uuid        PRIMARY KEY,
    project_id  text        NOT NULL,
    observed_at timestamptz NOT NULL,
    height      bigint,
    envelope    bytea       NOT NULL
);
CREATE INDEX metric_history_project_time ON metric_history (project_id, observed_at, event_id);
CREATE INDEX metric_history_project_height ON metric_history (project_id, height) WHERE height IS NOT NULL;
CREATE INDEX metric_history_observed_at ON metric_history (observed_at);
