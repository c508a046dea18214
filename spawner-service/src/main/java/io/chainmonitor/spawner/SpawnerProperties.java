package io.chainmonitor.spawner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import io.chainmonitor.spawner.runtime.RuntimeKind;

/**
 * Settings of the spawner-service, under {@code chain-monitor.spawner}; each concern has its own nested record.
 *
 * @param locations where replicas may run; one {@code local} process location when none is configured
 * @param binary the node binary store and its upload limits
 * @param outbox how changes recorded in the database reach the broker
 * @param runtime how replicas run as local processes
 * @param supervision how crashed replicas are restarted
 * @param telemetry how node system telemetry and log lines are reported
 */
@Validated
@ConfigurationProperties("chain-monitor.spawner")
public record SpawnerProperties(List<@Valid Location> locations, @DefaultValue @Valid Binary binary,
        @DefaultValue @Valid Outbox outbox, Runtime runtime, Supervision supervision, Telemetry telemetry) {

    public SpawnerProperties {
        locations = locations == null || locations.isEmpty()
                ? List.of(new Location("local", RuntimeKind.PROCESS, "localhost"))
                : List.copyOf(locations);
        runtime = runtime == null ? new Runtime(null, null, null, null, null, null) : runtime;
        supervision = supervision == null ? new Supervision(null, null, null, null, null, null) : supervision;
        telemetry = telemetry == null ? new Telemetry(null, null, null, null) : telemetry;
        long names = locations.stream().map(Location::name).distinct().count();
        if (names != locations.size()) {
            throw new IllegalArgumentException("chain-monitor.spawner.locations must have distinct names");
        }
    }

    /** The names of the locations whose replicas run on {@code kind}. */
    public Set<String> locationsRunBy(RuntimeKind kind) {
        return locations.stream().filter(l -> l.runtime() == kind).map(Location::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A named place replicas run in.
     *
     * @param name what projects call it
     * @param runtime how replicas are run there
     * @param target the host, Docker endpoint or Kubernetes region/zone
     */
    public record Location(@NotBlank String name, @NotNull RuntimeKind runtime, String target) {
    }

    /**
     * The content-addressed binary store.
     *
     * @param store the store directory; binaries live under {@code sha256/<hash>}
     * @param maxSize the largest upload accepted
     * @param allowedHashes per chain type, the only SHA-256 hashes accepted (known releases); any hash when absent
     */
    public record Binary(@DefaultValue("data/binaries") Path store, @DefaultValue("512MB") DataSize maxSize,
            Map<String, List<String>> allowedHashes) {

        public Binary {
            allowedHashes = allowedHashes == null ? Map.of() : Map.copyOf(allowedHashes);
        }
    }

    /**
     * The transactional outbox relay.
     *
     * @param pollInterval time between two looks at unsent events
     * @param batchSize events sent per look, at most
     * @param sendTimeout how long one event may wait for the broker's acknowledgement
     * @param retention how long sent events stay in the table before they are purged
     */
    public record Outbox(@DefaultValue("200ms") Duration pollInterval, @DefaultValue("100") @Positive int batchSize,
            @DefaultValue("10s") Duration sendTimeout, @DefaultValue("7d") Duration retention) {
    }

    /**
     * How replicas run as local processes: where their data directories live, how long a node gets to stop on
     * SIGTERM before SIGKILL, how often readiness is polled, how many output lines may wait for listeners, whether
     * replicas left running by an earlier spawner are adopted (or else stopped), and whether a spawner that shuts down
     * leaves its replicas running for the next one to adopt (or else stops them). The process runtime serves the
     * locations configured with runtime {@code process}.
     */
    public record Runtime(Path dataDirectory, Duration stopGracePeriod, Duration readinessPollInterval,
            Integer outputBufferLines, Boolean adoptLeftovers, Boolean keepReplicasOnShutdown) {

        public Runtime {
            dataDirectory = dataDirectory == null ? Path.of("data", "replicas") : dataDirectory;
            stopGracePeriod = positive(stopGracePeriod, Duration.ofSeconds(10), "runtime.stop-grace-period");
            readinessPollInterval = positive(readinessPollInterval, Duration.ofMillis(200),
                    "runtime.readiness-poll-interval");
            outputBufferLines = outputBufferLines == null ? 1024 : atLeast(outputBufferLines, 1, "output-buffer-lines");
            adoptLeftovers = adoptLeftovers == null ? Boolean.TRUE : adoptLeftovers;
            keepReplicasOnShutdown = keepReplicasOnShutdown == null ? Boolean.TRUE : keepReplicasOnShutdown;
        }
    }

    /**
     * How crashed replicas are restarted: the wait grows from {@code initialBackoff} by {@code backoffMultiplier} up to
     * {@code maxBackoff}, and starts over once a replica stayed up for {@code stableAfter}; {@code crashLoopCrashes}
     * crashes within {@code crashLoopWindow} stop the restarts and raise a finding.
     */
    public record Supervision(Duration initialBackoff, Duration maxBackoff, Double backoffMultiplier,
            Duration stableAfter, Integer crashLoopCrashes, Duration crashLoopWindow) {

        public Supervision {
            initialBackoff = positive(initialBackoff, Duration.ofSeconds(1), "supervision.initial-backoff");
            maxBackoff = positive(maxBackoff, Duration.ofMinutes(1), "supervision.max-backoff");
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("supervision.max-backoff is shorter than initial-backoff");
            }
            backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
            if (backoffMultiplier < 1.0) {
                throw new IllegalArgumentException("supervision.backoff-multiplier must be at least 1");
            }
            stableAfter = positive(stableAfter, Duration.ofMinutes(1), "supervision.stable-after");
            crashLoopCrashes = crashLoopCrashes == null ? 5 : atLeast(crashLoopCrashes, 1, "crash-loop-crashes");
            crashLoopWindow = positive(crashLoopWindow, Duration.ofMinutes(5), "supervision.crash-loop-window");
        }
    }

    /**
     * How often node system telemetry is sampled, and how many warning or error lines per replica are published
     * within {@code logRateWindow} before the rest are counted as suppressed.
     */
    public record Telemetry(Boolean enabled, Duration interval, Integer logLinesPerWindow, Duration logRateWindow) {

        public Telemetry {
            enabled = enabled == null ? Boolean.TRUE : enabled;
            interval = positive(interval, Duration.ofSeconds(5), "telemetry.interval");
            logLinesPerWindow = logLinesPerWindow == null ? 20 : atLeast(logLinesPerWindow, 1, "log-lines-per-window");
            logRateWindow = positive(logRateWindow, Duration.ofSeconds(10), "telemetry.log-rate-window");
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration chosen = value == null ? fallback : value;
        if (chosen.isNegative() || chosen.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return chosen;
    }

    private static int atLeast(int value, int minimum, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum);
        }
        return value;
    }
}
