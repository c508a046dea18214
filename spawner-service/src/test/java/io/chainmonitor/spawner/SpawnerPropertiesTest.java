package io.chainmonitor.spawner;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpawnerPropertiesTest {

    private final SpawnerProperties.Binary binary = new SpawnerProperties.Binary(null, DataSize.ofMegabytes(512), null);

    @Test
    void withoutConfiguredLocationsThereIsOneLocalProcessLocation() {
        SpawnerProperties properties = new SpawnerProperties(null, binary, null);
        assertThat(properties.locations()).containsExactly(
                new SpawnerProperties.Location("local", SpawnerProperties.Runtime.PROCESS, "localhost"));
        assertThat(properties.binary().allowedHashes()).isEmpty();
    }

    @Test
    void twoLocationsOfTheSameNameAreAConfigurationError() {
        SpawnerProperties.Location first = new SpawnerProperties.Location("eu", SpawnerProperties.Runtime.DOCKER, "a");
        SpawnerProperties.Location second = new SpawnerProperties.Location("eu", SpawnerProperties.Runtime.PROCESS,
                "b");
        assertThatThrownBy(() -> new SpawnerProperties(List.of(first, second), binary, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct names");
    }
}
