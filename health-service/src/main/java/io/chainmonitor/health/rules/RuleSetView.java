package io.chainmonitor.health.rules;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

import io.chainmonitor.rules.yaml.RuleSetWriter;

/**
 * A rule set as the JSON API shows it: the fields of the {@code RuleSet} event, with the document under
 * {@code rules} (what PUT takes back). Version 0 is the default pack, never changed yet.
 */
record RuleSetView(String projectId, long version, String chainType, String basePack, Instant updatedAt,
        String updatedBy, JsonNode rules) {

    static RuleSetView of(ProjectRules.CurrentRules current) {
        StoredRuleSet stored = current.rules();
        return new RuleSetView(current.project().id(), stored.version(), current.project().chainType(),
                stored.definition().pack(), stored.changedAt(), stored.changedBy(),
                RuleSetWriter.toTree(stored.definition()));
    }
}
