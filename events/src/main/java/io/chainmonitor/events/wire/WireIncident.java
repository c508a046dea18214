package io.chainmonitor.events.wire;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/**
 * A request the wire listener did not recognize or found critical, in human-readable form: who sent what to which
 * port, what kind of issue it is and what was done with it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WireIncident(
        String incidentId,
        String replicaId,
        Instant receivedAt,
        String sourceAddress,
        int sourcePort,
        Port port,
        String protocol,
        String method,
        boolean critical,
        String classification,
        Disposition disposition,
        String summary,
        String excerpt,
        long bytes,
        Map<String, String> labels) implements EventPayload {

    /** Longest request excerpt carried; the wire listener keeps the full capture itself. */
    public static final int MAX_EXCERPT_LENGTH = 2048;

    public WireIncident {
        Fields.requireText(incidentId, "incidentId");
        Fields.requireText(replicaId, "replicaId");
        Fields.require(receivedAt, "receivedAt");
        Fields.requireText(sourceAddress, "sourceAddress");
        Fields.require(port, "port");
        Fields.requireText(classification, "classification");
        Fields.require(disposition, "disposition");
        Fields.requireText(summary, "summary");
        excerpt = Fields.truncate(excerpt, MAX_EXCERPT_LENGTH);
        Fields.requireNonNegative(bytes, "bytes");
        labels = Fields.map(labels);
    }

    @Override
    public EventType eventType() {
        return EventType.WIRE_INCIDENT;
    }

    /** Which of the replica's listening ports the request came in on. */
    public enum Port {
        RPC, WS, P2P
    }

    /** What the wire listener did with the request. */
    public enum Disposition {
        FORWARDED, REFUSED, HONEYPOT, BLOCKED, DROPPED
    }
}
