package io.chainmonitor.chainwatcher.overview;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The System Health Overview of one project: per replica where its chain stands, and the project's key values.
 * Values not known yet are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SystemHealthOverview(String projectId, Instant generatedAt, List<ReplicaOverview> replicas,
        KeyValues keyValues) {

    /** One replica: its chain, its node and whether the watcher follows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReplicaOverview(String replicaId, String chainType, String following, Long height, String headHash,
            Instant lastBlockTime, Long blocksBehind, Integer peers, Double rpcLatencySeconds, Long mempoolSize) {
    }

    /**
     * The project's most important values now.
     *
     * @param blockIntervalAverageSeconds average block time over the last blocks of the most advanced replica
     * @param hashrate the network hashrate a replica's node estimates (proof of work)
     * @param reorgsLastHour reorgs any replica saw in the last hour
     * @param tipDivergence replicas holding another hash at the latest processed height
     * @param orphanedBlocks blocks dropped by reorgs, summed over the replicas
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyValues(Double blockIntervalAverageSeconds, Double hashrate, int reorgsLastHour, int tipDivergence,
            long orphanedBlocks, Long bestHeight) {
    }
}
