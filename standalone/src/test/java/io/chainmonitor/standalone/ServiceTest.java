package io.chainmonitor.standalone;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTest {

    @Test
    void theSpawnerKeepsItsBinariesAndReplicasInsideThePlatformsDataDirectory() {
        Path data = Path.of("some", "data");

        assertThat(Service.SPAWNER.dataSettings(data))
                .containsEntry("chain-monitor.spawner.binary.store", data.resolve("binaries").toString())
                .containsEntry("chain-monitor.spawner.runtime.data-directory", data.resolve("replicas").toString());
    }
}
