-- Events of rule set changes (RuleSet on cm.rules.v1, AuditEntry on cm.audit.v1), written in the transaction of the
-- change and relayed once committed: the stored rule sets and the topic never disagree.
CREATE TABLE rules_outbox (
    id         uuid        PRIMARY KEY,
    envelope   bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at    timestamptz
);
CREATE INDEX rules_outbox_pending ON rules_outbox (created_at, id) WHERE sent_at IS NULL;
