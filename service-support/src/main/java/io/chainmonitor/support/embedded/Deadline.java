package io.chainmonitor.support.embedded;

import java.time.Duration;

/** The moment a bounded wait gives up. */
record Deadline(long endNanos) {

    static Deadline in(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    boolean passed() {
        return remaining().isZero();
    }

    /** The time left, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }
}
