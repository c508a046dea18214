-- A project's deployment: what its replicas run (chain type, binary, replica settings), kept so that a restarted
-- spawner re-adopts or restarts them. One per project at a time.
create table deployment (
    project_id    uuid         primary key references project (id),
    chain_type    varchar(64)  not null,
    binary_sha256 char(64)     not null references node_binary (sha256),
    replicas      jsonb        not null,
    deployed_at   timestamptz  not null,
    updated_at    timestamptz  not null
);

-- Each replica of a deployment as the supervisor last saw it. crash_loop_since is set while its crash-loop finding
-- fires, so that a restart neither raises it again nor forgets to resolve it.
create table deployment_replica (
    project_id       uuid         not null references deployment (project_id) on delete cascade,
    replica_id       varchar(128) not null,
    location         varchar(64)  not null,
    runtime          varchar(32)  not null,
    binary_sha256    char(64)     not null references node_binary (sha256),
    ports            jsonb        not null,
    state            varchar(16)  not null,
    pid              bigint,
    restarts         integer      not null default 0,
    last_exit_code   integer,
    last_reason      varchar(1024),
    crash_loop_since timestamptz,
    updated_at       timestamptz  not null,
    primary key (project_id, replica_id)
);
