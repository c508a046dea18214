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
 * {@link ReplicaRuntime#reservePorts(Set)}, so that peers can be told them before the replica starts. {@code files}
 * are written into the data directory before the node starts, readable by its owner only (name → content, with the
 * same placeholders): settings such as RPC passwords that must not show on the command line.
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
        Map<PortRole, Integer> ports,
        Map<String, String> files) {

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
        files = Map.copyOf(files == null ? Map.of() : files);
        files.keySet().forEach(name -> {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException(
                        "file name '" + name + "' must be a plain name in the data directory");
            }
        });
    }

    /** A spec without files. */
    public ReplicaSpec(ReplicaKey key, String chainType, String location, Path executable, List<String> arguments,
            Map<String, String> environment, Path dataDirectory, Set<PortRole> portRoles, ReadinessProbe readiness,
            Map<PortRole, Integer> ports) {
        this(key, chainType, location, executable, arguments, environment, dataDirectory, portRoles, readiness, ports,
                Map.of());
    }

    @Override
    public String toString() {
        // Files may hold secrets.
        return "ReplicaSpec[key=" + key + ", chainType=" + chainType + ", location=" + location + ", executable="
                + executable + ", arguments=" + arguments + ", ports=" + ports + ", files=" + files.keySet() + "]";
    }

    /** A spec whose ports the runtime allocates when it starts the replica. */
    public ReplicaSpec(ReplicaKey key, String chainType, String location, Path executable, List<String> arguments,
            Map<String, String> environment, Path dataDirectory, Set<PortRole> portRoles, ReadinessProbe readiness) {
        this(key, chainType, location, executable, arguments, environment, dataDirectory, portRoles, readiness,
                Map.of(), Map.of());
    }
}
