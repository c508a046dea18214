-- Ids of the events this service has processed: consumers are at-least-once, so a redelivered event is recognized
-- by its id (a UUIDv7) and skipped.
CREATE TABLE processed_event (
    event_id     uuid        PRIMARY KEY,
    topic        text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
