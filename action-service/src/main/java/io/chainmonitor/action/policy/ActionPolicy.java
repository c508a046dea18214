package io.chainmonitor.action.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.action.ActionExecution;

/**
 * What a project does about a finding: when ({@link Trigger}), how often at most ({@code cooldown}), whether it runs
 * on its own, waits for an approver or only rehearses ({@code mode}), and the ordered steps.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionPolicy(String name, Boolean enabled, Trigger trigger, Duration cooldown,
        ActionExecution.Mode mode, List<Step> steps) {

    /** Which findings start the policy; every given criterion must hold, an empty one holds always. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trigger(String minSeverity, List<String> ruleIds, List<String> attacks,
            Map<String, String> labels) {
    }

    /** One step: its action type, the type's parameters, how long it may take and what a failure does to the rest. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String type, Map<String, String> parameters, Duration timeout, OnFailure onFailure) {
    }

    /** Whether the remaining steps run after a failed one. */
    public enum OnFailure {
        STOP, CONTINUE
    }
}
