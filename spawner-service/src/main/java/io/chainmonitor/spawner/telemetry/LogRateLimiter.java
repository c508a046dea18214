package io.chainmonitor.spawner.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.chainmonitor.spawner.runtime.ReplicaKey;

/** Lets at most {@code limit} lines per replica through in each fixed window, and counts the ones it holds back. */
final class LogRateLimiter {

    private final int limit;
    private final Duration window;
    private final Map<ReplicaKey, Budget> budgets = new ConcurrentHashMap<>();

    LogRateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** True when the line may go out; false when it is suppressed (and counted). */
    boolean allow(ReplicaKey key, Instant now) {
        Budget budget = budgets.computeIfAbsent(key, ignored -> new Budget());
        synchronized (budget) {
            if (budget.windowStart == null || !now.isBefore(budget.windowStart.plus(window))) {
                budget.windowStart = now;
                budget.used = 0;
            }
            if (budget.used < limit) {
                budget.used++;
                return true;
            }
            budget.suppressed++;
            return false;
        }
    }

    /** Lines of the replica suppressed since the spawner started. */
    long suppressed(ReplicaKey key) {
        Budget budget = budgets.get(key);
        if (budget == null) {
            return 0;
        }
        synchronized (budget) {
            return budget.suppressed;
        }
    }

    private static final class Budget {
        private Instant windowStart;
        private int used;
        private long suppressed;
    }
}
