package io.chainmonitor.reporter.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.Severity;

/**
 * One incident in human terms: what happened, where, since when, how severe, the evidence, what was done about it
 * (notifications sent, actions taken) and where it stands.
 */
public record IncidentView(UUID id, String projectId, String status, Severity severity, String severityLabel,
        String what, String summary, Where where, Instant since, Instant until, String rule, String attack,
        String fingerprint, JsonNode evidence, Map<String, String> labels, List<String> recommendedActions, Done done,
        Instant firstSignalAt, Instant lastSignalAt, int eventCount, Instant updatedAt) {

    Cursor cursor() {
        return new Cursor(severity.ordinal(), since, id);
    }

    /** A copy with what was done about the incident. */
    IncidentView withDone(Done newDone) {
        return new IncidentView(id, projectId, status, severity, severityLabel, what, summary, where, since, until,
                rule, attack, fingerprint, evidence, labels, recommendedActions, newDone, firstSignalAt,
                lastSignalAt, eventCount, updatedAt);
    }

    /** Where on which chain: the project, chain type, replica, and the block when known. */
    public record Where(String projectId, String chainType, String replicaId, Long height, String blockHash) {
    }

    /** What was done: the notifications sent and the actions taken for this incident, oldest first. */
    public record Done(List<NotificationDone> notifications, List<ActionDone> actions) {

        static final Done NOTHING = new Done(List.of(), List.of());
    }

    /** A notification about the incident. */
    public record NotificationDone(Instant at, String kind, String channel, String recipient, String outcome,
            String failureReason) {
    }

    /** An action taken (or proposed, or rehearsed) because of the incident. */
    public record ActionDone(Instant at, String actionType, String target, String mode, String status,
            String detail) {
    }
}
