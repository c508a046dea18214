package io.chainmonitor.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the one-JVM platform, under {@code chain-monitor.standalone}. A port of 0 picks a free one.
 *
 * @param dataDirectory where the database, the broker's logs and the platform's secrets are kept across restarts
 * @param host the loopback address every embedded server and service binds to
 * @param postgresPort the embedded PostgreSQL's port
 * @param kafkaPort the embedded Kafka broker's client port
 * @param dashboardPort the dashboard's port; the services take the next seven ports after it unless told otherwise
 * @param servicePortBase the first of the seven services' ports (spawner first, in the order of {@link Service})
 * @param managementPortOffset added to a service's port to give its management (health, metrics) port; with
 *        port 0 the management port is picked freely too
 * @param startTimeout how long the platform may take to be healthy before start-up is abandoned
 * @param demo the demo project the README's first command runs (off unless enabled)
 */
@Validated
@ConfigurationProperties("chain-monitor.standalone")
public record StandaloneProperties(
        @NotNull @DefaultValue("data") Path dataDirectory,
        @NotNull @DefaultValue("127.0.0.1") String host,
        @Min(0) @Max(65535) @DefaultValue("15432") int postgresPort,
        @Min(0) @Max(65535) @DefaultValue("19092") int kafkaPort,
        @Min(0) @Max(65535) @DefaultValue("8080") int dashboardPort,
        @Min(0) @Max(65535) @DefaultValue("8081") int servicePortBase,
        @Min(1) @Max(10000) @DefaultValue("1000") int managementPortOffset,
        @NotNull @DefaultValue("120s") Duration startTimeout,
        @NotNull @DefaultValue @Valid Demo demo) {

    /** The main port of a service, or 0 when ports are picked freely. */
    int portOf(Service service) {
        if (service == Service.DASHBOARD) {
            return dashboardPort;
        }
        return servicePortBase == 0 ? 0 : servicePortBase + service.ordinal() - 1;
    }

    /** The management port of a service, or 0 when ports are picked freely. */
    int managementPortOf(Service service) {
        int port = portOf(service);
        return port == 0 ? 0 : port + managementPortOffset;
    }

    /**
     * The demo: an anvil project created, uploaded, deployed and driven through the public API once the platform is
     * healthy.
     *
     * @param enabled whether the demo runs
     * @param anvil the anvil binary to upload; by default {@code .tools/anvil/…/bin/anvil} under the working directory
     *        (where {@code scripts/install-test-nodes.sh} puts it), else {@code anvil} on the {@code PATH}
     * @param owner the user (token subject) who owns the demo project
     * @param projectName the demo project's name; an existing project of that name is reused
     * @param location the spawner location the replicas run in
     * @param replicas how many replicas, mined alike
     * @param blockInterval how often a block with a transfer is made
     * @param scenarioEvery the staged events repeat every this many blocks
     * @param probeAt at which block of the cycle the wire probe is sent
     * @param forkAt at which block of the cycle the first replica forks
     * @param forkDepth how many blocks the fork replaces
     * @param forkHold after how many blocks the fork heals
     */
    public record Demo(
            @DefaultValue("false") boolean enabled,
            Path anvil,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._@:-]{1,128}") @DefaultValue("demo") String owner,
            @NotBlank @DefaultValue("demo") String projectName,
            @NotBlank @DefaultValue("local") String location,
            @Min(1) @Max(5) @DefaultValue("2") int replicas,
            @NotNull @DefaultValue("5s") Duration blockInterval,
            @Min(3) @Max(10000) @DefaultValue("60") int scenarioEvery,
            @Min(1) @DefaultValue("3") int probeAt,
            @Min(1) @DefaultValue("6") int forkAt,
            @Min(1) @Max(64) @DefaultValue("3") int forkDepth,
            @Min(1) @DefaultValue("4") int forkHold) {

        /** Where {@code scripts/install-test-nodes.sh} unpacks anvil's npm packages, one per platform. */
        static final Path INSTALLED_ANVIL = Path.of(".tools", "anvil", "node_modules", "@foundry-rs");

        public Demo {
            if (blockInterval != null && (blockInterval.isNegative() || blockInterval.toMillis() < 100)) {
                throw new IllegalArgumentException(
                        "chain-monitor.standalone.demo.block-interval must be at least 100ms");
            }
            if (forkDepth > forkAt) {
                throw new IllegalArgumentException(
                        "chain-monitor.standalone.demo.fork-depth must not exceed fork-at (the blocks must exist)");
            }
            int healAt = forkAt + forkHold;
            if (probeAt > scenarioEvery || healAt > scenarioEvery || probeAt == forkAt || probeAt == healAt) {
                throw new IllegalArgumentException("chain-monitor.standalone.demo: probe-at, fork-at and fork-at + "
                        + "fork-hold must be distinct blocks within scenario-every");
            }
        }

        /** The anvil binary to upload, if one is found. */
        public Optional<Path> anvilBinary() {
            if (anvil != null) {
                return Files.isRegularFile(anvil) ? Optional.of(anvil) : Optional.empty();
            }
            try (Stream<Path> packages = Files.list(INSTALLED_ANVIL)) {
                Optional<Path> installed = packages.filter(p -> p.getFileName().toString().startsWith("anvil-"))
                        .map(p -> p.resolve("bin").resolve("anvil")).filter(Files::isExecutable).findFirst();
                if (installed.isPresent()) {
                    return installed;
                }
            } catch (IOException e) {
                // Not installed under the working directory: the PATH may have it.
            }
            for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "anvil"))) {
                    return Optional.of(Path.of(entry, "anvil"));
                }
            }
            return Optional.empty();
        }
    }
}
