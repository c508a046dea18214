package io.chainmonitor.spawner.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Counts a replica's crashes within a sliding window; {@code threshold} of them make a crash loop. */
final class CrashLoopDetector {

    private final int threshold;
    private final Duration window;
    private final Deque<Instant> crashes = new ArrayDeque<>();

    CrashLoopDetector(int threshold, Duration window) {
        this.threshold = threshold;
        this.window = window;
    }

    /** Records a crash at {@code at}; returns how many crashes fall within the window ending then. */
    int record(Instant at) {
        crashes.addLast(at);
        Instant horizon = at.minus(window);
        while (!crashes.isEmpty() && crashes.peekFirst().isBefore(horizon)) {
            crashes.removeFirst();
        }
        return crashes.size();
    }

    /** True when the crashes within the window reach the threshold. */
    boolean isLooping() {
        return crashes.size() >= threshold;
    }

    /** The first crash within the window, or null. */
    Instant firstCrash() {
        return crashes.peekFirst();
    }

    void clear() {
        crashes.clear();
    }
}
