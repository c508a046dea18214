-- The last heartbeat of every service instance of the platform: the basis of the platform's own liveness view.
CREATE TABLE service_heartbeat (
    service      text        NOT NULL,
    instance_id  text        NOT NULL,
    version      text,
    started_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    status       text        NOT NULL,
    PRIMARY KEY (service, instance_id)
);
