package io.chainmonitor.spawner.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs replicas on one kind of target: local processes, a Docker host or a Kubernetes cluster. A location maps to a
 * runtime target; {@link #serves(String)} says whether this runtime serves one. Implementations are thread-safe and
 * leave nothing running after {@link #close()}.
 */
public interface ReplicaRuntime extends AutoCloseable {

    RuntimeKind kind();

    /** True when {@code location} is one of this runtime's targets. */
    boolean serves(String location);

    /**
     * Starts the replica and returns once its readiness probe answers (at once without a probe). A replica that
     * exited before is started again on the same ports and data directory.
     *
     * @throws ReplicaRuntimeException if it cannot start or does not become ready in time; nothing is left running
     */
    RunningReplica start(ReplicaSpec spec);

    /**
     * Reserves one port per role for a replica about to be started with them ({@link ReplicaSpec#ports()}); they are
     * released when that replica stops, or by {@link #releasePorts(Map)} if it never starts.
     */
    Map<PortRole, Integer> reservePorts(Set<PortRole> roles);

    /** Gives back ports reserved for a replica that was not started. */
    void releasePorts(Map<PortRole, Integer> ports);

    /** Asks the replica to stop (SIGTERM or its equivalent), forces it after a grace period, and forgets it. */
    void stop(ReplicaKey key);

    /** Kills the replica at once (SIGKILL or its equivalent); it is reported as exited, not forgotten. */
    void kill(ReplicaKey key);

    Optional<RunningReplica> status(ReplicaKey key);

    /** Every replica this runtime knows, running or exited. */
    List<RunningReplica> replicas();

    void addListener(ReplicaListener listener);

    /**
     * What the platform measures for the running replica, when its process is not one this machine sees (no
     * {@link RunningReplica#pid()}); empty for local processes, and when the platform gives nothing.
     */
    default Optional<ResourceUsage> usage(ReplicaKey key) {
        return Optional.empty();
    }

    /** Forgets every replica without stopping it, so that the next spawner re-adopts it. */
    void release();

    /** True when a spawner that shuts down leaves the replicas running ({@code runtime.keep-replicas-on-shutdown}). */
    boolean keepsReplicasOnShutdown();

    /**
     * What the spawner does with the replicas when it shuts down: leaves them running for the next spawner to re-adopt
     * ({@link #release()}), or stops them ({@link #close()}).
     */
    default void shutdown() {
        if (keepsReplicasOnShutdown()) {
            release();
        } else {
            close();
        }
    }

    /** Stops every replica. */
    @Override
    void close();
}
