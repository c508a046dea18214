package io.chainmonitor.events;

/**
 * The {@code data} of an envelope. Every payload record names its event type, which fixes the envelope's
 * {@code type} attribute and the topic it travels on.
 */
public interface EventPayload {

    /** The event type of this payload. */
    EventType eventType();
}
