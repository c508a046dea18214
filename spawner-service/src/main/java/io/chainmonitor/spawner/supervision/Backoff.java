package io.chainmonitor.spawner.supervision;

import java.time.Duration;

/** The wait before the n-th restart in a row: {@code initial × multiplier^n}, never above {@code max}. */
record Backoff(Duration initial, Duration max, double multiplier) {

    /** The wait before restart number {@code attempt}, counted from 0 since the replica last ran stably. */
    Duration delay(int attempt) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt));
        return millis >= max.toMillis() ? max : Duration.ofMillis(Math.round(millis));
    }
}
