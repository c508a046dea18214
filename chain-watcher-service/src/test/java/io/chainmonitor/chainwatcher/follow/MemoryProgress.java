package io.chainmonitor.chainwatcher.follow;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.chainmonitor.chainwatcher.follow.ProgressStore.PublishedBlock;
import io.chainmonitor.chainwatcher.follow.ProgressStore.ReplicaRow;
import io.chainmonitor.chainwatcher.reorg.SeenBlock;

/** The follower's progress kept in memory, as the database keeps it; can refuse one commit to stand for a crash. */
final class MemoryProgress implements FollowerProgress {

    private final TreeMap<Long, PublishedBlock> blocks = new TreeMap<>();
    private Long height;
    private String hash;
    private long orphaned;
    private final AtomicInteger failCommitAt = new AtomicInteger(-1);

    /** The commit of the block at this height fails once, after its events were published. */
    void failCommitOnceAt(long height) {
        failCommitAt.set((int) height);
    }

    @Override
    public synchronized Optional<ReplicaRow> replica(ReplicaKey key) {
        return Optional.of(new ReplicaRow(key.replicaId(), "anvil", true, height, hash, orphaned));
    }

    @Override
    public synchronized List<SeenBlock> recent(ReplicaKey key, int limit) {
        if (height == null) {
            return List.of();
        }
        List<SeenBlock> all = blocks.headMap(height, true).values().stream()
                .map(b -> new SeenBlock(b.height(), b.hash(), b.parentHash(), b.blockTime(), b.producer())).toList();
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    @Override
    public synchronized void commit(ReplicaKey key, PublishedBlock block, long orphanedBlocks, int retainedBlocks) {
        if (failCommitAt.compareAndSet((int) block.height(), -1)) {
            throw new IllegalStateException("database went away");
        }
        blocks.tailMap(block.height(), true).clear();
        blocks.put(block.height(), block);
        height = block.height();
        hash = block.hash();
        orphaned = orphanedBlocks;
    }

    synchronized Long height() {
        return height;
    }
}
