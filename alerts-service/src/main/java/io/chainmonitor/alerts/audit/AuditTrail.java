package io.chainmonitor.alerts.audit;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.chainmonitor.alerts.AlertsApplication;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.audit.AuditEntry;

/** Writes an {@link AuditEntry} for a configuration change or an acknowledgement, through the {@link Outbox}. */
@Component
public class AuditTrail {

    private static final String SOURCE = "/" + AlertsApplication.NAME + "/config";

    private final Outbox outbox;
    private final Clock clock;

    AuditTrail(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records a change by a user in the caller's transaction; {@code changes} never holds a secret. */
    public void record(String projectId, String actor, String action, String resourceType, String resourceId,
            Map<String, String> changes) {
        AuditEntry entry = new AuditEntry(actor, AuditEntry.ActorType.USER, action, resourceType, resourceId,
                AuditEntry.Outcome.SUCCEEDED, clock.instant(), null, changes);
        outbox.add(Envelope.of(SOURCE, "projects/" + projectId + "/" + resourceType + "s/" + resourceId, projectId,
                Severity.LOW, entry));
    }
}
