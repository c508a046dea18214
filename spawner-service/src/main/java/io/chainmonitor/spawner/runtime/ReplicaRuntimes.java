package io.chainmonitor.spawner.runtime;

import java.util.List;

import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;

/** The runtimes the spawner has, and which one serves a location. */
public final class ReplicaRuntimes {

    private final List<ReplicaRuntime> runtimes;

    public ReplicaRuntimes(List<ReplicaRuntime> runtimes) {
        this.runtimes = List.copyOf(runtimes);
    }

    /** The runtime whose targets include {@code location}; the first one wins. */
    public ReplicaRuntime forLocation(String location) {
        return runtimes.stream().filter(runtime -> runtime.serves(location)).findFirst()
                .orElseThrow(() -> new ReplicaRuntimeException(Reason.UNKNOWN_LOCATION,
                        "no runtime serves location '" + location + "'"));
    }

    public List<ReplicaRuntime> all() {
        return runtimes;
    }
}
