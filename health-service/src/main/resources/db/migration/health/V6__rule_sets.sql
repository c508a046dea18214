-- The rules API's view of the projects, learned from cm.projects.v1: who owns each and its chain type, which picks
-- the default rule pack. A stale lifecycle event (lower revision) changes nothing.
CREATE TABLE rules_project (
    project_id text        PRIMARY KEY,
    owner      text,
    chain_type text        NOT NULL,
    consensus  text,
    revision   bigint      NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every version of every project's rule set, the history kept: the highest version is the current one. Version 0 is
-- the default pack of the chain type and never stored.
CREATE TABLE rule_set_version (
    project_id text        NOT NULL REFERENCES rules_project (project_id),
    version    bigint      NOT NULL CHECK (version >= 1),
    base_pack  text        NOT NULL,
    document   jsonb       NOT NULL,
    change     text        NOT NULL,
    rule_id    text,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (project_id, version)
);

-- Rule ids a project removed: never to be used again, whatever a later import says.
CREATE TABLE retired_rule (
    project_id text        NOT NULL REFERENCES rules_project (project_id),
    rule_id    text        NOT NULL,
    version    bigint      NOT NULL,
    retired_at timestamptz NOT NULL,
    PRIMARY KEY (project_id, rule_id)
);
