package io.chainmonitor.spawner.supervision;

import java.time.Instant;

import io.chainmonitor.events.project.ReplicaLifecycle.State;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.RunningReplica;

/** Keeps what the supervisor knows of each replica, so that a restarted spawner takes over where this one stopped. */
public interface ReplicaJournal {

    /** Records nothing: for a supervisor whose replicas need not outlive it. */
    ReplicaJournal NONE = (spec, change) -> {
    };

    /** The replica changed: its new state, its process when it runs, and its crash-loop finding's start. */
    void record(ReplicaSpec spec, Change change);

    /**
     * One change of a replica. {@code running} is the runtime's view when known; {@code crashLoopSince} is when its
     * firing crash-loop finding started, null when none fires.
     */
    record Change(State state, RunningReplica running, Integer exitCode, String reason, int restarts,
            Instant crashLoopSince) {
    }
}
