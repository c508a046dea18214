package io.chainmonitor.action.policy;

import java.time.Duration;
import java.time.Instant;

/** The least time between two executions of one policy; zero means every matching finding runs it. */
public record Cooldown(Duration period) {

    public Cooldown {
        if (period == null || period.isNegative()) {
            throw new IllegalArgumentException("cooldown must be zero or positive");
        }
    }

    /** Whether the policy may run at {@code now}, given when it last started ({@code null}: never). */
    public boolean allows(Instant lastStarted, Instant now) {
        return lastStarted == null || !now.isBefore(lastStarted.plus(period));
    }
}
