package io.chainmonitor.health.check;

import java.time.Instant;

/**
 * One replica's latest state as the health service has it.
 *
 * @param projectId its project
 * @param replicaId the replica
 * @param chainType its chain type
 * @param lifecycle its last lifecycle state (RUNNING, FAILED, …)
 * @param lifecycleAt when that state was announced
 * @param lastMetricAt when its last metric batch arrived; null when none has
 * @param height its last height; null when unknown
 * @param peers its last peer count; null when unknown
 * @param syncing whether it said it was syncing; null when unknown
 * @param rpcAvailable whether its RPC answered the last time; null when unknown
 */
public record ReplicaRow(String projectId, String replicaId, String chainType, String lifecycle, Instant lifecycleAt,
        Instant lastMetricAt, Long height, Integer peers, Boolean syncing, Boolean rpcAvailable) {
}
