package io.chainmonitor.action.audit;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.chainmonitor.action.ActionApplication;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.support.kafka.EventPublisher;

/** Publishes an {@link AuditEntry} on {@code cm.audit.v1} for each configuration change a user makes. */
@Component
public class AuditTrail {

    private static final String SOURCE = "/" + ActionApplication.NAME + "/config";

    private final EventPublisher publisher;
    private final Clock clock;

    AuditTrail(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Records a change once it is stored; {@code changes} never holds a secret. Waits for the broker so that a change
     * the API confirmed is never missing from the audit log.
     */
    public void record(String projectId, String actor, String action, String resourceType, String resourceId,
            Map<String, String> changes) {
        AuditEntry entry = new AuditEntry(actor, AuditEntry.ActorType.USER, action, resourceType, resourceId,
                AuditEntry.Outcome.SUCCEEDED, clock.instant(), null, changes);
        publisher.publish(Envelope.of(SOURCE, "projects/" + projectId + "/" + resourceType + "s/" + resourceId,
                projectId, Severity.LOW, entry)).join();
    }
}
