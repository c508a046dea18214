package io.chainmonitor.spawner.supervision;

import java.time.Instant;
import java.util.concurrent.Future;

import io.chainmonitor.spawner.runtime.ReplicaRuntime;
import io.chainmonitor.spawner.runtime.ReplicaSpec;

/** A replica under supervision: its launch, restarts, crashes and whether its crash-loop finding fires. */
final class SupervisedReplica {

    final ReplicaSpec spec;
    final ReplicaRuntime runtime;
    final CrashLoopDetector crashes;
    boolean active;
    int restarts;
    int restartsSinceStable;
    long generation;
    Future<?> pending;
    Instant findingSince;

    SupervisedReplica(ReplicaSpec spec, ReplicaRuntime runtime, CrashLoopDetector crashes) {
        this.spec = spec;
        this.runtime = runtime;
        this.crashes = crashes;
    }

    /** Cancels a scheduled restart or stability check. */
    void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
