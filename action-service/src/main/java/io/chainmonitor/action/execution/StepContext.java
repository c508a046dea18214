package io.chainmonitor.action.execution;

import java.util.Map;
import java.util.UUID;

import io.chainmonitor.events.finding.Finding;

/**
 * What a step of one execution works on: the project, the execution, the finding that started it, the step's
 * parameters as stored in the policy, and whether this is a dry run.
 */
public record StepContext(Target target, String executionId, Finding finding, Map<String, String> parameters,
        boolean dryRun) {

    public StepContext {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** The project (and, when the finding names one, the replica) a step acts on. */
    public record Target(UUID projectId, String replicaId) {
    }
}
