package io.chainmonitor.chainwatcher.reorg;

import java.time.Instant;
import java.util.Objects;

/** A block a replica's follower processed: enough to find fork points and block intervals. */
public record SeenBlock(long height, String hash, String parentHash, Instant blockTime, String producer) {

    public SeenBlock {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(blockTime, "blockTime");
    }
}
