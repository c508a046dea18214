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
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param docker how replicas run in the locations of runtime {@code docker}
 * @param kubernetes how replicas run in the locations of runtime {@code kubernetes}
 */
@Validated
@ConfigurationProperties("chain-monitor.spawner")
public record SpawnerProperties(List<@Valid Location> locations, @DefaultValue @Valid Binary binary,
        @DefaultValue @Valid Outbox outbox, Runtime runtime, Supervision supervision, Telemetry telemetry,
        Docker docker, Kubernetes kubernetes) {

    // The binder must pick this one: the shorter constructor is for code and tests.
    @ConstructorBinding
    public SpawnerProperties {
        locations = locations == null || locations.isEmpty()
                ? List.of(new Location("local", RuntimeKind.PROCESS, "localhost"))
                : List.copyOf(locations);
        runtime = runtime == null ? new Runtime(null, null, null, null, null, null, null) : runtime;
        supervision = supervision == null ? new Supervision(null, null, null, null, null, null) : supervision;
        telemetry = telemetry == null ? new Telemetry(null, null, null, null) : telemetry;
        docker = docker == null ? new Docker(null, null, null, null, null, null, null, null) : docker;
        kubernetes = kubernetes == null
                ? new Kubernetes(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : kubernetes;
        long names = locations.stream().map(Location::name).distinct().count();
        if (names != locations.size()) {
            throw new IllegalArgumentException("chain-monitor.spawner.locations must have distinct names");
        }
        for (int i = 0; i < locations.size(); i++) {
            RuntimeTargets.check("chain-monitor.spawner.locations[" + i + "]", locations.get(i));
        }
        if (!locationsRunBy(locations, RuntimeKind.KUBERNETES).isEmpty() && kubernetes.binaryBaseUrl() == null) {
            throw new IllegalArgumentException("chain-monitor.spawner.kubernetes.binary-base-url must be set when a "
                    + "location runs on kubernetes: it is the spawner's URL as pods reach it, to fetch node binaries");
        }
    }

    /** Settings without the container runtimes' sections (they take their defaults). */
    public SpawnerProperties(List<Location> locations, Binary binary, Outbox outbox, Runtime runtime,
            Supervision supervision, Telemetry telemetry) {
        this(locations, binary, outbox, runtime, supervision, telemetry, null, null);
    }

    /** The names of the locations whose replicas run on {@code kind}. */
    public Set<String> locationsRunBy(RuntimeKind kind) {
        return locationsRunBy(locations, kind);
    }

    /** The locations whose replicas run on {@code kind}, by name, with their targets. */
    public Map<String, String> targetsRunBy(RuntimeKind kind) {
        return locations.stream().filter(l -> l.runtime() == kind)
                .collect(Collectors.toUnmodifiableMap(Location::name, Location::target));
    }

    private static Set<String> locationsRunBy(List<Location> locations, RuntimeKind kind) {
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
     * SIGTERM before SIGKILL, how often readiness is polled, how large a node's output file grows before it is rotated
     * and how often it is read, whether
     * replicas left running by an earlier spawner are adopted (or else stopped), and whether a spawner that shuts down
     * leaves its replicas running for the next one to adopt (or else stops them). The process runtime serves the
     * locations configured with runtime {@code process}.
     */
    public record Runtime(Path dataDirectory, Duration stopGracePeriod, Duration readinessPollInterval,
            DataSize outputFileMaxSize, Boolean adoptLeftovers, Boolean keepReplicasOnShutdown,
            Duration outputPollInterval) {

        public Runtime {
            dataDirectory = dataDirectory == null ? Path.of("data", "replicas") : dataDirectory;
            stopGracePeriod = positive(stopGracePeriod, Duration.ofSeconds(10), "runtime.stop-grace-period");
            readinessPollInterval = positive(readinessPollInterval, Duration.ofMillis(200),
                    "runtime.readiness-poll-interval");
            outputFileMaxSize = outputFileMaxSize == null ? DataSize.ofMegabytes(10) : outputFileMaxSize;
            if (outputFileMaxSize.toBytes() < 1024) {
                throw new IllegalArgumentException("runtime.output-file-max-size must be at least 1KB");
            }
            adoptLeftovers = adoptLeftovers == null ? Boolean.TRUE : adoptLeftovers;
            keepReplicasOnShutdown = keepReplicasOnShutdown == null ? Boolean.TRUE : keepReplicasOnShutdown;
            outputPollInterval = positive(outputPollInterval, Duration.ofMillis(250), "runtime.output-poll-interval");
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

    /**
     * How replicas run as containers on the Docker hosts of the {@code docker} locations (each location's target is
     * the host's URL, {@code tcp://host:port} or {@code unix:///path}).
     *
     * @param images the image per chain type; the node binary is mounted into it
     * @param defaultImage the image of chain types without one of their own
     * @param memory the memory limit of a replica's container
     * @param cpus the CPUs a replica's container may use (fractions allowed)
     * @param network {@code host}: the container shares the host's network, so nodes listening on loopback are reached
     *            and peer as local processes do; {@code bridge}: the container's ports are published on
     *            {@code publishAddress} (nodes must then listen on the container's own interfaces)
     * @param publishAddress where replicas' ports are reached from the spawner (and published to in bridge mode)
     * @param apiTimeout how long one call to a Docker engine may take
     * @param pullTimeout how long pulling a missing image may take
     */
    public record Docker(Map<String, String> images, String defaultImage, DataSize memory, Double cpus,
            DockerNetwork network, String publishAddress, Duration apiTimeout, Duration pullTimeout) {

        public Docker {
            images = images == null ? Map.of() : Map.copyOf(images);
            defaultImage = defaultImage == null || defaultImage.isBlank() ? "debian:bookworm-slim" : defaultImage;
            memory = memory == null ? DataSize.ofGigabytes(2) : memory;
            if (memory.toBytes() < DataSize.ofMegabytes(6).toBytes()) {
                throw new IllegalArgumentException("docker.memory must be at least 6MB (Docker's minimum)");
            }
            cpus = cpus == null ? 2.0 : cpus;
            if (cpus <= 0) {
                throw new IllegalArgumentException("docker.cpus must be positive");
            }
            network = network == null ? DockerNetwork.HOST : network;
            publishAddress = publishAddress == null || publishAddress.isBlank() ? "127.0.0.1" : publishAddress;
            apiTimeout = positive(apiTimeout, Duration.ofSeconds(30), "docker.api-timeout");
            pullTimeout = positive(pullTimeout, Duration.ofMinutes(10), "docker.pull-timeout");
        }

        /** The image replicas of {@code chainType} run in. */
        public String imageFor(String chainType) {
            return images.getOrDefault(chainType, defaultImage);
        }
    }

    /** How a replica's container is networked. */
    public enum DockerNetwork {
        HOST, BRIDGE
    }

    /**
     * How replicas run as pods in the {@code kubernetes} locations (each location's target is {@code zone=<zone>} or
     * {@code region=<region>}); the cluster is the one the client finds (in-cluster service account or kubeconfig).
     *
     * @param namespace where replicas' pods and services are created
     * @param images the node container's image per chain type
     * @param defaultImage the image of chain types without one of their own
     * @param initImage the image of the init container that fetches and verifies the binary (wget, sha256sum)
     * @param binaryBaseUrl the spawner's URL as pods reach it; binaries are fetched from
     *            {@code <base>/internal/v1/replica-binaries/<sha256>} with a short-lived token
     * @param binaryTokenTtl how long a pod's binary download token stays valid
     * @param data {@code empty-dir}: a replica's data lives as long as its pod; {@code persistent-volume-claim}: in a
     *            claim of {@code storageSize} that outlives it
     * @param storageClass the claim's storage class; the cluster's default when absent
     * @param storageSize the size of a replica's data claim
     * @param cpuRequest the node container's CPU request (a Kubernetes quantity, e.g. {@code 500m})
     * @param cpuLimit its CPU limit
     * @param memoryRequest its memory request
     * @param memoryLimit its memory limit
     * @param startTimeout how long a pod may take to be scheduled, pull its images, fetch its binary and be ready
     */
    public record Kubernetes(String namespace, Map<String, String> images, String defaultImage, String initImage,
            java.net.URI binaryBaseUrl, Duration binaryTokenTtl, KubernetesData data, String storageClass,
            DataSize storageSize, String cpuRequest, String cpuLimit, DataSize memoryRequest, DataSize memoryLimit,
            Duration startTimeout) {

        public Kubernetes {
            namespace = namespace == null || namespace.isBlank() ? "chain-monitor" : namespace;
            images = images == null ? Map.of() : Map.copyOf(images);
            defaultImage = defaultImage == null || defaultImage.isBlank() ? "debian:bookworm-slim" : defaultImage;
            initImage = initImage == null || initImage.isBlank() ? "busybox:1.37" : initImage;
            binaryTokenTtl = positive(binaryTokenTtl, Duration.ofMinutes(15), "kubernetes.binary-token-ttl");
            data = data == null ? KubernetesData.EMPTY_DIR : data;
            storageSize = storageSize == null ? DataSize.ofGigabytes(10) : storageSize;
            cpuRequest = cpuRequest == null || cpuRequest.isBlank() ? "250m" : cpuRequest;
            cpuLimit = cpuLimit == null || cpuLimit.isBlank() ? "2" : cpuLimit;
            memoryRequest = memoryRequest == null ? DataSize.ofMegabytes(512) : memoryRequest;
            memoryLimit = memoryLimit == null ? DataSize.ofGigabytes(2) : memoryLimit;
            startTimeout = positive(startTimeout, Duration.ofMinutes(5), "kubernetes.start-timeout");
        }

        /** The image replicas of {@code chainType} run in. */
        public String imageFor(String chainType) {
            return images.getOrDefault(chainType, defaultImage);
        }
    }

    /** Where a Kubernetes replica keeps its data directory. */
    public enum KubernetesData {
        EMPTY_DIR, PERSISTENT_VOLUME_CLAIM
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
