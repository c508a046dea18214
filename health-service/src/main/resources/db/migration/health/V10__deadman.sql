-- Silences the dead man's switch has reported as firing: a service instance without heartbeats, a running replica
-- without metrics. A row exists from the FIRING finding until its RESOLVED one, so each silence is reported once.
CREATE TABLE deadman_silence (
    silence_key  text        PRIMARY KEY,
    kind         text        NOT NULL,
    project_id   text        NOT NULL,
    fingerprint  text        NOT NULL,
    since        timestamptz NOT NULL,
    finding      jsonb       NOT NULL
);
