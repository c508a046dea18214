package io.chainmonitor.spawner.runtime;

/** Hears what replicas do: the lines they write and their exits. Called from runtime threads; must not block long. */
public interface ReplicaListener {

    /** A line the replica's node wrote. */
    default void onOutput(ReplicaKey key, OutputLine line) {
    }

    /**
     * The replica's process ended, after it was ready, without being asked to stop. {@code exitCode} is 128 + the
     * signal when it was killed, and null when unknown (a re-adopted process is not the runtime's child).
     */
    default void onExit(ReplicaKey key, Integer exitCode) {
    }
}
