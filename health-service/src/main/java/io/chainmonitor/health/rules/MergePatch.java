package io.chainmonitor.health.rules;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON Merge Patch (RFC 7386) on Jackson trees. */
final class MergePatch {

    private MergePatch() {
    }

    /** The target with the patch applied; neither argument is changed. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (String key : patch.propertyNames()) {
            JsonNode value = patch.get(key);
            if (value.isNull()) {
                result.remove(key);
            } else {
                result.set(key, apply(result.get(key), value));
            }
        }
        return result;
    }
}
