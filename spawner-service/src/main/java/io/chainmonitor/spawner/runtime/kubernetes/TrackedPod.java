package io.chainmonitor.spawner.runtime.kubernetes;

import java.time.Instant;
import java.util.Map;

import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.spawner.runtime.RuntimeKind;

/** One replica's pod as the runtime knows it, and where it stands. */
final class TrackedPod {

    private final ReplicaKey key;
    private final String chainType;
    private final String name;
    private final Map<PortRole, Integer> ports;
    private final Instant startedAt;
    private final boolean adopted;
    private final String host;
    private volatile String uid;
    private ReplicaState state;
    private Integer exitCode;
    private boolean stopRequested;

    TrackedPod(ReplicaKey key, String chainType, String name, Map<PortRole, Integer> ports, Instant startedAt,
            boolean adopted, String host, ReplicaState state) {
        this.key = key;
        this.chainType = chainType;
        this.name = name;
        this.ports = Map.copyOf(ports);
        this.startedAt = startedAt;
        this.adopted = adopted;
        this.host = host;
        this.state = state;
    }

    ReplicaKey key() {
        return key;
    }

    String name() {
        return name;
    }

    Map<PortRole, Integer> ports() {
        return ports;
    }

    String uid() {
        return uid;
    }

    void uid(String value) {
        uid = value;
    }

    synchronized boolean markRunning() {
        if (state != ReplicaState.STARTING) {
            return false;
        }
        state = ReplicaState.RUNNING;
        return true;
    }

    /** Records the pod's end; true when it was running and nobody asked it to stop (a crash), once. */
    synchronized boolean markExited(Integer code) {
        if (state == ReplicaState.EXITED || state == ReplicaState.STOPPED) {
            return false;
        }
        boolean unexpected = state == ReplicaState.RUNNING && !stopRequested;
        exitCode = code;
        state = stopRequested ? ReplicaState.STOPPED : ReplicaState.EXITED;
        return unexpected;
    }

    synchronized void requestStop() {
        stopRequested = true;
    }

    synchronized boolean isLive() {
        return state == ReplicaState.STARTING || state == ReplicaState.RUNNING;
    }

    synchronized Integer exitCode() {
        return exitCode;
    }

    synchronized RunningReplica snapshot() {
        return new RunningReplica(key, chainType, RuntimeKind.KUBERNETES, null, ports, null, state, exitCode,
                startedAt, adopted, 0, host);
    }
}
