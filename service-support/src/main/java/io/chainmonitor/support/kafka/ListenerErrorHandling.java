package io.chainmonitor.support.kafka;

import jakarta.validation.ValidationException;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import io.chainmonitor.events.EventFormatException;

/**
 * The listener containers' error handler: a failing record is delivered again with exponential back-off, then
 * recovered. A record that can never succeed (unreadable, invalid, declared unprocessable) is recovered at once.
 */
final class ListenerErrorHandling {

    private ListenerErrorHandling() {
    }

    static DefaultErrorHandler errorHandler(ConsumerRecordRecoverer recoverer, KafkaSupportProperties.Retry retry) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.attempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // Deserialization and message-conversion failures, and invalid listener arguments, are already not retried.
        handler.addNotRetryableExceptions(EventFormatException.class, ValidationException.class,
                UnprocessableEventException.class);
        return handler;
    }
}
