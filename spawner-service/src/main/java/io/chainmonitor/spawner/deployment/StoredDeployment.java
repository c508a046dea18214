package io.chainmonitor.spawner.deployment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chainmonitor.spawner.project.ReplicaSettings;
import io.chainmonitor.spawner.runtime.PortRole;

/**
 * A deployment as the {@code deployment} tables keep it: what it runs, and each replica as the supervisor last saw
 * it.
 */
record StoredDeployment(UUID projectId, String chainType, String binarySha256, ReplicaSettings settings,
        Instant deployedAt, List<Replica> replicas) {

    /** One replica; {@code crashLoopSince} is set while its crash-loop finding fires. */
    record Replica(String replicaId, String location, String runtime, String binarySha256, Map<PortRole, Integer> ports,
            String state, Long pid, int restarts, Integer lastExitCode, String lastReason, Instant crashLoopSince) {

        /** The number in its id, {@code r-<number>}, which orders replicas. */
        int number() {
            return Integer.parseInt(replicaId.substring(replicaId.indexOf('-') + 1));
        }
    }
}
