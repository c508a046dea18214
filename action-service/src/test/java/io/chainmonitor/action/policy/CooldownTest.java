package io.chainmonitor.action.policy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CooldownTest {

    private static final Instant LAST = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aPolicyThatNeverRanMayRun() {
        assertThat(new Cooldown(Duration.ofMinutes(10)).allows(null, LAST)).isTrue();
    }

    @Test
    void aPolicyWaitsUntilItsCooldownHasPassed() {
        Cooldown cooldown = new Cooldown(Duration.ofMinutes(10));

        assertThat(cooldown.allows(LAST, LAST.plus(Duration.ofMinutes(9)))).isFalse();
        assertThat(cooldown.allows(LAST, LAST.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void aZeroCooldownAllowsEveryRun() {
        assertThat(new Cooldown(Duration.ZERO).allows(LAST, LAST)).isTrue();
    }

    @Test
    void aNegativeCooldownIsRefused() {
        assertThatThrownBy(() -> new Cooldown(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
