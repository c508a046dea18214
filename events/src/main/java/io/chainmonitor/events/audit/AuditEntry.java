package io.chainmonitor.events.audit;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/** Who changed what, or which action was taken; secrets never appear in {@code changes}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(
        String actor,
        ActorType actorType,
        String action,
        String resourceType,
        String resourceId,
        Outcome outcome,
        Instant at,
        String sourceAddress,
        Map<String, String> changes) implements EventPayload {

    public AuditEntry {
        Fields.requireText(actor, "actor");
        Fields.require(actorType, "actorType");
        Fields.requireText(action, "action");
        Fields.requireText(resourceType, "resourceType");
        Fields.require(outcome, "outcome");
        Fields.require(at, "at");
        changes = Fields.map(changes);
    }

    @Override
    public EventType eventType() {
        return EventType.AUDIT_ENTRY;
    }

    /** Who acted. */
    public enum ActorType {
        USER, CI_TOKEN, SERVICE
    }

    /** Whether the change or action went through. */
    public enum Outcome {
        SUCCEEDED, DENIED, FAILED
    }
}
