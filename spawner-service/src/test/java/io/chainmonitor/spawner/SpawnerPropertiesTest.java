package io.chainmonitor.spawner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.chainmonitor.spawner.runtime.RuntimeKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpawnerPropertiesTest {

    private final SpawnerProperties.Binary binary = new SpawnerProperties.Binary(null, DataSize.ofMegabytes(512), null);

    private SpawnerProperties withLocations(List<SpawnerProperties.Location> locations) {
        return new SpawnerProperties(locations, binary, null, null, null, null);
    }

    @Test
    void withoutConfiguredLocationsThereIsOneLocalProcessLocation() {
        SpawnerProperties properties = withLocations(null);

        assertThat(properties.locations()).containsExactly(
                new SpawnerProperties.Location("local", RuntimeKind.PROCESS, "localhost"));
        assertThat(properties.locationsRunBy(RuntimeKind.PROCESS)).containsExactly("local");
        assertThat(properties.binary().allowedHashes()).isEmpty();
    }

    @Test
    void theProcessRuntimeServesExactlyTheLocationsConfiguredWithIt() {
        SpawnerProperties properties = withLocations(List.of(
                new SpawnerProperties.Location("eu-1", RuntimeKind.PROCESS, "localhost"),
                new SpawnerProperties.Location("eu-2", RuntimeKind.DOCKER, "tcp://127.0.0.1:2375"),
                new SpawnerProperties.Location("us-1", RuntimeKind.PROCESS, "localhost")));

        assertThat(properties.locationsRunBy(RuntimeKind.PROCESS)).containsExactlyInAnyOrder("eu-1", "us-1");
        assertThat(properties.locationsRunBy(RuntimeKind.DOCKER)).containsExactly("eu-2");
        assertThat(properties.locationsRunBy(RuntimeKind.KUBERNETES)).isEmpty();
    }

    @Test
    void twoLocationsOfTheSameNameAreAConfigurationError() {
        SpawnerProperties.Location first = new SpawnerProperties.Location("eu", RuntimeKind.DOCKER, "a");
        SpawnerProperties.Location second = new SpawnerProperties.Location("eu", RuntimeKind.PROCESS, "b");

        assertThatThrownBy(() -> withLocations(List.of(first, second)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct names");
    }

    @Test
    void leftOutSettingsTakeTheirDefaults() {
        SpawnerProperties properties = withLocations(null);

        assertThat(properties.runtime().dataDirectory()).isEqualTo(Path.of("data", "replicas"));
        assertThat(properties.runtime().stopGracePeriod()).isEqualTo(Duration.ofSeconds(10));
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
