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
 * directory when null).
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
        ReadinessProbe readiness) {

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
    }
}
