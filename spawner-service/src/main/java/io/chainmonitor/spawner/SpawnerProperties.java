package io.chainmonitor.spawner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the spawner-service, under {@code chain-monitor.spawner}; each concern has its own nested record. */
@Validated
@ConfigurationProperties("chain-monitor.spawner")
public record SpawnerProperties(Runtime runtime, Supervision supervision, Telemetry telemetry) {

    public SpawnerProperties {
        runtime = runtime == null ? new Runtime(null, null, null, null, null, null) : runtime;
        supervision = supervision == null ? new Supervision(null, null, null, null, null, null) : supervision;
        telemetry = telemetry == null ? new Telemetry(null, null, null, null) : telemetry;
    }

    /**
     * How replicas run as local processes: where their data directories live, how long a node gets to stop on
     * SIGTERM before SIGKILL, how often readiness is polled, how many output lines may wait for listeners, and the
     * locations the process runtime serves.
     */
    public record Runtime(Path dataDirectory, Duration stopGracePeriod, Duration readinessPollInterval,
            Integer outputBufferLines, List<String> processLocations, Boolean adoptLeftovers) {

        public Runtime {
            dataDirectory = dataDirectory == null ? Path.of("data", "replicas") : dataDirectory;
            stopGracePeriod = positive(stopGracePeriod, Duration.ofSeconds(10), "runtime.stop-grace-period");
            readinessPollInterval = positive(readinessPollInterval, Duration.ofMillis(200),
                    "runtime.readiness-poll-interval");
            outputBufferLines = outputBufferLines == null ? 1024 : atLeast(outputBufferLines, 1, "output-buffer-lines");
            processLocations = processLocations == null ? List.of("local") : List.copyOf(processLocations);
            adoptLeftovers = adoptLeftovers == null ? Boolean.TRUE : adoptLeftovers;
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
