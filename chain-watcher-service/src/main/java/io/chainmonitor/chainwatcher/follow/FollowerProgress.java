package io.chainmonitor.chainwatcher.follow;

import java.util.List;
import java.util.Optional;

import io.chainmonitor.chainwatcher.follow.ProgressStore.PublishedBlock;
import io.chainmonitor.chainwatcher.follow.ProgressStore.ReplicaRow;
import io.chainmonitor.chainwatcher.reorg.SeenBlock;

/** Where a follower keeps how far it got: the database in the service ({@link ProgressStore}). */
interface FollowerProgress {

    Optional<ReplicaRow> replica(ReplicaKey key);

    /** The last committed blocks, at most {@code limit}, lowest first. */
    List<SeenBlock> recent(ReplicaKey key, int limit);

    /** Moves the replica to {@code block}, atomically with the block's record. */
    void commit(ReplicaKey key, PublishedBlock block, long orphanedBlocks, int retainedBlocks);
}
