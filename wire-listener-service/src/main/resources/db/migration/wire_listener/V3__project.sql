-- Owners of projects, from cm.projects.v1: only a project's owner sees its listeners, blocks its sources or
-- isolates its replicas (service-support's ProjectOwnership).
CREATE TABLE project (
    project_id text        PRIMARY KEY,
    owner      text,
    revision   bigint      NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL
);
