-- What critical calls get on a project's replicas, set by its owner through the API; overlays the configuration
-- (chain-monitor.wire-listener.project-critical / critical) and applies to open connections at their next request.
CREATE TABLE wire_policy (
    project_id text        PRIMARY KEY,
    critical   text        NOT NULL CHECK (critical IN ('FORWARD', 'REFUSE', 'HONEYPOT')),
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL
);
