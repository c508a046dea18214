package io.chainmonitor.events.rules;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/**
 * A project's current rule set. {@code rules} is the rule set document in the rules catalog's format (the JSON form
 * of its YAML); the rules catalog parses and validates it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSet(
        String projectId,
        long version,
        String chainType,
        String basePack,
        Instant updatedAt,
        String updatedBy,
        JsonNode rules) implements EventPayload {

    public RuleSet {
        Fields.requireText(projectId, "projectId");
        if (version < 1) {
            throw new IllegalArgumentException("version counts from 1, was " + version);
        }
        Fields.requireText(chainType, "chainType");
        Fields.requireText(basePack, "basePack");
        Fields.require(updatedAt, "updatedAt");
        Fields.requireText(updatedBy, "updatedBy");
        if (rules == null || !rules.isObject()) {
            // A JSON null arrives as a NullNode, not as null: it must not pass for a rule set.
            throw new IllegalArgumentException("rules is required and is a JSON object");
        }
    }

    @Override
    public EventType eventType() {
        return EventType.RULE_SET;
    }
}
