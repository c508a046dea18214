package io.chainmonitor.chainwatcher.follow;

import java.time.Instant;

/**
 * What a follower knows about its replica now, for the System Health Overview. Figures not known yet are
 * {@code null}.
 *
 * @param averageBlockInterval seconds between blocks over the blocks the follower holds in its window
 */
public record ReplicaSnapshot(String replicaId, String chainType, FollowingState state, Long height, String headHash,
        Instant lastBlockTime, Long bestHeight, Long blocksBehind, Integer peers, Double rpcLatencySeconds,
        Long mempoolSize, Double hashrate, Double averageBlockInterval) {
}
