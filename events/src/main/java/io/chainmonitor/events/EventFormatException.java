package io.chainmonitor.events;

/** An event that cannot be read or written as the contract says; {@link #reason()} says how it fails. */
public final class EventFormatException extends RuntimeException {

    private final Reason reason;

    public EventFormatException(Reason reason, String message) {
        this(reason, message, null);
    }

    public EventFormatException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The kind of failure; the only error label used on metrics. */
    public Reason reason() {
        return reason;
    }

    /** Why an event is not readable. */
    public enum Reason {
        /** The bytes are not JSON, or the JSON is not an object. */
        NOT_JSON,
        /** A required envelope attribute, or the data, is missing, null or empty. */
        MISSING_ATTRIBUTE,
        /** The specversion is not 1.0. */
        UNSUPPORTED_SPEC_VERSION,
        /** The type names no payload of the contract. */
        UNKNOWN_TYPE,
        /** The data does not make a valid payload of its type, or an attribute has an invalid value. */
        INVALID_DATA,
        /** The event's type belongs on another topic. */
        WRONG_TOPIC
    }
}
