-- Owners of projects, from cm.projects.v1: only a project's owner configures its actions.
CREATE TABLE project (
    project_id text        PRIMARY KEY,
    owner      text,
    revision   bigint      NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL
);

-- An action policy: its trigger, cooldown, mode and ordered steps are one validated JSON document.
CREATE TABLE action_policy (
    id         uuid        PRIMARY KEY,
    project_id text        NOT NULL,
    name       text        NOT NULL,
    document   jsonb       NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (project_id, name)
);

-- Partners (exchanges, pools, bridges) a project informs: a signed webhook and/or an email address.
CREATE TABLE partner (
    id             uuid        PRIMARY KEY,
    project_id     text        NOT NULL,
    name           text        NOT NULL,
    webhook_url    text,
    webhook_secret text,
    email          text,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    UNIQUE (project_id, name)
);
