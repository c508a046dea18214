package io.chainmonitor.reporter.query;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.Severity;

/** A stored event as listed: its indexed facts and the whole envelope as it arrived. */
public record EventView(UUID id, String kind, String projectId, Severity severity, String severityLabel, Instant at,
        String replicaId, String status, String rule, String attack, String title, String summary, JsonNode event) {

    Cursor cursor() {
        return new Cursor(severity.ordinal(), at, id);
    }
}
