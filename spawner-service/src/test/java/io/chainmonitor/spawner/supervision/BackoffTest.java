package io.chainmonitor.spawner.supervision;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0);

    @Test
    void theWaitGrowsByTheMultiplierFromTheInitialWait() {
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void theWaitNeverExceedsTheMaximumEvenAfterManyRestarts() {
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aMultiplierOfOneKeepsTheWaitConstant() {
        Backoff constant = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5), 1.0);

        assertThat(constant.delay(0)).isEqualTo(constant.delay(7)).isEqualTo(Duration.ofMillis(250));
    }
}
