package io.chainmonitor.chainwatcher.metrics;

import java.util.Objects;
import java.util.TreeMap;

/**
 * The producers of one replica's last blocks, by height: the share of the window one producer made and how many
 * blocks in a row it made. Keyed by height so that a new branch simply replaces the producers of the old one. The
 * share is of the whole window, so that the first blocks a watcher sees (a young chain, or a follower that just
 * started) are not read as one producer holding all of them; a block whose producer the node does not name is nobody's
 * share. Not thread-safe; owned by one follower's worker.
 */
public final class MinerWindow {

    /** The label value of a block whose producer the node does not name. */
    public static final String UNKNOWN = "unknown";

    private final int size;
    private final TreeMap<Long, String> producers = new TreeMap<>();

    public MinerWindow(int size) {
        this.size = size;
    }

    /** Records the producer of the block at {@code height} (forgetting anything at or above it first). */
    public Share record(long height, String producer) {
        String name = producer == null ? UNKNOWN : producer;
        producers.tailMap(height, true).clear();
        producers.put(height, name);
        while (producers.size() > size) {
            producers.pollFirstEntry();
        }
        if (UNKNOWN.equals(name)) {
            return new Share(name, 0, 0);
        }
        long same = producers.values().stream().filter(name::equals).count();
        int consecutive = 0;
        long expected = height;
        for (var entry : producers.descendingMap().entrySet()) {
            if (entry.getKey() != expected || !Objects.equals(entry.getValue(), name)) {
                break;
            }
            consecutive++;
            expected--;
        }
        return new Share(name, (double) same / size, consecutive);
    }

    /** One producer's share of the window and its run of consecutive blocks ending at the latest one. */
    public record Share(String producer, double share, int consecutive) {
    }
}
