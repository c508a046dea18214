-- Projects as the spawner announces them on cm.projects.v1: who owns which project.
CREATE TABLE project (
    project_id text        PRIMARY KEY,
    owner      text,
    name       text        NOT NULL,
    revision   bigint      NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL
);

-- Contacts of a project; the secret addresses are AES-GCM ciphertexts bound to their contact and field.
CREATE TABLE contact (
    id                 uuid        PRIMARY KEY,
    project_id         text        NOT NULL,
    name               text        NOT NULL,
    email              text,
    telegram_chat_id   text,
    slack_webhook      bytea,
    webhook_url        bytea,
    webhook_secret     bytea,
    pagerduty_key      bytea,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    UNIQUE (project_id, name)
);

-- A project's tiers, routes, timing and quiet hours: one validated document.
CREATE TABLE alert_policy (
    project_id text        PRIMARY KEY,
    document   jsonb       NOT NULL,
    revision   bigint      NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);

-- Events written in the same transaction as the change they describe; sent once committed.
CREATE TABLE outbox_event (
    id         uuid        PRIMARY KEY,
    envelope   bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at    timestamptz
);
CREATE INDEX outbox_event_unsent ON outbox_event (created_at) WHERE sent_at IS NULL;
