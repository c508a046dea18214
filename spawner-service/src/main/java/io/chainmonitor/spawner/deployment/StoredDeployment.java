package io.chainmonitor.spawner.deployment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chainmonitor.spawner.project.ReplicaSettings;
import io.chainmonitor.spawner.runtime.PortRole;

/**
 * A deployment as the {@code deployment} tables keep it: what it runs, how its last rollout went, and each replica as
 * the supervisor last saw it.
 */
record StoredDeployment(UUID projectId, String chainType, String binarySha256, ReplicaSettings settings,
        Instant deployedAt, LiveDeployment.Rollout rollout, List<Replica> replicas) {

    /**
     * One replica; {@code extraArgs} are the project's extra node arguments it was started with, and
     * {@code crashLoopSince} is set while its crash-loop finding fires.
     */
    record Replica(String replicaId, String location, String runtime, String binarySha256, List<String> extraArgs,
            Map<PortRole, Integer> ports, String state, Long pid, int restarts, Integer lastExitCode, String lastReason,
            Instant crashLoopSince) {

        Replica {
            extraArgs = List.copyOf(extraArgs);
        }

        /** The number in its id, {@code r-<number>}, which orders replicas. */
        int number() {
            return Integer.parseInt(replicaId.substring(replicaId.indexOf('-') + 1));
        }
    }
}
