package io.chainmonitor.standalone;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandalonePropertiesTest {

    private static StandaloneProperties withPorts(int dashboardPort, int servicePortBase) {
        return new StandaloneProperties(Path.of("data"), "127.0.0.1", 15432, 19092, dashboardPort, servicePortBase,
                1000, Duration.ofSeconds(120), demo(false));
    }

    private static StandaloneProperties.Demo demo(boolean enabled) {
        return new StandaloneProperties.Demo(enabled, null, "demo", "demo", "local", 2, Duration.ofSeconds(5), 60, 3, 6,
                3, 4);
    }

    @Test
    void servicesTakeConsecutivePortsAfterTheBaseInTheirOrder() {
        StandaloneProperties properties = withPorts(8080, 8081);

        assertThat(properties.portOf(Service.DASHBOARD)).isEqualTo(8080);
        assertThat(properties.portOf(Service.SPAWNER)).isEqualTo(8081);
        assertThat(properties.portOf(Service.CHAIN_WATCHER)).isEqualTo(8082);
        assertThat(properties.portOf(Service.ACTION)).isEqualTo(8087);
    }

    @Test
    void managementPortsAreOffsetFromTheServicePorts() {
        StandaloneProperties properties = withPorts(8080, 8081);

        assertThat(properties.managementPortOf(Service.DASHBOARD)).isEqualTo(9080);
        assertThat(properties.managementPortOf(Service.HEALTH)).isEqualTo(9084);
    }

    @Test
    void portZeroLetsEveryServiceAndManagementPortBePickedFreely() {
        StandaloneProperties properties = withPorts(0, 0);

        for (Service service : Service.values()) {
            assertThat(properties.portOf(service)).isZero();
            assertThat(properties.managementPortOf(service)).isZero();
        }
    }
}
