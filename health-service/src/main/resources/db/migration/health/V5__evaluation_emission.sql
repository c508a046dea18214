-- Input events whose findings were published. A replay after a crash evaluates the events since the last checkpoint
-- again; an event found here has had its findings published already, so they are not sent a second time. Rows before
-- the checkpointed offset of their partition are no longer needed and are deleted at each checkpoint.
CREATE TABLE evaluation_emission (
    event_id   uuid        PRIMARY KEY,
    project_id text        NOT NULL,
    topic      text        NOT NULL,
    partition  integer     NOT NULL,
    "offset"   bigint      NOT NULL,
    emitted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evaluation_emission_position ON evaluation_emission (topic, partition, "offset");
