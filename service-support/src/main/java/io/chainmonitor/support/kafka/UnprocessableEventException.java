package io.chainmonitor.support.kafka;

/**
 * Thrown by a listener for an event that can never be processed, however often it is retried (it names a project
 * that does not exist, it contradicts itself). The record goes straight to the dead-letter topic.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
