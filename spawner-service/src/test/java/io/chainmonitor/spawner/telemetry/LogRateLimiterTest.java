package io.chainmonitor.spawner.telemetry;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.chainmonitor.spawner.runtime.ReplicaKey;

import static org.assertj.core.api.Assertions.assertThat;

class LogRateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");
    private static final ReplicaKey NOISY = new ReplicaKey("p", "noisy");
    private static final ReplicaKey QUIET = new ReplicaKey("p", "quiet");

    private final LogRateLimiter limiter = new LogRateLimiter(2, Duration.ofSeconds(10));

    @Test
    void linesBeyondTheLimitOfAWindowAreSuppressedAndCounted() {
        assertThat(limiter.allow(NOISY, T0)).isTrue();
        assertThat(limiter.allow(NOISY, T0.plusSeconds(1))).isTrue();
        assertThat(limiter.allow(NOISY, T0.plusSeconds(2))).isFalse();
        assertThat(limiter.allow(NOISY, T0.plusSeconds(3))).isFalse();

        assertThat(limiter.suppressed(NOISY)).isEqualTo(2);
    }

    @Test
    void aNewWindowHasAFreshBudgetAndTheCountKeepsGrowing() {
        limiter.allow(NOISY, T0);
        limiter.allow(NOISY, T0);
        limiter.allow(NOISY, T0);

        assertThat(limiter.allow(NOISY, T0.plusSeconds(10))).isTrue();
        assertThat(limiter.suppressed(NOISY)).isEqualTo(1);
    }

    @Test
    void eachReplicaHasItsOwnBudget() {
        limiter.allow(NOISY, T0);
        limiter.allow(NOISY, T0);
        limiter.allow(NOISY, T0);

        assertThat(limiter.allow(QUIET, T0)).isTrue();
        assertThat(limiter.suppressed(QUIET)).isZero();
    }
}
