-- The public port numbers each replica got, so that a restart of the service (or a replica that stops and runs
-- again) reopens the same ports when they are free; removed with the project.
CREATE TABLE listener_port (
    project_id text    NOT NULL,
    replica_id text    NOT NULL,
    rpc_port   integer,
    p2p_port   integer,
    PRIMARY KEY (project_id, replica_id)
);
