package io.chainmonitor.spawner.runtime;

/** Where a replica stands in its runtime. */
public enum ReplicaState {
    /** Launched, not yet ready. */
    STARTING,
    /** Ready: its readiness probe answered. */
    RUNNING,
    /** Its process ended without being asked to. */
    EXITED,
    /** Stopped on request. */
    STOPPED
}
