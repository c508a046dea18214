package io.chainmonitor.spawner.runtime.docker;

import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.model.Container;

import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaLabels;

/** The containers on an engine that carry this spawner's managed-by label, running or not. */
final class Leftovers {

    private Leftovers() {
    }

    /** A container found by label; {@code key} is null when its labels name no valid replica. */
    record Found(String containerId, ReplicaKey key, String chainType, String location, Map<PortRole, Integer> ports,
            boolean running) {
    }

    static List<Found> list(DockerEngine engine) {
        List<Container> containers = engine.call("list containers labelled " + ReplicaLabels.MANAGED_BY,
                client -> client.listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(ReplicaLabels.MANAGED_BY, ReplicaLabels.SPAWNER)).exec());
        return containers.stream().map(Leftovers::found).toList();
    }

    private static Found found(Container container) {
        Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
        return new Found(container.getId(), ReplicaLabels.keyOf(labels).orElse(null),
                labels.getOrDefault(ReplicaLabels.CHAIN_TYPE, "unknown"), labels.get(ReplicaLabels.LOCATION),
                ReplicaLabels.ports(labels.get(ReplicaLabels.PORTS)), "running".equals(container.getState()));
    }
}
