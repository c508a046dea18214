package io.chainmonitor.spawner.runtime.docker;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.spawner.runtime.RuntimeKind;

/** One replica's container as the runtime knows it, and where it stands. */
final class TrackedContainer {

    private final ReplicaKey key;
    private final String chainType;
    private final DockerEngine engine;
    private final String containerId;
    private final Map<PortRole, Integer> ports;
    private final Path dataDirectory;
    private final Instant startedAt;
    private final boolean adopted;
    private final String host;
    private volatile ContainerLogs logs;
    private Long pid;
    private ReplicaState state;
    private Integer exitCode;
    private boolean stopRequested;

    TrackedContainer(ReplicaKey key, String chainType, DockerEngine engine, String containerId,
            Map<PortRole, Integer> ports, Path dataDirectory, Instant startedAt, boolean adopted, String host,
            ReplicaState state) {
        this.key = key;
        this.chainType = chainType;
        this.engine = engine;
        this.containerId = containerId;
        this.ports = Map.copyOf(ports);
        this.dataDirectory = dataDirectory;
        this.startedAt = startedAt;
        this.adopted = adopted;
        this.host = host;
        this.state = state;
    }

    ReplicaKey key() {
        return key;
    }

    DockerEngine engine() {
        return engine;
    }

    String containerId() {
        return containerId;
    }

    Map<PortRole, Integer> ports() {
        return ports;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    ContainerLogs logs() {
        return logs;
    }

    void follow(ContainerLogs following) {
        this.logs = following;
    }

    synchronized void pid(Long value) {
        pid = value == null || value <= 0 ? null : value;
    }

    synchronized boolean markRunning() {
        if (state != ReplicaState.STARTING) {
            return false;
        }
        state = ReplicaState.RUNNING;
        return true;
    }

    /** Records the container's end; true when it was running and nobody asked it to stop (a crash). */
    synchronized boolean markExited(Integer code) {
        boolean unexpected = state == ReplicaState.RUNNING && !stopRequested;
        exitCode = code;
        pid = null;
        state = stopRequested ? ReplicaState.STOPPED : ReplicaState.EXITED;
        return unexpected;
    }

    synchronized void requestStop() {
        stopRequested = true;
    }

    synchronized boolean stopRequested() {
        return stopRequested;
    }

    synchronized boolean isLive() {
        return state == ReplicaState.STARTING || state == ReplicaState.RUNNING;
    }

    synchronized Integer exitCode() {
        return exitCode;
    }

    synchronized RunningReplica snapshot() {
        return new RunningReplica(key, chainType, RuntimeKind.DOCKER, pid, ports, dataDirectory, state, exitCode,
                startedAt, adopted, 0, host);
    }
}
