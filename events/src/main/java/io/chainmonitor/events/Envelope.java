package io.chainmonitor.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A CloudEvents 1.0 event in structured JSON mode, with the platform's two extension attributes
 * {@code projectid} and {@code severity}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"specversion", "id", "type", "source", "subject", "time", "datacontenttype", "projectid",
        "severity", "data"})
public record Envelope<T extends EventPayload>(
        String specversion,
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String datacontenttype,
        String projectid,
        Severity severity,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /**
     * The {@code projectid} of events that belong to no project (a service's heartbeat, a platform-wide audit entry);
     * it keys them like a project id.
     */
    public static final String PLATFORM_PROJECT_ID = "platform";

    public Envelope {
        requireText(specversion, "specversion");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("specversion must be 1.0, was " + specversion);
        }
        requireText(id, "id");
        requireText(type, "type");
        requireText(source, "source");
        Objects.requireNonNull(time, "time");
        requireText(projectid, "projectid");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(data, "data");
        if (!type.equals(data.eventType().type())) {
            throw new IllegalArgumentException("type " + type + " does not match its data, which is "
                    + data.eventType().type());
        }
    }

    /** A new event with a fresh UUIDv7 id and the current time. */
    public static <T extends EventPayload> Envelope<T> of(String source, String subject, String projectId,
            Severity severity, T data) {
        return new Envelope<>(SPEC_VERSION, Uuid7.next().toString(), data.eventType().type(), source, subject,
                Instant.now(), JSON, projectId, severity, data);
    }

    /** The event id as a UUID. */
    public UUID uuid() {
        return UUID.fromString(id);
    }

    /** The topic this event travels on. */
    @JsonIgnore
    public Topic topic() {
        return data.eventType().topic();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
