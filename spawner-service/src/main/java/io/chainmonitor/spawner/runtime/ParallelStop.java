package io.chainmonitor.spawner.runtime;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Stops many replicas at once: each waits out its own grace period, so one after another would add them up. */
public final class ParallelStop {

    private ParallelStop() {
    }

    /** Runs {@code stop} for every key, each on a virtual thread, and returns once all have returned. */
    public static void all(Collection<ReplicaKey> keys, Consumer<ReplicaKey> stop) {
        CompletableFuture.allOf(List.copyOf(keys).stream()
                .map(key -> CompletableFuture.runAsync(() -> stop.accept(key), Thread.ofVirtual()::start))
                .toArray(CompletableFuture[]::new)).join();
    }
}
