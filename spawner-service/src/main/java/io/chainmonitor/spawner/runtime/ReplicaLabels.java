package io.chainmonitor.spawner.runtime;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The labels the container runtimes put on what they create, so that a restarted spawner finds its replicas (and
 * only its own) again by {@link #MANAGED_BY}.
 */
public final class ReplicaLabels {

    public static final String PROJECT = "io.chainmonitor.project";
    public static final String REPLICA = "io.chainmonitor.replica";
    public static final String CHAIN_TYPE = "io.chainmonitor.chain-type";
    public static final String LOCATION = "io.chainmonitor.location";
    public static final String PORTS = "io.chainmonitor.ports";
    public static final String MANAGED_BY = "io.chainmonitor.managed-by";
    public static final String SPAWNER = "chain-monitor-spawner";

    private ReplicaLabels() {
    }

    /** The labels of a replica: project, replica, chain type, location and managed-by, in that order. */
    public static Map<String, String> of(ReplicaKey key, String chainType, String location) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PROJECT, key.projectId());
        labels.put(REPLICA, key.replicaId());
        labels.put(CHAIN_TYPE, chainType);
        labels.put(LOCATION, location);
        labels.put(MANAGED_BY, SPAWNER);
        return labels;
    }

    /** The replica a set of labels names, when it names one validly. */
    public static Optional<ReplicaKey> keyOf(Map<String, String> labels) {
        if (labels == null || !SPAWNER.equals(labels.get(MANAGED_BY))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReplicaKey(labels.get(PROJECT), labels.get(REPLICA)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Ports written as a label value: {@code p2p-19444.rpc-19443} (sorted; only characters labels allow). */
    public static String ports(Map<PortRole, Integer> ports) {
        return ports.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(port -> port.getKey().name().toLowerCase(java.util.Locale.ROOT) + "-" + port.getValue())
                .collect(Collectors.joining("."));
    }

    /** The ports of a {@link #ports(Map)} label value; roles it does not know are skipped. */
    public static Map<PortRole, Integer> ports(String value) {
        Map<PortRole, Integer> ports = new EnumMap<>(PortRole.class);
        if (value == null || value.isBlank()) {
            return ports;
        }
        for (String entry : value.split("\\.")) {
            int dash = entry.lastIndexOf('-');
            if (dash <= 0) {
                continue;
            }
            try {
                ports.put(PortRole.valueOf(entry.substring(0, dash).toUpperCase(java.util.Locale.ROOT)),
                        Integer.parseInt(entry.substring(dash + 1)));
            } catch (IllegalArgumentException e) {
                // Not one of ours: skipped.
            }
        }
        return ports;
    }

    /** Fills a launch argument's {@code {dataDir}}, port and address placeholders. */
    public static String render(String argument, Map<PortRole, Integer> ports, String dataDirectory,
            NodeAddressing addressing) {
        String result = addressing.fill(argument.replace("{dataDir}", dataDirectory));
        for (Map.Entry<PortRole, Integer> port : ports.entrySet()) {
            result = result.replace(port.getKey().placeholder(), port.getValue().toString());
        }
        return result;
    }
}
