-- The evaluation state of each project the rules run for: the rule set in force (null rules: the default pack of
-- the chain type), the evaluator's snapshot, the findings firing now and the ids of the events evaluated lately (to
-- skip a redelivered event). Saved at every checkpoint together with the offsets of evaluation_offset, so that state
-- and consumed position always match.
CREATE TABLE evaluation_project (
    project_id     text        PRIMARY KEY,
    chain_type     text        NOT NULL,
    rule_pack      text        NOT NULL,
    rules_version  bigint      NOT NULL DEFAULT 0,
    rules          jsonb,
    snapshot       jsonb       NOT NULL,
    open_findings  jsonb       NOT NULL,
    recent_events  jsonb       NOT NULL,
    saved_at       timestamptz NOT NULL DEFAULT now()
);
