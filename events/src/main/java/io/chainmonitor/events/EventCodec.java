package io.chainmonitor.events;

import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.EventFormatException.Reason;

/**
 * Reads and writes envelopes as CloudEvents structured JSON. The payload class comes from the {@code type}
 * attribute, never from a class name on the wire; unknown fields are ignored so that readers survive additive
 * changes.
 */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this(newMapper());
    }

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** A mapper configured the way the contract is written: ISO-8601 times, lower-case enum values. */
    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** The envelope as UTF-8 JSON. */
    public byte[] write(Envelope<?> envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JacksonException e) {
            throw new EventFormatException(Reason.INVALID_DATA, "cannot write event " + envelope.id(), e);
        }
    }

    /** Reads an envelope of any type of the contract. */
    public Envelope<?> read(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new EventFormatException(Reason.NOT_JSON, "not JSON: " + e.getOriginalMessage(), e);
        }
        return read(root);
    }

    /** Reads an envelope that must have come from {@code topic}. */
    public Envelope<?> read(byte[] json, Topic topic) {
        Envelope<?> envelope = read(json);
        if (envelope.topic() != topic) {
            throw new EventFormatException(Reason.WRONG_TOPIC, "event type " + envelope.type() + " belongs on "
                    + envelope.topic().topicName() + ", not on " + topic.topicName());
        }
        return envelope;
    }

    /** Reads an envelope that must carry {@code payloadType}. */
    @SuppressWarnings("unchecked")
    public <T extends EventPayload> Envelope<T> read(byte[] json, Class<T> payloadType) {
        Envelope<?> envelope = read(json);
        if (!payloadType.isInstance(envelope.data())) {
            throw new EventFormatException(Reason.UNKNOWN_TYPE, "expected " + payloadType.getSimpleName()
                    + " but the event is of type " + envelope.type());
        }
        return (Envelope<T>) envelope;
    }

    private Envelope<?> read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new EventFormatException(Reason.NOT_JSON, "an event is a JSON object");
        }
        String specversion = text(root, "specversion");
        if (!Envelope.SPEC_VERSION.equals(specversion)) {
            throw new EventFormatException(Reason.UNSUPPORTED_SPEC_VERSION,
                    "specversion must be 1.0, was " + specversion);
        }
        String type = text(root, "type");
        EventType eventType = EventType.byType(type)
                .orElseThrow(() -> new EventFormatException(Reason.UNKNOWN_TYPE, "unknown event type " + type));
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new EventFormatException(Reason.MISSING_ATTRIBUTE, "data is required and is a JSON object");
        }
        try {
            EventPayload payload = mapper.treeToValue(data, eventType.payloadType());
            return new Envelope<>(specversion, text(root, "id"), type, text(root, "source"),
                    optionalText(root, "subject"), Instant.parse(text(root, "time")),
                    optionalText(root, "datacontenttype"), text(root, "projectid"),
                    Severity.fromWire(text(root, "severity")), payload);
        } catch (JacksonException e) {
            throw new EventFormatException(Reason.INVALID_DATA,
                    "invalid " + type + " data: " + rootCauseMessage(e), e);
        } catch (RuntimeException e) {
            throw new EventFormatException(Reason.INVALID_DATA, "invalid " + type + " event: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String name) {
        String value = optionalText(root, name);
        if (value == null || value.isBlank()) {
            throw new EventFormatException(Reason.MISSING_ATTRIBUTE, name + " is required");
        }
        return value;
    }

    private static String optionalText(JsonNode root, String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static String rootCauseMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof JacksonException je ? je.getOriginalMessage() : cause.getMessage();
    }
}
