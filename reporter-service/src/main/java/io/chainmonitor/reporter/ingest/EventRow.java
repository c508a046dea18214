package io.chainmonitor.reporter.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.action.ActionExecution;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.health.HealthReport;
import io.chainmonitor.events.wire.WireIncident;

/**
 * The indexed columns of one stored event: what the queries filter on. {@code rule} is the kind's closest thing to a
 * rule (a finding's rule, a wire incident's classification, an action's type, an audit entry's action), {@code at}
 * the event's own time (for a finding the time it was emitted).
 */
record EventRow(EventKind kind, Instant at, String replicaId, String status, String rule, String attack,
        List<String> fingerprints, String title, String summary) {

    /** The row of an envelope the reporter keeps, or empty for an event type it does not. */
    static Optional<EventRow> of(Envelope<?> envelope) {
        return Optional.ofNullable(switch (envelope.data()) {
            case Finding f -> new EventRow(EventKind.FINDING, envelope.time(), f.replicaId(), lower(f.status()),
                    f.ruleId(), f.attack(), List.of(f.fingerprint()), f.title(), f.summary());
            case WireIncident w -> new EventRow(EventKind.WIRE_INCIDENT, w.receivedAt(), w.replicaId(),
                    lower(w.disposition()), w.classification(), w.labels().get("attack"), List.of(),
                    w.classification() + (w.method() == null ? "" : ": " + w.method()) + " from "
                            + w.sourceAddress(),
                    w.summary());
            case HealthReport h -> new EventRow(EventKind.HEALTH_REPORT, h.generatedAt(), null, lower(h.overall()),
                    null, null, List.of(), "Health report: " + lower(h.overall()),
                    h.checks().size() + " checks, " + h.replicas().size() + " replicas, " + h.firingFindings()
                            + " findings firing");
            case AlertNotification n -> new EventRow(EventKind.NOTIFICATION, n.at(), null, lower(n.outcome()),
                    n.channel(), null, n.fingerprints(),
                    lower(n.kind()) + " notification via " + n.channel() + " to " + n.recipient(),
                    n.failureReason() == null ? "" : n.failureReason());
            case ActionExecution a -> new EventRow(EventKind.ACTION, a.startedAt(), null, lower(a.status()),
                    a.actionType(), null,
                    a.findingFingerprint() == null ? List.of() : List.of(a.findingFingerprint()),
                    a.actionType() + (a.target() == null ? "" : " on " + a.target()), a.detail());
            case AuditEntry e -> new EventRow(EventKind.AUDIT, e.at(), null, lower(e.outcome()), e.action(), null,
                    List.of(), e.action() + " by " + e.actor(),
                    e.resourceType() + (e.resourceId() == null ? "" : " " + e.resourceId()));
            default -> null;
        });
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
