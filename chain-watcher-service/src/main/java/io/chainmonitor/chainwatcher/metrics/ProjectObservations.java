package io.chainmonitor.chainwatcher.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * What the followers of one project's replicas share: the first time any replica received each block hash
 * (propagation delay), which hash each replica has at each height (tip divergence), the addresses seen (new addresses)
 * and when reorgs happened. Every memory is bounded: least recently used hashes, heights and addresses are forgotten
 * first. Thread-safe: the replicas' workers call it concurrently.
 */
public final class ProjectObservations {

    private final Map<String, Instant> firstSeen;
    private final Map<Long, Map<String, String>> hashesByHeight;
    private final Map<String, Boolean> addresses;
    private final Deque<Instant> reorgs = new ArrayDeque<>();
    private int latestDivergence;

    public ProjectObservations(int hashCapacity, int addressCapacity) {
        this.firstSeen = new BoundedLru<>(hashCapacity);
        this.hashesByHeight = new BoundedLru<>(hashCapacity);
        this.addresses = new BoundedLru<>(addressCapacity);
    }

    /**
     * This replica's receive time minus the earliest receive time of the same hash by any replica of the project
     * (zero for the first replica to see it).
     */
    public synchronized Duration propagationDelay(String hash, Instant receivedAt) {
        Instant first = firstSeen.merge(hash, receivedAt, (a, b) -> a.isBefore(b) ? a : b);
        return Duration.between(first, receivedAt);
    }

    /** Records the replica's hash at a height and counts the other replicas holding a different hash there. */
    public synchronized int tipDivergence(long height, String replicaId, String hash) {
        Map<String, String> atHeight = hashesByHeight.computeIfAbsent(height, h -> new HashMap<>());
        atHeight.put(replicaId, hash);
        int different = (int) atHeight.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(replicaId) && !entry.getValue().equals(hash))
                .count();
        latestDivergence = different;
        return different;
    }

    /** Counts the addresses never seen before by this project's watcher and remembers all of them. */
    public synchronized int newAddresses(Collection<String> active) {
        int fresh = 0;
        for (String address : active) {
            if (addresses.put(address, Boolean.TRUE) == null) {
                fresh++;
            }
        }
        return fresh;
    }

    public synchronized void reorgAt(Instant at) {
        reorgs.addLast(at);
        while (reorgs.size() > 10_000) {
            reorgs.removeFirst();
        }
    }

    /** Reorgs seen by any replica of the project at or after {@code since}. */
    public synchronized int reorgsSince(Instant since) {
        reorgs.removeIf(at -> at.isBefore(since));
        return reorgs.size();
    }

    /** The tip divergence the latest processed block had. */
    public synchronized int latestDivergence() {
        return latestDivergence;
    }
}
