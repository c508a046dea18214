-- The next offset to evaluate of every input partition, written in the same transaction as the project states: after
-- a restart or a rebalance the consumer seeks here and replays what followed the last checkpoint.
CREATE TABLE evaluation_offset (
    topic       text        NOT NULL,
    partition   integer     NOT NULL,
    next_offset bigint      NOT NULL,
    saved_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition)
);
