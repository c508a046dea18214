package io.chainmonitor.alerts.dispatch;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import io.chainmonitor.alerts.AlertsProperties;

/** Exponential back-off with jitter; a receiver's Retry-After wins when it asks for longer. */
final class Backoff {

    private final AlertsProperties.Delivery settings;
    private final DoubleSupplier random;

    Backoff(AlertsProperties.Delivery settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /** The wait after {@code failures} failed attempts (1 for the first). */
    Duration after(int failures, Duration retryAfter) {
        double base = settings.initialBackoff().toMillis() * Math.pow(settings.multiplier(), failures - 1);
        double capped = Math.min(base, settings.maxBackoff().toMillis());
        double jittered = capped * (1 + settings.jitter() * (2 * random.getAsDouble() - 1));
        Duration wait = Duration
                .ofMillis(Math.max(0, Math.round(Math.min(jittered, settings.maxBackoff().toMillis()))));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
