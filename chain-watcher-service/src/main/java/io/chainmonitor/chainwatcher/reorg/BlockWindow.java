package io.chainmonitor.chainwatcher.reorg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The last blocks of one replica's current branch, by height, at most {@code capacity} of them: the reorg detector
 * compares new parents with it. Not thread-safe; owned by one follower's worker.
 */
public final class BlockWindow {

    private final int capacity;
    private final TreeMap<Long, SeenBlock> blocks = new TreeMap<>();

    public BlockWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Adds the block on top, dropping any block at or above its height first (they belonged to a replaced branch). */
    public void add(SeenBlock block) {
        truncateFrom(block.height());
        blocks.put(block.height(), block);
        while (blocks.size() > capacity) {
            blocks.pollFirstEntry();
        }
    }

    /** Forgets every block at or above {@code height}. */
    public void truncateFrom(long height) {
        blocks.tailMap(height, true).clear();
    }

    public Optional<SeenBlock> tip() {
        return Optional.ofNullable(blocks.lastEntry()).map(java.util.Map.Entry::getValue);
    }

    public Optional<SeenBlock> at(long height) {
        return Optional.ofNullable(blocks.get(height));
    }

    /** The lowest height still held, or -1 when empty. */
    public long lowestHeight() {
        return blocks.isEmpty() ? -1 : blocks.firstKey();
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** The blocks above {@code height}, lowest first. */
    public List<SeenBlock> above(long height) {
        return new ArrayList<>(blocks.tailMap(height, false).values());
    }

    /** The held blocks, lowest first. */
    public List<SeenBlock> all() {
        return new ArrayList<>(blocks.values());
    }
}
