package io.chainmonitor.support.kafka;

import java.util.Locale;
import jakarta.validation.ValidationException;

import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;

import io.chainmonitor.events.EventFormatException;
import io.chainmonitor.events.EventFormatException.Reason;

/**
 * Why a record was dead-lettered, as a metric label and a header: the {@link Reason} of an event that cannot be
 * read, or {@code processing} when the listener failed on a readable event.
 */
record FailureReason(String label, String detail) {

    static final String PROCESSING = "processing";

    static FailureReason of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof EventFormatException e) {
                return new FailureReason(label(e.reason()), e.getMessage());
            }
            if (cause instanceof MethodArgumentNotValidException || cause instanceof ValidationException) {
                return new FailureReason(label(Reason.INVALID_DATA), cause.getMessage());
            }
        }
        return new FailureReason(PROCESSING, rootMessage(failure));
    }

    static String label(Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (next(root) != null) {
            root = next(root);
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
