package io.chainmonitor.reporter.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.chainmonitor.events.EventType;
import io.chainmonitor.events.action.ActionExecution;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.health.HealthReport;
import io.chainmonitor.events.wire.WireIncident;

/** The kinds of event the reporter keeps, with the values their {@code status} column takes. */
public enum EventKind {
    FINDING(EventType.FINDING, "findings", Finding.Status.values()), WIRE_INCIDENT(EventType.WIRE_INCIDENT,
            "wire-incidents", WireIncident.Disposition.values()), HEALTH_REPORT(EventType.HEALTH_REPORT,
                    "health-reports", HealthReport.Status.values()), NOTIFICATION(EventType.ALERT_NOTIFICATION,
                            "notifications", AlertNotification.Outcome.values()), ACTION(EventType.ACTION_EXECUTION,
                                    "actions", ActionExecution.Status.values()), AUDIT(EventType.AUDIT_ENTRY, "audit",
                                            AuditEntry.Outcome.values());

    private final EventType eventType;
    private final String path;
    private final List<String> statuses;

    EventKind(EventType eventType, String path, Enum<?>[] statuses) {
        this.eventType = eventType;
        this.path = path;
        this.statuses = Arrays.stream(statuses).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** The value of the {@code kind} column. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The resource name of the kind in the query API, e.g. {@code wire-incidents}. */
    public String path() {
        return path;
    }

    /** The values the kind's status filter accepts, lower case as on the wire. */
    public List<String> statuses() {
        return statuses;
    }

    public static Optional<EventKind> of(EventType type) {
        return Arrays.stream(values()).filter(kind -> kind.eventType == type).findFirst();
    }

    public static Optional<EventKind> byPath(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
    }
}
