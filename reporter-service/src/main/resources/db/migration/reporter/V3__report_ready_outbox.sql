-- ReportReady events written in the transaction that stores a scheduled report, sent to Kafka once committed.
CREATE TABLE report_ready_outbox (
    event_id   uuid        PRIMARY KEY,
    report_id  uuid        NOT NULL,
    envelope   jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at    timestamptz
);
CREATE INDEX report_ready_outbox_unsent ON report_ready_outbox (created_at) WHERE sent_at IS NULL;
