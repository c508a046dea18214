package io.chainmonitor.action.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.chainmonitor.events.action.ActionExecution;

/** A stored policy as the API answers it: its id and times around the validated document. */
public record PolicyView(UUID id, String name, boolean enabled, ActionPolicy.Trigger trigger, Duration cooldown,
        ActionExecution.Mode mode, List<ActionPolicy.Step> steps, Instant createdAt, Instant updatedAt) {

    static PolicyView of(UUID id, ActionPolicy policy, Instant createdAt, Instant updatedAt) {
        return new PolicyView(id, policy.name(), policy.enabled(), policy.trigger(), policy.cooldown(), policy.mode(),
                policy.steps(), createdAt, updatedAt);
    }

    /** The policy document itself, as the executor reads it. */
    public ActionPolicy policy() {
        return new ActionPolicy(name, enabled, trigger, cooldown, mode, steps);
    }
}
