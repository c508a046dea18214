package io.chainmonitor.spawner;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.chainmonitor.spawner.runtime.RuntimeKind;
import io.chainmonitor.spawner.runtime.docker.DockerHost;
import io.chainmonitor.spawner.runtime.kubernetes.Placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeTargetsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SpawnerProperties.class)
    static class PropertiesOnly {
    }

    @Test
    void aDockerLocationWithAMalformedTargetStopsTheStartWithTheLocationAndTheExpectedForm() {
        context.withPropertyValues("chain-monitor.spawner.locations[0].name=local",
                "chain-monitor.spawner.locations[0].runtime=process",
                "chain-monitor.spawner.locations[1].name=dock",
                "chain-monitor.spawner.locations[1].runtime=docker",
                "chain-monitor.spawner.locations[1].target=docker-host:2375").run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).rootCause().hasMessage(
                            "chain-monitor.spawner.locations[1] ('dock', runtime docker): target 'docker-host:2375' "
                                    + "must be a tcp:// or unix:// Docker host URL, e.g. tcp://127.0.0.1:2375");
                });
    }

    @Test
    void aKubernetesLocationWithoutZoneOrRegionStopsTheStart() {
        context.withPropertyValues("chain-monitor.spawner.locations[0].name=k8s",
                "chain-monitor.spawner.locations[0].runtime=kubernetes",
                "chain-monitor.spawner.locations[0].target=eu-west-1a",
                "chain-monitor.spawner.kubernetes.binary-base-url=http://spawner:8081").run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).rootCause().hasMessageStartingWith(
                            "chain-monitor.spawner.locations[0] ('k8s', runtime kubernetes): a kubernetes location "
                                    + "needs a zone or a region as target, e.g. zone=eu-west-1a or region=eu-west-1");
                });
    }

    @Test
    void aKubernetesLocationWithoutTheSpawnersUrlForPodsStopsTheStart() {
        context.withPropertyValues("chain-monitor.spawner.locations[0].name=k8s",
                "chain-monitor.spawner.locations[0].runtime=kubernetes",
                "chain-monitor.spawner.locations[0].target=region=eu-west-1").run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).rootCause()
                            .hasMessageContaining("chain-monitor.spawner.kubernetes.binary-base-url must be set");
                });
    }

    @Test
    void wellFormedContainerLocationsStartWithTheirDefaults() {
        context.withPropertyValues("chain-monitor.spawner.locations[0].name=dock",
                "chain-monitor.spawner.locations[0].runtime=docker",
                "chain-monitor.spawner.locations[0].target=unix:///var/run/docker.sock",
                "chain-monitor.spawner.locations[1].name=k8s",
                "chain-monitor.spawner.locations[1].runtime=kubernetes",
                "chain-monitor.spawner.locations[1].target=zone=eu-west-1a",
                "chain-monitor.spawner.kubernetes.binary-base-url=http://spawner.chain-monitor.svc:8081",
                "chain-monitor.spawner.docker.network=bridge",
                "chain-monitor.spawner.docker.images.litecoin=chain-monitor/litecoin:1").run(started -> {
                    assertThat(started).hasNotFailed();
                    SpawnerProperties properties = started.getBean(SpawnerProperties.class);
                    assertThat(properties.targetsRunBy(RuntimeKind.DOCKER))
                            .containsEntry("dock", "unix:///var/run/docker.sock");
                    assertThat(properties.docker().network()).isEqualTo(SpawnerProperties.DockerNetwork.BRIDGE);
                    assertThat(properties.docker().imageFor("litecoin")).isEqualTo("chain-monitor/litecoin:1");
                    assertThat(properties.docker().imageFor("anvil")).isEqualTo("debian:bookworm-slim");
                    assertThat(properties.kubernetes().namespace()).isEqualTo("chain-monitor");
                    assertThat(properties.kubernetes().data()).isEqualTo(SpawnerProperties.KubernetesData.EMPTY_DIR);
                });
    }

    @Test
    void theDefaultsNeedNoContainerRuntimeSettings() {
        SpawnerProperties properties = new SpawnerProperties(null, null, null, null, null, null);

        assertThat(properties.locations()).extracting(SpawnerProperties.Location::runtime)
                .containsExactly(RuntimeKind.PROCESS);
        assertThat(properties.docker().network()).isEqualTo(SpawnerProperties.DockerNetwork.HOST);
        assertThat(properties.kubernetes().binaryBaseUrl()).isNull();
        assertThat(List.of(properties.docker().memory().toMegabytes(), properties.docker().cpus().longValue()))
                .containsExactly(2048L, 2L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|needs its Docker host URL",
            "http://127.0.0.1:2375|must be a tcp:// or unix:// Docker host URL",
            "tcp://127.0.0.1|needs a host and a port",
            "tcp://127.0.0.1:2375/v1|must not have a path",
            "unix://relative.sock|needs the socket's absolute path",
            "tcp://[::1|is not a URL"})
    void malformedDockerTargetsAreRefusedWithTheReason(String target, String reason) {
        assertThatThrownBy(() -> DockerHost.parse(target)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void dockerTargetsAreTcpOrUnixUrls() {
        assertThat(DockerHost.parse("tcp://127.0.0.1:2375").uri().getPort()).isEqualTo(2375);
        assertThat(DockerHost.parse("unix:///var/run/docker.sock").uri().getPath()).isEqualTo("/var/run/docker.sock");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zone=eu-west-1a|topology.kubernetes.io/zone|eu-west-1a",
            "region=eu-west-1|topology.kubernetes.io/region|eu-west-1",
            " zone = us-east-1b |topology.kubernetes.io/zone|us-east-1b"})
    void kubernetesTargetsNameAZoneOrARegion(String target, String key, String value) {
        assertThat(Placement.parse(target)).isEqualTo(new Placement(key, value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|needs a zone or a region",
            "rack=r1|must start with zone= or region=",
            "zone=|is not a valid zone",
            "region=eu west|is not a valid region"})
    void malformedKubernetesTargetsAreRefusedWithTheReason(String target, String reason) {
        assertThatThrownBy(() -> Placement.parse(target)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
