package io.chainmonitor.alerts.dispatch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.chainmonitor.alerts.AlertsProperties;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final AlertsProperties.Delivery settings = new AlertsProperties.Delivery(5, Duration.ofSeconds(2), 2.0,
            Duration.ofSeconds(30), 0.2, 50);

    @Test
    void theWaitDoublesUpToTheCapWithJitterAroundIt() {
        Backoff middle = new Backoff(settings, () -> 0.5);
        assertThat(middle.after(1, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(middle.after(2, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(middle.after(5, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(new Backoff(settings, () -> 0.0).after(2, null)).isEqualTo(Duration.ofMillis(3200));
        assertThat(new Backoff(settings, () -> 1.0).after(2, null)).isEqualTo(Duration.ofMillis(4800));
        assertThat(new Backoff(settings, () -> 1.0).after(9, null)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLongerRetryAfterWins() {
        Backoff backoff = new Backoff(settings, () -> 0.5);
        assertThat(backoff.after(1, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(2));
    }
}
