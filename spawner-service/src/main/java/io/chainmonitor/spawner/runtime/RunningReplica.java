package io.chainmonitor.spawner.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a runtime knows about a replica it runs: its process id (when the runtime has one), its ports, data directory,
 * state and, once it ended, its exit code; {@code adopted} when a restarted spawner found it running,
 * {@code droppedOutputLines} when its output came faster than listeners took it; {@code host} is where its ports are
 * reached from the spawner (loopback for local processes and containers, a Service name in Kubernetes).
 */
public record RunningReplica(
        ReplicaKey key,
        String chainType,
        RuntimeKind runtime,
        Long pid,
        Map<PortRole, Integer> ports,
        Path dataDirectory,
        ReplicaState state,
        Integer exitCode,
        Instant startedAt,
        boolean adopted,
        long droppedOutputLines,
        String host) {

    /** The host of replicas whose ports are on this machine's loopback. */
    public static final String LOOPBACK = "127.0.0.1";

    public RunningReplica {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(runtime, "runtime");
        ports = Map.copyOf(ports);
        Objects.requireNonNull(state, "state");
        host = host == null || host.isBlank() ? LOOPBACK : host;
    }

    /** A replica whose ports are on loopback. */
    public RunningReplica(ReplicaKey key, String chainType, RuntimeKind runtime, Long pid, Map<PortRole, Integer> ports,
            Path dataDirectory, ReplicaState state, Integer exitCode, Instant startedAt, boolean adopted,
            long droppedOutputLines) {
        this(key, chainType, runtime, pid, ports, dataDirectory, state, exitCode, startedAt, adopted,
                droppedOutputLines, LOOPBACK);
    }

    /** The node's JSON-RPC URL, if it has an RPC port. */
    public String rpcUrl() {
        return ports.containsKey(PortRole.RPC) ? "http://" + host + ":" + ports.get(PortRole.RPC) : null;
    }

    /** The node's WebSocket URL, if it has a WS port. */
    public String wsUrl() {
        return ports.containsKey(PortRole.WS) ? "ws://" + host + ":" + ports.get(PortRole.WS) : null;
    }

    /** The node's P2P address, host:port, if it has a P2P port. */
    public String p2pAddress() {
        return ports.containsKey(PortRole.P2P) ? host + ":" + ports.get(PortRole.P2P) : null;
    }

}
