package io.chainmonitor.health.rules;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON merge patch (RFC 7386) of one rule: it may change how the rule runs — on/off, severity, threshold,
 * percentage, windows, debounce, resolve value — but not what the rule is (id, kind, metric, signals).
 */
final class RulePatch {

    /** The keys of a rule a patch may set or remove. */
    static final Set<String> PATCHABLE = Set.of("enabled", "severity", "above", "below", "percent", "over",
            "against", "within", "quiet", "for", "count", "atLeast", "resolve", "aggregate", "title", "description",
            "recommendedActions");

    private RulePatch() {
    }

    /** The rule after the patch; {@code rule} is left as it was. */
    static ObjectNode apply(ObjectNode rule, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new RulesApiException(RulesApiException.Reason.INVALID_PATCH,
                    "a rule patch is a JSON object (application/merge-patch+json), e.g. {\"above\": 3}");
        }
        if (patch.isEmpty()) {
            throw new RulesApiException(RulesApiException.Reason.INVALID_PATCH, "the patch changes nothing");
        }
        for (String key : patch.propertyNames()) {
            if (!PATCHABLE.contains(key)) {
                throw new RulesApiException(RulesApiException.Reason.INVALID_PATCH, "'" + key + "' cannot be "
                        + "patched; a patch may change " + String.join(", ", new TreeSet<>(PATCHABLE))
                        + " (replace the rule set to change anything else)",
                        Map.of("pointer", "/" + key));
            }
        }
        return (ObjectNode) MergePatch.apply(rule, patch);
    }
}
