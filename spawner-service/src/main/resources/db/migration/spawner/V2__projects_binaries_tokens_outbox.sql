-- Node binaries, content-addressed: one row per distinct SHA-256, the file under <store>/sha256/<hash>.
create table node_binary (
    sha256       char(64)     primary key,
    size_bytes   bigint       not null check (size_bytes >= 0),
    kind         varchar(32)  not null,
    entry_point  varchar(512),
    uploaded_by  varchar(256) not null,
    uploaded_at  timestamptz  not null
);

-- Projects are never removed: a deleted project keeps its row, with deleted_at set.
create table project (
    id            uuid         primary key,
    owner         varchar(256) not null,
    name          varchar(100) not null,
    chain_type    varchar(64)  not null,
    replicas      jsonb        not null,
    binary_sha256 char(64)     references node_binary (sha256),
    revision      bigint       not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    deleted_at    timestamptz
);
create unique index project_owner_name_live on project (owner, name) where deleted_at is null;
create index project_owner on project (owner);

-- Every binary a project has had, in order.
create table project_binary_history (
    id            bigserial    primary key,
    project_id    uuid         not null references project (id),
    binary_sha256 char(64)     not null references node_binary (sha256),
    revision      bigint       not null,
    uploaded_by   varchar(256) not null,
    uploaded_at   timestamptz  not null
);

-- CI tokens: only the SHA-256 of the secret is kept, with a short prefix to recognise it in lists.
create table ci_token (
    id          uuid         primary key,
    project_id  uuid         not null references project (id),
    name        varchar(100) not null,
    prefix      varchar(16)  not null,
    token_hash  char(64)     not null unique,
    created_by  varchar(256) not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz,
    revoked_at  timestamptz
);
create index ci_token_project on ci_token (project_id);

-- Transactional outbox: events written with the change they describe, sent after commit by the relay.
create table outbox_event (
    id          uuid         primary key,
    topic       varchar(128) not null,
    project_id  varchar(64)  not null,
    envelope    bytea        not null,
    created_at  timestamptz  not null,
    sent_at     timestamptz
);
create index outbox_event_unsent on outbox_event (created_at) where sent_at is null;
