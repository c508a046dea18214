package io.chainmonitor.spawner.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A fully resolved launch of one replica. Arguments may hold the placeholders {@code {rpcPort}}, {@code {wsPort}},
 * {@code {p2pPort}} and {@code {dataDir}}, which the runtime fills in with the ports it allocates for
 * {@code portRoles} and the replica's data directory ({@code dataDirectory}, or one under the runtime's data
 * directory when null). {@code ports}, when not empty, are ports reserved beforehand with
 * {@link ReplicaRuntime#reservePorts(Set)}, so that peers can be told them before the replica starts.
 */
public record ReplicaSpec(
        ReplicaKey key,
        String chainType,
        String location,
        Path executable,
        List<String> arguments,
        Map<String, String> environment,
        Path dataDirectory,
        Set<PortRole> portRoles,
        ReadinessProbe readiness,
        Map<PortRole, Integer> ports) {

    public ReplicaSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(chainType, "chainType");
        Objects.requireNonNull(executable, "executable");
        arguments = List.copyOf(arguments == null ? List.of() : arguments);
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        portRoles = Set.copyOf(portRoles == null ? Set.of() : portRoles);
        if (readiness != null && !portRoles.contains(PortRole.RPC)) {
            throw new IllegalArgumentException("a readiness probe needs an RPC port");
        }
        ports = Map.copyOf(ports == null ? Map.of() : ports);
        if (!ports.isEmpty() && !ports.keySet().equals(portRoles)) {
            throw new IllegalArgumentException("reserved ports " + ports.keySet() + " differ from " + portRoles);
        }
    }

    /** A spec whose ports the runtime allocates when it starts the replica. */
    public ReplicaSpec(ReplicaKey key, String chainType, String location, Path executable, List<String> arguments,
            Map<String, String> environment, Path dataDirectory, Set<PortRole> portRoles, ReadinessProbe readiness) {
        this(key, chainType, location, executable, arguments, environment, dataDirectory, portRoles, readiness,
                Map.of());
    }
}
