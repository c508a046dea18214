package io.chainmonitor.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
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

    /**
     * A mapper configured the way the contract is written: ISO-8601 times, lower-case enum values, map entries
     * ordered by key; unknown fields ignored, duplicate members refused.
     */
    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Two "type" or "id" members make an event ambiguous: refuse it rather than let the last one win.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                // Labels and outputs come out in the same order whatever map the producer used.
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
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
        if (json == null) {
            throw new EventFormatException(Reason.NOT_JSON, "no bytes: a null record value is not an event");
        }
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
        String id = text(root, "id");
        String source = text(root, "source");
        Instant time = time(root);
        String projectid = text(root, "projectid");
        Severity severity = severity(root);
        EventPayload payload = payload(root, eventType);
        try {
            return new Envelope<>(specversion, id, type, source, optionalText(root, "subject"), time,
                    optionalText(root, "datacontenttype"), projectid, severity, payload);
        } catch (RuntimeException e) {
            throw new EventFormatException(Reason.INVALID_DATA, "invalid " + type + " event: " + e.getMessage(), e);
        }
    }

    private EventPayload payload(JsonNode root, EventType eventType) {
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            throw new EventFormatException(Reason.MISSING_ATTRIBUTE, "data is required");
        }
        if (!data.isObject()) {
            throw new EventFormatException(Reason.INVALID_DATA, "data is a JSON object, was " + data.getNodeType());
        }
        try {
            return mapper.treeToValue(data, eventType.payloadType());
        } catch (RuntimeException e) {
            // Jackson wraps what a compact constructor refused; its message is the one that says what is wrong.
            throw new EventFormatException(Reason.INVALID_DATA,
                    "invalid " + eventType.type() + " data: " + rootCauseMessage(e), e);
        }
    }

    private static Instant time(JsonNode root) {
        String time = text(root, "time");
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new EventFormatException(Reason.INVALID_DATA, "time is not an RFC 3339 instant: " + time, e);
        }
    }

    private static Severity severity(JsonNode root) {
        try {
            return Severity.fromWire(text(root, "severity"));
        } catch (IllegalArgumentException e) {
            throw new EventFormatException(Reason.INVALID_DATA, e.getMessage(), e);
        }
    }

    /** A required attribute: missing, null or blank is {@link Reason#MISSING_ATTRIBUTE}. */
    private static String text(JsonNode root, String name) {
        String value = optionalText(root, name);
        if (value == null || value.isBlank()) {
            throw new EventFormatException(Reason.MISSING_ATTRIBUTE, name + " is required");
        }
        return value;
    }

    /** CloudEvents attributes are strings in JSON; a number or an object in their place is invalid. */
    private static String optionalText(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new EventFormatException(Reason.INVALID_DATA,
                    name + " is a JSON string, was " + node.getNodeType());
        }
        return node.asString();
    }

    private static String rootCauseMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof JacksonException je ? je.getOriginalMessage() : cause.getMessage();
    }
}
