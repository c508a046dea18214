package io.chainmonitor.alerts.dispatch;

import java.time.Duration;
import java.util.Objects;

/** What one attempt of a notifier came to: delivered, or failed in a way that may or may not be retried. */
public sealed interface DeliveryResult {

    /** The receiver took the notification. */
    record Delivered(String detail) implements DeliveryResult {
    }

    /** A failure that may pass: retry, after {@code retryAfter} when the receiver said so. */
    record RetryableFailure(FailureReason reason, String detail, Duration retryAfter) implements DeliveryResult {

        public RetryableFailure {
            Objects.requireNonNull(reason, "reason");
        }

        public RetryableFailure(FailureReason reason, String detail) {
            this(reason, detail, null);
        }
    }

    /** A failure that the same request would meet again: no retry. */
    record PermanentFailure(FailureReason reason, String detail) implements DeliveryResult {

        public PermanentFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
