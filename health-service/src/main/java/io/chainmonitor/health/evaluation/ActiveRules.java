package io.chainmonitor.health.evaluation;

import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.Severity;
import io.chainmonitor.rules.model.RuleSetDefinition;

/**
 * The rule set in force for a project: a published rule set ({@code version} ≥ 1, {@code document} its JSON form as
 * it came on {@code cm.rules.v1}) or the default pack of the chain type ({@code version} 0, no document).
 */
record ActiveRules(long version, RuleSetDefinition definition, JsonNode document) {

    static ActiveRules defaultPack(RuleSetDefinition pack) {
        return new ActiveRules(0, pack, null);
    }

    boolean isDefaultPack() {
        return version == 0;
    }

    /** The severity of a rule of this set, or null when the set has no such rule. */
    Severity severityOf(String ruleId) {
        return definition.rule(ruleId).map(rule -> rule.header().severity()).orElse(null);
    }
}
