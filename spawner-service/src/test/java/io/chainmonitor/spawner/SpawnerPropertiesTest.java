package io.chainmonitor.spawner;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpawnerPropertiesTest {

    @Test
    void leftOutSettingsTakeTheirDefaults() {
        SpawnerProperties properties = new SpawnerProperties(null, null, null);

        assertThat(properties.runtime().dataDirectory()).isEqualTo(Path.of("data", "replicas"));
        assertThat(properties.runtime().stopGracePeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.runtime().processLocations()).containsExactly("local");
        assertThat(properties.supervision().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.supervision().maxBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.supervision().crashLoopCrashes()).isEqualTo(5);
        assertThat(properties.supervision().crashLoopWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.telemetry().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.telemetry().logLinesPerWindow()).isEqualTo(20);
    }

    @Test
    void aMaximumBackoffShorterThanTheInitialOneIsRefused() {
        assertThatThrownBy(() -> new SpawnerProperties.Supervision(Duration.ofSeconds(10), Duration.ofSeconds(1),
                null, null, null, null)).hasMessageContaining("max-backoff");
    }

    @Test
    void aZeroTelemetryIntervalIsRefused() {
        assertThatThrownBy(() -> new SpawnerProperties.Telemetry(null, Duration.ZERO, null, null))
                .hasMessageContaining("telemetry.interval");
    }
}
