package io.chainmonitor.action.containment;

import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.action.ActionException;
import io.chainmonitor.action.ActionException.Reason;
import io.chainmonitor.action.execution.StepAction;
import io.chainmonitor.action.execution.StepContext;
import io.chainmonitor.action.execution.StepRunner;
import io.chainmonitor.action.policy.StepType;

/**
 * The {@code raise-replicas} step: reads the project from the spawner and puts it back with {@code by} more replicas
 * (never above {@code max}), each new one in the location that has the fewest; the spawner rolls the change out.
 */
@Component
class RaiseReplicasRunner implements StepRunner {

    static final int MAX_BY = 10;
    static final int CEILING = 64;

    private final SpawnerApi spawner;

    RaiseReplicasRunner(SpawnerApi spawner) {
        this.spawner = spawner;
    }

    @Override
    public StepType type() {
        return StepType.RAISE_REPLICAS;
    }

    @Override
    public void validate(StepContext.Target target, String field, Map<String, String> parameters) {
        number(field + ".by", parameters.getOrDefault("by", "1"), MAX_BY);
        if (!parameters.containsKey("max")) {
            throw ActionException.invalidField(Reason.INVALID_REQUEST, field + ".max",
                    "is required: the most replicas this step may raise the project to");
        }
        number(field + ".max", parameters.get("max"), CEILING);
    }

    @Override
    public StepAction prepare(StepContext context) {
        int by = number("parameters.by", context.parameters().getOrDefault("by", "1"), MAX_BY);
        int max = number("parameters.max", context.parameters().get("max"), CEILING);
        String projectId = context.target().projectId().toString();
        String path = "/api/v1/projects/" + projectId;
        return () -> {
            JsonNode project = spawner.send(projectId, "GET", path, null);
            JsonNode replicas = project.get("replicas");
            int total = replicas.get("total").asInt();
            int wanted = Math.min(total + by, max);
            if (wanted <= total) {
                throw new SpawnerApi.StepFailedException(
                        "the project runs " + total + " replicas, already at or above max " + max);
            }
            ObjectNode update = ((ObjectNode) replicas).deepCopy();
            ArrayNode locations = (ArrayNode) update.get("locations");
            for (int added = total; added < wanted; added++) {
                ObjectNode fewest = (ObjectNode) locations.get(0);
                for (JsonNode location : locations) {
                    if (location.get("count").asInt() < fewest.get("count").asInt()) {
                        fewest = (ObjectNode) location;
                    }
                }
                fewest.put("count", fewest.get("count").asInt() + 1);
            }
            update.put("total", wanted);
            ObjectNode body = ((ObjectNode) project).objectNode();
            body.put("name", project.get("name").asString());
            body.set("replicas", update);
            if (context.dryRun()) {
                return "dry run: would PUT " + spawner.url(path) + " raising replicas from " + total + " to " + wanted
                        + ": " + body;
            }
            spawner.send(projectId, "PUT", path, body);
            return "replicas raised from " + total + " to " + wanted + "; the spawner rolls them out";
        };
    }

    private static int number(String field, String value, int ceiling) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1 && number <= ceiling) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below with the range
        }
        throw ActionException.invalidField(Reason.INVALID_REQUEST, field,
                "must be a whole number from 1 to " + ceiling);
    }
}
