package io.chainmonitor.spawner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the spawner-service, under {@code chain-monitor.spawner}.
 *
 * @param locations where replicas may run; one {@code local} process location when none is configured
 * @param binary the node binary store and its upload limits
 * @param outbox how changes recorded in the database reach the broker
 */
@Validated
@ConfigurationProperties("chain-monitor.spawner")
public record SpawnerProperties(List<@Valid Location> locations, @DefaultValue @Valid Binary binary,
        @DefaultValue @Valid Outbox outbox) {

    public SpawnerProperties {
        locations = locations == null || locations.isEmpty()
                ? List.of(new Location("local", Runtime.PROCESS, "localhost"))
                : List.copyOf(locations);
        long names = locations.stream().map(Location::name).distinct().count();
        if (names != locations.size()) {
            throw new IllegalArgumentException("chain-monitor.spawner.locations must have distinct names");
        }
    }

    /** How a location runs its replicas. */
    public enum Runtime {
        PROCESS, DOCKER, KUBERNETES
    }

    /**
     * A named place replicas run in.
     *
     * @param name what projects call it
     * @param runtime how replicas are run there
     * @param target the host, Docker endpoint or Kubernetes region/zone
     */
    public record Location(@NotBlank String name, @NotNull Runtime runtime, String target) {
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
     */
    public record Outbox(@DefaultValue("200ms") Duration pollInterval, @DefaultValue("100") @Positive int batchSize,
            @DefaultValue("10s") Duration sendTimeout) {
    }
}
