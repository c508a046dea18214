package io.chainmonitor.health.rules;

import java.time.Instant;

import io.chainmonitor.rules.model.RuleSetDefinition;

/**
 * One version of a project's rule set; version 0 is the chain type's default pack, never stored, without a time or an
 * author.
 */
record StoredRuleSet(long version, RuleSetDefinition definition, Instant changedAt, String changedBy) {

    static StoredRuleSet defaults(RuleSetDefinition pack) {
        return new StoredRuleSet(0, pack, null, null);
    }
}
