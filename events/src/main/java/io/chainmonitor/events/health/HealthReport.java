package io.chainmonitor.events.health;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/** The state of a project's replicas and checks at one moment, periodic or asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthReport(
        String reportId,
        Trigger trigger,
        Instant generatedAt,
        Status overall,
        List<ReplicaHealth> replicas,
        List<Check> checks,
        int firingFindings) implements EventPayload {

    public HealthReport {
        Fields.requireText(reportId, "reportId");
        Fields.require(trigger, "trigger");
        Fields.require(generatedAt, "generatedAt");
        Fields.require(overall, "overall");
        replicas = Fields.list(replicas);
        checks = Fields.list(checks);
        Fields.requireNonNegative(firingFindings, "firingFindings");
    }

    @Override
    public EventType eventType() {
        return EventType.HEALTH_REPORT;
    }

    /** Why the report was made. */
    public enum Trigger {
        PERIODIC, ON_DEMAND
    }

    /** How healthy something is. */
    public enum Status {
        HEALTHY, DEGRADED, CRITICAL, UNKNOWN
    }

    /** One replica's vital signs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplicaHealth(String replicaId, Status status, Long height, Integer peers, Long blocksBehind,
            String note) {

        public ReplicaHealth {
            Fields.requireText(replicaId, "replica.replicaId");
            Fields.require(status, "replica.status");
        }
    }

    /** One named check and what it found. */
    public record Check(String name, Status status, String detail) {

        public Check {
            Fields.requireText(name, "check.name");
            Fields.require(status, "check.status");
            Fields.require(detail, "check.detail");
        }
    }
}
